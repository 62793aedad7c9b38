import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Principal } from '../../platform/http/access.ts';
import { Problem } from '../../platform/http/problems.ts';
import type { StaffDatabase } from './accounts.ts';
import { resolveApiKey } from './api-keys.ts';
import { permissionsOfScopes, rolePermissions } from './permissions.ts';
import { resumeSession, sessionMaxMs } from './sessions.ts';

export const sessionCookie = 'ordo_session';

/** Identifies callers by API key (`Authorization: Bearer`) or by session cookie. */
export function staffAuthenticator(database: StaffDatabase, clock: Clock) {
  return async (request: FastifyRequest): Promise<Principal | null> => {
    const authorization = request.headers.authorization;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw new Problem('unauthorized', 'Send API keys as `Authorization: Bearer <key>`.', {
          headers: { 'www-authenticate': 'Bearer' },
        });
      }
      const key = await resolveApiKey(database, clock, token);
      // Never more than its creator may do now: a key made by an owner later demoted shrinks with them.
      const creator = rolePermissions[key.creatorRole];
      const permissions = new Set([...permissionsOfScopes(key.scopes)].filter((p) => creator.has(p)));
      return { kind: 'api_key', id: key.id, name: key.name, permissions };
    }
    const token = request.cookies[sessionCookie];
    if (!token) return null;
    const session = await resumeSession(database, clock, token);
    if (!session) return null;
    request.sessionId = session.id;
    return {
      kind: 'staff',
      id: session.staff.id,
      name: session.staff.name,
      role: session.staff.role,
      csrfToken: session.csrfToken,
      permissions: rolePermissions[session.staff.role],
    };
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff session that authenticated this request, if any. */
    sessionId: string | null;
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: sessionMaxMs / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
