import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { apiKeyWith } from '../../../test/support/auth.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../test/support/database.ts';
import { startWebhookReceiver } from '../../../test/support/webhook-receiver.ts';
import { withTransaction } from '../db/transaction.ts';
import type { Subscriber } from './dispatcher.ts';
import { appendEvent, type DomainEvent } from './outbox.ts';
import { webhookMaxAttempts, webhookRetryDelaysMs } from './webhooks.ts';

/**
 * Standard Webhooks verification written from the specification, independent of the library
 * Ordo signs with: HMAC-SHA256 over "id.timestamp.body" with the base64 secret after "whsec_",
 * sent as space-separated "v1,<base64>" signatures.
 */
function verifyStandardWebhook(
  secret: string,
  headers: Record<string, unknown>,
  body: string,
  nowSeconds: number,
) {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  if (Math.abs(nowSeconds - Number(timestamp)) > 5 * 60) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .some((candidate) => {
      const [version, signature] = candidate.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

function recordingSubscriber(name: string, events: string[]) {
  const seen: DomainEvent[] = [];
  const subscriber: Subscriber = { name, events, handle: async (event) => void seen.push(event) };
  return { subscriber, seen };
}

describe.each(databaseKinds)('outbox and webhooks (%s)', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  const orders = recordingSubscriber('test-orders', ['order.*']);
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let owner: { headers: Record<string, string> };
  const call = (options: InjectOptions) =>
    t.app.inject({ ...options, headers: { ...owner.headers, ...options.headers } });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(kind, { database: db, subscribers: [orders.subscriber] });
    receiver = await startWebhookReceiver();
    // An API key, not a session: these tests move the clock past any session's lifetime.
    owner = await apiKeyWith(t.app, ['webhooks:manage']);
  });
  afterAll(async () => {
    await t.app.close();
    await receiver.close();
    await db.drop();
  });

  const append = (type: string, payload: unknown) =>
    withTransaction(db.database, (trx) =>
      appendEvent(trx, t.clock.now(), { type, aggregateId: 'ord_test', payload }),
    );
  const deliverAll = async () => {
    while ((await t.app.ordo.dispatcher.dispatchBatch()) > 0);
    while ((await t.app.ordo.worker.drain()) > 0);
  };

  it('never delivers an event whose transaction rolled back', async () => {
    await expect(
      withTransaction(db.database, async (trx) => {
        await appendEvent(trx, t.clock.now(), { type: 'order.placed', payload: { number: 1 } });
        throw new Error('payment declined');
      }),
    ).rejects.toThrow('payment declined');
    await deliverAll();
    expect(orders.seen.filter((e) => (e.payload as { number: number }).number === 1)).toEqual([]);
    const stored = await db.database.db.selectFrom('outboxEvents').selectAll().execute();
    expect(stored.filter((e) => (e.payload as { number?: number }).number === 1)).toEqual([]);
  });

  it('delivers to subscribers whose patterns match, once', async () => {
    const id = await append('order.placed', { number: 2 });
    await append('inventory.low', { sku: 'TEE' });
    await deliverAll();
    await deliverAll();
    expect(orders.seen.filter((e) => e.id === id)).toHaveLength(1);
    expect(orders.seen.find((e) => e.id === id)).toMatchObject({
      type: 'order.placed',
      payload: { number: 2 },
    });
    expect(orders.seen.some((e) => e.type === 'inventory.low')).toBe(false);
  });

  it('still delivers after a crash between commit and delivery', async () => {
    const crashed = recordingSubscriber('test-crash', ['order.cancelled']);
    const before = await createTestApp(kind, { database: db, subscribers: [crashed.subscriber] });
    const id = await withTransaction(db.database, (trx) =>
      appendEvent(trx, before.clock.now(), { type: 'order.cancelled', payload: { reason: 'customer' } }),
    );
    // The process dies: nothing was dispatched.
    await before.app.close();
    expect(crashed.seen).toEqual([]);
    const restarted = await createTestApp(kind, { database: db, subscribers: [crashed.subscriber] });
    try {
      await restarted.app.ordo.dispatcher.dispatchBatch();
      // ...and dies again after fanning out, before running the subscriber.
      await restarted.app.close();
      expect(crashed.seen).toEqual([]);
      const again = await createTestApp(kind, { database: db, subscribers: [crashed.subscriber] });
      await again.app.ordo.worker.drain();
      await again.app.close();
      expect(crashed.seen.map((e) => e.id)).toEqual([id]);
    } finally {
      await restarted.app.close();
    }
  });

  it('signs webhook deliveries so an independent Standard Webhooks verifier accepts them', async () => {
    const created = await call({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      payload: { url: receiver.url, eventTypes: ['order.shipped'], description: 'ERP' },
    });
    expect(created.statusCode).toBe(201);
    const endpoint = created.json();
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const eventId = await append('order.shipped', { number: 1001, carrier: 'DHL' });
    await deliverAll();
    const got = receiver.received.at(-1)!;
    expect(got.headers['content-type']).toBe('application/json');
    expect(JSON.parse(got.body)).toEqual({
      id: eventId,
      type: 'order.shipped',
      timestamp: t.clock.now().toISOString(),
      data: { number: 1001, carrier: 'DHL' },
    });
    const now = Math.floor(t.clock.now().getTime() / 1000);
    expect(verifyStandardWebhook(endpoint.secret, got.headers, got.body, now)).toBe(true);
    expect(verifyStandardWebhook(endpoint.secret, got.headers, got.body.replace('1001', '1002'), now)).toBe(
      false,
    );
    expect(
      verifyStandardWebhook(`whsec_${Buffer.from('wrong').toString('base64')}`, got.headers, got.body, now),
    ).toBe(false);
    const deliveries = await call({ url: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries` });
    expect(deliveries.json().items).toEqual([
      expect.objectContaining({
        id: got.headers['webhook-id'],
        state: 'delivered',
        attempts: 1,
        lastStatus: 204,
      }),
    ]);
    // The secret is shown once, at creation.
    const fetched = await call({ url: `/api/v1/webhook-endpoints/${endpoint.id}` });
    expect(fetched.json().secret).toBeUndefined();
    await call({ method: 'DELETE', url: `/api/v1/webhook-endpoints/${endpoint.id}` });
  });

  it('retries a failing receiver on schedule, dead-letters after the last try, and resends on request', async () => {
    const created = await call({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      payload: { url: receiver.url, eventTypes: ['order.refunded'] },
    });
    const endpoint = created.json();
    receiver.answerAlways(503);
    const start = receiver.received.length;
    await append('order.refunded', { amount: 1999 });
    await deliverAll();
    const list = () =>
      call({ url: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries` }).then((r) => r.json());
    expect((await list()).items[0]).toMatchObject({ state: 'retrying', attempts: 1, lastStatus: 503 });
    for (const [i, delay] of webhookRetryDelaysMs.entries()) {
      t.clock.advance(delay - 1);
      await deliverAll();
      // Not a moment early: the schedule is 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h.
      expect(receiver.received.length - start).toBe(i + 1);
      t.clock.advance(1);
      await deliverAll();
      expect(receiver.received.length - start).toBe(i + 2);
    }
    const attempts = receiver.received.slice(start);
    expect(attempts).toHaveLength(webhookMaxAttempts);
    // Every retry carries the same message id, so receivers can drop duplicates.
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    const dead = await call({
      url: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries?state=dead`,
    });
    const [letter] = dead.json().items;
    expect(letter).toMatchObject({
      state: 'dead',
      attempts: webhookMaxAttempts,
      lastStatus: 503,
      nextAttemptAt: null,
    });
    expect(letter.lastError).toContain('503');

    receiver.answerAlways(200);
    const resent = await call({
      method: 'POST',
      url: `/api/v1/webhook-deliveries/${letter.id}/resend`,
    });
    expect(resent.statusCode).toBe(202);
    expect(resent.json()).toMatchObject({ state: 'pending', attempts: 0 });
    const busy = await call({
      method: 'POST',
      url: `/api/v1/webhook-deliveries/${letter.id}/resend`,
    });
    expect(busy.statusCode).toBe(409);
    await deliverAll();
    expect((await list()).items[0]).toMatchObject({
      id: letter.id,
      state: 'delivered',
      attempts: 1,
      lastStatus: 200,
    });
    expect(receiver.received.at(-1)?.headers['webhook-id']).toBe(letter.id);
    receiver.answerAlways(204);
  });

  it('sends nothing to a disabled endpoint', async () => {
    const created = await call({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      payload: { url: receiver.url, eventTypes: ['order.paused'] },
    });
    const start = receiver.received.length;
    await append('order.paused', {});
    await t.app.ordo.dispatcher.dispatchBatch();
    await call({
      method: 'PATCH',
      url: `/api/v1/webhook-endpoints/${created.json().id}`,
      payload: { enabled: false },
    });
    await deliverAll();
    expect(receiver.received.length).toBe(start);
    const deliveries = await call({ url: `/api/v1/webhook-endpoints/${created.json().id}/deliveries` });
    expect(deliveries.json().items[0]).toMatchObject({
      state: 'dead',
      lastError: 'not sent: the endpoint is disabled',
    });
  });

  it('refuses webhook URLs that carry credentials', async () => {
    const res = await call({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      payload: { url: 'https://shop:s3cret@hooks.example.com/in', eventTypes: ['*'] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].pointer).toBe('/url');
    expect(res.body).not.toContain('s3cret');
  });

  it('records a receiver that cannot be reached as a failed try', async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    const created = await call({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      payload: { url: closed.url, eventTypes: ['order.held'] },
    });
    await append('order.held', {});
    await deliverAll();
    const deliveries = await call({
      url: `/api/v1/webhook-endpoints/${created.json().id}/deliveries`,
    });
    expect(deliveries.json().items[0]).toMatchObject({ state: 'retrying', lastStatus: null });
    expect(deliveries.json().items[0].lastError).toMatch(/could not connect \(ECONNREFUSED\)/);
  });
});

describe.each(databaseKinds)('webhooks to private addresses (%s)', (kind) => {
  it('are refused unless the operator allows them', async () => {
    const strict = await createTestApp(kind, { env: { ORDO_WEBHOOKS_ALLOW_PRIVATE: 'false' } });
    const receiver = await startWebhookReceiver();
    try {
      const key = await apiKeyWith(strict.app, ['webhooks:manage']);
      const port = new URL(receiver.url).port;
      for (const url of [receiver.url, `http://localhost:${port}/hooks`]) {
        const created = await strict.app.inject({
          method: 'POST',
          url: '/api/v1/webhook-endpoints',
          headers: key.headers,
          payload: { url, eventTypes: ['order.placed'] },
        });
        expect(created.statusCode).toBe(201);
      }
      await withTransaction(strict.db.database, (trx) =>
        appendEvent(trx, strict.clock.now(), { type: 'order.placed', payload: {} }),
      );
      await strict.app.ordo.dispatcher.dispatchBatch();
      await strict.app.ordo.worker.drain();
      expect(receiver.received).toEqual([]);
      const deliveries = await strict.db.database.db
        .selectFrom('webhookDeliveries')
        .select(['lastError', 'state'])
        .execute();
      expect(deliveries).toHaveLength(2);
      for (const d of deliveries) {
        expect(d.state).toBe('retrying');
        expect(d.lastError).toMatch(/^refused: .* is a private or local address \((127\.0\.0\.1|::1)\)$/);
      }
    } finally {
      await receiver.close();
      await strict.app.close();
      await strict.db.drop();
    }
  });
});
