import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { newId } from '../../platform/ids.ts';

/** One entry of an order's timeline: a transition (from → to) or a change, with why. */
export interface OrderEvent {
  kind: 'placed' | 'status' | 'payment' | 'fulfillment' | 'edited' | 'cancelled' | 'backorder' | 'note';
  summary: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  data?: unknown;
}

export function orderEventRows(orderId: string, actor: Actor, at: Date, events: OrderEvent[]) {
  return events.map((e) => ({
    id: newId('oev'),
    orderId,
    kind: e.kind,
    summary: e.summary,
    fromState: e.from ?? null,
    toState: e.to ?? null,
    reason: e.reason ?? null,
    data: e.data === undefined ? null : e.data,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    at,
  }));
}

/** Writes timeline entries in the caller's transaction, in the order given. */
export async function recordOrderEvents(
  trx: Kysely<Tables>,
  orderId: string,
  actor: Actor,
  at: Date,
  events: OrderEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('orderEvents')
    .values(
      events.map((e) => ({
        id: newId('oev'),
        orderId,
        kind: e.kind,
        summary: e.summary,
        fromState: e.from ?? null,
        toState: e.to ?? null,
        reason: e.reason ?? null,
        data: e.data === undefined ? null : JSON.stringify(e.data),
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name,
        at,
      })),
    )
    .execute();
}
