import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import type { PlatformTables } from '../db/tables.ts';
import { Page, PageQuery } from '../http/pagination.ts';
import { problemReplies, Timestamp } from '../http/schemas.ts';
import { listAudit } from './audit.ts';

export const AuditEntry = Type.Object(
  {
    id: Type.String(),
    actorKind: Type.Union([Type.Literal('staff'), Type.Literal('api_key'), Type.Literal('system')]),
    actorId: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.String({ examples: ['Olivia Owner'] }),
    action: Type.String({ examples: ['product.price_changed'] }),
    subjectType: Type.String({ examples: ['variant'] }),
    subjectId: Type.String(),
    before: Type.Unknown({ description: 'The state before the change (null for a creation)' }),
    after: Type.Unknown({ description: 'The state after the change (null for a deletion)' }),
    requestId: Type.Union([Type.String(), Type.Null()]),
    at: Timestamp,
  },
  { $id: 'AuditEntry' },
);

const Query = Type.Composite([
  PageQuery,
  Type.Object({
    subjectType: Type.Optional(Type.String({ maxLength: 50 })),
    subjectId: Type.Optional(Type.String({ maxLength: 100 })),
    actorId: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
  }),
]);

export function registerAuditRoutes(app: FastifyInstance, database: Database<PlatformTables>): void {
  app.addSchema(AuditEntry);
  app.get<{ Querystring: Static<typeof Query> }>(
    '/api/v1/audit-log',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['Audit log'],
        summary:
          'Changes to money, stock, prices, permissions and customer data: who, what, when, before and after',
        querystring: Query,
        response: { 200: Page(Type.Ref(AuditEntry)), ...problemReplies(401, 403) },
      },
    },
    async (request) => listAudit(database.db, request.query),
  );
}
