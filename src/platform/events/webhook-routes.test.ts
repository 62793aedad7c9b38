import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { type Credentials, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';

describe.each(databaseKinds)('webhook endpoints API (%s)', (kind) => {
  const t = useTestApp(kind);
  let owner: Credentials;
  beforeAll(async () => {
    owner = await signInAs(t.app, 'owner');
  });
  const call = (options: InjectOptions) =>
    t.app.inject({ ...options, headers: { ...owner.headers, ...options.headers } });
  const create = (payload: unknown) =>
    call({ method: 'POST', url: '/api/v1/webhook-endpoints', payload: payload as object });
  const count = async () =>
    Number(
      (
        await t.app.ordo.database.db
          .selectFrom('webhookEndpoints')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    [{ url: 'not a url', eventTypes: ['order.placed'] }, '/url'],
    [{ url: 'ftp://files.example.com/in', eventTypes: ['order.placed'] }, '/url'],
    [{ url: 'https://x.example.com', eventTypes: [] }, '/eventTypes'],
    [{ url: 'https://x.example.com', eventTypes: ['Order Placed!'] }, '/eventTypes/0'],
    [{ url: 'https://x.example.com' }, '/eventTypes'],
    [{ url: 'https://x.example.com', eventTypes: ['*'], secret: 'mine' }, '/secret'],
    [{ url: 'https://x.example.com', eventTypes: ['*'], description: 'd'.repeat(501) }, '/description'],
    [{ url: 'https://x.example.com', eventTypes: ['*'], enabled: 'yes' }, '/enabled'],
  ])('refuses %o naming %s, and creates nothing', async (payload, pointer) => {
    const before = await count();
    const res = await create(payload);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await count()).toBe(before);
  });

  it('lists endpoints page by page with a stable cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await create({ url: `https://hooks.example.com/${i}`, eventTypes: ['order.*'] })).json().id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = (await call({ url: `/api/v1/webhook-endpoints${query}` })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.next;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a forged cursor and a limit out of range, naming the query parameter', async () => {
    const forged = await call({ url: '/api/v1/webhook-endpoints?cursor=bm90LWEtY3Vyc29y' });
    expect(forged.statusCode).toBe(422);
    expect(forged.json().errors).toEqual([expect.objectContaining({ pointer: '/cursor', in: 'query' })]);
    const limit = await call({ url: '/api/v1/webhook-endpoints?limit=1000' });
    expect(limit.statusCode).toBe(422);
    expect(limit.json().errors).toEqual([expect.objectContaining({ pointer: '/limit', in: 'query' })]);
  });

  it('changes, disables and deletes an endpoint', async () => {
    const { id } = (await create({ url: 'https://a.example.com/hook', eventTypes: ['order.placed'] })).json();
    const changed = await call({
      method: 'PATCH',
      url: `/api/v1/webhook-endpoints/${id}`,
      payload: { enabled: false, eventTypes: ['order.*', 'order.*'] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      id,
      enabled: false,
      eventTypes: ['order.*'],
      url: 'https://a.example.com/hook',
    });
    const empty = await call({
      method: 'PATCH',
      url: `/api/v1/webhook-endpoints/${id}`,
      payload: {},
    });
    expect(empty.statusCode).toBe(422);
    expect((await call({ method: 'DELETE', url: `/api/v1/webhook-endpoints/${id}` })).statusCode).toBe(204);
    const gone = await call({ url: `/api/v1/webhook-endpoints/${id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ type: 'https://ordo.dev/problems/not-found', id });
    expect((await call({ method: 'DELETE', url: `/api/v1/webhook-endpoints/${id}` })).statusCode).toBe(404);
  });

  it('refuses a malformed id in the path with 422 naming it', async () => {
    const res = await call({ url: '/api/v1/webhook-endpoints/ord_123' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: '/id', in: 'path' })]);
  });

  it('refuses callers without the webhooks:manage permission', async () => {
    expect((await t.app.inject({ url: '/api/v1/webhook-endpoints' })).statusCode).toBe(401);
    const agent = await signInAs(t.app, 'agent');
    const res = await t.app.inject({ url: '/api/v1/webhook-endpoints', headers: agent.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().permission).toBe('webhooks:manage');
  });

  it('describes the routes in OpenAPI 3.1', async () => {
    const spec = (await call({ url: '/docs/json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/webhook-endpoints',
        '/api/v1/webhook-endpoints/{id}',
        '/health',
        '/ready',
      ]),
    );
    expect(spec.paths['/api/v1/webhook-endpoints'].post.requestBody).toBeDefined();
    const docs = await call({ url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });
});
