import { systemActor } from '../../platform/audit/audit.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import type { JobRegistry } from '../../platform/jobs/queue.ts';
import { resolvePendingPayment } from '../payments/index.ts';
import { cancelOrder } from './cancel.ts';
import type { OrderDeps } from './deps.ts';
import { orderLifecycle } from './states.ts';
import { recordOrderEvents } from './timeline.ts';

/**
 * An order whose card authorisation got no answer waits on hold ("payment review") until the
 * provider says what happened: never guessed. This job asks again, with back-off, until it knows;
 * then the order is confirmed, or cancelled with its stock released if the card was declined.
 */
export const resolvePaymentReviewJob = 'orders.resolve-payment-review';
export const paymentReviewReason = 'payment review: the provider has not confirmed the authorisation';

export class StillUnknown extends Error {
  constructor(orderId: string) {
    super(`the provider still cannot say what became of the authorisation for ${orderId}`);
    this.name = 'StillUnknown';
  }
}

export async function resolvePaymentReview(
  deps: OrderDeps,
  orderId: string,
): Promise<'confirmed' | 'cancelled' | 'not on review'> {
  const db = deps.database.db;
  const order = await db
    .selectFrom('orders')
    .select(['status', 'holdReason'])
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  if (order.status !== 'on_hold' || order.holdReason !== paymentReviewReason) return 'not on review';
  const pending = await db
    .selectFrom('payments')
    .select('id')
    .where('orderId', '=', orderId)
    .where('status', '=', 'pending')
    .where('method', '=', 'card')
    .where('providerReference', 'is', null)
    .execute();
  for (const p of pending) await resolvePendingPayment(deps.database, deps.clock, deps.providers, p.id);
  // Decide from every card payment of the order, not only those just asked about: another change
  // (an edit, a cancelled unit) may have learnt the answer first.
  const answers = await db
    .selectFrom('payments')
    .select(['status', 'declineReason'])
    .where('orderId', '=', orderId)
    .where('method', '=', 'card')
    .execute();
  const failed = answers.find((p) => p.status === 'failed');
  if (failed) {
    await cancelOrder(deps, systemActor, orderId, {
      reason: `The card was declined after review (${failed.declineReason ?? 'declined'}).`,
    });
    return 'cancelled';
  }
  if (answers.some((p) => p.status === 'pending')) throw new StillUnknown(orderId);
  await withTransaction(deps.database, async (trx) => {
    const current = await trx
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.status !== 'on_hold') return;
    orderLifecycle.assert(current.status, 'confirmed');
    const now = deps.clock.now();
    await trx
      .updateTable('orders')
      .set({
        status: 'confirmed',
        paymentStatus: 'authorized',
        holdReason: null,
        version: current.version + 1,
        updatedAt: now,
      })
      .where('id', '=', orderId)
      .execute();
    await recordOrderEvents(trx, orderId, systemActor, now, [
      {
        kind: 'payment',
        summary: 'Payment authorized (confirmed by the provider)',
        from: 'pending',
        to: 'authorized',
      },
      { kind: 'status', summary: 'Confirmed after payment review', from: 'on_hold', to: 'confirmed' },
    ]);
    await appendEvent(trx, now, {
      type: 'order.confirmed',
      aggregateId: orderId,
      payload: { orderId, number: current.number, status: 'confirmed', paymentStatus: 'authorized' },
    });
  });
  return 'confirmed';
}

export function definePaymentReviewJob(jobs: JobRegistry, deps: OrderDeps): void {
  jobs.define<{ orderId: string }>({
    name: resolvePaymentReviewJob,
    // Providers keep answers for days; asking with back-off for a day covers their outages.
    maxAttempts: 20,
    handle: async ({ orderId }) => {
      await resolvePaymentReview(deps, orderId);
    },
  });
}
