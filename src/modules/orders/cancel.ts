import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { NotFound, Problem, ValidationFailed } from '../../platform/http/problems.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { releaseStock, type StockChange } from '../inventory/index.ts';
import type { OrderDeps } from './deps.ts';
import { computeTotals } from './pricing.ts';
import { getOrder, type OrderLineRow, type OrderRow } from './queries.ts';
import type { OrderReply } from './schema.ts';
import { settleAfterChange, settlePaymentsJob } from './settlement.ts';
import { orderLifecycle } from './states.ts';
import { type OrderEvent, recordOrderEvents } from './timeline.ts';

export interface CancelInput {
  reason: string;
  /** Only these lines, by id, and how many of each; the whole order when absent. */
  lines?: { lineId: string; quantity: number }[] | undefined;
}

/** Orders whose picking has not started may change; after that the warehouse has the goods in hand. */
export function assertEditable(
  order: Pick<OrderRow, 'status' | 'fulfillmentStatus' | 'number'>,
  what: string,
): void {
  if (order.status === 'cancelled' || order.status === 'completed') {
    throw new Problem(
      'invalid-transition',
      `Order ${order.number} is ${order.status}; it cannot be ${what}.`,
      {
        extensions: { status: order.status },
      },
    );
  }
  if (order.status === 'processing' || !['unfulfilled', 'backordered'].includes(order.fulfillmentStatus)) {
    throw new Problem(
      'conflict',
      `Picking of order ${order.number} has started (${order.status}, ${order.fulfillmentStatus}); it can no longer be ${what}. Cancel it in the warehouse or take a return after delivery.`,
      { extensions: { status: order.status, fulfillmentStatus: order.fulfillmentStatus } },
    );
  }
}

export async function lockOrder(trx: Kysely<Tables>, orderId: string): Promise<OrderRow> {
  const order = await trx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw new NotFound('Order', orderId);
  return order;
}

/**
 * Takes `quantity` units off a line: backordered units first (no stock to give back), then
 * reserved ones, from the last allocation made. Returns the stock to release.
 */
export async function shrinkLine(
  trx: Kysely<Tables>,
  line: OrderLineRow,
  quantity: number,
): Promise<{ released: StockChange[]; backordered: number }> {
  const fromBackorder = Math.min(quantity, line.backordered);
  let left = quantity - fromBackorder;
  const allocations = await trx
    .selectFrom('orderAllocations')
    .selectAll()
    .where('lineId', '=', line.id)
    .where('quantity', '>', 0)
    .orderBy('locationId', 'desc')
    .execute();
  const released: StockChange[] = [];
  for (const allocation of allocations) {
    if (left === 0) break;
    const take = Math.min(left, allocation.quantity);
    await trx
      .updateTable('orderAllocations')
      .set({ quantity: allocation.quantity - take })
      .where('lineId', '=', line.id)
      .where('locationId', '=', allocation.locationId)
      .execute();
    released.push({ variantId: line.variantId, locationId: allocation.locationId, quantity: take });
    left -= take;
  }
  return { released, backordered: line.backordered - fromBackorder };
}

/** A line's discount for fewer units: the same share per unit, rounded down. */
export function scaledDiscount(line: Pick<OrderLineRow, 'discount' | 'quantity'>, quantity: number): number {
  return line.quantity === 0 ? 0 : Math.floor((line.discount * quantity) / line.quantity);
}

/** Line and order amounts again after quantities changed; shipping stays what was charged unless nothing is left. */
export function repriced(order: OrderRow, lines: OrderLineRow[]) {
  const nothingLeft = lines.every((l) => l.quantity === 0);
  return computeTotals(
    lines.map((l) => ({
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      discount: l.discount,
      taxRate: l.taxRate,
    })),
    { amount: nothingLeft ? 0 : order.shipping, taxRate: order.shippingTaxRate },
    order.pricesIncludeTax,
    order.currency,
  );
}

