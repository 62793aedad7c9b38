import { type Kysely, type Selectable, sql } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import { Problem, ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { variantIdsBySku } from '../catalog/index.ts';
import type { MovementKind, StockLevelsTable } from './tables.ts';

export type StockDatabase = Database<Tables>;
export type StockLevel = Selectable<StockLevelsTable>;

export interface StockLine {
  sku: string;
  quantity: number;
}

export interface Movement {
  variantId: string;
  locationId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reason?: string | null;
  referenceType?: string | null;
  referenceId?: string | null;
}

export class InsufficientStock extends Problem {
  constructor(shortages: { sku: string; locationId: string; requested: number; available: number }[]) {
    super(
      'out-of-stock',
      shortages
        .map((s) => `${s.sku}: ${s.requested} requested, ${s.available} available at ${s.locationId}`)
        .join('; '),
      { extensions: { shortages } },
    );
  }
}

/** The variant ids of the lines' SKUs, or a 422 naming every unknown SKU. */
export async function resolveSkus(
  db: Kysely<Tables>,
  lines: StockLine[],
  pointer = '/lines',
): Promise<Map<string, string>> {
  const ids = await variantIdsBySku(db, [...new Set(lines.map((l) => l.sku))]);
  const unknown = lines.flatMap((line, i) =>
    ids.has(line.sku)
      ? []
      : [{ pointer: `${pointer}/${i}/sku`, detail: `${line.sku} is not a SKU in the catalog` }],
  );
  if (unknown.length > 0) throw new ValidationFailed(unknown);
  return ids;
}

export async function assertLocation(db: Kysely<Tables>, id: string, pointer: string): Promise<void> {
  const location = await db
    .selectFrom('locations')
    .select(['id', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!location) throw new ValidationFailed([{ pointer, detail: `${id} is not a location` }]);
  if (!location.active) throw new ValidationFailed([{ pointer, detail: `${id} is closed` }]);
}

/**
 * Applies one movement: a conditional update that the database refuses if stock would go
 * negative or be promised twice, and the ledger row that explains it, in the caller's
 * transaction. Returns the level after, or null when the condition failed (nothing written).
 */
export async function applyMovement(
  trx: Kysely<Tables>,
  actor: Actor,
  now: Date,
  movement: Movement,
): Promise<StockLevel | null> {
  await trx
    .insertInto('stockLevels')
    .values({
      variantId: movement.variantId,
      locationId: movement.locationId,
      onHand: 0,
      reserved: 0,
      safetyStock: 0,
      reorderPoint: 0,
      bin: null,
      updatedAt: now,
    })
    .onConflict((oc) => oc.columns(['variantId', 'locationId']).doNothing())
    .execute();
  const level = await trx
    .updateTable('stockLevels')
    .set((eb) => ({
      onHand: eb('onHand', '+', movement.onHandDelta),
      reserved: eb('reserved', '+', movement.reservedDelta),
      updatedAt: now,
    }))
    .where('variantId', '=', movement.variantId)
    .where('locationId', '=', movement.locationId)
    .where(sql<boolean>`on_hand + ${movement.onHandDelta} >= reserved + ${movement.reservedDelta}`)
    .where(sql<boolean>`reserved + ${movement.reservedDelta} >= 0`)
    // Beyond what an integer column holds is no stock a shop has: refused like any impossible change.
    .where(sql<boolean>`on_hand::bigint + ${movement.onHandDelta} <= 2147483647`)
    .returningAll()
    .executeTakeFirst();
  if (!level) return null;
  await trx
    .insertInto('stockMovements')
    .values({
      id: newId('mov'),
      variantId: movement.variantId,
      locationId: movement.locationId,
      kind: movement.kind,
      onHandDelta: movement.onHandDelta,
      reservedDelta: movement.reservedDelta,
      reason: movement.reason ?? null,
      referenceType: movement.referenceType ?? null,
      referenceId: movement.referenceId ?? null,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      at: now,
    })
    .execute();
  const available = level.onHand - level.reserved - level.safetyStock;
  const before = available - (movement.onHandDelta - movement.reservedDelta);
  if (available <= level.reorderPoint && before > level.reorderPoint) {
    await appendEvent(trx, now, {
      type: 'inventory.low',
      aggregateId: movement.variantId,
      payload: {
        variantId: movement.variantId,
        locationId: movement.locationId,
        available,
        reorderPoint: level.reorderPoint,
      },
    });
  }
  return level;
}

/**
 * Creates the levels a change will touch and locks them in one fixed order (variant, location),
 * so two changes touching the same levels in another order wait for each other instead of
 * deadlocking.
 */
async function lockLevels(
  trx: Kysely<Tables>,
  keys: { variantId: string; locationId: string }[],
  now: Date,
): Promise<void> {
  const unique = [...new Map(keys.map((k) => [`${k.variantId} ${k.locationId}`, k])).values()].sort((a, b) =>
    a.variantId === b.variantId
      ? a.locationId.localeCompare(b.locationId)
      : a.variantId.localeCompare(b.variantId),
  );
  if (unique.length === 0) return;
  await trx
    .insertInto('stockLevels')
    .values(
      unique.map((k) => ({
        ...k,
        onHand: 0,
        reserved: 0,
        safetyStock: 0,
        reorderPoint: 0,
        bin: null,
        updatedAt: now,
      })),
    )
    .onConflict((oc) => oc.columns(['variantId', 'locationId']).doNothing())
    .execute();
  for (const key of unique) {
    await trx
      .selectFrom('stockLevels')
      .select('variantId')
      .where('variantId', '=', key.variantId)
      .where('locationId', '=', key.locationId)
      .forUpdate()
      .execute();
  }
}

async function availableAt(trx: Kysely<Tables>, variantId: string, locationId: string): Promise<number> {
  const level = await trx
    .selectFrom('stockLevels')
    .select(['onHand', 'reserved'])
    .where('variantId', '=', variantId)
    .where('locationId', '=', locationId)
    .executeTakeFirst();
  return level ? level.onHand - level.reserved : 0;
}

export interface Receipt {
  locationId: string;
  lines: StockLine[];
  reference?: string | undefined;
}

/** Goods arrived at a location: on hand goes up, one ledger row per line. */
export async function receiveStock(
  database: StockDatabase,
  clock: Clock,
  actor: Actor,
  input: Receipt,
): Promise<StockLevel[]> {
  return withTransaction(database, async (trx) => {
    await assertLocation(trx, input.locationId, '/locationId');
    const ids = await resolveSkus(trx, input.lines);
    const now = clock.now();
    await lockLevels(
      trx,
      input.lines.map((l) => ({ variantId: ids.get(l.sku)!, locationId: input.locationId })),
      now,
    );
    const levels: StockLevel[] = [];
    for (const line of input.lines) {
      const level = await applyMovement(trx, actor, now, {
        variantId: ids.get(line.sku)!,
        locationId: input.locationId,
        kind: 'receipt',
        onHandDelta: line.quantity,
        reservedDelta: 0,
        reason: input.reference ? `receipt ${input.reference}` : 'receipt',
        referenceType: input.reference ? 'receipt' : null,
        referenceId: input.reference ?? null,
      });
      if (!level) {
        throw new ValidationFailed([
          {
            pointer: `/lines/${input.lines.indexOf(line)}/quantity`,
            detail: 'would bring on hand beyond what can be stored',
          },
        ]);
      }
      levels.push(level);
    }
    await recordAudit(trx, actor, now, {
      action: 'stock.received',
      subjectType: 'location',
      subjectId: input.locationId,
      after: { lines: input.lines, reference: input.reference ?? null },
    });
    await appendEvent(trx, now, {
      type: 'inventory.received',
      aggregateId: input.locationId,
      payload: { locationId: input.locationId, lines: input.lines },
    });
    return levels;
  });
}

export interface Adjustment {
  locationId: string;
  sku: string;
  /** Change on hand by this much… */
  delta?: number | undefined;
  /** …or set it to what was counted. */
  countedOnHand?: number | undefined;
  reason: string;
}

/** A correction with its reason (damaged, found, counted). Never below what is reserved. */
export async function adjustStock(
  database: StockDatabase,
  clock: Clock,
  actor: Actor,
  input: Adjustment,
): Promise<StockLevel> {
  if ((input.delta === undefined) === (input.countedOnHand === undefined)) {
    throw new ValidationFailed([
      { pointer: '/delta', detail: 'give either delta or countedOnHand, not both' },
    ]);
  }
  return withTransaction(database, async (trx) => {
    await assertLocation(trx, input.locationId, '/locationId');
    const ids = await resolveSkus(trx, [{ sku: input.sku, quantity: 0 }], '');
    const variantId = ids.get(input.sku)!;
    // The row exists before it is locked: two first counts of a new level must wait for each other.
    await lockLevels(trx, [{ variantId, locationId: input.locationId }], clock.now());
    const current = await trx
      .selectFrom('stockLevels')
      .select(['onHand', 'reserved'])
      .where('variantId', '=', variantId)
      .where('locationId', '=', input.locationId)
      .forUpdate()
      .executeTakeFirst();
    const onHand = current?.onHand ?? 0;
    const delta = input.delta ?? (input.countedOnHand as number) - onHand;
    if (delta === 0)
      throw new ValidationFailed([
        { pointer: input.delta !== undefined ? '/delta' : '/countedOnHand', detail: 'changes nothing' },
      ]);
    const now = clock.now();
    const level = await applyMovement(trx, actor, now, {
      variantId,
      locationId: input.locationId,
      kind: input.countedOnHand !== undefined ? 'count' : 'adjustment',
      onHandDelta: delta,
      reservedDelta: 0,
      reason: input.reason,
    });
    if (!level) {
      throw new Problem(
        'conflict',
        `On hand cannot go below what is reserved or zero: ${input.sku} has ${onHand} on hand, ${current?.reserved ?? 0} reserved.`,
        {
          errors: [
            {
              pointer: input.delta !== undefined ? '/delta' : '/countedOnHand',
              detail: 'would leave less than what is reserved',
            },
          ],
        },
      );
    }
    await recordAudit(trx, actor, now, {
      action: 'stock.adjusted',
      subjectType: 'stock',
      subjectId: `${variantId}@${input.locationId}`,
      before: { sku: input.sku, onHand },
      after: { sku: input.sku, onHand: level.onHand, reason: input.reason },
    });
    return level;
  });
}

export interface Transfer {
  fromLocationId: string;
  toLocationId: string;
  lines: StockLine[];
  reason?: string | undefined;
}

/** Moves stock between locations in one transaction: all lines or none. */
export async function transferStock(
  database: StockDatabase,
  clock: Clock,
  actor: Actor,
  input: Transfer,
): Promise<void> {
  if (input.fromLocationId === input.toLocationId) {
    throw new ValidationFailed([{ pointer: '/toLocationId', detail: 'must differ from fromLocationId' }]);
  }
  await withTransaction(database, async (trx) => {
    await assertLocation(trx, input.fromLocationId, '/fromLocationId');
    await assertLocation(trx, input.toLocationId, '/toLocationId');
    const ids = await resolveSkus(trx, input.lines);
    const now = clock.now();
    await lockLevels(
      trx,
      input.lines.flatMap((l) => [
        { variantId: ids.get(l.sku)!, locationId: input.fromLocationId },
        { variantId: ids.get(l.sku)!, locationId: input.toLocationId },
      ]),
      now,
    );
    const reference = newId('mov');
    const shortages: { sku: string; locationId: string; requested: number; available: number }[] = [];
    for (const line of input.lines) {
      const variantId = ids.get(line.sku)!;
      const out = await applyMovement(trx, actor, now, {
        variantId,
        locationId: input.fromLocationId,
        kind: 'transfer_out',
        onHandDelta: -line.quantity,
        reservedDelta: 0,
        reason: input.reason ?? null,
        referenceType: 'transfer',
        referenceId: reference,
      });
      if (!out) {
        shortages.push({
          sku: line.sku,
          locationId: input.fromLocationId,
          requested: line.quantity,
          available: await availableAt(trx, variantId, input.fromLocationId),
        });
        continue;
      }
      await applyMovement(trx, actor, now, {
        variantId,
        locationId: input.toLocationId,
        kind: 'transfer_in',
        onHandDelta: line.quantity,
        reservedDelta: 0,
        reason: input.reason ?? null,
        referenceType: 'transfer',
        referenceId: reference,
      });
    }
    if (shortages.length > 0) throw new InsufficientStock(shortages);
    await recordAudit(trx, actor, now, {
      action: 'stock.transferred',
      subjectType: 'transfer',
      subjectId: reference,
      after: input,
    });
  });
}

export interface StockSettings {
  safetyStock?: number | undefined;
  reorderPoint?: number | undefined;
  bin?: string | null | undefined;
}

export async function updateStockSettings(
  database: StockDatabase,
  clock: Clock,
  actor: Actor,
  key: { sku: string; locationId: string },
  changes: StockSettings,
): Promise<StockLevel> {
  return withTransaction(database, async (trx) => {
    await assertLocation(trx, key.locationId, '/locationId');
    const variantId = (await resolveSkus(trx, [{ sku: key.sku, quantity: 0 }], ''))!.get(key.sku)!;
    const now = clock.now();
    await trx
      .insertInto('stockLevels')
      .values({
        variantId,
        locationId: key.locationId,
        onHand: 0,
        reserved: 0,
        safetyStock: 0,
        reorderPoint: 0,
        bin: null,
        updatedAt: now,
      })
      .onConflict((oc) => oc.columns(['variantId', 'locationId']).doNothing())
      .execute();
    const before = await trx
      .selectFrom('stockLevels')
      .selectAll()
      .where('variantId', '=', variantId)
      .where('locationId', '=', key.locationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const after = await trx
      .updateTable('stockLevels')
      .set({ ...changes, updatedAt: now })
      .where('variantId', '=', variantId)
      .where('locationId', '=', key.locationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, now, {
      action: 'stock.settings_changed',
      subjectType: 'stock',
      subjectId: `${variantId}@${key.locationId}`,
      before: {
        sku: key.sku,
        safetyStock: before.safetyStock,
        reorderPoint: before.reorderPoint,
        bin: before.bin,
      },
      after: {
        sku: key.sku,
        safetyStock: after.safetyStock,
        reorderPoint: after.reorderPoint,
        bin: after.bin,
      },
    });
    return after;
  });
}

export interface LedgerMismatch {
  variantId: string;
  locationId: string;
  onHand: number;
  ledgerOnHand: number;
  reserved: number;
  ledgerReserved: number;
}

/** Every stock level whose numbers differ from the sum of its ledger (`ordo check`); empty when all agree. */
export async function checkLedger(db: Kysely<Tables>): Promise<LedgerMismatch[]> {
  const { rows } = await sql<LedgerMismatch>`
    select l.variant_id as "variantId", l.location_id as "locationId", l.on_hand as "onHand", l.reserved,
           coalesce(sum(m.on_hand_delta), 0)::int as "ledgerOnHand", coalesce(sum(m.reserved_delta), 0)::int as "ledgerReserved"
    from stock_levels l left join stock_movements m on m.variant_id = l.variant_id and m.location_id = l.location_id
    group by l.variant_id, l.location_id, l.on_hand, l.reserved
    having l.on_hand <> coalesce(sum(m.on_hand_delta), 0) or l.reserved <> coalesce(sum(m.reserved_delta), 0)`.execute(
    db,
  );
  return rows;
}
