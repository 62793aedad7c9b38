import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit.ts';
import { sendProblem } from './errors.ts';
import { Problem } from './problems.ts';

/** Who is calling: a signed-in staff member or an API key. */
export interface Principal {
  kind: 'staff' | 'api_key';
  id: string;
  /** Shown in the audit log: the person's name or the key's name. */
  name: string;
  /** Staff role, for staff members. */
  role?: string;
  /** Set when authenticated by session cookie: writes must then prove they come from our pages. */
  csrfToken?: string;
  permissions: ReadonlySet<string>;
}

/** Route permissions with a meaning of their own. Everything else names a permission in the table. */
export const publicPermission = 'public';
export const signedInPermission = 'signed-in';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AccessControl {
  /** Identifies the caller from its credentials; null when it sent none; throws a Problem for bad ones. */
  authenticate: (request: FastifyRequest) => Promise<Principal | null>;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
export const csrfHeader = 'x-csrf-token';

/**
 * Every route declares the permission it needs (`config.permission`); `routes()` lists each route
 * with its permission so a test can fail on one without. Requests are authenticated before their
 * body is read, and refused with 401 (no credentials) or 403 (not allowed, or a cookie-signed
 * write without the session's CSRF token).
 */
export interface RoutePermission {
  method: string;
  url: string;
  permission: string | undefined;
}

export function registerAccessControl(
  app: FastifyInstance,
  access: AccessControl,
): { routes: () => RoutePermission[] } {
  // Checked when asked rather than as routes arrive: plugins may set a route's permission in their own hooks.
  const routes: { method: string | string[]; url: string; config?: { permission?: string } }[] = [];
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });

  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config?.permission;
    // Unknown routes reach the not-found handler, which needs no identity.
    if (request.is404) return;
    if (!permission) {
      request.log.error({ url: request.routeOptions.url }, 'route without a declared permission refused');
      return sendProblem(
        reply,
        new Problem('forbidden', 'This route declares no permission, so nobody may use it.'),
      );
    }
    let principal: Principal | null;
    try {
      principal = await access.authenticate(request);
    } catch (error) {
      if (error instanceof Problem) return sendProblem(reply, error);
      throw error;
    }
    request.principal = principal;
    if (permission === publicPermission) return;
    if (!principal) {
      return sendProblem(
        reply,
        new Problem('unauthorized', 'Sign in, or send an API key as `Authorization: Bearer <key>`.', {
          headers: { 'www-authenticate': 'Bearer' },
        }),
      );
    }
    if (principal.csrfToken && !safeMethods.has(request.method)) {
      const sent = request.headers[csrfHeader];
      if (typeof sent !== 'string' || !sameSecret(sent, principal.csrfToken)) {
        return sendProblem(
          reply,
          new Problem(
            'csrf-failed',
            `Changes made with a session cookie must carry the ${csrfHeader} header from sign-in.`,
          ),
        );
      }
    }
    if (permission !== signedInPermission && !principal.permissions.has(permission)) {
      return sendProblem(
        reply,
        new Problem(
          'forbidden',
          `This needs the ${permission} permission, which ${describe(principal)} does not have.`,
          {
            extensions: { permission },
          },
        ),
      );
    }
  });
  return {
    routes: () =>
      routes.map((route) => ({
        method: [route.method].flat().join(','),
        url: route.url,
        permission: route.config?.permission,
      })),
  };
}

/** Compares secrets in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function describe(principal: Principal): string {
  return principal.kind === 'staff' ? `the ${principal.role} role` : `API key "${principal.name}"`;
}

/** Marks every route registered in `child` as public: documentation and static files. */
export function markRoutesPublic(child: FastifyInstance): void {
  child.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), permission: publicPermission };
  });
}

/** The audit actor for a request whose route required a principal. */
export function actorOf(request: FastifyRequest): Actor & { id: string } {
  const principal = request.principal;
  if (!principal) throw new Error(`route ${request.routeOptions.url} needs a principal but has none`);
  return { kind: principal.kind, id: principal.id, name: principal.name, requestId: request.id };
}
