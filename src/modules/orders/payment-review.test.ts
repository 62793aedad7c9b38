import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { apiKeyWith } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { addProducts, anOrder, createTestShop, stock } from '../../../test/support/shop.ts';
import { type PaymentProvider, ProviderTimeout } from '../payments/index.ts';

/** A card provider whose answers a test decides: every authorisation times out; lookups say what the test says. */
function undecidedProvider() {
  const state = { answer: null as null | 'authorized' | 'declined', lookups: 0, voided: [] as string[] };
  const provider: PaymentProvider = {
    name: 'undecided',
    authorize: async ({ idempotencyKey }) => {
      throw new ProviderTimeout(idempotencyKey);
    },
    lookup: async (key) => {
      state.lookups += 1;
      if (state.answer === 'authorized') return { outcome: 'authorized', reference: `ref_${key}` };
      if (state.answer === 'declined') return { outcome: 'declined', reason: 'card_declined' };
      return null;
    },
    capture: async () => {},
    void: async (reference) => {
      state.voided.push(reference);
    },
    refund: async () => {},
  };
  return { provider, state };
}

describe.each(databaseKinds)('orders waiting for a payment answer (%s)', (kind) => {
  const { provider, state } = undecidedProvider();
  let t: TestApp;
  let key: { headers: Record<string, string> };
  beforeAll(async () => {
    t = await createTestApp(kind, { providers: { card: provider } });
    const shop = await createTestShop(t.app, t.clock);
    await addProducts(t.app, t.clock, [{ sku: 'MUG-1', eur: 1200 }]);
    await stock(t.app, t.clock, shop.mad, [{ sku: 'MUG-1', quantity: 10 }]);
    key = await apiKeyWith(t.app, ['orders:write']);
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.db.drop();
  });
  const place = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: key.headers,
      payload: anOrder({ lines: [{ sku: 'MUG-1', quantity: 2 }] }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const get = async (id: string) =>
    (await t.app.inject({ url: `/api/v1/orders/${id}`, headers: key.headers })).json();
  const later = async (seconds: number) => {
    t.clock.advance(seconds * 1000);
    for (let i = 0; i < 5; i++) await t.app.ordo.worker.drain();
  };
  const reserved = async () =>
    Number(
      (await t.app.ordo.database.db.selectFrom('stockLevels').select('reserved').executeTakeFirstOrThrow())
        .reserved,
    );

  it('holds the order with its stock, keeps asking, and confirms it once the provider answers', async () => {
    state.answer = null;
    const order = await place();
    expect(order).toMatchObject({
      status: 'on_hold',
      paymentStatus: 'pending',
      holdReason: expect.stringContaining('payment review'),
    });
    expect(await reserved()).toBe(2);
    await later(60);
    expect((await get(order.id)).status).toBe('on_hold');
    const asked = state.lookups;
    expect(asked).toBeGreaterThan(1);
    state.answer = 'authorized';
    await later(3600);
    const confirmed = await get(order.id);
    expect(confirmed).toMatchObject({ status: 'confirmed', paymentStatus: 'authorized', holdReason: null });
    expect(confirmed.payments[0]).toMatchObject({ status: 'authorized' });
    const timeline = await t.app.inject({ url: `/api/v1/orders/${order.id}/timeline`, headers: key.headers });
    expect(timeline.json().items.at(-1)).toMatchObject({ fromState: 'on_hold', toState: 'confirmed' });
  });

  it('cancels the order and frees its stock when the answer is a decline', async () => {
    state.answer = null;
    const before = await reserved();
    const order = await place();
    expect(await reserved()).toBe(before + 2);
    state.answer = 'declined';
    await later(3600);
    const cancelled = await get(order.id);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: expect.stringContaining('card_declined'),
    });
    expect(await reserved()).toBe(before);
  });
});
