import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../../platform/db/tables.ts';

/** What a provider answers to an authorisation. */
export type Authorization =
  | { outcome: 'authorized'; reference: string }
  | { outcome: 'pending'; reference: string }
  | { outcome: 'declined'; reason: string };

/** The provider did not answer in time: the charge may or may not exist; ask, never guess. */
export class ProviderTimeout extends Error {
  constructor(readonly idempotencyKey: string) {
    super('the payment provider did not answer in time');
    this.name = 'ProviderTimeout';
  }
}

/**
 * A payment provider as Ordo uses it. Every call carries an idempotency key, so a retry after a
 * timeout can never charge twice, and `lookup` resolves a call whose answer was lost.
 */
export interface PaymentProvider {
  name: string;
  authorize(input: {
    amount: number;
    currency: string;
    token?: string | undefined;
    idempotencyKey: string;
  }): Promise<Authorization>;
  /** What became of the authorisation sent with this key: its answer, or null if it never arrived. */
  lookup(idempotencyKey: string): Promise<Authorization | null>;
  capture(reference: string, amount: number): Promise<void>;
  void(reference: string): Promise<void>;
  refund(reference: string, amount: number): Promise<void>;
}

/** Invoice, cash on delivery, bank transfer: nothing to authorise; money is marked received by hand. */
export const manualProvider: PaymentProvider = {
  name: 'manual',
  authorize: async ({ idempotencyKey }) => ({ outcome: 'pending', reference: `manual_${idempotencyKey}` }),
  lookup: async (idempotencyKey) => ({ outcome: 'pending', reference: `manual_${idempotencyKey}` }),
  capture: async () => {},
  void: async () => {},
  refund: async () => {},
};

const declines: Record<string, string> = {
  tok_declined: 'card_declined',
  tok_insufficient_funds: 'insufficient_funds',
  tok_expired: 'expired_card',
};

export class TestGatewayError extends Error {}

/**
 * A deterministic gateway for tests and the demo, like the test cards integrators know:
 * `tok_visa` approves; `tok_declined`, `tok_insufficient_funds` and `tok_expired` decline with that
 * reason; `tok_timeout` approves but the answer is lost (a timeout), so only `lookup` tells.
 * It keeps its side of each charge in the database, as a real provider does on its servers.
 */
export function testGateway(db: Kysely<Tables>, now: () => Date): PaymentProvider {
  return {
    name: 'test',
    async authorize({ amount, currency, token, idempotencyKey }) {
      if (!token?.startsWith('tok_')) {
        return { outcome: 'declined', reason: 'invalid_token' };
      }
      const declined = declines[token];
      const reference = `ch_${randomUUID().replaceAll('-', '')}`;
      const created = await db
        .insertInto('testGatewayCharges')
        .values({
          reference,
          idempotencyKey,
          token,
          amount,
          currency,
          status: declined ? 'declined' : 'authorized',
          captured: 0,
          refunded: 0,
          createdAt: now(),
        })
        .onConflict((oc) => oc.column('idempotencyKey').doNothing())
        .returning('reference')
        .executeTakeFirst();
      // A repeated key answers what the first call decided, as real gateways do.
      if (!created) return (await this.lookup(idempotencyKey))!;
      if (token === 'tok_timeout') throw new ProviderTimeout(idempotencyKey);
      return declined ? { outcome: 'declined', reason: declined } : { outcome: 'authorized', reference };
    },
    async lookup(idempotencyKey) {
      const charge = await db
        .selectFrom('testGatewayCharges')
        .selectAll()
        .where('idempotencyKey', '=', idempotencyKey)
        .executeTakeFirst();
      if (!charge) return null;
      return charge.status === 'declined'
        ? { outcome: 'declined', reason: declines[charge.token] ?? 'card_declined' }
        : { outcome: 'authorized', reference: charge.reference };
    },
    async capture(reference, amount) {
      // The gateway itself refuses to take more than was authorised: a double capture fails loudly.
      const result = await db
        .updateTable('testGatewayCharges')
        .set((eb) => ({ captured: eb('captured', '+', amount), status: 'captured' }))
        .where('reference', '=', reference)
        .where((eb) => eb(eb('captured', '+', amount), '<=', eb.ref('amount')))
        .where('status', 'in', ['authorized', 'captured'])
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n)
        throw new TestGatewayError(`capture of ${amount} refused for ${reference}`);
    },
    async void(reference) {
      await db
        .updateTable('testGatewayCharges')
        .set({ status: 'voided' })
        .where('reference', '=', reference)
        .where('status', '=', 'authorized')
        .execute();
    },
    async refund(reference, amount) {
      const result = await db
        .updateTable('testGatewayCharges')
        .set((eb) => ({ refunded: eb('refunded', '+', amount) }))
        .where('reference', '=', reference)
        .where((eb) => eb(eb('refunded', '+', amount), '<=', eb.ref('captured')))
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n)
        throw new TestGatewayError(`refund of ${amount} refused for ${reference}`);
    },
  };
}
