import type { Kysely } from 'kysely';
import type { RowBatch } from '../db/batch.ts';
import type { PlatformTables } from '../db/tables.ts';
import { signalAfterCommit } from '../db/transaction.ts';
import { newId } from '../ids.ts';

/** Something that happened, as subscribers and webhook receivers see it. */
export interface DomainEvent<Payload = unknown> {
  id: string;
  type: string;
  aggregateId: string | null;
  payload: Payload;
  occurredAt: Date;
}

export interface NewEvent<Payload = unknown> {
  /** Dotted name, noun then past-tense verb: `order.placed`, `inventory.low`. */
  type: string;
  /** The id of the thing it happened to (`ord_…`), for per-record history. */
  aggregateId?: string;
  payload: Payload;
}

const eventType = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/**
 * Records an event in the caller's transaction. It is delivered (to subscribers and webhooks)
 * if and only if that transaction commits: no event for a change that rolled back, and no
 * change whose event is lost when the process dies right after the commit.
 */
export async function appendEvent<Payload>(
  trx: Kysely<PlatformTables>,
  now: Date,
  event: NewEvent<Payload>,
): Promise<string> {
  if (!eventType.test(event.type)) throw new Error(`event type "${event.type}" is not of the form noun.verb`);
  const id = newId('evt');
  await trx
    .insertInto('outboxEvents')
    .values({
      id,
      type: event.type,
      aggregateId: event.aggregateId ?? null,
      payload: JSON.stringify(event.payload),
      occurredAt: now,
      dispatchedAt: null,
    })
    .execute();
  signalAfterCommit(trx, 'outbox');
  return id;
}

/**
 * Events as rows for `insertBatches`, written with the caller's other rows in one statement; like
 * `appendEvent`, they are delivered if and only if the transaction commits.
 */
export function outboxBatch<DB>(trx: Kysely<DB>, now: Date, events: NewEvent[]): RowBatch {
  const rows = events.map((event) => {
    if (!eventType.test(event.type))
      throw new Error(`event type "${event.type}" is not of the form noun.verb`);
    return {
      id: newId('evt'),
      type: event.type,
      aggregateId: event.aggregateId ?? null,
      payload: event.payload,
      occurredAt: now,
      dispatchedAt: null,
    };
  });
  if (rows.length > 0) signalAfterCommit(trx, 'outbox');
  return { table: 'outbox_events', rows };
}

export async function loadEvent(db: Kysely<PlatformTables>, id: string): Promise<DomainEvent | undefined> {
  return db
    .selectFrom('outboxEvents')
    .select(['id', 'type', 'aggregateId', 'payload', 'occurredAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether a subscription list (`order.placed`, `order.*`, `*`) covers an event type. */
export function matchesEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some(
    (pattern) =>
      pattern === '*' ||
      pattern === type ||
      (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))),
  );
}
