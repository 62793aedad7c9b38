import type { Kysely, Selectable } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { NotFound, Problem, ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { type Authorization, type PaymentProvider, ProviderTimeout } from './providers.ts';
import { type PaymentStatus, paymentLifecycle } from './states.ts';
import type { PaymentsTable } from './tables.ts';

export type Payment = Selectable<PaymentsTable>;
export type PaymentDatabase = Database<Tables>;

/** Providers by payment method: `card` through the configured gateway, the rest by hand. */
export interface PaymentProviders {
  card: PaymentProvider;
  manual: PaymentProvider;
}

export interface AuthorizeInput {
  orderId: string;
  method: 'card' | 'manual';
  token?: string | undefined;
  amount: number;
  currency: string;
}

async function settle(
  trx: Kysely<Tables>,
  payment: Payment,
  answer: Authorization | null,
  now: Date,
): Promise<Payment> {
  const changes =
    answer === null
      ? { declineReason: 'the provider did not answer; the payment will be looked up again' }
      : answer.outcome === 'declined'
        ? { status: 'failed' as const, declineReason: answer.reason }
        : answer.outcome === 'authorized'
          ? { status: 'authorized' as const, providerReference: answer.reference }
          : { providerReference: answer.reference };
  if ('status' in changes && changes.status) paymentLifecycle.assert(payment.status, changes.status);
  return trx
    .updateTable('payments')
    .set({ ...changes, updatedAt: now })
    .where('id', '=', payment.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Authorises a payment for an order. A timeout is resolved by asking the provider what became of
 * the call (same idempotency key), never by guessing; if it still cannot say, the payment stays
 * pending and `resolvePendingPayment` asks again later.
 */
export async function authorizePayment(
  database: PaymentDatabase,
  clock: Clock,
  providers: PaymentProviders,
  input: AuthorizeInput,
): Promise<Payment> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new ValidationFailed([
      { pointer: '/amount', detail: 'must be a positive whole number of minor units' },
    ]);
  }
  const provider = providers[input.method];
  const now = clock.now();
  const payment = await database.db
    .insertInto('payments')
    .values({
      id: newId('pay'),
      orderId: input.orderId,
      provider: provider.name,
      method: input.method,
      status: 'pending',
      currency: input.currency,
      amount: input.amount,
      captured: 0,
      refunded: 0,
      providerReference: null,
      declineReason: null,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  let answer: Authorization | null;
  try {
    answer = await provider.authorize({
      amount: input.amount,
      currency: input.currency,
      token: input.token,
      idempotencyKey: payment.id,
    });
  } catch (error) {
    if (!(error instanceof ProviderTimeout)) throw error;
    answer = await provider.lookup(payment.id);
  }
  return settle(database.db, payment, answer, clock.now());
}

/** Asks the provider again about a payment whose authorisation answer was lost. */
export async function resolvePendingPayment(
  database: PaymentDatabase,
  clock: Clock,
  providers: PaymentProviders,
  paymentId: string,
): Promise<Payment> {
  const payment = await getPayment(database.db, paymentId);
  if (payment.status !== 'pending' || payment.method !== 'card') return payment;
  return settle(database.db, payment, await providers.card.lookup(payment.id), clock.now());
}

export async function getPayment(db: Kysely<Tables>, id: string): Promise<Payment> {
  const payment = await db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!payment) throw new NotFound('Payment', id);
  return payment;
}

type Money = 'captured' | 'refunded';

/**
 * Changes a payment in two steps, so no database lock is held while a provider is called:
 * first the change is claimed in a transaction (the row locked, the lifecycle checked, the amount
 * added under the table's own limits), then the provider is asked; if the provider fails, the
 * claim is undone. Two calls at once — a retry, a second process — cannot both claim the same
 * money, so a payment is never captured or refunded twice.
 */
async function changeMoney(
  database: PaymentDatabase,
  clock: Clock,
  actor: Actor,
  paymentId: string,
  plan: (payment: Payment) => { column?: Money; amount: number; next: PaymentStatus; action: string },
  call: (payment: Payment, amount: number) => Promise<void>,
): Promise<Payment> {
  const claimed = await withTransaction(database, async (trx) => {
    const payment = await trx
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', paymentId)
      .forUpdate()
      .executeTakeFirst();
    if (!payment) throw new NotFound('Payment', paymentId);
    const { column, amount, next, action } = plan(payment);
    paymentLifecycle.assert(payment.status, next);
    const now = clock.now();
    const after = await trx
      .updateTable('payments')
      .set((eb) => ({
        ...(column ? { [column]: eb(column, '+', amount) } : {}),
        status: next,
        updatedAt: now,
      }))
      .where('id', '=', paymentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, now, {
      action,
      subjectType: 'payment',
      subjectId: paymentId,
      before: { status: payment.status, captured: payment.captured, refunded: payment.refunded },
      after: {
        status: after.status,
        captured: after.captured,
        refunded: after.refunded,
        currency: after.currency,
      },
    });
    return { before: payment, after, column, amount };
  });
  try {
    await call(claimed.before, claimed.amount);
  } catch (error) {
    await withTransaction(database, async (trx) => {
      // Undo only this claim: other changes may have happened meanwhile, so the status is worked
      // out again from the amounts rather than put back as it was.
      const current = await trx
        .selectFrom('payments')
        .selectAll()
        .where('id', '=', paymentId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const captured = current.captured - (claimed.column === 'captured' ? claimed.amount : 0);
      const refunded = current.refunded - (claimed.column === 'refunded' ? claimed.amount : 0);
      const status: PaymentStatus =
        claimed.column === undefined
          ? current.status === 'voided'
            ? claimed.before.status
            : current.status
          : refunded > 0
            ? 'partially_refunded'
            : captured === 0
              ? claimed.before.status === 'pending'
                ? 'pending'
                : 'authorized'
              : captured < current.amount
                ? 'partially_captured'
                : 'captured';
      await trx
        .updateTable('payments')
        .set({ captured, refunded, status, updatedAt: clock.now() })
        .where('id', '=', paymentId)
        .execute();
      await recordAudit(trx, actor, clock.now(), {
        action: 'payment.change_undone',
        subjectType: 'payment',
        subjectId: paymentId,
        after: { reason: error instanceof Error ? error.message : String(error) },
      });
    });
    throw new Problem(
      'payment-provider-unavailable',
      'The payment provider refused or did not answer; nothing was changed. Try again.',
      {
        extensions: { paymentId },
      },
    );
  }
  return claimed.after;
}

const providerOf = (providers: PaymentProviders, payment: Payment) =>
  providers[payment.method as keyof PaymentProviders];

/**
 * A card payment whose authorisation answer was lost may or may not hold money: it cannot be
 * captured or voided until the provider has been asked again (`resolvePendingPayment`).
 */
function assertConfirmed(payment: Payment): void {
  if (payment.method !== 'manual' && !payment.providerReference) {
    throw new Problem(
      'conflict',
      'The provider has not confirmed this authorisation yet; look it up again before capturing or voiding it.',
      { extensions: { paymentId: payment.id, status: payment.status } },
    );
  }
}

/** Takes the money (all that is left, or `amount`); never more than was authorised, never twice. */
export function capturePayment(
  database: PaymentDatabase,
  clock: Clock,
  providers: PaymentProviders,
  actor: Actor,
  paymentId: string,
  amount?: number,
): Promise<Payment> {
  return changeMoney(
    database,
    clock,
    actor,
    paymentId,
    (payment) => {
      assertConfirmed(payment);
      const remaining = payment.amount - payment.captured;
      const take = amount ?? remaining;
      if (remaining === 0) paymentLifecycle.assert(payment.status, 'captured');
      if (!Number.isSafeInteger(take) || take <= 0 || take > remaining) {
        throw new ValidationFailed([
          { pointer: '/amount', detail: `must be between 1 and the ${remaining} not yet captured` },
        ]);
      }
      return {
        column: 'captured',
        amount: take,
        next: take === remaining ? 'captured' : 'partially_captured',
        action: 'payment.captured',
      };
    },
    async (payment, take) => {
      if (payment.providerReference)
        await providerOf(providers, payment).capture(payment.providerReference, take);
    },
  );
}

/** Releases an authorisation that will not be captured (a cancelled order). */
export function voidPayment(
  database: PaymentDatabase,
  clock: Clock,
  providers: PaymentProviders,
  actor: Actor,
  paymentId: string,
): Promise<Payment> {
  return changeMoney(
    database,
    clock,
    actor,
    paymentId,
    (payment) => {
      assertConfirmed(payment);
      return { amount: 0, next: 'voided', action: 'payment.voided' };
    },
    async (payment) => {
      if (payment.providerReference) await providerOf(providers, payment).void(payment.providerReference);
    },
  );
}

/** Gives money back, never more than was captured. */
export function refundPayment(
  database: PaymentDatabase,
  clock: Clock,
  providers: PaymentProviders,
  actor: Actor,
  paymentId: string,
  amount: number,
  /** What the caller saw already refunded: if another refund came first, nothing is refunded (409). */
  expectedRefunded?: number,
): Promise<Payment> {
  return changeMoney(
    database,
    clock,
    actor,
    paymentId,
    (payment) => {
      if (expectedRefunded !== undefined && payment.refunded !== expectedRefunded) {
        throw new Problem(
          'conflict',
          'Another refund of this payment came first; look at it again before refunding.',
          {
            extensions: { paymentId, refunded: payment.refunded },
          },
        );
      }
      const refundable = payment.captured - payment.refunded;
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > refundable) {
        throw new ValidationFailed([
          {
            pointer: '/amount',
            detail: `must be between 1 and the ${refundable} captured and not yet refunded`,
          },
        ]);
      }
      const next =
        amount === refundable && payment.captured === payment.amount ? 'refunded' : 'partially_refunded';
      return { column: 'refunded', amount, next, action: 'payment.refunded' };
    },
    async (payment, refund) => {
      if (payment.providerReference)
        await providerOf(providers, payment).refund(payment.providerReference, refund);
    },
  );
}

/** The 402 problem for a declined payment, with the provider's reason. */
export function declined(payment: Pick<Payment, 'declineReason'>): Problem {
  return new Problem(
    'payment-declined',
    `The payment was declined (${payment.declineReason ?? 'no reason given'}).`,
    {
      extensions: { reason: payment.declineReason },
    },
  );
}
