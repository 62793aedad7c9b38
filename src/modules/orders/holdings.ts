import type { Kysely } from 'kysely';
import type { Tables } from '../../platform/db/tables.ts';
import type { SellableSite } from '../inventory/index.ts';
import { promiseFor } from './promise.ts';
import type { OrderRow } from './queries.ts';

/** What an order holds where: adding to it, and what follows from it. */

/** Adds units to lines' allocations in one statement (one row per line and location). */
export async function addAllocations(
  trx: Kysely<Tables>,
  orderId: string,
  allocations: { lineId: string; locationId: string; quantity: number }[],
): Promise<void> {
  const merged = new Map<string, { lineId: string; locationId: string; quantity: number }>();
  for (const a of allocations) {
    const key = `${a.lineId} ${a.locationId}`;
    merged.set(key, { ...a, quantity: (merged.get(key)?.quantity ?? 0) + a.quantity });
  }
  if (merged.size === 0) return;
  await trx
    .insertInto('orderAllocations')
    .values([...merged.values()].map((a) => ({ ...a, orderId })))
    .onConflict((oc) =>
      oc.columns(['lineId', 'locationId']).doUpdateSet((eb) => ({
        quantity: eb('orderAllocations.quantity', '+', eb.ref('excluded.quantity')),
      })),
    )
    .execute();
}

/** When the order will now arrive and how urgent it is, from the locations that hold its stock. */
export async function repromise(
  trx: Kysely<Tables>,
  order: Pick<OrderRow, 'id' | 'customerId' | 'requestedDeliveryDate'>,
  transitDays: number,
  sites: SellableSite[],
  now: Date,
): Promise<{ promised: string | null; priority: number }> {
  const used = await trx
    .selectFrom('orderAllocations')
    .select('locationId')
    .where('orderId', '=', order.id)
    .where('quantity', '>', 0)
    .execute();
  const customer = await trx
    .selectFrom('customers')
    .select('tags')
    .where('id', '=', order.customerId)
    .executeTakeFirstOrThrow();
  return promiseFor(
    { transitDays, requestedDeliveryDate: order.requestedDeliveryDate },
    used.map((u) => u.locationId),
    sites,
    now,
    customer.tags,
  );
}
