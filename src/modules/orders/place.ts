import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../platform/audit/audit.ts';
import { insertBatches } from '../../platform/db/batch.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { outboxBatch } from '../../platform/events/outbox.ts';
import { Problem } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { findOrCreateCustomer, timelineBatch } from '../customers/index.ts';
import { reserveStock, type Sellable, type SellableSite, sellableStock } from '../inventory/index.ts';
import {
  type AuthorizationResult,
  authorizationRow,
  declined,
  newPaymentId,
  releaseAuthorization,
  requestAuthorization,
} from '../payments/index.ts';
import { type Plan, planAllocation } from './allocation.ts';
import { backlogOf, withoutBacklog } from './backorders.ts';
import type { OrderDeps } from './deps.ts';
import { paymentReviewReason, resolvePaymentReviewJob } from './payment-review.ts';
import { promiseFor } from './promise.ts';
import { type AllocationRow, getOrder, type OrderLineRow, type OrderRow, toReply } from './queries.ts';
import type { OrderReply, PlaceOrderBody } from './schema.ts';
import type { FulfillmentStatus } from './states.ts';
import { type OrderEvent, orderEventRows } from './timeline.ts';
import { type VerifiedOrder, verifyOrder } from './verify.ts';

export type { OrderDeps } from './deps.ts';

export interface PlaceOptions {
  /** The request's Idempotency-Key: the same key from the same caller finds the same order. */
  idempotencyKey?: string | undefined;
}

/** The 409 reply for lines the shop cannot serve, with what is available of each. */
export function outOfStock(shortages: { sku: string; requested: number; available: number }[]): Problem {
  return new Problem(
    'out-of-stock',
    shortages.map((s) => `${s.sku}: ${s.requested} requested, ${s.available} available`).join('; '),
    { extensions: { shortages } },
  );
}

function plan(order: VerifiedOrder, sites: SellableSite[], stock: Sellable, onShortage: string): Plan {
  return planAllocation(
    order.lines.map((l) => ({
      line: l.position,
      variantId: l.variant.variantId,
      quantity: l.quantity,
      mayBackorder: onShortage === 'backorder' && l.variant.backorderable,
    })),
    sites,
    (variantId, locationId) => stock.get(variantId)?.get(locationId) ?? 0,
    order.shippingAddress,
  );
}

function refuseShortages(order: VerifiedOrder, result: Plan): void {
  if (result.shortages.length === 0) return;
  throw outOfStock(
    result.shortages.map((s) => ({
      sku: order.lines[s.line]!.variant.sku,
      requested: s.requested,
      available: s.available,
    })),
  );
}

