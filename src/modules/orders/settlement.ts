import { type Actor, systemActor } from '../../platform/audit/audit.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/outbox.ts';
import type { JobRegistry } from '../../platform/jobs/queue.ts';
import {
  type Payment,
  type PaymentStatus,
  reduceAuthorization,
  refundPayment,
  resolvePendingPayment,
  voidPayment,
} from '../payments/index.ts';
import type { OrderDeps } from './deps.ts';
import { recordOrderEvents } from './timeline.ts';

/**
 * Brings an order's payments in line with what it now costs, after a cancellation or an edit that
 * needs less: uncaptured authorisations are voided or reduced first, then captured money is
 * refunded. It works from the current state, so running it twice does nothing the second time:
 * it runs right after the change and again as a durable job if a provider call failed.
 */
export const settlePaymentsJob = 'orders.settle-payments';

const live = (p: Payment) => !['voided', 'failed', 'refunded'].includes(p.status);
const uncaptured = (p: Payment) =>
  ['authorized', 'pending', 'partially_captured'].includes(p.status) ? p.amount - p.captured : 0;

/** The order's payment status, read from its payments. */
export function paymentStatusOf(payments: Payment[], total: number): PaymentStatus {
  if (payments.length === 0) return total === 0 ? 'captured' : 'pending';
  const captured = payments.reduce((s, p) => s + p.captured, 0);
  const refunded = payments.reduce((s, p) => s + p.refunded, 0);
  if (refunded > 0)
    return refunded >= captured && captured > 0 && total === 0 ? 'refunded' : 'partially_refunded';
  if (captured > 0) return captured >= total ? 'captured' : 'partially_captured';
  const open = payments.filter(live);
  if (open.length === 0) return payments.some((p) => p.status === 'voided') ? 'voided' : 'failed';
  return open.some((p) => p.status === 'authorized') ? 'authorized' : 'pending';
}

export async function settleOrderPayments(deps: OrderDeps, actor: Actor, orderId: string): Promise<void> {
  const { database, clock, providers } = deps;
  const db = database.db;
  const order = await db
    .selectFrom('orders')
    .select(['total', 'status'])
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  const target = order.status === 'cancelled' ? 0 : order.total;
  let payments = await db
    .selectFrom('payments')
    .selectAll()
    .where('orderId', '=', orderId)
    .orderBy('createdAt', 'desc')
    .execute();
  for (const p of payments) {
    if (p.status === 'pending' && p.method === 'card' && !p.providerReference)
      await resolvePendingPayment(database, clock, providers, p.id);
  }
  payments = await db
    .selectFrom('payments')
    .selectAll()
    .where('orderId', '=', orderId)
    .orderBy('createdAt', 'desc')
    .execute();
  const coverage = payments.reduce((s, p) => s + uncaptured(p) + (p.captured - p.refunded), 0);
  let excess = coverage - target;
  for (const p of payments) {
    const open = uncaptured(p);
    if (excess <= 0 || open === 0) continue;
    if (excess >= open && p.captured === 0) {
      await voidPayment(database, clock, providers, actor, p.id);
      excess -= open;
    } else {
      const by = Math.min(excess, open);
      await withTransaction(database, (trx) => reduceAuthorization(trx, clock.now(), p.id, by, p.amount));
      excess -= by;
    }
  }
  for (const p of payments) {
    const refundable = p.captured - p.refunded;
    if (excess <= 0 || refundable <= 0) continue;
    const amount = Math.min(excess, refundable);
    await refundPayment(database, clock, providers, actor, p.id, amount, p.refunded);
    excess -= amount;
  }
  await syncPaymentStatus(deps, actor, orderId);
}

/** Writes the order's payment status from its payments, with a timeline entry when it moved. */
export async function syncPaymentStatus(deps: OrderDeps, actor: Actor, orderId: string): Promise<void> {
  await withTransaction(deps.database, async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .select(['paymentStatus', 'total', 'number'])
      .where('id', '=', orderId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const payments = await trx.selectFrom('payments').selectAll().where('orderId', '=', orderId).execute();
    const status = paymentStatusOf(payments, order.total);
    if (status === order.paymentStatus) return;
    const now = deps.clock.now();
    await trx
      .updateTable('orders')
      .set({ paymentStatus: status, updatedAt: now })
      .where('id', '=', orderId)
      .execute();
    await recordOrderEvents(trx, orderId, actor, now, [
      {
        kind: 'payment',
        summary: `Payment ${status.replace('_', ' ')}`,
        from: order.paymentStatus,
        to: status,
      },
    ]);
    await appendEvent(trx, now, {
      type: 'order.payment_changed',
      aggregateId: orderId,
      payload: { orderId, number: order.number, from: order.paymentStatus, to: status },
    });
  });
}

/**
 * Settles right after a change committed. A provider that fails now does not undo the change:
 * the durable job enqueued with it settles later, and the order shows the payment as it stands.
 */
export async function settleAfterChange(deps: OrderDeps, actor: Actor, orderId: string): Promise<void> {
  try {
    await settleOrderPayments(deps, actor, orderId);
  } catch (error) {
    deps.log?.error(
      { err: error, orderId },
      'payment not settled after an order change; the settle job will retry',
    );
  }
}

/** The durable retry of `settleOrderPayments`. */
export function defineSettlementJob(jobs: JobRegistry, deps: OrderDeps): void {
  jobs.define<{ orderId: string }>({
    name: settlePaymentsJob,
    maxAttempts: 12,
    handle: async ({ orderId }) => settleOrderPayments(deps, systemActor, orderId),
  });
}
