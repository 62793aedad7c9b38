import { describe, expect, it } from 'vitest';
import { createTestApp, useTestApp } from '../../../test/support/app.ts';
import { apiKeyWith, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { loginLimits } from './throttle.ts';

describe.each(databaseKinds)('sign-in and sessions (%s)', (kind) => {
  const t = useTestApp(kind);
  const login = (email: string, password: string, ip = '10.1.1.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('signs in with a session cookie that scripts cannot read', async () => {
    const { email, password } = await signInAs(t.app, 'agent');
    const res = await login(email.toUpperCase(), password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ordo_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(res.json()).toMatchObject({ staff: { email, role: 'agent' }, csrfToken: expect.any(String) });
    expect(res.json().permissions).toContain('orders:refund');
    expect(res.json().staff.passwordHash).toBeUndefined();
  });

  it('marks the cookie Secure when Ordo is served over https', async () => {
    const secure = await createTestApp(kind, { env: { ORDO_PUBLIC_URL: 'https://shop.example.com' } });
    try {
      const { email, password } = await signInAs(secure.app, 'agent');
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      });
      expect(res.cookies.find((c) => c.name === 'ordo_session')?.secure).toBe(true);
    } finally {
      await secure.app.close();
      await secure.db.drop();
    }
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const { email } = await signInAs(t.app, 'agent');
    const wrong = await login(email, 'not the password', '10.2.0.1');
    const unknown = await login('nobody@example.com', 'whatever', '10.2.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ ...unknown.json() });
    expect(wrong.json().type).toBe('https://ordo.dev/problems/invalid-credentials');
  });

  it('throttles an account after repeated failures, with Retry-After, and lets it in again later', async () => {
    const { email, password } = await signInAs(t.app, 'manager');
    for (let i = 0; i < loginLimits.perAccountFromAddress; i++) {
      expect((await login(email, 'guess', '10.3.0.1')).statusCode).toBe(401);
    }
    const blocked = await login(email, password, '10.3.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().type).toBe('https://ordo.dev/problems/too-many-requests');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(loginLimits.windowMs / 1000);
    // The same account from another address is not locked out by someone else's guesses.
    expect((await login(email, password, '10.3.9.9')).statusCode).toBe(200);
    t.clock.advance(retryAfter * 1000);
    expect((await login(email, password, '10.3.0.1')).statusCode).toBe(200);
  });

  it('counts a burst of parallel guesses like guesses one after another', async () => {
    const { email } = await signInAs(t.app, 'agent');
    const replies = await Promise.all(Array.from({ length: 12 }, () => login(email, 'guess', '10.5.5.5')));
    const codes = replies.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(loginLimits.perAccountFromAddress);
    expect(codes.filter((c) => c === 429)).toHaveLength(12 - loginLimits.perAccountFromAddress);
    t.clock.advance(loginLimits.windowMs);
  });

  it('limits guesses of the current password when changing it', async () => {
    const staff = await signInAs(t.app, 'manager');
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: staff.headers,
        payload: { currentPassword: 'guess', newPassword: 'a-new-long-password' },
      });
    for (let i = 0; i < loginLimits.perAccountFromAddress; i++)
      expect((await attempt()).statusCode).toBe(422);
    expect((await attempt()).statusCode).toBe(429);
    t.clock.advance(loginLimits.windowMs);
  });

  it('refuses an Idempotency-Key on sign-in, so no password is ever kept', async () => {
    const { email, password } = await signInAs(t.app, 'agent');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'idempotency-key': 'k-login' },
      payload: { email, password },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/Idempotency-Key', in: 'header' });
  });

  it('throttles an address that tries many accounts', async () => {
    const ip = '10.4.4.4';
    for (let i = 0; i < loginLimits.perIp; i++) await login(`spray${i}@example.com`, 'guess', ip);
    const { email, password } = await signInAs(t.app, 'agent');
    const blocked = await login(email, password, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().detail).toContain('from your address');
    expect((await login(email, password, '10.4.4.5')).statusCode).toBe(200);
    t.clock.advance(loginLimits.windowMs);
  });

  it('refuses a cookie-authenticated change without the CSRF token', async () => {
    const owner = await signInAs(t.app, 'owner');
    const payload = { url: 'https://hooks.example.com/a', eventTypes: ['*'] };
    const withoutToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      headers: { cookie: owner.headers.cookie! },
      payload,
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().type).toBe('https://ordo.dev/problems/csrf-failed');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      headers: { cookie: owner.headers.cookie!, 'x-csrf-token': 'forged' },
      payload,
    });
    expect(wrongToken.statusCode).toBe(403);
    const count = await t.app.ordo.database.db.selectFrom('webhookEndpoints').select('id').execute();
    expect(count).toHaveLength(0);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      headers: owner.headers,
      payload,
    });
    expect(ok.statusCode).toBe(201);
    // Reads need no token.
    expect(
      (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: owner.headers.cookie! } })).statusCode,
    ).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const { headers } = await signInAs(t.app, 'agent');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'ordo_session')?.value).toBe('');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('expires a session after 12 idle hours, but not while it is used', async () => {
    const { headers } = await signInAs(t.app, 'agent');
    for (let i = 0; i < 3; i++) {
      t.clock.advance({ hours: 10 });
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    }
    t.clock.advance({ hours: 12, seconds: 1 });
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('changes a password, signing out the other sessions but not this one', async () => {
    const first = await signInAs(t.app, 'warehouse');
    const second = await login(first.email, first.password);
    const secondHeaders = {
      cookie: `ordo_session=${second.cookies.find((c) => c.name === 'ordo_session')?.value}`,
    };
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: first.headers,
      payload: { currentPassword: 'not it', newPassword: 'a-new-long-password' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { pointer: '/currentPassword', detail: 'is not your current password' },
    ]);
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: first.headers,
      payload: { currentPassword: first.password, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0].pointer).toBe('/newPassword');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: first.headers,
      payload: { currentPassword: first.password, newPassword: 'a-new-long-password' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: first.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: secondHeaders })).statusCode).toBe(401);
    expect((await login(first.email, first.password, '10.9.0.1')).statusCode).toBe(401);
    expect((await login(first.email, 'a-new-long-password', '10.9.0.2')).statusCode).toBe(200);
  });

  it('counts sign-in failures per client behind a trusted proxy', async () => {
    const proxied = await createTestApp(kind, { env: { ORDO_TRUST_PROXY: '1' } });
    try {
      const { email, password } = await signInAs(proxied.app, 'agent');
      const via = (client: string, pw: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: pw },
          remoteAddress: '10.0.0.1',
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < loginLimits.perAccountFromAddress; i++) await via('203.0.113.7', 'guess');
      expect((await via('203.0.113.7', password)).statusCode).toBe(429);
      expect((await via('198.51.100.9', password)).statusCode).toBe(200);
    } finally {
      await proxied.app.close();
      await proxied.db.drop();
    }
  });

  it('refuses bad sign-in bodies naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.c' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ pointer: '/password', detail: 'is required' }]);
  });
});

