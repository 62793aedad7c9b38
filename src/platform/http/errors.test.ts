import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { memoryLogger, useTestApp } from '../../../test/support/app.ts';
import { apiKeyWith } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';

const Body = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 20 }),
    quantity: Type.Integer({ minimum: 1 }),
    lines: Type.Array(
      Type.Object({ sku: Type.String({ pattern: '^[A-Z0-9-]+$' }) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

const log = memoryLogger();

describe.each(databaseKinds)('problem replies (%s)', (kind) => {
  const t = useTestApp(kind, {
    logger: log.logger,
    env: { ORDO_BODY_LIMIT: '2048' },
    extraRoutes: (app) => {
      app.post(
        '/api/v1/test/things',
        { config: { permission: 'public' }, schema: { body: Body } },
        async (_request, reply) => reply.code(201).send({ ok: true }),
      );
      app.get('/api/v1/test/bug', { config: { permission: 'public' } }, async () => {
        throw new Error('secret internal detail at /srv/ordo/src/thing.ts:42');
      });
    },
  });

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/test/things',
      payload,
      headers: { 'content-type': contentType },
    });

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ name: 'Tee', quantity: 2, lines: [{ sku: 'TEE-1' }] }));
    expect(res.statusCode).toBe(201);
  });

  it('answers bad JSON with 400 malformed-json', async () => {
    const res = await post('{"name": "Tee",');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: 'https://ordo.dev/problems/malformed-json',
      title: 'The body is not valid JSON',
      status: 400,
    });
  });

  it('names every wrong-typed, missing and unknown field with a JSON pointer', async () => {
    const res = await post(
      JSON.stringify({ quantity: '2', lines: [{ sku: 'ok-no', colour: 'red' }], extra: 1 }),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.type).toBe('https://ordo.dev/problems/validation-failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/name', detail: 'is required' },
        { pointer: '/quantity', detail: 'must be an integer' },
        { pointer: '/lines/0/sku', detail: 'must match pattern "^[A-Z0-9-]+$"' },
        { pointer: '/lines/0/colour', detail: 'is not a known field' },
        { pointer: '/extra', detail: 'is not a known field' },
      ]),
    );
    expect(body.errors).toHaveLength(5);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await post('name=Tee', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      type: 'https://ordo.dev/problems/unsupported-media-type',
      status: 415,
    });
  });

  it('refuses an empty JSON body', async () => {
    const res = await post('');
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toBe('https://ordo.dev/problems/malformed-json');
  });

  it('refuses an oversized body with 413 and the limit', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(5000), quantity: 1, lines: [] }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ type: 'https://ordo.dev/problems/payload-too-large', limit: 2048 });
  });

  it('answers an unknown API route with 404 problem', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      status: 404,
      detail: 'There is no DELETE /api/v1/nothing-here here.',
    });
    const get = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(get.statusCode).toBe(404);
    expect(get.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('hides a thrown bug behind a 500 with the request id, and logs the stack', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/test/bug' });
    expect(res.statusCode).toBe(500);
    const requestId = res.headers['x-request-id'];
    expect(requestId).toMatch(/^req_/);
    const body = res.json();
    expect(body).toMatchObject({ type: 'https://ordo.dev/problems/internal-error', status: 500, requestId });
    expect(body.detail).toContain(String(requestId));
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('thing.ts');
    expect(res.body).not.toMatch(/at .*\(/);
    const logged = log.lines.find((line) => line.reqId === requestId && line.msg === 'unhandled error');
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('secret internal detail');
    expect((logged?.err as { stack?: string } | undefined)?.stack).toContain('errors.test.ts');
  });

  it('refuses a NUL character anywhere in the body or query, naming where', async () => {
    const res = await post(JSON.stringify({ name: 'Te\u0000e', quantity: 1, lines: [] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { pointer: '/name', detail: 'must not contain the NUL character (\\u0000)' },
    ]);
    const cursor = Buffer.from(JSON.stringify(['a\u0000'])).toString('base64url');
    const key = await apiKeyWith(t.app, ['webhooks:manage']);
    const list = await t.app.inject({
      url: `/api/v1/webhook-endpoints?cursor=${cursor}`,
      headers: key.headers,
    });
    expect(list.statusCode).toBe(422);
    expect(list.json().errors[0]).toMatchObject({ pointer: '/cursor', in: 'query' });
  });

  it('answers a malformed URL with a problem and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/webhook-endpoints/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-request-id']).toMatch(/^req_/);
  });

  it('carries a well-formed incoming request id through', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'lb-1234' } });
    expect(res.headers['x-request-id']).toBe('lb-1234');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(forged.headers['x-request-id']).toMatch(/^req_/);
  });

  it('sends security headers and no CORS headers', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
