import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access.ts';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { IdParam, problemReplies } from '../../platform/http/schemas.ts';
import { paymentLifecycle } from '../payments/index.ts';
import { cancelOrder } from './cancel.ts';
import type { OrderDeps } from './deps.ts';
import { editOrder } from './edit.ts';
import { placeOrder } from './place.ts';
import { getOrder, orderTimeline, searchOrders } from './queries.ts';
import { EditOrderBody, OrderEventSchema, OrderSchema, PlaceOrderBody } from './schema.ts';
import { fulfillmentLifecycle, orderLifecycle } from './states.ts';
import { channels } from './tables.ts';

const OrderParams = IdParam('ord');
const Order = Type.Ref(OrderSchema);
// Years a shop trades in: 0000-01-01 is a valid ISO date but no database timestamp.
const Day = (description: string) =>
  Type.String({ format: 'date', pattern: '^(19|20|21)[0-9]{2}-', description });
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const OrderListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    status: Type.Optional(literals(orderLifecycle.states)),
    paymentStatus: Type.Optional(literals(paymentLifecycle.states)),
    fulfillmentStatus: Type.Optional(literals(fulfillmentLifecycle.states)),
    channel: Type.Optional(literals(channels)),
    customerId: Type.Optional(Type.String({ pattern: '^cus_[0-9A-HJKMNP-TV-Z]{26}$' })),
    sku: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    placedFrom: Type.Optional(Day('Placed on or after this day (UTC)')),
    placedTo: Type.Optional(Day('Placed before this day (UTC)')),
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Order number, email (prefix) or words of the name' }),
    ),
  }),
]);

export function registerOrderRoutes(app: FastifyInstance, deps: OrderDeps): void {
  const db = deps.database.db;
  app.addSchema(OrderSchema);
  app.addSchema(OrderEventSchema);
  const tags = ['Orders'];

  app.post<{ Body: Static<typeof PlaceOrderBody> }>(
    '/api/v1/orders',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Place an order: verified, priced, paid and reserved in one call',
        description:
          'API keys place `web`, `marketplace` and `api` orders; signed-in staff key in `phone`, `email`, `pos` and `manual` ones. ' +
          'Send an `Idempotency-Key` so a retried request never places a second order. Every problem with the request is ' +
          'reported at once (422); missing stock is a 409 `out-of-stock` problem listing each short SKU, unless ' +
          '`onShortage` is `backorder` and the variant allows it; a declined card is a 402 with the reason. ' +
          'A refused order leaves nothing behind: no order, no reservation, no payment.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 255 })) }),
        body: PlaceOrderBody,
        response: { 201: Order, ...problemReplies(402, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const order = await placeOrder({ ...deps, log: request.log }, actorOf(request), request.body, {
        idempotencyKey: typeof key === 'string' ? key : undefined,
      });
      return reply.code(201).header('location', `/api/v1/orders/${order.id}`).send(order);
    },
  );

  app.get<{ Querystring: Static<typeof OrderListQuery> }>(
    '/api/v1/orders',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: 'Orders, newest first, with filters and search',
        querystring: OrderListQuery,
        response: { 200: Page(Order) },
      },
    },
    async (request) => searchOrders(db, request.query),
  );

  app.get<{ Params: Static<typeof OrderParams> }>(
    '/api/v1/orders/:id',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: 'One order with its lines, allocations, payments and totals',
        params: OrderParams,
        response: { 200: Order, ...problemReplies(404) },
      },
    },
    async (request) => getOrder(db, request.params.id),
  );

  app.get<{ Params: Static<typeof OrderParams> }>(
    '/api/v1/orders/:id/timeline',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: "The order's timeline, oldest first: every transition and change with who, when and why",
        params: OrderParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref(OrderEventSchema)) }),
          ...problemReplies(404),
        },
      },
    },
    async (request) => {
      await getOrder(db, request.params.id);
      return { items: await orderTimeline(db, request.params.id) };
    },
  );

  const CancelBody = Type.Object(
    {
      reason: Type.String({
        minLength: 1,
        maxLength: 500,
        pattern: '\\S',
        examples: ['customer changed their mind'],
      }),
      lines: Type.Optional(
        Type.Array(
          Type.Object(
            {
              lineId: Type.String({ pattern: '^oln_[0-9A-HJKMNP-TV-Z]{26}$' }),
              quantity: Type.Integer({ examples: [1] }),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 250 },
        ),
      ),
    },
    { additionalProperties: false },
  );
  app.post<{ Params: Static<typeof OrderParams>; Body: Static<typeof CancelBody> }>(
    '/api/v1/orders/:id/cancel',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Cancel the whole order, or some units of some lines, with a reason',
        description:
          'Reserved stock goes back to sale at once; the authorisation is voided (or reduced) and captured money refunded ' +
          'for what is no longer owed. Refused with 409 once picking has started.',
        params: OrderParams,
        body: CancelBody,
        response: { 200: Order, ...problemReplies(404, 409, 422) },
      },
    },
    async (request) =>
      cancelOrder({ ...deps, log: request.log }, actorOf(request), request.params.id, request.body),
  );

  app.patch<{ Params: Static<typeof OrderParams>; Body: Static<typeof EditOrderBody> }>(
    '/api/v1/orders/:id',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Edit an order before picking starts: quantities, lines, shipping address or method',
        description:
          'Send `lines` as the complete new set (SKUs left out are removed). Repriced and re-reserved; when the total rises ' +
          'on a card order, `payment` authorises the difference; when it falls, the authorisation is reduced or money refunded. ' +
          'Send the `version` you saw: if someone changed the order meanwhile the reply is 409. After picking started, 409.',
        params: OrderParams,
        body: EditOrderBody,
        response: { 200: Order, ...problemReplies(402, 404, 409, 422) },
      },
    },
    async (request) =>
      editOrder({ ...deps, log: request.log }, actorOf(request), request.params.id, request.body),
  );
}
