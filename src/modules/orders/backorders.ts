import { type Kysely, sql } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { Subscriber } from '../../platform/events/dispatcher.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import type { JobRegistry } from '../../platform/jobs/queue.ts';
import { variantIdsBySku } from '../catalog/index.ts';
import { reserveStock, type Sellable, sellableSites, sellableStock } from '../inventory/index.ts';
import { planAllocation } from './allocation.ts';
import type { OrderDeps } from './deps.ts';
import { addAllocations, repromise } from './holdings.ts';
import { recordOrderEvents } from './timeline.ts';

/**
 * Backorders are served first: units that waiting lines need are not sold to new orders
 * (`withoutBacklog`), and when stock arrives the waiting lines take it in order of their order's
 * priority, then age. Each line is allocated in a transaction of its own.
 */
export const allocateBackordersJob = 'orders.allocate-backorders';

/** What `order.backorder_allocated` carries: units of one line that arrived and were reserved. */
export interface BackorderAllocated {
  orderId: string;
  number: number;
  sku: string;
  /** Units reserved for the line just now. */
  units: number;
  /** Units of the line that still wait. */
  stillWaiting: number;
  /** Nothing of the order waits any more. */
  complete: boolean;
}

/** Units that backordered lines wait for, per variant. */
export async function backlogOf(db: Kysely<Tables>, variantIds: string[]): Promise<Map<string, number>> {
  if (variantIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('orderLines')
    .select(['variantId', (eb) => eb.fn.sum<number>('backordered').as('waiting')])
    .where('variantId', 'in', variantIds)
    .where('backordered', '>', 0)
    .groupBy('variantId')
    .execute();
  return new Map(rows.map((r) => [r.variantId, Number(r.waiting)]));
}

/** Sellable stock less what waiting lines need, taken from the locations in a fixed order. */
export function withoutBacklog(stock: Sellable, backlog: Map<string, number>): Sellable {
  const result: Sellable = new Map();
  for (const [variantId, perLocation] of stock) {
    let owed = backlog.get(variantId) ?? 0;
    const next = new Map<string, number>();
    for (const [locationId, available] of [...perLocation].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const kept = Math.min(owed, available);
      owed -= kept;
      next.set(locationId, available - kept);
    }
    result.set(variantId, next);
  }
  return result;
}

/** Gives waiting lines the stock there is; returns the units allocated. */
export async function allocateBackorders(
  deps: OrderDeps,
  actor: Actor,
  variantIds?: string[],
): Promise<number> {
  const db = deps.database.db;
  let query = db
    .selectFrom('orderLines')
    .innerJoin('orders', 'orders.id', 'orderLines.orderId')
    .select(['orderLines.id', 'orderLines.orderId'])
    .where('orderLines.backordered', '>', 0)
    .where('orders.status', 'in', ['pending', 'confirmed', 'on_hold'])
    .orderBy('orders.priority', 'desc')
    .orderBy('orders.placedAt')
    .orderBy('orderLines.position')
    .limit(1000);
  if (variantIds) {
    if (variantIds.length === 0) return 0;
    query = query.where('orderLines.variantId', 'in', variantIds);
  }
  let allocated = 0;
  for (const candidate of await query.execute()) {
    allocated += await withTransaction(deps.database, (trx) => allocateLine(trx, deps, actor, candidate));
  }
  return allocated;
}

async function allocateLine(
  trx: Kysely<Tables>,
  deps: OrderDeps,
  actor: Actor,
  candidate: { id: string; orderId: string },
): Promise<number> {
  const order = await trx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', candidate.orderId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const line = await trx
    .selectFrom('orderLines')
    .selectAll()
    .where('id', '=', candidate.id)
    .executeTakeFirstOrThrow();
  if (line.backordered === 0 || !['pending', 'confirmed', 'on_hold'].includes(order.status)) return 0;
  const { stock, sites } = await sellableStock(trx, [line.variantId], true);
  const plan = planAllocation(
    [{ line: 0, variantId: line.variantId, quantity: line.backordered, mayBackorder: true }],
    sites,
    (variantId, locationId) => stock.get(variantId)?.get(locationId) ?? 0,
    order.shippingAddress,
  );
  const units = plan.allocations.reduce((s, a) => s + a.quantity, 0);
  if (units === 0) return 0;
  const now = deps.clock.now();
  const reserved = await reserveStock(
    trx,
    actor,
    now,
    plan.allocations.map((a) => ({
      variantId: line.variantId,
      locationId: a.locationId,
      quantity: a.quantity,
    })),
    { type: 'order', id: order.id, reason: 'backorder filled' },
  );
  if (!reserved) throw new Error(`stock locked for backorder ${line.id} changed under the lock`);
  await addAllocations(
    trx,
    order.id,
    plan.allocations.map((a) => ({ lineId: line.id, locationId: a.locationId, quantity: a.quantity })),
  );
  await trx
    .updateTable('orderLines')
    .set({ backordered: line.backordered - units })
    .where('id', '=', line.id)
    .execute();
  const { rows } = await sql<{ waiting: number }>`
    select coalesce(sum(backordered), 0)::int as waiting from order_lines where order_id = ${order.id}`.execute(
    trx,
  );
  const complete = rows[0]!.waiting === 0;
  const shipping = await trx
    .selectFrom('shippingRates')
    .select('transitDays')
    .where('method', '=', order.shippingMethod)
    .where('country', '=', order.shippingAddress.country)
    .where('currency', '=', order.currency)
    .executeTakeFirst();
  const { promised, priority } = await repromise(
    trx,
    order,
    shipping?.transitDays ?? 5,
    await sellableSites(trx),
    now,
  );
  await trx
    .updateTable('orders')
    .set({
      ...(complete && order.fulfillmentStatus === 'backordered'
        ? { fulfillmentStatus: 'unfulfilled' as const }
        : {}),
      promisedDeliveryDate: complete ? promised : order.promisedDeliveryDate,
      priority: Math.max(order.priority, priority),
      version: order.version + 1,
      updatedAt: now,
    })
    .where('id', '=', order.id)
    .execute();
  await recordOrderEvents(trx, order.id, actor, now, [
    {
      kind: 'backorder',
      summary: `${units} × ${line.sku} arrived and reserved${complete ? '; nothing waits any more' : `; ${line.backordered - units} still wait`}`,
      ...(complete ? { from: 'backordered', to: 'unfulfilled' } : {}),
    },
  ]);
  await appendEvent<BackorderAllocated>(trx, now, {
    type: 'order.backorder_allocated',
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      number: order.number,
      sku: line.sku,
      units,
      stillWaiting: line.backordered - units,
      complete,
    },
  });
  return units;
}

/** Runs when goods arrive, and every ten minutes for stock that came by count, transfer or import. */
export function defineBackorderWork(jobs: JobRegistry, deps: OrderDeps): Subscriber {
  jobs.define<{ variantIds?: string[] }>({
    name: allocateBackordersJob,
    maxAttempts: 5,
    handle: async ({ variantIds } = {}) => {
      await allocateBackorders(deps, systemActor, variantIds);
    },
  });
  return {
    name: 'orders.backorders-on-receipt',
    events: ['inventory.received'],
    handle: async (event) => {
      const { lines } = event.payload as { lines: { sku: string }[] };
      const ids = await variantIdsBySku(
        deps.database.db,
        lines.map((l) => l.sku),
      );
      await allocateBackorders(deps, systemActor, [...ids.values()]);
    },
  };
}
