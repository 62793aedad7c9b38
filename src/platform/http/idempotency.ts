import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { PlatformTables } from '../db/tables.ts';
import { sendProblem } from './errors.ts';
import { Problem, ValidationFailed } from './problems.ts';

export const idempotencyHeader = 'idempotency-key';
const reasons = {
  'secret-reply': 'the reply holds a secret that is shown only once and is never stored',
  'secret-request': 'the request carries a password, which is never stored',
} as const;
const replayedHeader = 'idempotent-replayed';
const keyPattern = /^[\x21-\x7e]{1,255}$/;
// Headers worth replaying with a stored reply; the rest (dates, request ids) belong to each reply.
const replayedHeaders = ['content-type', 'location'];

export interface IdempotencyOptions {
  db: Kysely<PlatformTables>;
  clock: Clock;
  /** How long a completed reply is kept and replayed. */
  retentionMs?: number;
  /** How long a request may run before a retry with its key may take over (its process died). */
  leaseMs?: number;
  /** Who the key belongs to: keys of different callers never collide. */
  scopeOf?: (request: FastifyRequest) => string;
}

interface Claim {
  scope: string;
  key: string;
  token: string;
  renewal: NodeJS.Timeout;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: Claim | null;
  }
}

function defaultScope(request: FastifyRequest): string {
  const credentials = request.headers.authorization;
  return credentials ? `auth:${createHash('sha256').update(credentials).digest('hex')}` : 'anonymous';
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method}\n${request.url}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on POST, as integrators know it from payment APIs: the first completed
 * reply is stored and replayed for the same key; the same key with another body is refused
 * (422); a duplicate that arrives while the first is still running is refused (409).
 * Replies of 5xx are not kept, so a retry after a server fault runs again.
 * Records live in the database, so they hold across processes and restarts.
 */
