import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { addProducts, anOrder, createTestShop, type TestShop } from '../../../test/support/shop.ts';
import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/http/problems.ts';
import { checkLedger, receiveStock } from '../inventory/index.ts';
import { cancelOrder } from './cancel.ts';
import type { OrderDeps } from './deps.ts';
import { editOrder } from './edit.ts';
import { placeOrder } from './place.ts';

const skus = ['P-A', 'P-B', 'P-C'];
const webShop: Actor = { kind: 'api_key', id: 'key_property', name: 'Property web shop' };

type Action =
  | { kind: 'place'; sku: number; quantity: number; backorder: boolean; second: number | null }
  | { kind: 'edit'; order: number; sku: number; quantity: number }
  | { kind: 'cancel'; order: number; some: boolean }
  | { kind: 'receive'; sku: number; location: number; quantity: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('place' as const),
    sku: fc.nat(2),
    quantity: fc.integer({ min: 1, max: 6 }),
    backorder: fc.boolean(),
    second: fc.option(fc.nat(2), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    order: fc.nat(20),
    sku: fc.nat(2),
    quantity: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(20), some: fc.boolean() }),
  fc.record({
    kind: fc.constant('receive' as const),
    sku: fc.nat(2),
    location: fc.nat(1),
    quantity: fc.integer({ min: 1, max: 8 }),
  }),
);

describe.each(databaseKinds)('stock under any sequence of order changes (%s)', (kind) => {
  const t = useTestApp(kind);
  let shop: TestShop;
  let deps: OrderDeps;
  beforeAll(async () => {
    shop = await createTestShop(t.app, t.clock);
    await addProducts(
      t.app,
      t.clock,
      skus.map((sku) => ({ sku, eur: 1000, backorderable: sku !== 'P-C' })),
    );
    deps = { database: t.app.ordo.database, clock: t.clock, providers: t.app.ordo.providers };
  });

  async function apply(a: Action, orders: string[]): Promise<void> {
    const pick = (i: number) => orders[i % Math.max(orders.length, 1)];
    if (a.kind === 'place') {
      const lines = [{ sku: skus[a.sku]!, quantity: a.quantity }];
      if (a.second !== null && a.second !== a.sku) lines.push({ sku: skus[a.second]!, quantity: 1 });
      const order = await placeOrder(
        deps,
        webShop,
        anOrder({ lines, onShortage: a.backorder ? 'backorder' : 'reject' }) as never,
      );
      orders.push(order.id);
    } else if (a.kind === 'edit') {
      const id = pick(a.order);
      if (!id) return;
      const current = await t.app.ordo.database.db
        .selectFrom('orderLines')
        .select(['sku', 'quantity'])
        .where('orderId', '=', id)
        .execute();
      const lines = current
        .filter((l) => l.quantity > 0 && l.sku !== skus[a.sku])
        .map((l) => ({ sku: l.sku, quantity: l.quantity }));
      if (a.quantity > 0) lines.push({ sku: skus[a.sku]!, quantity: a.quantity });
      await editOrder(deps, webShop, id, { lines, payment: { method: 'card', token: 'tok_visa' } });
    } else if (a.kind === 'cancel') {
      const id = pick(a.order);
      if (!id) return;
      const line = await t.app.ordo.database.db
        .selectFrom('orderLines')
        .select(['id', 'quantity'])
        .where('orderId', '=', id)
        .where('quantity', '>', 0)
        .executeTakeFirst();
      await cancelOrder(deps, webShop, id, {
        reason: 'property test',
        lines: a.some && line ? [{ lineId: line.id, quantity: 1 }] : undefined,
      });
    } else {
      await receiveStock(t.app.ordo.database, t.clock, systemActor, {
        locationId: a.location === 0 ? shop.mad : shop.ber,
        lines: [{ sku: skus[a.sku]!, quantity: a.quantity }],
      });
    }
  }

  it('keeps stock non-negative, on hand equal to its ledger, and reserved equal to what orders hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        const orders: string[] = [];
        for (const a of actions) {
          try {
            await apply(a, orders);
          } catch (error) {
            // Refusals (out of stock, invalid changes, declined) are answers, not failures.
            if (!(error instanceof Problem)) throw error;
          }
        }
        const db = t.app.ordo.database.db;
        const levels = await db.selectFrom('stockLevels').selectAll().execute();
        for (const l of levels) {
          expect(l.onHand).toBeGreaterThanOrEqual(0);
          expect(l.reserved).toBeGreaterThanOrEqual(0);
          expect(l.onHand - l.reserved).toBeGreaterThanOrEqual(0);
        }
        expect(await checkLedger(db)).toEqual([]);
        const { rows } = await sql<{ variantId: string; locationId: string; held: number; reserved: number }>`
          select l.variant_id as "variantId", l.location_id as "locationId", l.reserved,
                 coalesce((select sum(a.quantity) from order_allocations a join order_lines ol on ol.id = a.line_id
                           where ol.variant_id = l.variant_id and a.location_id = l.location_id), 0)::int as held
          from stock_levels l`.execute(db);
        for (const r of rows) expect(r.held, `${r.variantId} at ${r.locationId}`).toBe(r.reserved);
      }),
      { numRuns: kind === 'pglite' ? 25 : 15 },
    );
  }, 240_000);
});
