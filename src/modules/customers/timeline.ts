import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RowBatch } from '../../platform/db/batch.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { type Page, type PageQuery, paginate } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import { type CustomerDatabase, getCustomer, type TimelineEntry } from './queries.ts';

export interface NewTimelineEntry {
  customerId: string;
  kind: string;
  summary: string;
  body?: string | null;
  refType?: string | null;
  /** With `refId`, an entry is written once: recording the same order twice keeps one entry. */
  refId?: string | null;
  actorName: string;
  at: Date;
}

/** A timeline entry as a row for `insertBatches` (for a record written in the same statement, so never a duplicate). */
export function timelineBatch(entry: NewTimelineEntry): RowBatch {
  return {
    table: 'customer_timeline',
    rows: [
      {
        id: newId('tle'),
        customerId: entry.customerId,
        kind: entry.kind,
        summary: entry.summary,
        body: entry.body ?? null,
        refType: entry.refType ?? null,
        refId: entry.refId ?? null,
        actorName: entry.actorName,
        at: entry.at,
      },
    ],
  };
}

/** Adds to a customer's timeline in the caller's transaction; other modules (orders, support) call this. */
/** Returns the new entry's id, or null when an entry for the same referenced record exists. */
export async function recordTimeline(trx: Kysely<Tables>, entry: NewTimelineEntry): Promise<string | null> {
  const id = newId('tle');
  const inserted = await trx
    .insertInto('customerTimeline')
    .values({
      id,
      customerId: entry.customerId,
      kind: entry.kind,
      summary: entry.summary,
      body: entry.body ?? null,
      refType: entry.refType ?? null,
      refId: entry.refId ?? null,
      actorName: entry.actorName,
      at: entry.at,
    })
    .onConflict((oc) =>
      oc.columns(['customerId', 'kind', 'refId']).where('refId', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export async function addNote(
  database: CustomerDatabase,
  clock: Clock,
  actor: Actor,
  customerId: string,
  body: string,
): Promise<TimelineEntry> {
  return withTransaction(database, async (trx) => {
    await getCustomer(trx, customerId);
    const now = clock.now();
    const id = await recordTimeline(trx, {
      customerId,
      kind: 'note',
      summary: body.trim().split('\n')[0]!.slice(0, 120),
      body,
      actorName: actor.name,
      at: now,
    });
    const entry = await trx
      .selectFrom('customerTimeline')
      .select(['id', 'kind', 'summary', 'body', 'refType', 'refId', 'actorName', 'at'])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    return entry;
  });
}

export async function listTimeline(
  db: Kysely<Tables>,
  customerId: string,
  page: PageQuery,
): Promise<Page<TimelineEntry>> {
  await getCustomer(db, customerId);
  return paginate(
    db
      .selectFrom('customerTimeline')
      .select(['id', 'kind', 'summary', 'body', 'refType', 'refId', 'actorName', 'at'])
      .where('customerId', '=', customerId),
    { limit: page.limit, cursor: page.cursor, keys: ['id'], direction: 'desc', cursorOf: (r) => [r.id] },
  );
}
