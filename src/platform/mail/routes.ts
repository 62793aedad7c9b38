import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import type { PlatformTables } from '../db/tables.ts';
import { Page } from '../http/pagination.ts';
import { IdParam, problemReplies } from '../http/schemas.ts';
import { getOutgoingMail, listOutgoingMail } from './outgoing.ts';
import { OutgoingMailQuery, OutgoingMailSchema, OutgoingMailSummarySchema } from './schema.ts';

/** The outgoing mail, for the service team: what customers were sent, or would be with SMTP set up. */
export function registerMailRoutes(app: FastifyInstance, deps: { database: Database<PlatformTables> }): void {
  const { database } = deps;
  const tags = ['Outgoing mail'];
  const config = { permission: 'support:read' };
  app.addSchema(OutgoingMailSummarySchema);
  app.addSchema(OutgoingMailSchema);

  app.get<{ Querystring: OutgoingMailQuery }>(
    '/api/v1/outgoing-mail',
    {
      config,
      schema: {
        tags,
        summary: 'List mail sent to customers, newest first; filter by status, record or recipient',
        querystring: OutgoingMailQuery,
        response: { 200: Page(Type.Ref(OutgoingMailSummarySchema)), ...problemReplies(401, 403, 422) },
      },
    },
    async (request) => listOutgoingMail(database.db, request.query),
  );

  const Params = IdParam('mail');
  app.get<{ Params: Static<typeof Params> }>(
    '/api/v1/outgoing-mail/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Get a message with its plain-text and HTML bodies',
        params: Params,
        response: { 200: Type.Ref(OutgoingMailSchema), ...problemReplies(401, 403, 404) },
      },
    },
    async (request) => getOutgoingMail(database.db, request.params.id),
  );
}
