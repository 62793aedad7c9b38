import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { createTestApp, useTestApp } from '../../../test/support/app.ts';
import { apiKeyWith } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';

/** A route that counts how often it really ran and can be held open to test a concurrent duplicate. */
function counterRoutes() {
  const state = { runs: 0, release: () => {}, failNext: false, entered: () => {} };
  return {
    state,
    extraRoutes: (app: import('fastify').FastifyInstance) => {
      app.post(
        '/api/v1/test/payments',
        {
          config: { permission: 'public' },
          schema: { body: Type.Object({ amount: Type.Integer(), hold: Type.Optional(Type.Boolean()) }) },
        },
        async (request, reply) => {
          state.runs += 1;
          const run = state.runs;
          const body = request.body as { amount: number; hold?: boolean };
          if (body.hold) {
            const held = new Promise<void>((resolve) => {
              state.release = resolve;
            });
            state.entered();
            await held;
          }
          if (state.failNext) {
            state.failNext = false;
            throw new Error('gateway exploded');
          }
          return reply
            .code(201)
            .header('location', `/api/v1/test/payments/${run}`)
            .send({ run, amount: body.amount });
        },
      );
    },
  };
}

describe.each(databaseKinds)('Idempotency-Key (%s)', (kind) => {
  const routes = counterRoutes();
  const t = useTestApp(kind, { extraRoutes: routes.extraRoutes });
  const pay = (key: string | undefined, body: object, authorization?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/test/payments',
      payload: body,
      headers: { ...(key ? { 'idempotency-key': key } : {}), ...(authorization ? { authorization } : {}) },
    });

  it('replays the first reply, status, body and location, without running again', async () => {
    const first = await pay('k-replay', { amount: 100 });
    expect(first.statusCode).toBe(201);
    const runs = routes.state.runs;
    const second = await pay('k-replay', { amount: 100 });
    expect(routes.state.runs).toBe(runs);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
  });

  it('treats the same body with keys in another order as the same request', async () => {
    const first = await pay('k-order', { amount: 5, hold: false });
    const second = await pay('k-order', { hold: false, amount: 5 });
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
  });

  it('refuses the same key with a different body (422) and runs nothing', async () => {
    await pay('k-mismatch', { amount: 100 });
    const runs = routes.state.runs;
    const res = await pay('k-mismatch', { amount: 999 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      type: 'https://ordo.dev/problems/idempotency-key-reused',
      errors: [{ pointer: '/Idempotency-Key', in: 'header' }],
    });
    expect(routes.state.runs).toBe(runs);
  });

  it('refuses a concurrent duplicate with 409 while the first runs, then replays it', async () => {
    const entered = new Promise<void>((resolve) => {
      routes.state.entered = resolve;
    });
    const first = pay('k-concurrent', { amount: 7, hold: true });
    await entered;
    const duplicate = await pay('k-concurrent', { amount: 7, hold: true });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().type).toBe('https://ordo.dev/problems/idempotency-key-in-use');
    expect(Number(duplicate.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    routes.state.release();
    const done = await first;
    expect(done.statusCode).toBe(201);
    const after = await pay('k-concurrent', { amount: 7, hold: true });
    expect(after.json()).toEqual(done.json());
    expect(after.headers['idempotent-replayed']).toBe('true');
  });

  it('lets a retry take over a request that died, but never with a different body', async () => {
    const entered = new Promise<void>((resolve) => {
      routes.state.entered = resolve;
    });
    const stuck = pay('k-stale', { amount: 5, hold: true });
    await entered;
    t.clock.advance({ minutes: 2, seconds: 1 });
    const other = await pay('k-stale', { amount: 6 });
    expect(other.statusCode).toBe(422);
    expect(other.json().type).toBe('https://ordo.dev/problems/idempotency-key-reused');
    const retry = await pay('k-stale', { amount: 5, hold: false });
    expect(retry.statusCode).toBe(422);
    routes.state.release();
    await stuck;
  });

  it('refuses a key on a route whose reply holds a secret shown once', async () => {
    const key = await apiKeyWith(t.app, ['webhooks:manage']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      headers: { ...key.headers, 'idempotency-key': 'k-secret' },
      payload: { url: 'https://hooks.example.com/in', eventTypes: ['*'] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ pointer: '/Idempotency-Key', in: 'header' }),
    ]);
    const stored = await t.app.ordo.database.db
      .selectFrom('idempotencyKeys')
      .select('responseBody')
      .execute();
    expect(stored.some((r) => r.responseBody?.includes('whsec_'))).toBe(false);
  });

  it('keeps no reply after a server error, so a retry runs again', async () => {
    routes.state.failNext = true;
    const failed = await pay('k-5xx', { amount: 1 });
    expect(failed.statusCode).toBe(500);
    const retry = await pay('k-5xx', { amount: 1 });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('stores nothing for a request refused for its shape, so it may be corrected and resent', async () => {
    const bad = await pay('k-shape', { amount: 'ten' });
    expect(bad.statusCode).toBe(422);
    const fixed = await pay('k-shape', { amount: 10 });
    expect(fixed.statusCode).toBe(201);
  });

  it('keeps keys of different callers apart', async () => {
    const keyA = await apiKeyWith(t.app, ['orders:write']);
    const keyB = await apiKeyWith(t.app, ['orders:write']);
    const a = await pay('k-shared', { amount: 1 }, keyA.headers.authorization);
    const b = await pay('k-shared', { amount: 2 }, keyB.headers.authorization);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().amount).toBe(2);
  });

  it('forgets a reply after 24 hours', async () => {
    const first = await pay('k-expiry', { amount: 3 });
    t.clock.advance({ hours: 23 });
    expect((await pay('k-expiry', { amount: 3 })).headers['idempotent-replayed']).toBe('true');
    t.clock.advance({ hours: 1, seconds: 1 });
    const later = await pay('k-expiry', { amount: 3 });
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.json().run).not.toBe(first.json().run);
  });

  it('rejects a malformed key naming the header', async () => {
    const res = await pay('x'.repeat(256), { amount: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ pointer: '/Idempotency-Key', in: 'header' }),
    ]);
  });

  it('runs a burst of simultaneous identical requests exactly once', async () => {
    const runs = routes.state.runs;
    const replies = await Promise.all(Array.from({ length: 20 }, () => pay('k-burst', { amount: 42 })));
    expect(routes.state.runs).toBe(runs + 1);
    const created = replies.filter((r) => r.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json().run)).size).toBe(1);
    for (const r of replies) expect([201, 409]).toContain(r.statusCode);
  });

  it('runs every request without a key', async () => {
    const runs = routes.state.runs;
    await pay(undefined, { amount: 1 });
    await pay(undefined, { amount: 1 });
    expect(routes.state.runs).toBe(runs + 2);
  });
});

describe.skipIf(!databaseKinds.includes('postgres'))('Idempotency-Key across processes (postgres)', () => {
  it('two app instances on one database run a duplicate only once', async () => {
    const routesA = counterRoutes();
    const routesB = counterRoutes();
    const a = await createTestApp('postgres', { extraRoutes: routesA.extraRoutes });
    const b = await createTestApp('postgres', { extraRoutes: routesB.extraRoutes, database: a.db });
    try {
      const send = (app: typeof a.app) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/test/payments',
          payload: { amount: 9 },
          headers: { 'idempotency-key': 'k-two' },
        });
      const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i % 2 ? a.app : b.app)));
      expect(routesA.state.runs + routesB.state.runs).toBe(1);
      for (const r of replies) expect([201, 409]).toContain(r.statusCode);
      const later = await send(b.app);
      expect(later.statusCode).toBe(201);
      expect(later.headers['idempotent-replayed']).toBe('true');
    } finally {
      await b.app.close();
      await a.app.close();
      await a.db.drop();
    }
  });
});
