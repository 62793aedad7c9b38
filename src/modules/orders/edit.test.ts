import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { apiKeyWith, type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { addProducts, anOrder, createTestShop, stock, type TestShop } from '../../../test/support/shop.ts';
import { checkLedger } from '../inventory/index.ts';

describe.each(databaseKinds)('editing orders (%s)', (kind) => {
  const t = useTestApp(kind);
  let shop: TestShop;
  let key: { headers: Record<string, string> };
  let agent: Credentials;
  beforeAll(async () => {
    shop = await createTestShop(t.app, t.clock);
    await addProducts(t.app, t.clock, [
      { sku: 'TEE-BLK-M', eur: 1999 },
      { sku: 'MUG-1', eur: 1200 },
      { sku: 'BOOK-1', eur: 2500, taxClass: 'reduced' },
      { sku: 'RARE-1', eur: 900 },
    ]);
    await stock(t.app, t.clock, shop.mad, [
      { sku: 'TEE-BLK-M', quantity: 50 },
      { sku: 'MUG-1', quantity: 50 },
      { sku: 'BOOK-1', quantity: 50 },
      { sku: 'RARE-1', quantity: 1 },
    ]);
    key = await apiKeyWith(t.app, ['orders:write']);
    agent = await signInAs(t.app, 'agent');
  });
  const db = () => t.app.ordo.database.db;
  const place = async (body: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: key.headers,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const edit = (id: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/orders/${id}`, headers: agent.headers, payload });
  const reserved = async (sku: string) =>
    (
      await db()
        .selectFrom('stockLevels')
        .innerJoin('variants', 'variants.id', 'stockLevels.variantId')
        .select('reserved')
        .where('sku', '=', sku)
        .executeTakeFirstOrThrow()
    ).reserved;

  it('adds units and lines: re-reserved, repriced, the difference authorised on the card', async () => {
    const order = await place(anOrder({ lines: [{ sku: 'TEE-BLK-M', quantity: 1 }] }));
    const teeBefore = await reserved('TEE-BLK-M');
    const mugBefore = await reserved('MUG-1');
    const res = await edit(order.id, {
      version: order.version,
      lines: [
        { sku: 'TEE-BLK-M', quantity: 2 },
        { sku: 'MUG-1', quantity: 1 },
      ],
      payment: { method: 'card', token: 'tok_visa' },
      reason: 'customer called to add a mug',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      ['TEE-BLK-M', 2],
      ['MUG-1', 1],
    ]);
    expect(after.totals).toMatchObject({
      subtotal: 2 * 1999 + 1200,
      shipping: 395,
      total: 2 * 1999 + 1200 + 395,
    });
    expect(after.version).toBe(order.version + 1);
    expect(after.payments).toEqual([
      expect.objectContaining({ status: 'authorized', amount: order.totals.total }),
      expect.objectContaining({ status: 'authorized', amount: after.totals.total - order.totals.total }),
    ]);
    expect(after.paymentStatus).toBe('authorized');
    expect(await reserved('TEE-BLK-M')).toBe(teeBefore + 1);
    expect(await reserved('MUG-1')).toBe(mugBefore + 1);
    const timeline = await t.app.inject({
      url: `/api/v1/orders/${order.id}/timeline`,
      headers: agent.headers,
    });
    expect(timeline.json().items.at(-1)).toMatchObject({
      kind: 'edited',
      summary: 'Edited: TEE-BLK-M: 1 → 2; MUG-1: added 1',
      reason: 'customer called to add a mug',
    });
    expect(await checkLedger(db())).toEqual([]);
  });

  it('asks for a card when the total rises and changes nothing without one', async () => {
    const order = await place(anOrder({ lines: [{ sku: 'TEE-BLK-M', quantity: 1 }] }));
    const before = await reserved('TEE-BLK-M');
    const res = await edit(order.id, { lines: [{ sku: 'TEE-BLK-M', quantity: 3 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: '/payment' })]);
    const declined = await edit(order.id, {
      lines: [{ sku: 'TEE-BLK-M', quantity: 3 }],
      payment: { method: 'card', token: 'tok_insufficient_funds' },
    });
    expect(declined.statusCode).toBe(402);
    expect(await reserved('TEE-BLK-M')).toBe(before);
    const unchanged = await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: agent.headers });
    expect(unchanged.json()).toMatchObject({ version: order.version, totals: order.totals });
  });

  it('takes units off: stock back to sale and the authorisation reduced to the new total', async () => {
    const order = await place(anOrder({ lines: [{ sku: 'MUG-1', quantity: 4 }] }));
    const before = await reserved('MUG-1');
    const res = await edit(order.id, { lines: [{ sku: 'MUG-1', quantity: 1 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lines[0]).toMatchObject({ quantity: 1, cancelledQuantity: 3 });
    expect(res.json().payments).toEqual([
      expect.objectContaining({ status: 'authorized', amount: res.json().totals.total }),
    ]);
    expect(await reserved('MUG-1')).toBe(before - 3);
  });

  it('moves the order to another country: tax and shipping from the new destination', async () => {
    const order = await place(anOrder({ lines: [{ sku: 'BOOK-1', quantity: 1 }] }));
    const res = await edit(order.id, {
      shippingAddress: {
        name: 'Ana García',
        line1: 'Hauptstraße 3',
        city: 'Berlin',
        postalCode: '10115',
        country: 'DE',
      },
      shippingMethod: 'express',
      payment: { method: 'card', token: 'tok_visa' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      shippingMethod: 'express',
      shippingAddress: { country: 'DE', postalCode: '10115' },
    });
    expect(res.json().lines[0]).toMatchObject({ taxRate: 700 });
    expect(res.json().totals).toMatchObject({ shipping: 995, total: 2500 + 995 });
  });

  it('refuses a stale version, missing stock, and any edit once picking started', async () => {
    const order = await place(anOrder({ lines: [{ sku: 'MUG-1', quantity: 1 }] }));
    const stale = await edit(order.id, {
      version: order.version + 5,
      lines: [{ sku: 'MUG-1', quantity: 2 }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('reload');
    const short = await edit(order.id, {
      lines: [
        { sku: 'MUG-1', quantity: 1 },
        { sku: 'RARE-1', quantity: 2 },
      ],
      payment: { method: 'card', token: 'tok_visa' },
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().shortages).toEqual([{ sku: 'RARE-1', requested: 2, available: 1 }]);
    const bad = await edit(order.id, {
      lines: [
        { sku: 'NOPE', quantity: 1 },
        { sku: 'MUG-1', quantity: 0 },
      ],
      shippingMethod: 'teleport',
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/lines/0/sku', '/lines/1/quantity', '/shippingMethod']);
    const unchanged = await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: agent.headers });
    expect(unchanged.json()).toMatchObject({
      version: order.version,
      lines: [expect.objectContaining({ quantity: 1 })],
    });
    await db().updateTable('orders').set({ status: 'processing' }).where('id', '=', order.id).execute();
    const late = await edit(order.id, { lines: [{ sku: 'MUG-1', quantity: 2 }] });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('Picking');
  });

  it('gives a discount on its own, and refuses a move to where prices are shown without tax', async () => {
    const order = await place(anOrder({ lines: [{ sku: 'MUG-1', quantity: 2 }] }));
    const discounted = await edit(order.id, {
      lines: [{ sku: 'MUG-1', quantity: 2, discount: 400 }],
      reason: 'goodwill',
    });
    expect(discounted.statusCode, discounted.body).toBe(200);
    expect(discounted.json().totals).toMatchObject({ discount: 400, total: order.totals.total - 400 });
    expect(discounted.json().payments[0]).toMatchObject({ amount: order.totals.total - 400 });
    const toUs = await edit(order.id, {
      shippingAddress: {
        name: 'Sam Lee',
        line1: '1 Market St',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US',
      },
    });
    expect(toUs.statusCode).toBe(422);
    expect(toUs.json().errors).toEqual([expect.objectContaining({ pointer: '/shippingAddress/country' })]);
  });

  it('raises a manual payment with the total', async () => {
    const order = await place(
      anOrder({ lines: [{ sku: 'MUG-1', quantity: 1 }], payment: { method: 'manual', kind: 'invoice' } }),
    );
    const res = await edit(order.id, { lines: [{ sku: 'MUG-1', quantity: 2 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().payments).toEqual([
      expect.objectContaining({ method: 'manual', status: 'pending', amount: res.json().totals.total }),
    ]);
  });
});