describe.each(databaseKinds)('API keys (%s)', (kind) => {
  const t = useTestApp(kind);

  it('shows the key once, stores only its hash, and authenticates with its scopes', async () => {
    const owner = await signInAs(t.app, 'owner');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: owner.headers,
      payload: { name: 'Web shop', scopes: ['orders:write', 'catalog:read'] },
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect(key).toMatch(/^ordo_[A-Za-z0-9_-]{40}$/);
    const list = await t.app.inject({ url: '/api/v1/api-keys', headers: owner.headers });
    expect(list.body).not.toContain(key);
    const stored = await t.app.ordo.database.db
      .selectFrom('apiKeys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.keyHash).not.toContain(key);
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${key}` } });
    expect(me.json()).toMatchObject({ kind: 'api_key', id, name: 'Web shop' });
    expect(me.json().permissions).toEqual(['catalog:read', 'orders:read', 'orders:write']);
    const used = await t.app.ordo.database.db
      .selectFrom('apiKeys')
      .select('lastUsedAt')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(used.lastUsedAt?.toISOString()).toBe(t.clock.now().toISOString());
  });

  it('refuses what its scopes do not cover', async () => {
    const { headers } = await apiKeyWith(t.app, ['catalog:read']);
    const res = await t.app.inject({ url: '/api/v1/webhook-endpoints', headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('webhooks:manage');
    // Keys never manage staff, whatever they are given.
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: (await signInAs(t.app, 'owner')).headers,
      payload: { name: 'too much', scopes: ['staff:manage'] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].pointer).toBe('/scopes/0');
  });

  it('stops a revoked key at once', async () => {
    const owner = await signInAs(t.app, 'owner');
    const key = await apiKeyWith(t.app, ['webhooks:manage']);
    expect((await t.app.inject({ url: '/api/v1/webhook-endpoints', headers: key.headers })).statusCode).toBe(
      200,
    );
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${key.id}`,
      headers: owner.headers,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toBe(t.clock.now().toISOString());
    const refused = await t.app.inject({ url: '/api/v1/webhook-endpoints', headers: key.headers });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toContain('revoked');
  });

  it('stops a key when its creator is switched off, and shrinks it when they are demoted', async () => {
    const owner = await signInAs(t.app, 'owner');
    const creator = await signInAs(t.app, 'owner');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: creator.headers,
      payload: { name: 'ERP', scopes: ['webhooks:manage', 'catalog:read'] },
    });
    const key = { authorization: `Bearer ${created.json().key}` };
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${creator.staffId}`,
      headers: owner.headers,
      payload: { role: 'manager' },
    });
    expect((await t.app.inject({ url: '/api/v1/webhook-endpoints', headers: key })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/products', headers: key })).statusCode).toBe(200);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${creator.staffId}`,
      headers: owner.headers,
      payload: { active: false },
    });
    const refused = await t.app.inject({ url: '/api/v1/products', headers: key });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toContain('switched off');
  });

  it('refuses an unknown key and a malformed Authorization header, even on public routes', async () => {
    for (const authorization of ['Bearer ordo_nonsense', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const res = await t.app.inject({ url: '/health', headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });
});
