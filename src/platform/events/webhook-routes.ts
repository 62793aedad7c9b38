import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { PlatformTables } from '../db/tables.ts';
import { Page, PageQuery } from '../http/pagination.ts';
import { IdParam, problemReplies, Timestamp } from '../http/schemas.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookDelivery,
  updateWebhookEndpoint,
} from './webhooks.ts';

const EventTypes = Type.Array(
  Type.String({ pattern: '^(\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.\\*)?)$', maxLength: 100 }),
  {
    minItems: 1,
    maxItems: 100,
    description: 'Event types to receive: exact (`order.placed`), a family (`order.*`) or everything (`*`).',
    examples: [['order.placed', 'order.cancelled']],
  },
);
const Url = Type.String({
  format: 'uri',
  // http(s), and no user:password@ in the address: credentials belong in the signature, not the URL.
  pattern: '^https?://[^/?#@]+([/?#].*)?$',
  maxLength: 2000,
  description: 'Where events are POSTed (http or https, without credentials in the address).',
  examples: ['https://shop.example.com/hooks/ordo'],
});
const Description = Type.String({ maxLength: 500 });

const Endpoint = Type.Object(
  {
    id: Type.String({ examples: ['whk_01JDQ6Y3M5W9X8Z2A4B6C8D0EF'] }),
    url: Type.String(),
    description: Type.String(),
    eventTypes: Type.Array(Type.String()),
    enabled: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'WebhookEndpoint' },
);
const CreatedEndpoint = Type.Composite([
  Type.Omit(Endpoint, []),
  Type.Object({
    secret: Type.String({
      description: 'Signing secret (Standard Webhooks `whsec_…`). Shown only in this reply: store it now.',
    }),
  }),
]);
const DeliveryState = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('retrying'),
  Type.Literal('dead'),
]);
const Delivery = Type.Object(
  {
    id: Type.String({
      description: 'Also the `webhook-id` header the receiver sees; the same on every retry.',
    }),
    endpointId: Type.String(),
    eventId: Type.String(),
    eventType: Type.String(),
    state: DeliveryState,
    attempts: Type.Integer(),
    lastStatus: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
    deliveredAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'WebhookDelivery' },
);

const CreateBody = Type.Object(
  {
    url: Url,
    description: Type.Optional(Description),
    eventTypes: EventTypes,
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const UpdateBody = Type.Partial(CreateBody, { additionalProperties: false, minProperties: 1 });
const DeliveriesQuery = Type.Composite([PageQuery, Type.Object({ state: Type.Optional(DeliveryState) })]);

export function registerWebhookRoutes(
  app: FastifyInstance,
  deps: { database: Database<PlatformTables>; clock: Clock },
): void {
  const { database, clock } = deps;
  const tags = ['Webhooks'];
  const config = { permission: 'webhooks:manage' };
  app.addSchema(Endpoint);
  app.addSchema(Delivery);

  app.post<{ Body: Static<typeof CreateBody> }>(
    '/api/v1/webhook-endpoints',
    {
      config: { ...config, idempotency: 'secret-reply' },
      schema: {
        tags,
        summary: 'Register a webhook endpoint',
        body: CreateBody,
        response: { 201: CreatedEndpoint, ...problemReplies(422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWebhookEndpoint(database, clock, request.body)),
  );

  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/api/v1/webhook-endpoints',
    {
      config,
      schema: {
        tags,
        summary: 'List webhook endpoints',
        querystring: PageQuery,
        response: { 200: Page(Type.Ref(Endpoint)) },
      },
    },
    async (request) => listWebhookEndpoints(database.db, request.query),
  );

  const EndpointParams = IdParam('whk');
  app.get<{ Params: Static<typeof EndpointParams> }>(
    '/api/v1/webhook-endpoints/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Get a webhook endpoint',
        params: EndpointParams,
        response: { 200: Type.Ref(Endpoint), ...problemReplies(404) },
      },
    },
    async (request) => getWebhookEndpoint(database.db, request.params.id),
  );

  app.patch<{ Params: Static<typeof EndpointParams>; Body: Static<typeof UpdateBody> }>(
    '/api/v1/webhook-endpoints/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a webhook endpoint (URL, event types, enable or disable)',
        params: EndpointParams,
        body: UpdateBody,
        response: { 200: Type.Ref(Endpoint), ...problemReplies(404, 422) },
      },
    },
    async (request) => updateWebhookEndpoint(database, clock, request.params.id, request.body),
  );

  app.delete<{ Params: Static<typeof EndpointParams> }>(
    '/api/v1/webhook-endpoints/:id',
    {
      config,
      schema: { tags, summary: 'Delete a webhook endpoint and its delivery history', params: EndpointParams },
    },
    async (request, reply) => {
      await deleteWebhookEndpoint(database.db, request.params.id);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: Static<typeof EndpointParams>; Querystring: Static<typeof DeliveriesQuery> }>(
    '/api/v1/webhook-endpoints/:id/deliveries',
    {
      config,
      schema: {
        tags,
        summary: 'List deliveries to an endpoint, newest first; filter by state=dead for dead letters',
        params: EndpointParams,
        querystring: DeliveriesQuery,
        response: { 200: Page(Type.Ref(Delivery)), ...problemReplies(404) },
      },
    },
    async (request) => listWebhookDeliveries(database.db, request.params.id, request.query),
  );

  const DeliveryParams = IdParam('msg');
  app.post<{ Params: Static<typeof DeliveryParams> }>(
    '/api/v1/webhook-deliveries/:id/resend',
    {
      config,
      schema: {
        tags,
        summary: 'Send a delivered or dead delivery again',
        params: DeliveryParams,
        response: { 202: Type.Ref(Delivery), ...problemReplies(404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await resendWebhookDelivery(database, clock, request.params.id)),
  );
}
