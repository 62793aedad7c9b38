import type { Kysely, Selectable } from 'kysely';
import type { RowBatch } from '../db/batch.ts';
import type { AuditLogTable, PlatformTables } from '../db/tables.ts';
import type { Page, PageQuery } from '../http/pagination.ts';
import { paginate } from '../http/pagination.ts';
import { newId } from '../ids.ts';

/** Who acts: a staff member, an API key, or Ordo itself (jobs, imports run from the command line). */
export interface Actor {
  kind: 'staff' | 'api_key' | 'system';
  id: string | null;
  name: string;
  /** The request that carried the action, to find it in the logs. */
  requestId?: string | undefined;
}

export const systemActor: Actor = { kind: 'system', id: null, name: 'Ordo' };

export type AuditEntry = Selectable<AuditLogTable>;

export interface AuditRecord {
  /** Dotted verb: `product.price_changed`, `staff.role_changed`, `api_key.created`. */
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes an audit entry in the caller's transaction, so the record exists exactly when the change
 * does. Secrets never belong in `before`/`after`: callers pass what a reviewer needs to see.
 */
export async function recordAudit<DB extends PlatformTables>(
  trx: Kysely<DB>,
  actor: Actor,
  at: Date,
  record: AuditRecord,
): Promise<void> {
  await (trx as unknown as Kysely<PlatformTables>)
    .insertInto('auditLog')
    .values({
      id: newId('aud'),
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
      requestId: actor.requestId ?? null,
      at,
    })
    .execute();
}

/** Many entries at once (a file import), in statements of a size PostgreSQL accepts. */
export async function recordAudits<DB extends PlatformTables>(
  trx: Kysely<DB>,
  actor: Actor,
  at: Date,
  records: AuditRecord[],
): Promise<void> {
  const rows = records.map((record) => ({
    id: newId('aud'),
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    before: record.before === undefined ? null : JSON.stringify(record.before),
    after: record.after === undefined ? null : JSON.stringify(record.after),
    requestId: actor.requestId ?? null,
    at,
  }));
  for (let i = 0; i < rows.length; i += 4000) {
    await (trx as unknown as Kysely<PlatformTables>)
      .insertInto('auditLog')
      .values(rows.slice(i, i + 4000))
      .execute();
  }
}

export interface AuditFilter extends PageQuery {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
}

/** Newest first. */
export async function listAudit(db: Kysely<PlatformTables>, filter: AuditFilter): Promise<Page<AuditEntry>> {
  let query = db.selectFrom('auditLog').selectAll();
  if (filter.subjectType) query = query.where('subjectType', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('subjectId', '=', filter.subjectId);
  if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  return paginate(query, {
    limit: filter.limit,
    cursor: filter.cursor,
    keys: ['id'],
    direction: 'desc',
    cursorOf: (row) => [row.id],
  });
}

/** Audit entries as rows for `insertBatches`, written with the caller's other rows in one statement. */
export function auditBatch(actor: Actor, at: Date, records: AuditRecord[]): RowBatch {
  return {
    table: 'audit_log',
    rows: records.map((record) => ({
      id: newId('aud'),
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      before: record.before === undefined ? null : record.before,
      after: record.after === undefined ? null : record.after,
      requestId: actor.requestId ?? null,
      at,
    })),
  };
}
