import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { apiKeyWith, type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import {
  addProducts,
  anOrder,
  createTestShop,
  orderFootprint,
  stock,
  type TestShop,
} from '../../../test/support/shop.ts';
import { checkLedger } from '../inventory/index.ts';

describe.each(databaseKinds)('placing orders (%s)', (kind) => {
  const t = useTestApp(kind);
  let shop: TestShop;
  let key: { headers: Record<string, string> };
  let agent: Credentials;
  beforeAll(async () => {
    shop = await createTestShop(t.app, t.clock);
    await addProducts(t.app, t.clock, [
      { sku: 'TEE-BLK-M', eur: 1999, usd: 2199 },
      { sku: 'BOOK-1', eur: 2500, usd: 2500, taxClass: 'reduced' },
      { sku: 'MUG-1', eur: 1200 },
      { sku: 'PRE-1', eur: 5000, backorderable: true },
      { sku: 'OLD-1', eur: 900, status: 'archived' },
    ]);
    await stock(t.app, t.clock, shop.mad, [
      { sku: 'TEE-BLK-M', quantity: 100 },
      { sku: 'BOOK-1', quantity: 10 },
      { sku: 'MUG-1', quantity: 3 },
      { sku: 'PRE-1', quantity: 1 },
    ]);
    await stock(t.app, t.clock, shop.ber, [
      { sku: 'TEE-BLK-M', quantity: 100 },
      { sku: 'MUG-1', quantity: 2 },
    ]);
    key = await apiKeyWith(t.app, ['orders:write']);
    agent = await signInAs(t.app, 'agent');
  });
  const place = (body: object, headers: Record<string, string> = key.headers) =>
    t.app.inject({ method: 'POST', url: '/api/v1/orders', headers, payload: body });

  it('places the contract example: confirmed, authorised, reserved near the buyer, priced with tax included', async () => {
    const res = await place(anOrder(), { ...key.headers, 'idempotency-key': 'contract-1' });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect(order).toMatchObject({
      number: 1001,
      channel: 'web',
      status: 'confirmed',
      paymentStatus: 'authorized',
      fulfillmentStatus: 'unfulfilled',
      email: 'ana@example.com',
      customerName: 'Ana García',
      phone: '+34612345678',
      language: 'es',
    });
    expect(order.id).toMatch(/^ord_/);
    expect(res.headers.location).toBe(`/api/v1/orders/${order.id}`);
    // 2 × 19.99 with 21 % VAT inside; standard shipping to Spain 3.95, its VAT inside too.
    expect(order.totals).toEqual({
      subtotal: 3998,
      discount: 0,
      shipping: 395,
      tax: 694 + 69,
      total: 4393,
      currency: 'EUR',
      pricesIncludeTax: true,
    });
    expect(order.lines[0]).toMatchObject({
      sku: 'TEE-BLK-M',
      quantity: 2,
      unitPrice: 1999,
      taxRate: 2100,
      tax: 694,
      total: 3998,
      backordered: 0,
      allocations: [{ locationId: shop.mad, locationCode: 'MAD', quantity: 2 }],
    });
    expect(order.payments).toEqual([
      expect.objectContaining({
        method: 'card',
        provider: 'test',
        status: 'authorized',
        amount: 4393,
        captured: 0,
      }),
    ]);
    // Monday 30 November 10:00 in Madrid, before the 15:00 cut-off: ships today, 2 working days.
    expect(order.promisedDeliveryDate).toBe('2026-12-02');
    expect(order.priority).toBeGreaterThan(0);

    const level = await t.app.ordo.database.db
      .selectFrom('stockLevels')
      .selectAll()
      .where('locationId', '=', shop.mad)
      .where(
        'variantId',
        '=',
        (
          await t.app.ordo.database.db
            .selectFrom('variants')
            .select('id')
            .where('sku', '=', 'TEE-BLK-M')
            .executeTakeFirstOrThrow()
        ).id,
      )
      .executeTakeFirstOrThrow();
    expect(level).toMatchObject({ onHand: 100, reserved: 2 });
    const ledger = await t.app.ordo.database.db
      .selectFrom('stockMovements')
      .selectAll()
      .where('referenceId', '=', order.id)
      .execute();
    expect(ledger).toEqual([
      expect.objectContaining({ kind: 'reservation', reservedDelta: 2, onHandDelta: 0 }),
    ]);

    const again = await place(anOrder(), { ...key.headers, 'idempotency-key': 'contract-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(order.id);
    expect((await orderFootprint(t.app)).orders).toBe(1);

    const timeline = await t.app.inject({
      url: `/api/v1/orders/${order.id}/timeline`,
      headers: agent.headers,
    });
    expect(timeline.json().items.map((e: { kind: string }) => e.kind)).toEqual([
      'placed',
      'status',
      'payment',
    ]);
    expect(timeline.json().items[1]).toMatchObject({ fromState: 'pending', toState: 'confirmed' });
    const customer = await t.app.inject({
      url: `/api/v1/customers/${order.customerId}`,
      headers: agent.headers,
    });
    expect(customer.json()).toMatchObject({ email: 'ana@example.com', language: 'es' });
    expect(customer.json().addresses[0]).toMatchObject({ postalCode: '28013', isDefault: true });
  });

  it('reports every problem of a bad order at once and leaves nothing behind', async () => {
    const before = await orderFootprint(t.app);
    const res = await place(
      anOrder({
        customer: { email: 'not-an-email', name: 'X', phone: '12' },
        lines: [
          { sku: 'NOPE', quantity: 1 },
          { sku: 'TEE-BLK-M', quantity: 0 },
          { sku: 'MUG-1', quantity: 1, unitPrice: 999 },
          { sku: 'OLD-1', quantity: 1 },
          { sku: 'MUG-1', quantity: 1 },
          { sku: 'BOOK-1', quantity: 1, discount: 999_999 },
        ],
        shippingAddress: { name: 'X', line1: 'Y', city: 'Madrid', postalCode: '123', country: 'ES' },
        shippingMethod: 'teleport',
        requestedDeliveryDate: '2020-01-01',
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const pointers = res
      .json()
      .errors.map((e: { pointer: string }) => e.pointer)
      .sort();
    expect(pointers).toEqual(
      [
        '/customer/email',
        '/customer/phone',
        '/lines/0/sku',
        '/lines/1/quantity',
        '/lines/2/unitPrice',
        '/lines/3/sku',
        '/lines/4/sku',
        '/lines/5/discount',
        '/shippingAddress/postalCode',
        '/shippingMethod',
        '/requestedDeliveryDate',
      ].sort(),
    );
    expect(
      res.json().errors.find((e: { pointer: string }) => e.pointer === '/lines/2/unitPrice').detail,
    ).toContain('1200');
    expect(await orderFootprint(t.app)).toEqual(before);
  });

  it('refuses currencies without prices, countries the shop does not ship to, and channels of the other kind', async () => {
    const usd = await place(anOrder({ currency: 'USD', lines: [{ sku: 'MUG-1', quantity: 1 }] }));
    expect(usd.statusCode).toBe(422);
    expect(usd.json().errors).toEqual([{ pointer: '/lines/0/sku', detail: 'MUG-1 has no price in USD' }]);
    const japan = await place(
      anOrder({
        shippingAddress: {
          name: 'K',
          line1: '1-1 Chiyoda',
          city: 'Tokyo',
          postalCode: '100-0001',
          country: 'JP',
        },
      }),
    );
    expect(japan.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/shippingMethod');
    const keyPhone = await place(anOrder({ channel: 'phone' }));
    expect(keyPhone.json().errors).toEqual([expect.objectContaining({ pointer: '/channel' })]);
    const staffWeb = await place(anOrder({ channel: 'web' }), agent.headers);
    expect(staffWeb.json().errors).toEqual([expect.objectContaining({ pointer: '/channel' })]);
    const bogusCurrency = await place(anOrder({ currency: 'XYZ' }));
    expect(bogusCurrency.json().errors).toEqual([expect.objectContaining({ pointer: '/currency' })]);
  });

  it('refuses a short order with 409 listing each SKU, and backorders where the buyer and the variant allow it', async () => {
    const before = await orderFootprint(t.app);
    const short = await place(
      anOrder({
        lines: [
          { sku: 'MUG-1', quantity: 6 },
          { sku: 'TEE-BLK-M', quantity: 1 },
        ],
      }),
    );
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({
      type: 'https://ordo.dev/problems/out-of-stock',
      shortages: [{ sku: 'MUG-1', requested: 6, available: 5 }],
    });
    expect(await orderFootprint(t.app)).toEqual(before);

    const notBackorderable = await place(
      anOrder({ lines: [{ sku: 'MUG-1', quantity: 6 }], onShortage: 'backorder' }),
    );
    expect(notBackorderable.statusCode).toBe(409);

    const backorder = await place(
      anOrder({ lines: [{ sku: 'PRE-1', quantity: 3 }], onShortage: 'backorder' }),
    );
    expect(backorder.statusCode, backorder.body).toBe(201);
    expect(backorder.json()).toMatchObject({ status: 'confirmed', fulfillmentStatus: 'backordered' });
    expect(backorder.json().lines[0]).toMatchObject({
      quantity: 3,
      backordered: 2,
      allocations: [{ locationCode: 'MAD', quantity: 1 }],
    });
  });

  it('splits an order over the fewest locations and ships from the nearest one that has everything', async () => {
    const split = await place(anOrder({ lines: [{ sku: 'MUG-1', quantity: 5 }] }));
    expect(split.statusCode, split.body).toBe(201);
    expect(split.json().lines[0].allocations).toEqual([
      expect.objectContaining({ locationCode: 'MAD', quantity: 3 }),
      expect.objectContaining({ locationCode: 'BER', quantity: 2 }),
    ]);
    const berlin = await place(
      anOrder({
        customer: { email: 'jonas@example.de', name: 'Jonas Weber' },
        shippingAddress: {
          name: 'Jonas Weber',
          line1: 'Hauptstraße 3',
          city: 'Berlin',
          postalCode: '10115',
          country: 'DE',
        },
      }),
    );
    expect(berlin.json().lines[0].allocations).toEqual([
      expect.objectContaining({ locationCode: 'BER', quantity: 2 }),
    ]);
  });

  it('keeps safety stock back from sale', async () => {
    const owner = await signInAs(t.app, 'owner');
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/stock/settings',
      headers: owner.headers,
      payload: { sku: 'BOOK-1', locationId: shop.mad, safetyStock: 8 },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const res = await place(anOrder({ lines: [{ sku: 'BOOK-1', quantity: 3 }] }));
    expect(res.statusCode).toBe(409);
    expect(res.json().shortages).toEqual([{ sku: 'BOOK-1', requested: 3, available: 2 }]);
    expect((await place(anOrder({ lines: [{ sku: 'BOOK-1', quantity: 2 }] }))).statusCode).toBe(201);
  });

  it('declines with 402 and the reason, leaving no order, reservation or payment', async () => {
    const before = await orderFootprint(t.app);
    for (const [token, reason] of [
      ['tok_declined', 'card_declined'],
      ['tok_insufficient_funds', 'insufficient_funds'],
      ['tok_expired', 'expired_card'],
    ]) {
      const res = await place(anOrder({ payment: { method: 'card', token } }));
      expect(res.statusCode).toBe(402);
      expect(res.json()).toMatchObject({ type: 'https://ordo.dev/problems/payment-declined', reason });
    }
    expect(await orderFootprint(t.app)).toEqual(before);
  });

  it('resolves a payment timeout by asking the provider, never by guessing', async () => {
    const res = await place(anOrder({ payment: { method: 'card', token: 'tok_timeout' } }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'confirmed', paymentStatus: 'authorized' });
    const charges = await t.app.ordo.database.db
      .selectFrom('testGatewayCharges')
      .selectAll()
      .where('token', '=', 'tok_timeout')
      .execute();
    expect(charges).toHaveLength(1);
  });

  it('takes phone orders from staff with manual payment, tax added on top for the United States', async () => {
    const res = await place(
      anOrder({
        channel: 'phone',
        currency: 'USD',
        customer: { email: 'sam@example.com', name: 'Sam Lee', phone: '+1 415 555 0134' },
        lines: [{ sku: 'TEE-BLK-M', quantity: 1 }],
        shippingAddress: {
          name: 'Sam Lee',
          line1: '1 Market St',
          city: 'San Francisco',
          region: 'CA',
          postalCode: '94105',
          country: 'US',
        },
        shippingMethod: 'express',
        payment: { method: 'manual', kind: 'invoice' },
      }),
      agent.headers,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'phone', status: 'confirmed', paymentStatus: 'pending' });
    expect(res.json().totals).toMatchObject({
      subtotal: 2199,
      shipping: 3995,
      tax: 0,
      total: 6194,
      pricesIncludeTax: false,
    });
    expect(res.json().placedBy).toMatchObject({ kind: 'staff' });
  });

  it('matches returning customers by email in any case and finds orders by number, email, name and SKU', async () => {
    const first = await place(anOrder({ customer: { email: 'Lucia@Example.com', name: 'Lucía Pérez' } }));
    const second = await place(anOrder({ customer: { email: 'lucia@example.com', name: 'Lucía Pérez' } }));
    expect(second.json().customerId).toBe(first.json().customerId);
    const list = (q: string) =>
      t.app
        .inject({ url: `/api/v1/orders?${q}`, headers: agent.headers })
        .then((r) => r.json().items.map((o: { id: string }) => o.id));
    expect(await list(`q=${first.json().number}`)).toEqual([first.json().id]);
    expect(await list('q=lucia%40')).toEqual([second.json().id, first.json().id]);
    expect(await list('q=Lucía')).toEqual([second.json().id, first.json().id]);
    expect(await list(`customerId=${first.json().customerId}`)).toHaveLength(2);
    expect((await list('sku=PRE-1')).length).toBe(1);
    expect((await list('status=on_hold')).length).toBe(0);
    const bad = await t.app.inject({ url: '/api/v1/orders?status=lost', headers: agent.headers });
    expect(bad.statusCode).toBe(422);
    const yearZero = await t.app.inject({
      url: '/api/v1/orders?placedFrom=0000-01-01',
      headers: agent.headers,
    });
    expect(yearZero.statusCode).toBe(422);
    expect(yearZero.json().errors[0]).toMatchObject({ pointer: '/placedFrom', in: 'query' });
  });

  it('lets only those with orders:write place orders', async () => {
    const warehouse = await signInAs(t.app, 'warehouse');
    expect((await place(anOrder({ channel: 'phone' }), warehouse.headers)).statusCode).toBe(403);
    const readOnly = await apiKeyWith(t.app, ['orders:read']);
    expect((await place(anOrder(), readOnly.headers)).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/orders', payload: anOrder() })).statusCode,
    ).toBe(401);
  });

  it('never sells a unit twice: 200 buyers race for 50 units', async () => {
    await addProducts(t.app, t.clock, [{ sku: 'HOT-1', eur: 1000 }]);
    await stock(t.app, t.clock, shop.mad, [{ sku: 'HOT-1', quantity: 30 }]);
    await stock(t.app, t.clock, shop.ber, [{ sku: 'HOT-1', quantity: 20 }]);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        place(
          anOrder({
            customer: { email: `racer${i}@example.com`, name: `Racer ${i}` },
            lines: [{ sku: 'HOT-1', quantity: 1 }],
          }),
        ),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(50);
    expect(codes.filter((c) => c === 409)).toHaveLength(150);
    const levels = await t.app.ordo.database.db
      .selectFrom('stockLevels')
      .innerJoin('variants', 'variants.id', 'stockLevels.variantId')
      .select(['onHand', 'reserved'])
      .where('variants.sku', '=', 'HOT-1')
      .execute();
    expect(levels.every((l) => l.reserved === l.onHand)).toBe(true);
    expect(await checkLedger(t.app.ordo.database.db)).toEqual([]);
  });
});