/** Writes repriced lines and totals; returns the order row after. */
export async function writeTotals(
  trx: Kysely<Tables>,
  order: OrderRow,
  lines: OrderLineRow[],
  changes: Partial<Pick<OrderRow, 'status' | 'fulfillmentStatus' | 'cancelReason'>>,
  now: Date,
): Promise<OrderRow> {
  const totals = repriced(order, lines);
  for (const [i, line] of lines.entries()) {
    await trx
      .updateTable('orderLines')
      .set({
        quantity: line.quantity,
        cancelledQuantity: line.cancelledQuantity,
        backordered: line.backordered,
        discount: line.discount,
        taxRate: line.taxRate,
        tax: totals.lines[i]!.tax,
        total: totals.lines[i]!.total,
      })
      .where('id', '=', line.id)
      .execute();
  }
  const backordered = lines.some((l) => l.backordered > 0);
  return trx
    .updateTable('orders')
    .set({
      subtotal: totals.subtotal,
      discount: totals.discount,
      shipping: totals.shipping,
      tax: totals.tax,
      total: totals.total,
      fulfillmentStatus: backordered ? 'backordered' : 'unfulfilled',
      ...changes,
      version: order.version + 1,
      updatedAt: now,
    })
    .where('id', '=', order.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Cancels a whole order or some units of its lines, with a reason: reserved stock goes back to
 * sale at once; the payment is voided or refunded for what is no longer owed right after the
 * change commits, and again by a durable job should the provider fail.
 */
export async function cancelOrder(
  deps: OrderDeps,
  actor: Actor,
  orderId: string,
  input: CancelInput,
): Promise<OrderReply> {
  const reason = input.reason.trim();
  await withTransaction(deps.database, async (trx) => {
    const order = await lockOrder(trx, orderId);
    assertEditable(order, 'cancelled');
    const lines = await trx
      .selectFrom('orderLines')
      .selectAll()
      .where('orderId', '=', orderId)
      .orderBy('position')
      .execute();
    const wanted = new Map<string, number>();
    if (input.lines) {
      const errors = input.lines.flatMap((l, i) => {
        const line = lines.find((x) => x.id === l.lineId);
        if (!line)
          return [
            { pointer: `/lines/${i}/lineId`, detail: `${l.lineId} is not a line of order ${order.number}` },
          ];
        if (wanted.has(l.lineId)) return [{ pointer: `/lines/${i}/lineId`, detail: 'is listed twice' }];
        wanted.set(l.lineId, l.quantity);
        if (l.quantity < 1 || l.quantity > line.quantity)
          return [
            {
              pointer: `/lines/${i}/quantity`,
              detail: `must be between 1 and the ${line.quantity} still ordered`,
            },
          ];
        return [];
      });
      if (errors.length > 0) throw new ValidationFailed(errors);
    } else for (const line of lines) if (line.quantity > 0) wanted.set(line.id, line.quantity);

    const now = deps.clock.now();
    const released: StockChange[] = [];
    const after = [];
    const events: OrderEvent[] = [];
    for (const line of lines) {
      const quantity = wanted.get(line.id) ?? 0;
      if (quantity === 0) {
        after.push(line);
        continue;
      }
      const shrunk = await shrinkLine(trx, line, quantity);
      released.push(...shrunk.released);
      const remaining = line.quantity - quantity;
      after.push({
        ...line,
        quantity: remaining,
        cancelledQuantity: line.cancelledQuantity + quantity,
        backordered: shrunk.backordered,
        discount: scaledDiscount(line, remaining),
      });
      events.push({
        kind: 'cancelled',
        summary: `${quantity} × ${line.sku} cancelled`,
        reason,
        data: { lineId: line.id, quantity },
      });
    }
    await releaseStock(trx, actor, now, released, {
      type: 'order',
      id: orderId,
      reason: `cancelled: ${reason}`,
    });
    const whole = after.every((l) => l.quantity === 0);
    if (whole) orderLifecycle.assert(order.status, 'cancelled');
    const row = await writeTotals(
      trx,
      order,
      after,
      whole ? { status: 'cancelled', cancelReason: reason } : {},
      now,
    );
    if (whole)
      events.push({ kind: 'status', summary: 'Cancelled', from: order.status, to: 'cancelled', reason });
    await recordOrderEvents(trx, orderId, actor, now, events);
    await recordAudit(trx, actor, now, {
      action: whole ? 'order.cancelled' : 'order.lines_cancelled',
      subjectType: 'order',
      subjectId: orderId,
      before: { status: order.status, total: order.total, currency: order.currency },
      after: {
        status: row.status,
        total: row.total,
        reason,
        lines: [...wanted].map(([lineId, quantity]) => ({ lineId, quantity })),
      },
    });
    await appendEvent(trx, now, {
      type: whole ? 'order.cancelled' : 'order.updated',
      aggregateId: orderId,
      payload: {
        orderId,
        number: order.number,
        reason,
        total: row.total,
        currency: row.currency,
        lines: [...wanted].map(([lineId, quantity]) => ({ lineId, quantity })),
      },
    });
    await enqueueJob(trx, now, {
      name: settlePaymentsJob,
      payload: { orderId },
      dedupeKey: `${settlePaymentsJob}:${orderId}`,
      runAt: new Date(now.getTime() + 60_000),
    });
  });
  await settleAfterChange(deps, actor, orderId);
  return getOrder(deps.database.db, orderId);
}