async function existingOrder(db: Kysely<Tables>, actor: Actor, key: string | undefined) {
  if (!key) return undefined;
  return db
    .selectFrom('orders')
    .select('id')
    .where('placedByKind', '=', actor.kind)
    .where('placedById', '=', actor.id)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

/**
 * Places an order: verify everything, check stock, authorise the payment, then in one short
 * transaction lock the stock rows, allocate, reserve, and write the order with its timeline and
 * events. The provider is never called while stock is locked; if the order cannot be written
 * after all, the authorisation is voided, so a refused order leaves nothing behind.
 */
export async function placeOrder(
  deps: OrderDeps,
  actor: Actor,
  body: PlaceOrderBody,
  options: PlaceOptions = {},
): Promise<OrderReply> {
  const { database, clock, providers } = deps;
  const db = database.db;
  // A repeated Idempotency-Key is answered by the HTTP layer; should its record be gone (a crash
  // between the order and its reply), the orders table's own unique key finds the first order below.
  const verified = await verifyOrder(db, actor, body, clock.now());
  const onShortage = body.onShortage ?? 'reject';
  const variantIds = verified.lines.map((l) => l.variant.variantId);
  // A first look without locks: a sold-out order is refused before the card is touched.
  const first = await sellableStock(db, variantIds, false);
  refuseShortages(verified, plan(verified, first.sites, first.stock, onShortage));

  const orderId = newId('ord');
  let authorization: AuthorizationResult | undefined;
  if (verified.totals.total > 0) {
    authorization = await requestAuthorization(providers, {
      paymentId: newPaymentId(),
      method: body.payment.method,
      token: body.payment.method === 'card' ? body.payment.token : undefined,
      amount: verified.totals.total,
      currency: verified.currency,
    });
    if (authorization.answer?.outcome === 'declined') {
      throw declined({ declineReason: authorization.answer.reason });
    }
  }

  try {
    return await withTransaction(database, (trx) =>
      writeOrder(trx, deps, actor, verified, {
        orderId,
        onShortage,
        authorization,
        key: options.idempotencyKey,
      }),
    );
  } catch (error) {
    if (authorization) {
      await releaseAuthorization(providers, authorization, deps.log);
    }
    if (isUniqueViolation(error, 'orders_idempotency')) {
      const first = await existingOrder(db, actor, options.idempotencyKey);
      if (first) return getOrder(db, first.id);
    }
    throw error;
  }
}

interface WriteContext {
  orderId: string;
  onShortage: string;
  authorization: AuthorizationResult | undefined;
  key: string | undefined;
}

async function writeOrder(
  trx: Kysely<Tables>,
  deps: OrderDeps,
  actor: Actor,
  order: VerifiedOrder,
  ctx: WriteContext,
): Promise<OrderReply> {
  const now = deps.clock.now();
  const { orderId } = ctx;
  const variantIds = order.lines.map((l) => l.variant.variantId);
  const { stock, sites } = await sellableStock(trx, variantIds, true);
  // Units that backordered lines wait for are theirs: a new order does not take them.
  const allocation = plan(
    order,
    sites,
    withoutBacklog(stock, await backlogOf(trx, variantIds)),
    ctx.onShortage,
  );
  refuseShortages(order, allocation);
  const reserved = await reserveStock(
    trx,
    actor,
    now,
    allocation.allocations.map((a) => ({
      variantId: order.lines[a.line]!.variant.variantId,
      locationId: a.locationId,
      quantity: a.quantity,
    })),
    { type: 'order', id: orderId, reason: 'order placed' },
  );
  if (!reserved) throw outOfStock([]);

  const customer =
    order.customer.kind === 'existing'
      ? { ...order.customer, created: false, rows: [] }
      : await findOrCreateCustomer(trx, actor, now, { ...order.customer, address: order.shippingAddress });
  const { promised, priority } = promiseFor(
    { transitDays: order.shippingRate.transitDays, requestedDeliveryDate: order.requestedDeliveryDate },
    allocation.allocations.map((a) => a.locationId),
    sites,
    now,
    customer.tags,
  );
  const answer = ctx.authorization?.answer;
  const paymentReview = ctx.authorization !== undefined && answer === null;
  const status = paymentReview ? 'on_hold' : 'confirmed';
  const paymentStatus = !ctx.authorization
    ? 'captured'
    : answer?.outcome === 'authorized'
      ? 'authorized'
      : 'pending';
  const backorderedUnits = [...allocation.backordered.values()].reduce((a, b) => a + b, 0);
  const fulfillmentStatus: FulfillmentStatus = backorderedUnits > 0 ? 'backordered' : 'unfulfilled';
  // The number is taken last, once stock is reserved: a refused order rarely leaves a gap.
  const { rows } = await sql<{ number: number }>`select nextval('order_numbers')::int8 as number`.execute(
    trx,
  );
  const number = Number(rows[0]!.number);

  const row: OrderRow = {
    id: orderId,
    number,
    channel: order.channel,
    status,
    paymentStatus,
    fulfillmentStatus,
    customerId: customer.id,
    email: order.customer.email ?? customer.email,
    customerName: order.customer.kind === 'buyer' ? order.customer.name : customer.name,
    phone: order.customer.phone ?? customer.phone,
    language: order.customer.language,
    currency: order.currency,
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress,
    shippingMethod: order.shippingRate.method,
    pricesIncludeTax: order.pricesIncludeTax,
    subtotal: order.totals.subtotal,
    discount: order.totals.discount,
    shipping: order.totals.shipping,
    shippingTaxRate: order.shippingTaxRate,
    tax: order.totals.tax,
    total: order.totals.total,
    notes: order.notes,
    requestedDeliveryDate: order.requestedDeliveryDate,
    promisedDeliveryDate: promised,
    priority,
    holdReason: paymentReview ? paymentReviewReason : null,
    cancelReason: null,
    placedByKind: actor.kind,
    placedById: actor.id,
    placedByName: actor.name,
    idempotencyKey: ctx.key ?? null,
    version: 1,
    placedAt: now,
    updatedAt: now,
  };
  const lines: OrderLineRow[] = order.lines.map((l) => ({
    id: newId('oln'),
    orderId,
    position: l.position,
    variantId: l.variant.variantId,
    sku: l.variant.sku,
    title: l.variant.title,
    taxClass: l.variant.taxClass,
    quantity: l.quantity,
    cancelledQuantity: 0,
    backordered: allocation.backordered.get(l.position) ?? 0,
    unitPrice: l.unitPrice,
    discount: l.discount,
    taxRate: l.taxRate,
    tax: order.totals.lines[l.position]!.tax,
    total: order.totals.lines[l.position]!.total,
  }));
  const allocations: AllocationRow[] = allocation.allocations.map((a) => ({
    lineId: lines[a.line]!.id,
    locationId: a.locationId,
    locationCode: sites.find((s) => s.id === a.locationId)!.code,
    quantity: a.quantity,
  }));
  const payments = ctx.authorization ? [authorizationRow(now, orderId, ctx.authorization)] : [];
  const summary = {
    orderId,
    number,
    status,
    paymentStatus,
    fulfillmentStatus,
    total: row.total,
    currency: row.currency,
    customerId: customer.id,
    channel: row.channel,
  };
  const events: OrderEvent[] = [
    {
      kind: 'placed',
      summary: `Order ${number} placed on ${order.channel} by ${actor.name}`,
      data: { total: order.totals.total, currency: order.currency, lines: lines.length },
    },
    paymentReview
      ? {
          kind: 'status',
          summary: 'On hold for payment review',
          from: 'pending',
          to: 'on_hold',
          reason: row.holdReason,
        }
      : { kind: 'status', summary: 'Confirmed', from: 'pending', to: 'confirmed' },
    ...(payments[0]
      ? [
          {
            kind: 'payment' as const,
            summary: `Payment ${payments[0].status}`,
            from: 'pending',
            to: payments[0].status,
          },
        ]
      : []),
    ...(backorderedUnits > 0
      ? [
          {
            kind: 'backorder' as const,
            summary: `${backorderedUnits} units wait for stock`,
            to: 'backordered',
          },
        ]
      : []),
  ];
  // The order and everything written with it, in one statement.
  await insertBatches(trx, [
    ...customer.rows,
    { table: 'orders', rows: [row] },
    { table: 'order_lines', rows: lines },
    {
      table: 'order_allocations',
      rows: allocations.map(({ locationCode: _code, ...a }) => ({ ...a, orderId })),
    },
    { table: 'payments', rows: payments },
    { table: 'order_events', rows: orderEventRows(orderId, actor, now, events) },
    outboxBatch(trx, now, [
      { type: 'order.placed', aggregateId: orderId, payload: summary },
      ...(status === 'confirmed'
        ? [{ type: 'order.confirmed', aggregateId: orderId, payload: summary }]
        : []),
    ]),
    timelineBatch({
      customerId: customer.id,
      kind: 'order',
      summary: `Order ${number} placed (${order.channel})`,
      refType: 'order',
      refId: orderId,
      actorName: actor.name,
      at: now,
    }),
  ]);
  if (paymentReview) {
    await enqueueJob(trx, now, {
      name: resolvePaymentReviewJob,
      payload: { orderId },
      dedupeKey: `${resolvePaymentReviewJob}:${orderId}`,
      runAt: new Date(now.getTime() + 30_000),
    });
  }
  return toReply(row, lines, allocations, payments);
}
