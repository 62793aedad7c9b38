import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { type Page, type PageQuery, paginate } from '../../platform/http/pagination.ts';
import { NotFound, Problem } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import type { StaffDatabase } from './accounts.ts';
import type { Role } from './permissions.ts';
import { hashToken } from './sessions.ts';
import type { ApiKeysTable } from './tables.ts';

export type ApiKey = Omit<Selectable<ApiKeysTable>, 'keyHash'>;
const columns = [
  'id',
  'name',
  'scopes',
  'keyPrefix',
  'createdBy',
  'createdAt',
  'lastUsedAt',
  'revokedAt',
] as const;
// Recording every use would write on every request; once a minute tells the owner enough.
const lastUsedEveryMs = 60 * 1000;

/** Creates a key; its secret is returned here only, and stored as a hash. */
export async function createApiKey(
  database: StaffDatabase,
  clock: Clock,
  actor: Actor & { id: string },
  input: { name: string; scopes: string[] },
): Promise<ApiKey & { key: string }> {
  const key = `ordo_${randomBytes(30).toString('base64url')}`;
  const now = clock.now();
  const row = {
    id: newId('key'),
    name: input.name.trim(),
    scopes: [...new Set(input.scopes)].sort(),
    keyPrefix: key.slice(0, 12),
    createdBy: actor.id,
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
  };
  await withTransaction(database, async (trx) => {
    await trx
      .insertInto('apiKeys')
      .values({ ...row, scopes: JSON.stringify(row.scopes), keyHash: hashToken(key) })
      .execute();
    await recordAudit(trx, actor, now, {
      action: 'api_key.created',
      subjectType: 'api_key',
      subjectId: row.id,
      after: { name: row.name, scopes: row.scopes },
    });
  });
  return { ...row, key };
}

export async function listApiKeys(db: Kysely<Tables>, page: PageQuery): Promise<Page<ApiKey>> {
  return paginate(db.selectFrom('apiKeys').select(columns), {
    limit: page.limit,
    cursor: page.cursor,
    keys: ['id'],
    direction: 'desc',
    cursorOf: (row) => [row.id],
  });
}

export async function revokeApiKey(
  database: StaffDatabase,
  clock: Clock,
  actor: Actor,
  id: string,
): Promise<ApiKey> {
  return withTransaction(database, async (trx) => {
    const now = clock.now();
    const before = await trx
      .selectFrom('apiKeys')
      .select(columns)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFound('API key', id);
    if (before.revokedAt) return before;
    const after = await trx
      .updateTable('apiKeys')
      .set({ revokedAt: now })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, now, {
      action: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: id,
      before: { name: before.name, scopes: before.scopes },
    });
    return after;
  });
}

/** The key a bearer token names; a Problem for an unknown or revoked one, so a typo is not mistaken for no credentials. */
export async function resolveApiKey(
  database: StaffDatabase,
  clock: Clock,
  token: string,
): Promise<ApiKey & { creatorRole: Role; creatorActive: boolean }> {
  const key = await database.db
    .selectFrom('apiKeys')
    .innerJoin('staff', 'staff.id', 'apiKeys.createdBy')
    .select([
      ...columns.map((c) => `apiKeys.${c}` as const),
      'staff.role as creatorRole',
      'staff.active as creatorActive',
    ])
    .where('keyHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!key)
    throw new Problem('unauthorized', 'This API key is not valid.', {
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  if (key.revokedAt) {
    throw new Problem('unauthorized', `This API key was revoked on ${key.revokedAt.toISOString()}.`, {
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  }
  if (!key.creatorActive) {
    // A key acts on its creator's authority: it stops when that person's access does.
    throw new Problem(
      'unauthorized',
      'This API key stopped working: the staff member who created it was switched off.',
      {
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      },
    );
  }
  const now = clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= lastUsedEveryMs) {
    await database.db.updateTable('apiKeys').set({ lastUsedAt: now }).where('id', '=', key.id).execute();
  }
  return key;
}
