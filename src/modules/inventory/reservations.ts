import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Stock promised to orders. Reservation is a conditional write: the database adds to `reserved`
 * only while what is left for sale (on hand − reserved − safety stock) covers it, so two buyers
 * can never take the same unit, whatever the number of processes. Each change is a ledger row.
 */

export interface SellableSite {
  id: string;
  code: string;
  country: string;
  region: string | null;
  postalCode: string | null;
  timezone: string;
  cutoffTime: string;
  workingDays: number[];
}

/** Active locations, where orders may be shipped from. */
export async function sellableSites(db: Kysely<Tables>): Promise<SellableSite[]> {
  return db
    .selectFrom('locations')
    .select(['id', 'code', 'country', 'region', 'postalCode', 'timezone', 'cutoffTime', 'workingDays'])
    .where('active', '=', true)
    .orderBy('id')
    .execute();
}

export type Sellable = Map<string, Map<string, number>>;

/**
 * What may be sold of these variants at these locations (safety stock kept back). With `lock`,
 * the rows are locked in one fixed order (variant, location) until the transaction ends, so
 * reservations of the same stock queue instead of deadlocking.
 */
export async function sellableStock(
  db: Kysely<Tables>,
  variantIds: string[],
  locationIds: string[],
  lock: boolean,
): Promise<Sellable> {
  const result: Sellable = new Map();
  if (variantIds.length === 0 || locationIds.length === 0) return result;
  let query = db
    .selectFrom('stockLevels')
    .select(['variantId', 'locationId', 'onHand', 'reserved', 'safetyStock'])
    .where('variantId', 'in', variantIds)
    .where('locationId', 'in', locationIds)
    .orderBy('variantId')
    .orderBy('locationId');
  if (lock) query = query.forUpdate();
  for (const row of await query.execute()) {
    const perLocation = result.get(row.variantId) ?? new Map<string, number>();
    perLocation.set(row.locationId, Math.max(0, row.onHand - row.reserved - row.safetyStock));
    result.set(row.variantId, perLocation);
  }
  return result;
}

export interface StockChange {
  variantId: string;
  locationId: string;
  quantity: number;
}

export interface Reference {
  type: string;
  id: string;
  reason?: string | null;
}

async function change(
  trx: Kysely<Tables>,
  actor: Actor,
  now: Date,
  changes: StockChange[],
  reference: Reference,
  kind: 'reservation' | 'release',
): Promise<boolean> {
  const merged = [
    ...changes
      .filter((c) => c.quantity > 0)
      .reduce((m, c) => {
        const key = `${c.variantId} ${c.locationId}`;
        const prev = m.get(key);
        m.set(key, { ...c, quantity: (prev?.quantity ?? 0) + c.quantity });
        return m;
      }, new Map<string, StockChange>())
      .values(),
  ];
  if (merged.length === 0) return true;
  const values = sql.join(merged.map((c) => sql`(${c.variantId}, ${c.locationId}, ${c.quantity}::int)`));
  const condition =
    kind === 'reservation'
      ? sql`s.on_hand - s.reserved - s.safety_stock >= v.quantity`
      : sql`s.reserved >= v.quantity`;
  const sign = kind === 'reservation' ? sql`+` : sql`-`;
  const { rows } = await sql<{
    variantId: string;
    locationId: string;
    onHand: number;
    reserved: number;
    safetyStock: number;
    reorderPoint: number;
  }>`
    update stock_levels s set reserved = s.reserved ${sign} v.quantity, updated_at = ${now}
    from (values ${values}) as v (variant_id, location_id, quantity)
    where s.variant_id = v.variant_id and s.location_id = v.location_id and ${condition}
    returning s.variant_id as "variantId", s.location_id as "locationId", s.on_hand as "onHand",
              s.reserved, s.safety_stock as "safetyStock", s.reorder_point as "reorderPoint"`.execute(trx);
  if (rows.length !== merged.length) return false;
  await trx
    .insertInto('stockMovements')
    .values(
      merged.map((c) => ({
        id: newId('mov'),
        variantId: c.variantId,
        locationId: c.locationId,
        kind,
        onHandDelta: 0,
        reservedDelta: kind === 'reservation' ? c.quantity : -c.quantity,
        reason: reference.reason ?? null,
        referenceType: reference.type,
        referenceId: reference.id,
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name,
        at: now,
      })),
    )
    .execute();
  if (kind === 'reservation') {
    for (const level of rows) {
      const quantity = merged.find(
        (c) => c.variantId === level.variantId && c.locationId === level.locationId,
      )!.quantity;
      const available = level.onHand - level.reserved - level.safetyStock;
      if (available <= level.reorderPoint && available + quantity > level.reorderPoint) {
        await appendEvent(trx, now, {
          type: 'inventory.low',
          aggregateId: level.variantId,
          payload: {
            variantId: level.variantId,
            locationId: level.locationId,
            available,
            reorderPoint: level.reorderPoint,
          },
        });
      }
    }
  }
  return true;
}

/**
 * Reserves every change or none: false when any level cannot cover it (the caller rolls back;
 * nothing of a failed call is kept by the transaction).
 */
export function reserveStock(
  trx: Kysely<Tables>,
  actor: Actor,
  now: Date,
  changes: StockChange[],
  reference: Reference,
): Promise<boolean> {
  return change(trx, actor, now, changes, reference, 'reservation');
}

/** Gives reserved units back to sale (a cancelled line, an edit that needs fewer). */
export async function releaseStock(
  trx: Kysely<Tables>,
  actor: Actor,
  now: Date,
  changes: StockChange[],
  reference: Reference,
): Promise<void> {
  if (!(await change(trx, actor, now, changes, reference, 'release')))
    throw new Error(`releasing more than is reserved for ${reference.type} ${reference.id}`);
}
