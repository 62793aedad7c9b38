import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { apiKeyWith, type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { addProducts, anOrder, createTestShop, stock, type TestShop } from '../../../test/support/shop.ts';
import { systemActor } from '../../platform/audit/audit.ts';
import { checkLedger } from '../inventory/index.ts';
import { capturePayment } from '../payments/index.ts';

describe.each(databaseKinds)('cancelling orders (%s)', (kind) => {
  const t = useTestApp(kind);
  let shop: TestShop;
  let key: { headers: Record<string, string> };
  let agent: Credentials;
  beforeAll(async () => {
    shop = await createTestShop(t.app, t.clock);
    await addProducts(t.app, t.clock, [
      { sku: 'TEE-BLK-M', eur: 1999 },
      { sku: 'MUG-1', eur: 1200 },
      { sku: 'PRE-1', eur: 5000, backorderable: true },
    ]);
    await stock(t.app, t.clock, shop.mad, [
      { sku: 'TEE-BLK-M', quantity: 50 },
      { sku: 'MUG-1', quantity: 50 },
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
  const cancel = (id: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/orders/${id}/cancel`, headers: agent.headers, payload });
  const reserved = async (sku: string) =>
    (
      await db()
        .selectFrom('stockLevels')
        .innerJoin('variants', 'variants.id', 'stockLevels.variantId')
        .select('reserved')
        .where('sku', '=', sku)
        .where('locationId', '=', shop.mad)
        .executeTakeFirstOrThrow()
    ).reserved;
  const charge = async (orderId: string) => {
    const payment = await db()
      .selectFrom('payments')
      .selectAll()
      .where('orderId', '=', orderId)
      .executeTakeFirstOrThrow();
    return db()
      .selectFrom('testGatewayCharges')
      .selectAll()
      .where('reference', '=', payment.providerReference)
      .executeTakeFirstOrThrow();
  };

  it('cancels a whole order: stock back to sale, the authorisation voided, the reason on the timeline', async () => {
    const before = await reserved('MUG-1');
    const order = await place(anOrder({ lines: [{ sku: 'MUG-1', quantity: 4 }] }));
    expect(await reserved('MUG-1')).toBe(before + 4);
    const res = await cancel(order.id, { reason: 'customer changed their mind' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      paymentStatus: 'voided',
      cancelReason: 'customer changed their mind',
      totals: { subtotal: 0, shipping: 0, tax: 0, total: 0 },
    });
    expect(res.json().lines[0]).toMatchObject({ quantity: 0, cancelledQuantity: 4, allocations: [] });
    expect(await reserved('MUG-1')).toBe(before);
    expect((await charge(order.id)).status).toBe('voided');
    const timeline = await t.app.inject({
      url: `/api/v1/orders/${order.id}/timeline`,
      headers: agent.headers,
    });
    expect(timeline.json().items.slice(-3)).toEqual([
      expect.objectContaining({
        kind: 'cancelled',
        summary: '4 × MUG-1 cancelled',
        reason: 'customer changed their mind',
      }),
      expect.objectContaining({ kind: 'status', fromState: 'confirmed', toState: 'cancelled' }),
      expect.objectContaining({ kind: 'payment', fromState: 'authorized', toState: 'voided' }),
    ]);
    const events = await db()
      .selectFrom('outboxEvents')
      .select('type')
      .where('aggregateId', '=', order.id)
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'order.placed',
      'order.confirmed',
      'order.cancelled',
      'order.payment_changed',
    ]);

    const audit = await db()
      .selectFrom('auditLog')
      .select(['action', 'actorKind'])
      .where('subjectId', '=', order.id)
      .execute();
    expect(audit).toContainEqual({ action: 'order.cancelled', actorKind: 'staff' });

    const again = await cancel(order.id, { reason: 'twice' });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('https://ordo.dev/problems/invalid-transition');
    expect(await checkLedger(db())).toEqual([]);
  });

  it('cancels some units: repriced, the authorisation reduced, the rest still reserved', async () => {
    const order = await place(
      anOrder({
        lines: [
          { sku: 'TEE-BLK-M', quantity: 3, discount: 300 },
          { sku: 'MUG-1', quantity: 1 },
        ],
      }),
    );
    const tee = order.lines[0];
    const res = await cancel(order.id, { reason: 'one too many', lines: [{ lineId: tee.id, quantity: 2 }] });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({ status: 'confirmed', paymentStatus: 'authorized' });
    expect(after.lines[0]).toMatchObject({ quantity: 1, cancelledQuantity: 2, discount: 100, total: 1899 });
    expect(after.totals).toMatchObject({
      subtotal: 1999 + 1200,
      discount: 100,
      shipping: 395,
      total: 1899 + 1200 + 395,
    });
    expect(after.payments[0]).toMatchObject({ status: 'authorized', amount: after.totals.total });
    expect(after.version).toBe(order.version + 1);
  });

  it('refunds what was already captured', async () => {
    const order = await place(anOrder({ lines: [{ sku: 'MUG-1', quantity: 2 }] }));
    await capturePayment(
      t.app.ordo.database,
      t.clock,
      t.app.ordo.providers,
      systemActor,
      order.payments[0].id,
    );
    const res = await cancel(order.id, { reason: 'lost in the post before it left' });
    expect(res.json()).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded' });
    expect(res.json().payments[0]).toMatchObject({
      captured: order.totals.total,
      refunded: order.totals.total,
    });
    expect((await charge(order.id)).refunded).toBe(order.totals.total);
  });

  it('releases backordered units without touching stock', async () => {
    const order = await place(anOrder({ lines: [{ sku: 'PRE-1', quantity: 2 }], onShortage: 'backorder' }));
    expect(order.fulfillmentStatus).toBe('backordered');
    const res = await cancel(order.id, {
      reason: 'will not wait',
      lines: [{ lineId: order.lines[0].id, quantity: 1 }],
    });
    expect(res.json().lines[0]).toMatchObject({ quantity: 1, backordered: 1 });
    const whole = await cancel(order.id, { reason: 'will not wait at all' });
    expect(whole.json()).toMatchObject({ status: 'cancelled', fulfillmentStatus: 'unfulfilled' });
  });

  it('refuses bad lines, and any cancellation once picking has started', async () => {
    const order = await place(anOrder({ lines: [{ sku: 'MUG-1', quantity: 1 }] }));
    const bad = await cancel(order.id, {
      reason: 'x',
      lines: [
        { lineId: 'oln_01JDQ6Y3M5W9X8Z2A4B6C8D0EF', quantity: 1 },
        { lineId: order.lines[0].id, quantity: 5 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/lines/0/lineId',
      '/lines/1/quantity',
    ]);
    expect((await cancel(order.id, { reason: '  ' })).statusCode).toBe(422);
    await db().updateTable('orders').set({ status: 'processing' }).where('id', '=', order.id).execute();
    const late = await cancel(order.id, { reason: 'too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('Picking');
    const missing = await cancel('ord_01JDQ6Y3M5W9X8Z2A4B6C8D0EF', { reason: 'x' });
    expect(missing.statusCode).toBe(404);
    const warehouse = await signInAs(t.app, 'warehouse');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/cancel`,
      headers: warehouse.headers,
      payload: { reason: 'x' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
