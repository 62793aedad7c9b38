import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { systemActor } from '../../platform/audit/audit.ts';
import { createProduct } from '../catalog/index.ts';
import { createLocation } from './locations.ts';
import { checkLedger } from './stock.ts';

describe.each(databaseKinds)('stock and its ledger (%s)', (kind) => {
  const t = useTestApp(kind);
  let warehouse: Credentials;
  let mad: string;
  let ber: string;
  beforeAll(async () => {
    warehouse = await signInAs(t.app, 'warehouse');
    const db = t.app.ordo.database.db;
    mad = (
      await createLocation(db, t.clock, {
        code: 'MAD',
        name: 'Madrid',
        kind: 'warehouse',
        timezone: 'Europe/Madrid',
        address: { line1: 'Calle 1', city: 'Getafe', postalCode: '28906', country: 'ES' },
      })
    ).id;
    ber = (
      await createLocation(db, t.clock, {
        code: 'BER',
        name: 'Berlin',
        kind: 'warehouse',
        timezone: 'Europe/Berlin',
        address: { line1: 'Straße 1', city: 'Berlin', postalCode: '12099', country: 'DE' },
      })
    ).id;
    for (const sku of ['MUG-1', 'MUG-2', 'CAP-1']) {
      await createProduct(t.app.ordo.database, t.clock, systemActor, {
        title: sku,
        variants: [{ sku, prices: [{ currency: 'EUR', amount: 100 }] }],
      });
    }
  });
  const post = (url: string, payload: object, headers = warehouse.headers) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const level = async (sku: string, locationId: string) =>
    (
      await t.app.inject({
        url: `/api/v1/stock?sku=${sku}&locationId=${locationId}`,
        headers: warehouse.headers,
      })
    ).json().items[0];

  it('receives goods into a location, one ledger row per line, and audits it', async () => {
    const res = await post('/api/v1/stock/receipts', {
      locationId: mad,
      reference: 'PO-1',
      lines: [
        { sku: 'MUG-1', quantity: 10 },
        { sku: 'MUG-2', quantity: 4 },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(await level('MUG-1', mad)).toMatchObject({ sku: 'MUG-1', onHand: 10, reserved: 0, available: 10 });
    const ledger = await t.app.inject({
      url: `/api/v1/stock/movements?sku=MUG-1`,
      headers: warehouse.headers,
    });
    expect(ledger.json().items[0]).toMatchObject({
      kind: 'receipt',
      onHandDelta: 10,
      referenceId: 'PO-1',
      actorName: expect.stringContaining('warehouse'),
    });
    expect(await checkLedger(t.app.ordo.database.db)).toEqual([]);
  });

  it('refuses unknown SKUs and locations, naming them, and moves nothing', async () => {
    const unknownSku = await post('/api/v1/stock/receipts', {
      locationId: mad,
      lines: [
        { sku: 'MUG-1', quantity: 1 },
        { sku: 'NOPE', quantity: 1 },
      ],
    });
    expect(unknownSku.statusCode).toBe(422);
    expect(unknownSku.json().errors).toEqual([
      { pointer: '/lines/1/sku', detail: 'NOPE is not a SKU in the catalog' },
    ]);
    const unknownLocation = await post('/api/v1/stock/receipts', {
      locationId: 'loc_01JDQ6Y3M5W9X8Z2A4B6C8D0EF',
      lines: [{ sku: 'MUG-1', quantity: 1 }],
    });
    expect(unknownLocation.statusCode).toBe(422);
    const zero = await post('/api/v1/stock/receipts', {
      locationId: mad,
      lines: [{ sku: 'MUG-1', quantity: 0 }],
    });
    expect(zero.json().errors[0].pointer).toBe('/lines/0/quantity');
    expect((await level('MUG-1', mad)).onHand).toBe(10);
  });

  it('adjusts with a reason, counts, and never goes below zero', async () => {
    const noReason = await post('/api/v1/stock/adjustments', { locationId: mad, sku: 'MUG-1', delta: -1 });
    expect(noReason.json().errors[0].pointer).toBe('/reason');
    const damaged = await post('/api/v1/stock/adjustments', {
      locationId: mad,
      sku: 'MUG-1',
      delta: -2,
      reason: 'dropped a box',
    });
    expect(damaged.json()).toEqual({ onHand: 8, reserved: 0 });
    const counted = await post('/api/v1/stock/adjustments', {
      locationId: mad,
      sku: 'MUG-1',
      countedOnHand: 7,
      reason: 'cycle count',
    });
    expect(counted.json().onHand).toBe(7);
    const tooMuch = await post('/api/v1/stock/adjustments', {
      locationId: mad,
      sku: 'MUG-1',
      delta: -8,
      reason: 'lost',
    });
    expect(tooMuch.statusCode).toBe(409);
    expect((await level('MUG-1', mad)).onHand).toBe(7);
    const agent = await signInAs(t.app, 'agent');
    expect(
      (
        await post(
          '/api/v1/stock/adjustments',
          { locationId: mad, sku: 'MUG-1', delta: 1, reason: 'x' },
          agent.headers,
        )
      ).statusCode,
    ).toBe(403);
    expect(await checkLedger(t.app.ordo.database.db)).toEqual([]);
  });

  it('transfers every line or none', async () => {
    const short = await post('/api/v1/stock/transfers', {
      fromLocationId: mad,
      toLocationId: ber,
      lines: [
        { sku: 'MUG-1', quantity: 2 },
        { sku: 'MUG-2', quantity: 99 },
      ],
    });
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({
      type: 'https://ordo.dev/problems/out-of-stock',
      shortages: [{ sku: 'MUG-2', requested: 99, available: 4 }],
    });
    expect((await level('MUG-1', mad)).onHand).toBe(7);
    expect(await level('MUG-1', ber)).toBeUndefined();
    const ok = await post('/api/v1/stock/transfers', {
      fromLocationId: mad,
      toLocationId: ber,
      lines: [{ sku: 'MUG-1', quantity: 2 }],
    });
    expect(ok.statusCode).toBe(201);
    expect((await level('MUG-1', mad)).onHand).toBe(5);
    expect((await level('MUG-1', ber)).onHand).toBe(2);
  });

  it('raises inventory.low when available stock falls to the reorder point', async () => {
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/stock/settings',
      headers: warehouse.headers,
      payload: { sku: 'MUG-2', locationId: mad, reorderPoint: 2, safetyStock: 1 },
    });
    expect(settings.statusCode).toBe(200);
    expect((await level('MUG-2', mad)).available).toBe(3);
    await post('/api/v1/stock/adjustments', { locationId: mad, sku: 'MUG-2', delta: -1, reason: 'sample' });
    const events = await t.app.ordo.database.db
      .selectFrom('outboxEvents')
      .select(['type', 'payload'])
      .where('type', '=', 'inventory.low')
      .execute();
    expect(events).toEqual([
      {
        type: 'inventory.low',
        payload: expect.objectContaining({ available: 2, reorderPoint: 2, locationId: mad }),
      },
    ]);
  });

  it('lets parallel removals take exactly the units there are', async () => {
    await post('/api/v1/stock/receipts', { locationId: ber, lines: [{ sku: 'CAP-1', quantity: 10 }] });
    const replies = await Promise.all(
      Array.from({ length: 25 }, () =>
        post('/api/v1/stock/adjustments', {
          locationId: ber,
          sku: 'CAP-1',
          delta: -1,
          reason: 'sold at the counter',
        }),
      ),
    );
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(10);
    expect(replies.filter((r) => r.statusCode === 409)).toHaveLength(15);
    expect((await level('CAP-1', ber)).onHand).toBe(0);
    expect(await checkLedger(t.app.ordo.database.db)).toEqual([]);
  });

  it('serialises changes that touch the same levels in opposite orders, without failing any', async () => {
    await post('/api/v1/stock/receipts', {
      locationId: mad,
      lines: [
        { sku: 'MUG-1', quantity: 20 },
        { sku: 'MUG-2', quantity: 20 },
      ],
    });
    await post('/api/v1/stock/receipts', {
      locationId: ber,
      lines: [
        { sku: 'MUG-1', quantity: 20 },
        { sku: 'MUG-2', quantity: 20 },
      ],
    });
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 2
          ? post('/api/v1/stock/receipts', {
              locationId: mad,
              lines:
                i % 2
                  ? [
                      { sku: 'MUG-1', quantity: 1 },
                      { sku: 'MUG-2', quantity: 1 },
                    ]
                  : [
                      { sku: 'MUG-2', quantity: 1 },
                      { sku: 'MUG-1', quantity: 1 },
                    ],
            })
          : post('/api/v1/stock/transfers', {
              fromLocationId: i % 2 ? mad : ber,
              toLocationId: i % 2 ? ber : mad,
              lines: [
                { sku: 'MUG-1', quantity: 1 },
                { sku: 'MUG-2', quantity: 1 },
              ],
            }),
      ),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    expect(await checkLedger(t.app.ordo.database.db)).toEqual([]);
  });

  it('counts a new level once even when two counts arrive together', async () => {
    await createProduct(t.app.ordo.database, t.clock, systemActor, {
      title: 'Fresh',
      variants: [{ sku: 'FRESH-1', prices: [{ currency: 'EUR', amount: 100 }] }],
    });
    const replies = await Promise.all(
      Array.from({ length: 3 }, () =>
        post('/api/v1/stock/adjustments', {
          locationId: mad,
          sku: 'FRESH-1',
          countedOnHand: 10,
          reason: 'first count',
        }),
      ),
    );
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect((await level('FRESH-1', mad)).onHand).toBe(10);
  });

  it('refuses stock beyond what can be stored, without a server error', async () => {
    const lines = Array.from({ length: 3 }, () => ({ sku: 'MUG-1', quantity: 1_000_000 }));
    let last = 0;
    for (let i = 0; i < 1000 && last !== 422; i++)
      last = (await post('/api/v1/stock/receipts', { locationId: ber, lines })).statusCode;
    expect(last).toBe(422);
    expect(await checkLedger(t.app.ordo.database.db)).toEqual([]);
  }, 120_000);

  it('finds a level that no longer matches its ledger', async () => {
    const db = t.app.ordo.database.db;
    const row = await db
      .selectFrom('stockLevels')
      .select(['variantId', 'locationId', 'onHand'])
      .where('onHand', '>', 0)
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('stockLevels')
      .set({ onHand: row.onHand + 7 })
      .where('variantId', '=', row.variantId)
      .where('locationId', '=', row.locationId)
      .execute();
    expect(await checkLedger(db)).toEqual([
      expect.objectContaining({
        variantId: row.variantId,
        locationId: row.locationId,
        onHand: row.onHand + 7,
        ledgerOnHand: row.onHand,
      }),
    ]);
    await db
      .updateTable('stockLevels')
      .set({ onHand: row.onHand })
      .where('variantId', '=', row.variantId)
      .where('locationId', '=', row.locationId)
      .execute();
    expect(await checkLedger(db)).toEqual([]);
  });

  it('keeps stock non-negative and equal to its ledger under any sequence of operations', async () => {
    const operation = fc.oneof(
      fc.record({
        op: fc.constant('receive'),
        sku: fc.constantFrom('MUG-1', 'MUG-2'),
        at: fc.constantFrom('mad', 'ber'),
        n: fc.integer({ min: 1, max: 5 }),
      }),
      fc.record({
        op: fc.constant('adjust'),
        sku: fc.constantFrom('MUG-1', 'MUG-2'),
        at: fc.constantFrom('mad', 'ber'),
        n: fc.integer({ min: -8, max: 8 }).filter((n) => n !== 0),
      }),
      fc.record({
        op: fc.constant('transfer'),
        sku: fc.constantFrom('MUG-1', 'MUG-2'),
        at: fc.constantFrom('mad', 'ber'),
        n: fc.integer({ min: 1, max: 6 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const { op, sku, at, n } of ops) {
          const [from, to] = at === 'mad' ? [mad, ber] : [ber, mad];
          const res =
            op === 'receive'
              ? await post('/api/v1/stock/receipts', { locationId: from, lines: [{ sku, quantity: n }] })
              : op === 'adjust'
                ? await post('/api/v1/stock/adjustments', {
                    locationId: from,
                    sku,
                    delta: n,
                    reason: 'property test',
                  })
                : await post('/api/v1/stock/transfers', {
                    fromLocationId: from,
                    toLocationId: to,
                    lines: [{ sku, quantity: n }],
                  });
          expect([201, 409]).toContain(res.statusCode);
        }
        const levels = await t.app.ordo.database.db
          .selectFrom('stockLevels')
          .select(['onHand', 'reserved'])
          .execute();
        expect(levels.every((l) => l.onHand >= 0 && l.reserved >= 0 && l.reserved <= l.onHand)).toBe(true);
        expect(await checkLedger(t.app.ordo.database.db)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe.each(databaseKinds)('stock counts from CSV (%s)', (kind) => {
  const t = useTestApp(kind);
  let manager: Credentials;
  beforeAll(async () => {
    manager = await signInAs(t.app, 'manager');
    await createLocation(t.app.ordo.database.db, t.clock, {
      code: 'MAD',
      name: 'Madrid',
      kind: 'warehouse',
      timezone: 'Europe/Madrid',
      address: { line1: 'Calle 1', city: 'Getafe', postalCode: '28906', country: 'ES' },
    });
    for (const sku of ['SOCK-1', 'SOCK-2']) {
      await createProduct(t.app.ordo.database, t.clock, systemActor, {
        title: sku,
        variants: [{ sku, prices: [{ currency: 'EUR', amount: 100 }] }],
      });
    }
  });
  const upload = (csv: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/stock/import',
      headers: { ...manager.headers, 'content-type': 'text/csv' },
      payload: csv,
    });

  it('sets levels from counts, each change a count in the ledger', async () => {
    const res = await upload('location,sku,on_hand,safety_stock,bin\nMAD,SOCK-1,12,2,A-01\nMAD,SOCK-2,0,,\n');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 2, changed: 1 });
    const again = await upload('location,sku,on_hand\nMAD,SOCK-1,9\n');
    expect(again.json()).toEqual({ rows: 1, changed: 1 });
    const level = (await t.app.inject({ url: '/api/v1/stock?sku=SOCK-1', headers: manager.headers })).json()
      .items[0];
    expect(level).toMatchObject({ onHand: 9, safetyStock: 2, available: 7, bin: 'A-01' });
    const moves = (
      await t.app.inject({ url: '/api/v1/stock/movements?sku=SOCK-1', headers: manager.headers })
    ).json().items;
    expect(moves.map((m: { kind: string; onHandDelta: number }) => [m.kind, m.onHandDelta])).toEqual([
      ['count', -3],
      ['count', 12],
    ]);
    expect(await checkLedger(t.app.ordo.database.db)).toEqual([]);
  });

  it('reports every bad line and changes nothing', async () => {
    const res = await upload(
      'location,sku,on_hand\nMAD,SOCK-1,1\nBCN,SOCK-2,3\nMAD,NOPE,2\nMAD,SOCK-2,-4\nMAD,SOCK-1,5\n',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().rowErrors).toEqual(
      expect.arrayContaining([
        { line: 3, field: 'location', detail: 'BCN is not a location code' },
        { line: 4, field: 'sku', detail: 'NOPE is not a SKU in the catalog' },
        { line: 5, field: 'on_hand', detail: 'must be a whole number of at least 0, got "-4"' },
      ]),
    );
    const level = (await t.app.inject({ url: '/api/v1/stock?sku=SOCK-1', headers: manager.headers })).json()
      .items[0];
    expect(level.onHand).toBe(9);
    const header = await upload('where,sku,on_hand\nMAD,SOCK-1,1\n');
    expect(header.json().rowErrors).toEqual(
      expect.arrayContaining([{ line: 1, field: 'location', detail: 'column is missing' }]),
    );
  });
});
