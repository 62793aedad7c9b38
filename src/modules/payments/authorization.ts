import type { Kysely } from 'kysely';
import type { Tables } from '../../platform/db/tables.ts';
import { Problem } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import type { Authorization } from './providers.ts';
import type { Payment, PaymentProviders } from './service.ts';

/**
 * Authorisation for a new order, in two steps so the provider is never called while stock rows
 * are locked: `requestAuthorization` asks the provider (before the order's transaction), then
 * `recordAuthorization` writes the payment inside it. If the order then fails, `releaseAuthorization`
 * voids what the provider holds, so a refused order keeps no money and no payment record.
 */

export interface AuthorizationRequest {
  /** The payment's id, also the provider's idempotency key: a retry never authorises twice. */
  paymentId: string;
  method: keyof PaymentProviders;
  token?: string | undefined;
  amount: number;
  currency: string;
}

export interface AuthorizationResult extends AuthorizationRequest {
  provider: string;
  /** null: the provider did not answer and cannot yet say what happened (payment review). */
  answer: Authorization | null;
}

export const newPaymentId = () => newId('pay');

export async function requestAuthorization(
  providers: PaymentProviders,
  request: AuthorizationRequest,
): Promise<AuthorizationResult> {
  const provider = providers[request.method];
  let answer: Authorization | null;
  try {
    answer = await provider.authorize({
      amount: request.amount,
      currency: request.currency,
      token: request.token,
      idempotencyKey: request.paymentId,
    });
  } catch {
    // A timeout, a reset connection, a 5xx: the provider may have acted before failing. Ask what
    // became of this key, never guess; if it cannot say either, nothing is known to hold money.
    try {
      answer = await provider.lookup(request.paymentId);
    } catch {
      throw new Problem(
        'payment-provider-unavailable',
        'The payment provider did not answer; nothing was charged that we know of. Try again.',
      );
    }
  }
  return { ...request, provider: provider.name, answer };
}

/** The payment row for an authorisation that was not declined. */
export function authorizationRow(now: Date, orderId: string, result: AuthorizationResult): Payment {
  const answer = result.answer;
  if (answer?.outcome === 'declined') throw new Error('a declined authorisation is not recorded');
  return {
    id: result.paymentId,
    orderId,
    provider: result.provider,
    method: result.method,
    status: answer?.outcome === 'authorized' ? 'authorized' : 'pending',
    currency: result.currency,
    amount: result.amount,
    captured: 0,
    refunded: 0,
    providerReference: answer ? answer.reference : null,
    declineReason: answer ? null : 'the provider did not answer; the payment will be looked up again',
    createdAt: now,
    updatedAt: now,
  };
}

/** Writes the authorised (or pending) payment of an order in the order's transaction. */
export async function recordAuthorization(
  trx: Kysely<Tables>,
  now: Date,
  orderId: string,
  result: AuthorizationResult,
): Promise<Payment> {
  return trx
    .insertInto('payments')
    .values(authorizationRow(now, orderId, result))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Gives back what the provider holds for an order that was not placed after all. */
export async function releaseAuthorization(
  providers: PaymentProviders,
  result: AuthorizationResult,
  log?: { error: (details: object, message: string) => void },
): Promise<void> {
  // Best effort by design: the caller is already answering with the reason the order failed, and
  // an authorisation that cannot be voided lapses at the provider. Said in the log, never thrown.
  try {
    let reference = result.answer?.outcome === 'authorized' ? result.answer.reference : null;
    if (result.answer === null) {
      // A lost answer: ask once more, so an authorisation that did happen is not left holding money.
      const late = await providers[result.method].lookup(result.paymentId);
      if (late?.outcome === 'authorized') reference = late.reference;
    }
    if (reference) await providers[result.method].void(reference);
  } catch (error) {
    log?.error(
      { err: error, paymentId: result.paymentId },
      'an authorisation that is no longer needed could not be voided; it will lapse at the provider',
    );
  }
}

/**
 * Lowers what an authorisation will take, without a provider call: providers release the
 * uncaptured rest when the payment is captured (a partial release, as an edit that needs less).
 */
export async function reduceAuthorization(
  trx: Kysely<Tables>,
  now: Date,
  paymentId: string,
  by: number,
  /** The amount the caller saw: if it changed meanwhile (another settlement), nothing is reduced. */
  expectedAmount: number,
): Promise<Payment> {
  const payment = await trx
    .updateTable('payments')
    .set((eb) => ({ amount: eb('amount', '-', by), updatedAt: now }))
    .where('id', '=', paymentId)
    .where('amount', '=', expectedAmount)
    .where((eb) => eb(eb('amount', '-', by), '>=', eb.ref('captured')))
    .where('amount', '>', by)
    .where('status', 'in', ['authorized', 'pending', 'partially_captured'])
    .returningAll()
    .executeTakeFirst();
  if (!payment) throw new Error(`payment ${paymentId} cannot be reduced by ${by}`);
  return payment;
}
