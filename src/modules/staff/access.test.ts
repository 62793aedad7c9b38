import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { permissions, type Role, rolePermissions, roles } from './permissions.ts';

describe('the permission table', () => {
  it('keeps money, prices and people with the right roles', () => {
    expect(rolePermissions.warehouse.has('orders:refund')).toBe(false);
    expect(rolePermissions.agent.has('catalog:write')).toBe(false);
    for (const role of roles) {
      expect(rolePermissions[role].has('staff:manage'), role).toBe(role === 'owner');
      expect(rolePermissions[role].has('api-keys:manage'), role).toBe(role === 'owner');
      expect(rolePermissions[role].has('audit:read'), role).toBe(role === 'owner' || role === 'admin');
    }
    expect([...rolePermissions.owner].sort()).toEqual([...permissions].sort());
  });
});

describe.each(databaseKinds)('access control on every route (%s)', (kind) => {
  const t = useTestApp(kind);

  it('has a declared permission from the table on every registered route', () => {
    const routes = t.app.ordo.routePermissions();
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const known = new Set<string>(['public', 'signed-in', ...permissions]);
    expect(
      routes
        .filter((r) => !known.has(r.permission ?? ''))
        .map((r) => `${r.method} ${r.url}: ${r.permission}`),
    ).toEqual([]);
    // Only sign-in, health, the docs and the web app's files are open to anyone.
    const publicApi = routes
      .filter((r) => r.permission === 'public' && r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(publicApi).toEqual(['POST /api/v1/auth/login']);
  });

  it('refuses a route registered without a permission, to everyone', async () => {
    const { createTestApp } = await import('../../../test/support/app.ts');
    const other = await createTestApp(kind, {
      extraRoutes: (app) => app.get('/api/v1/test/forgotten', async () => ({ secret: true })),
    });
    try {
      const undeclared = other.app.ordo.routePermissions().filter((r) => !r.permission);
      expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /api/v1/test/forgotten',
        'HEAD /api/v1/test/forgotten',
      ]);
      const { headers } = await signInAs(other.app, 'owner');
      const res = await other.app.inject({ url: '/api/v1/test/forgotten', headers });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('secret');
    } finally {
      await other.app.close();
      await other.db.drop();
    }
  });

  const cases: [string, string, Role[]][] = [
    ['GET', '/api/v1/staff', ['owner']],
    ['GET', '/api/v1/api-keys', ['owner']],
    ['GET', '/api/v1/audit-log', ['owner', 'admin']],
    ['GET', '/api/v1/webhook-endpoints', ['owner', 'admin']],
    ['GET', '/api/v1/outgoing-mail', ['owner', 'admin', 'manager', 'agent']],
    ['GET', '/api/v1/auth/me', ['owner', 'admin', 'manager', 'agent', 'warehouse']],
  ];
  it.each(cases)('%s %s is allowed to %j only', async (method, url, allowed) => {
    for (const role of roles) {
      const { headers } = await signInAs(t.app, role);
      const res = await t.app.inject({ method: method as 'GET', url, headers });
      expect(res.statusCode, `${role} ${method} ${url}: ${res.body}`).toBe(
        allowed.includes(role) ? 200 : 403,
      );
    }
    expect((await t.app.inject({ method: method as 'GET', url })).statusCode).toBe(401);
  });

  it('names the missing permission in a 403', async () => {
    const { headers } = await signInAs(t.app, 'warehouse');
    const res = await t.app.inject({ url: '/api/v1/staff', headers });
    expect(res.json()).toMatchObject({
      type: 'https://ordo.dev/problems/forbidden',
      permission: 'staff:manage',
      detail: 'This needs the staff:manage permission, which the warehouse role does not have.',
    });
  });
});