export function registerIdempotency(app: FastifyInstance, options: IdempotencyOptions): void {
  const { db, clock } = options;
  const retentionMs = options.retentionMs ?? 24 * 60 * 60 * 1000;
  const leaseMs = options.leaseMs ?? 2 * 60 * 1000;
  const scopeOf = options.scopeOf ?? defaultScope;

  app.decorateRequest('idempotencyClaim', null);

  // After validation: a request rejected for its shape stores nothing and may be corrected and resent.
  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers[idempotencyHeader];
    if (request.method !== 'POST' || header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !keyPattern.test(key)) {
      throw new ValidationFailed([
        {
          pointer: '/Idempotency-Key',
          in: 'header',
          detail: 'must be 1 to 255 visible ASCII characters (a UUID is a good choice)',
        },
      ]);
    }
    const refused = request.routeOptions.config?.idempotency;
    const plainBody =
      request.body === undefined ||
      request.body === null ||
      typeof (request.body as { pipe?: unknown }).pipe !== 'function';
    if (refused || !plainBody) {
      const reason = refused ? reasons[refused] : 'a file upload is not kept for replay';
      throw new ValidationFailed(
        [{ pointer: '/Idempotency-Key', in: 'header', detail: `is not accepted here: ${reason}` }],
        `Idempotency-Key is not accepted here (${reason}). Send the request without it.`,
      );
    }
    const scope = scopeOf(request);
    const fingerprint = fingerprintOf(request);
    const now = clock.now();
    const token = randomUUID();
    const fresh = {
      claim: token,
      method: request.method,
      path: request.url,
      fingerprint,
      state: 'running' as const,
      responseStatus: null,
      responseHeaders: null,
      responseBody: null,
      lockedUntil: new Date(now.getTime() + leaseMs),
      createdAt: now,
      expiresAt: new Date(now.getTime() + retentionMs),
    };
    const inserted = await db
      .insertInto('idempotencyKeys')
      .values({ scope, key, ...fresh })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    const claim = () => {
      // Renew the lease while the request runs, so a slow request is never mistaken for a dead one.
      const renewal = setInterval(() => {
        void db
          .updateTable('idempotencyKeys')
          .set({ lockedUntil: new Date(clock.now().getTime() + leaseMs) })
          .where('scope', '=', scope)
          .where('key', '=', key)
          .where('claim', '=', token)
          .execute()
          .catch((error) => request.log.warn({ err: error }, 'could not renew an idempotency lease'));
      }, leaseMs / 3);
      renewal.unref();
      request.idempotencyClaim = { scope, key, token, renewal };
    };
    if (inserted) {
      claim();
      return;
    }
    // A record that expired may be taken over by any request; one whose request died mid-way only
    // by the same request (same body), so a different body still gets its 422.
    const takenOver = await db
      .updateTable('idempotencyKeys')
      .set(fresh)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where((eb) =>
        eb.or([
          eb('expiresAt', '<=', now),
          eb.and([
            eb('state', '=', 'running'),
            eb('lockedUntil', '<=', now),
            eb('fingerprint', '=', fingerprint),
          ]),
        ]),
      )
      .returning('key')
      .executeTakeFirst();
    if (takenOver) {
      claim();
      return;
    }
    const existing = await db
      .selectFrom('idempotencyKeys')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!existing) {
      // Deleted between our insert and select (a 5xx reply released it): ask for a retry.
      return sendProblem(reply, inUse(key, 1));
    }
    if (existing.fingerprint !== fingerprint) {
      return sendProblem(
        reply,
        new Problem(
          'idempotency-key-reused',
          `Idempotency-Key ${key} was first used for ${existing.method} ${existing.path} with a different body. Use a new key for a new request.`,
          {
            errors: [
              { pointer: '/Idempotency-Key', in: 'header', detail: 'was used with a different request' },
            ],
          },
        ),
      );
    }
    if (existing.state === 'running') {
      const wait = Math.max(1, Math.ceil((existing.lockedUntil.getTime() - now.getTime()) / 1000));
      return sendProblem(reply, inUse(key, Math.min(wait, 5)));
    }
    for (const [name, value] of Object.entries(existing.responseHeaders ?? {})) reply.header(name, value);
    reply.header(replayedHeader, 'true');
    return reply.code(existing.responseStatus ?? 200).send(existing.responseBody ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotencyClaim;
    if (!held) return payload;
    request.idempotencyClaim = null;
    clearInterval(held.renewal);
    await storeReply(db, held, reply, payload);
    return payload;
  });

  // A request that ends without a reply being sent (aborted by the client) must not hold its key.
  app.addHook('onResponse', async (request) => {
    const held = request.idempotencyClaim;
    if (!held) return;
    request.idempotencyClaim = null;
    clearInterval(held.renewal);
    await release(db, held);
  });
}

function inUse(key: string, retryAfterSeconds: number): Problem {
  return new Problem(
    'idempotency-key-in-use',
    `A request with Idempotency-Key ${key} is still being processed. Retry after it finishes to get its reply.`,
    { headers: { 'retry-after': String(retryAfterSeconds) } },
  );
}

async function storeReply(db: Kysely<PlatformTables>, claim: Claim, reply: FastifyReply, payload: unknown) {
  const body =
    typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (reply.statusCode >= 500 || body === null) {
    await release(db, claim);
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of replayedHeaders) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  await db
    .updateTable('idempotencyKeys')
    .set({
      state: 'completed',
      responseStatus: reply.statusCode,
      responseHeaders: JSON.stringify(headers),
      responseBody: body,
    })
    .where('scope', '=', claim.scope)
    .where('key', '=', claim.key)
    .where('claim', '=', claim.token)
    .execute();
}

async function release(db: Kysely<PlatformTables>, claim: Claim): Promise<void> {
  await db
    .deleteFrom('idempotencyKeys')
    .where('scope', '=', claim.scope)
    .where('key', '=', claim.key)
    .where('claim', '=', claim.token)
    .where('state', '=', 'running')
    .execute();
}

/** Deletes records past their retention; run by a scheduled job. */
export async function purgeExpiredIdempotencyKeys(db: Kysely<PlatformTables>, now: Date): Promise<number> {
  const result = await db.deleteFrom('idempotencyKeys').where('expiresAt', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
