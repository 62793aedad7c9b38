import { beforeAll, describe, expect, it } from 'vitest';
import { runBackground, useTestApp } from '../../../test/support/app.ts';
import { apiKeyWith, type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { addProducts, anOrder, createTestShop, type TestShop } from '../../../test/support/shop.ts';
import { systemActor } from '../../platform/audit/audit.ts';
import { checkLedger } from '../inventory/index.ts';
import { allocateBackorders } from './backorders.ts';

describe.each(databaseKinds)('backorders (%s)', (kind) => {
  const t = useTestApp(kind);
  let shop: TestShop;
  let key: { headers: Record<string, string> };
  let warehouse: Credentials;
  beforeAll(async () => {
    shop = await createTestShop(t.app, t.clock);
    await addProducts(t.app, t.clock, [
      { sku: 'PRE-1', eur: 5000, backorderable: true },
      { sku: 'PRE-2', eur: 3000, backorderable: true },
      { sku: 'PRE-3', eur: 2000, backorderable: true },
    ]);
    key = await apiKeyWith(t.app, ['orders:write', 'orders:read']);
    warehouse = await signInAs(t.app, 'warehouse');
  });
  const place = async (body: object, status = 201) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: key.headers,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const get = async (id: string) =>
    (await t.app.inject({ url: `/api/v1/orders/${id}`, headers: key.headers })).json();
  const receive = (locationId: string, sku: string, quantity: number) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/stock/receipts',
      headers: warehouse.headers,
      payload: { locationId, lines: [{ sku, quantity }] },
    });

  it('fills a backorder when goods arrive, then sells only what is left', async () => {
    const waiting = await place(anOrder({ lines: [{ sku: 'PRE-1', quantity: 2 }], onShortage: 'backorder' }));
    expect(waiting).toMatchObject({ fulfillmentStatus: 'backordered', promisedDeliveryDate: null });
    expect((await receive(shop.ber, 'PRE-1', 5)).statusCode).toBe(201);
    await runBackground(t);
    const filled = await get(waiting.id);
    expect(filled.fulfillmentStatus).toBe('unfulfilled');
    expect(filled.lines[0]).toMatchObject({
      backordered: 0,
      allocations: [{ locationCode: 'BER', quantity: 2 }],
    });
    expect(filled.promisedDeliveryDate).not.toBeNull();
    const timeline = await t.app.inject({
      url: `/api/v1/orders/${waiting.id}/timeline`,
      headers: key.headers,
    });
    expect(timeline.json().items.at(-1)).toMatchObject({
      kind: 'backorder',
      summary: '2 × PRE-1 arrived and reserved; nothing waits any more',
      fromState: 'backordered',
      toState: 'unfulfilled',
    });
    await place(anOrder({ lines: [{ sku: 'PRE-1', quantity: 4 }] }), 409);
    await place(anOrder({ lines: [{ sku: 'PRE-1', quantity: 3 }] }));
    expect(await checkLedger(t.app.ordo.database.db)).toEqual([]);
  });

  it('serves the most urgent order first, then the oldest', async () => {
    const older = await place(anOrder({ lines: [{ sku: 'PRE-2', quantity: 1 }], onShortage: 'backorder' }));
    const urgent = await place(
      anOrder({ lines: [{ sku: 'PRE-2', quantity: 1 }], onShortage: 'backorder', shippingMethod: 'express' }),
    );
    const newest = await place(anOrder({ lines: [{ sku: 'PRE-2', quantity: 1 }], onShortage: 'backorder' }));
    expect(urgent.priority).toBeGreaterThan(older.priority);
    await receive(shop.mad, 'PRE-2', 2);
    await runBackground(t);
    expect((await get(urgent.id)).lines[0].backordered).toBe(0);
    expect((await get(older.id)).lines[0].backordered).toBe(0);
    expect((await get(newest.id)).lines[0].backordered).toBe(1);
  });

  it('keeps stock that arrives another way for waiting orders until the allocation runs', async () => {
    const waiting = await place(anOrder({ lines: [{ sku: 'PRE-3', quantity: 2 }], onShortage: 'backorder' }));
    const owner = await signInAs(t.app, 'owner');
    const counted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/stock/adjustments',
      headers: owner.headers,
      payload: { locationId: shop.mad, sku: 'PRE-3', delta: 2, reason: 'found in the back room' },
    });
    expect(counted.statusCode, counted.body).toBe(201);
    const refused = await place(anOrder({ lines: [{ sku: 'PRE-3', quantity: 1 }] }), 409);
    expect(refused.shortages).toEqual([{ sku: 'PRE-3', requested: 1, available: 0 }]);
    expect(
      await allocateBackorders(
        { database: t.app.ordo.database, clock: t.clock, providers: t.app.ordo.providers },
        systemActor,
      ),
    ).toBe(2);
    expect((await get(waiting.id)).fulfillmentStatus).toBe('unfulfilled');
  });
});
