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
 * What may be sold of these variants at active locations (safety stock kept back), and those
 * locations. With `lock`, the stock rows are locked in one fixed order (variant, location) until
 * the transaction ends, so reservations of the same stock queue instead of deadlocking.
 */
export async function sellableStock(
  db: Kysely<Tables>,
  variantIds: string[],
  lock: boolean,
): Promise<{ stock: Sellable; sites: SellableSite[] }> {
  const stock: Sellable = new Map();
  const sites = new Map<string, SellableSite>();
  if (variantIds.length === 0) return { stock, sites: [] };
  let query = db
    .selectFrom('stockLevels')
    .innerJoin('locations', 'locations.id', 'stockLevels.locationId')
    .select([
      'stockLevels.variantId',
      'stockLevels.locationId',
      'stockLevels.onHand',
      'stockLevels.reserved',
      'stockLevels.safetyStock',
      'locations.code',
      'locations.country',
      'locations.region',
      'locations.postalCode',
      'locations.timezone',
      'locations.cutoffTime',
      'locations.workingDays',
    ])
    .where('stockLevels.variantId', 'in', variantIds)
    .where('locations.active', '=', true)
    .orderBy('stockLevels.variantId')
    .orderBy('stockLevels.locationId');
  if (lock) query = query.forUpdate('stockLevels');
  for (const row of await query.execute()) {
    const perLocation = stock.get(row.variantId) ?? new Map<string, number>();
    perLocation.set(row.locationId, Math.max(0, row.onHand - row.reserved - row.safetyStock));
    stock.set(row.variantId, perLocation);
    if (!sites.has(row.locationId)) {
      sites.set(row.locationId, {
        id: row.locationId,
        code: row.code,
        country: row.country,
        region: row.region,
        postalCode: row.postalCode,
        timezone: row.timezone,
        cutoffTime: row.cutoffTime,
        workingDays: row.workingDays,
      });
    }
  }
  return { stock, sites: [...sites.values()].sort((x, y) => (x.id < y.id ? -1 : 1)) };
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
  if (kind === 'release') {
    // Reservations lock their rows first, in (variant, location) order; a release must take them in
    // the same order, or a cancel and a placement could each hold what the other waits for.
    await trx
      .selectFrom('stockLevels')
      .select('variantId')
      .where('variantId', 'in', [...new Set(merged.map((c) => c.variantId))])
      .where('locationId', 'in', [...new Set(merged.map((c) => c.locationId))])
      .orderBy('variantId')
      .orderBy('locationId')
      .forUpdate()
      .execute();
  }
  const values = sql.join(
    merged.map((c) => sql`(${c.variantId}, ${c.locationId}, ${c.quantity}::int, ${newId('mov')})`),
  );
  const condition =
    kind === 'reservation'
      ? sql`s.on_hand - s.reserved - s.safety_stock >= v.quantity`
      : sql`s.reserved >= v.quantity`;
  const sign = kind === 'reservation' ? sql`+` : sql`-`;
  const reason = reference.reason ?? null;
  // One statement: the conditional update and, for each row it changed, its ledger row.
  const { rows } = await sql<{
    variantId: string;
    locationId: string;
    onHand: number;
    reserved: number;
    safetyStock: number;
    reorderPoint: number;
  }>`
    with changed as (
      update stock_levels s set reserved = s.reserved ${sign} v.quantity, updated_at = ${now}
      from (values ${values}) as v (variant_id, location_id, quantity, movement_id)
      where s.variant_id = v.variant_id and s.location_id = v.location_id and ${condition}
      returning s.variant_id, s.location_id, s.on_hand, s.reserved, s.safety_stock, s.reorder_point, v.quantity, v.movement_id
    ), ledger as (
      insert into stock_movements (id, variant_id, location_id, kind, on_hand_delta, reserved_delta, reason,
                                   reference_type, reference_id, actor_kind, actor_id, actor_name, at)
      select movement_id, variant_id, location_id, ${kind}, 0, ${kind === 'reservation' ? sql`quantity` : sql`-quantity`}, ${reason},
             ${reference.type}, ${reference.id}, ${actor.kind}, ${actor.id}, ${actor.name}, ${now}
      from changed
    )
    select variant_id as "variantId", location_id as "locationId", on_hand as "onHand", reserved,
           safety_stock as "safetyStock", reorder_point as "reorderPoint" from changed`.execute(trx);
  if (rows.length !== merged.length) return false;
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
