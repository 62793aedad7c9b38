import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';

describe.each(databaseKinds)('staff accounts (%s)', (kind) => {
  const t = useTestApp(kind);
  const staffCount = async () =>
    (await t.app.ordo.database.db.selectFrom('staff').select('id').execute()).length;

  it('lets the owner create a member who can then sign in, and audits it', async () => {
    const owner = await signInAs(t.app, 'owner');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: owner.headers,
      payload: {
        email: 'Pia.Picker@shop.example',
        name: 'Pia Picker',
        role: 'warehouse',
        password: 'pick-pack-ship-42',
      },
    });
    expect(res.statusCode).toBe(201);
    const member = res.json();
    expect(member).toMatchObject({ email: 'Pia.Picker@shop.example', role: 'warehouse', active: true });
    expect(member.passwordHash).toBeUndefined();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'pia.picker@shop.example', password: 'pick-pack-ship-42' },
    });
    expect(login.statusCode).toBe(200);
    const audit = await t.app.inject({
      url: `/api/v1/audit-log?subjectId=${member.id}`,
      headers: owner.headers,
    });
    expect(audit.json().items).toEqual([
      expect.objectContaining({
        action: 'staff.created',
        actorKind: 'staff',
        actorId: owner.staffId,
        after: { email: 'Pia.Picker@shop.example', name: 'Pia Picker', role: 'warehouse' },
        before: null,
      }),
    ]);
    expect(JSON.stringify(audit.json())).not.toContain('pick-pack-ship-42');
  });

  it('refuses a duplicate email in any letter case with 409 pointing at the existing account', async () => {
    const owner = await signInAs(t.app, 'owner');
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: owner.headers,
      payload: { email: 'dup@shop.example', name: 'One', role: 'agent', password: 'long-enough-pw' },
    });
    const before = await staffCount();
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: owner.headers,
      payload: { email: 'DUP@shop.example', name: 'Two', role: 'agent', password: 'long-enough-pw' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ existingId: first.json().id, errors: [{ pointer: '/email' }] });
    expect(await staffCount()).toBe(before);
  });

  it.each([
    [{ email: 'not-an-email', name: 'X', role: 'agent', password: 'long-enough-pw' }, '/email'],
    [{ email: 'a@shop.example', name: 'X', role: 'boss', password: 'long-enough-pw' }, '/role'],
    [{ email: 'a@shop.example', name: 'X', role: 'agent', password: 'short' }, '/password'],
    [{ email: 'a@shop.example', name: '   ', role: 'agent', password: 'long-enough-pw' }, '/name'],
    [{ email: 'a@shop.example', name: 'x'.repeat(101), role: 'agent', password: 'long-enough-pw' }, '/name'],
    [
      { email: `${'a'.repeat(250)}@shop.example`, name: 'X', role: 'agent', password: 'long-enough-pw' },
      '/email',
    ],
  ])('refuses %o naming %s and creates nothing', async (payload, pointer) => {
    const owner = await signInAs(t.app, 'owner');
    const before = await staffCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/staff', headers: owner.headers, payload });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await staffCount()).toBe(before);
  });

  it('changes a role with before and after in the audit log, readable by an admin', async () => {
    const owner = await signInAs(t.app, 'owner');
    const agent = await signInAs(t.app, 'agent');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${agent.staffId}`,
      headers: owner.headers,
      payload: { role: 'manager' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('manager');
    const admin = await signInAs(t.app, 'admin');
    const audit = await t.app.inject({
      url: `/api/v1/audit-log?subjectId=${agent.staffId}&action=staff.role_changed`,
      headers: admin.headers,
    });
    expect(audit.json().items).toEqual([
      expect.objectContaining({
        before: { role: 'agent' },
        after: { role: 'manager' },
        actorName: expect.stringContaining('owner'),
      }),
    ]);
  });

  it('switches an account off, signing it out', async () => {
    const owner = await signInAs(t.app, 'owner');
    const agent = await signInAs(t.app, 'agent');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${agent.staffId}`,
      headers: owner.headers,
      payload: { active: false },
    });
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: agent.headers })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: agent.email, password: agent.password },
    });
    expect(login.statusCode).toBe(401);
  });

  it('never leaves the shop without an active owner', async () => {
    const fresh = await (await import('../../../test/support/app.ts')).createTestApp(kind);
    try {
      const owner = await signInAs(fresh.app, 'owner');
      for (const payload of [{ role: 'admin' }, { active: false }]) {
        const res = await fresh.app.inject({
          method: 'PATCH',
          url: `/api/v1/staff/${owner.staffId}`,
          headers: owner.headers,
          payload,
        });
        expect(res.statusCode).toBe(409);
        expect(res.json().detail).toContain('only active owner');
      }
      const second = await signInAs(fresh.app, 'owner');
      const demoted = await fresh.app.inject({
        method: 'PATCH',
        url: `/api/v1/staff/${owner.staffId}`,
        headers: second.headers,
        payload: { role: 'admin' },
      });
      expect(demoted.statusCode).toBe(200);
    } finally {
      await fresh.app.close();
      await fresh.db.drop();
    }
  });
});
