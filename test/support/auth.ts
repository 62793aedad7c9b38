import type { FastifyInstance } from 'fastify';
import { createStaff, type Role } from '../../src/modules/staff/index.ts';
import { systemActor } from '../../src/platform/audit/audit.ts';
import { systemClock } from '../../src/platform/clock.ts';

let counter = 0;

export interface Credentials {
  headers: Record<string, string>;
  staffId: string;
  email: string;
  password: string;
}

/** Creates a staff member with `role` and signs them in; the headers carry the session cookie and CSRF token. */
export async function signInAs(app: FastifyInstance, role: Role): Promise<Credentials> {
  counter += 1;
  const email = `${role}.${process.pid}.${counter}@test.ordo.dev`;
  const password = `password-${role}-${counter}`;
  const staff = await createStaff(app.ordo.database, systemClock, systemActor, {
    email,
    name: `Test ${role} ${counter}`,
    role,
    password,
  });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'ordo_session');
  return {
    headers: { cookie: `ordo_session=${cookie?.value}`, 'x-csrf-token': login.json().csrfToken },
    staffId: staff.id,
    email,
    password,
  };
}

/** An API key with `scopes`, created by a fresh owner; returns the Authorization header. */
export async function apiKeyWith(
  app: FastifyInstance,
  scopes: string[],
): Promise<{ headers: Record<string, string>; id: string }> {
  const owner = await signInAs(app, 'owner');
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: owner.headers,
    payload: { name: `test key ${scopes.join(' ')}`, scopes },
  });
  if (created.statusCode !== 201) throw new Error(`API key creation failed: ${created.body}`);
  return { headers: { authorization: `Bearer ${created.json().key}` }, id: created.json().id };
}
