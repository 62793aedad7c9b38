import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { systemActor } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/http/problems.ts';
import { manualProvider, ProviderTimeout, testGateway } from './providers.ts';
import {
  authorizePayment,
  capturePayment,
  declined,
  refundPayment,
  resolvePendingPayment,
  voidPayment,
} from './service.ts';

describe.each(databaseKinds)('payments through the test gateway (%s)', (kind) => {
  const t = useTestApp(kind);
  const providers = () => ({
    card: testGateway(t.app.ordo.database.db, () => t.clock.now()),
    manual: manualProvider,
  });
  const authorize = (token: string, amount = 2500) =>
    authorizePayment(t.app.ordo.database, t.clock, providers(), {
      orderId: 'ord_test',
      method: 'card',
      token,
      amount,
      currency: 'EUR',
    });

  it('authorises tok_visa and declines the test cards with their reasons', async () => {
    expect(await authorize('tok_visa')).toMatchObject({
      status: 'authorized',
      providerReference: expect.stringMatching(/^ch_/),
    });
    for (const [token, reason] of [
      ['tok_declined', 'card_declined'],
      ['tok_insufficient_funds', 'insufficient_funds'],
      ['tok_expired', 'expired_card'],
      ['not-a-token', 'invalid_token'],
    ]) {
      const payment = await authorize(token!);
      expect(payment).toMatchObject({ status: 'failed', declineReason: reason });
      const problem = declined(payment);
      expect(problem.status).toBe(402);
      expect(problem.toBody()).toMatchObject({ type: 'https://ordo.dev/problems/payment-declined', reason });
    }
  });

  it('resolves a timeout by asking the provider, never by guessing', async () => {
    const payment = await authorize('tok_timeout');
    // The answer was lost, but the lookup with the same key finds the authorisation.
    expect(payment).toMatchObject({ status: 'authorized', providerReference: expect.stringMatching(/^ch_/) });
    const charges = await t.app.ordo.database.db
      .selectFrom('testGatewayCharges')
      .select('reference')
      .where('idempotencyKey', '=', payment.id)
      .execute();
    expect(charges).toHaveLength(1);
    expect((await resolvePendingPayment(t.app.ordo.database, t.clock, providers(), payment.id)).status).toBe(
      'authorized',
    );
  });

  it('never captures twice, even when captures race', async () => {
    const payment = await authorize('tok_visa', 4000);
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        capturePayment(t.app.ordo.database, t.clock, providers(), systemActor, payment.id),
      ),
    );
    const captured = attempts.filter((a) => a.status === 'fulfilled');
    expect(captured).toHaveLength(1);
    for (const failure of attempts.filter((a) => a.status === 'rejected')) {
      expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(Problem);
      expect(((failure as PromiseRejectedResult).reason as Problem).status).toBe(409);
    }
    const charge = await t.app.ordo.database.db
      .selectFrom('testGatewayCharges')
      .selectAll()
      .where('idempotencyKey', '=', payment.id)
      .executeTakeFirstOrThrow();
    expect(Number(charge.captured)).toBe(4000);
  });

  it('captures in parts, refunds no more than was captured, and voids only what is not captured', async () => {
    const db = t.app.ordo.database;
    const payment = await authorize('tok_visa', 3000);
    expect((await capturePayment(db, t.clock, providers(), systemActor, payment.id, 1000)).status).toBe(
      'partially_captured',
    );
    await expect(capturePayment(db, t.clock, providers(), systemActor, payment.id, 2001)).rejects.toThrow(
      Problem,
    );
    expect((await capturePayment(db, t.clock, providers(), systemActor, payment.id)).status).toBe('captured');
    await expect(refundPayment(db, t.clock, providers(), systemActor, payment.id, 3001)).rejects.toThrow(
      Problem,
    );
    expect((await refundPayment(db, t.clock, providers(), systemActor, payment.id, 500)).status).toBe(
      'partially_refunded',
    );
    expect((await refundPayment(db, t.clock, providers(), systemActor, payment.id, 2500)).status).toBe(
      'refunded',
    );
    await expect(voidPayment(db, t.clock, providers(), systemActor, payment.id)).rejects.toThrow(
      'cannot go from refunded to voided',
    );
    const other = await authorize('tok_visa');
    expect((await voidPayment(db, t.clock, providers(), systemActor, other.id)).status).toBe('voided');
    await expect(capturePayment(db, t.clock, providers(), systemActor, other.id)).rejects.toThrow(Problem);
  });

  it('undoes its own change when the provider refuses, and says so', async () => {
    const db = t.app.ordo.database;
    const payment = await authorize('tok_visa', 1200);
    // The provider's side has moved on (voided there): it refuses the capture.
    await db.db
      .updateTable('testGatewayCharges')
      .set({ status: 'voided' })
      .where('idempotencyKey', '=', payment.id)
      .execute();
    const failure = await capturePayment(db, t.clock, providers(), systemActor, payment.id).catch(
      (error: Problem) => error,
    );
    expect(failure).toBeInstanceOf(Problem);
    expect((failure as Problem).status).toBe(503);
    const after = await db.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', payment.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'authorized', captured: 0 });
  });

  it('keeps manual payments pending until the money is marked received', async () => {
    const db = t.app.ordo.database;
    const payment = await authorizePayment(db, t.clock, providers(), {
      orderId: 'ord_cod',
      method: 'manual',
      amount: 1500,
      currency: 'EUR',
    });
    expect(payment).toMatchObject({ status: 'pending', provider: 'manual' });
    expect((await capturePayment(db, t.clock, providers(), systemActor, payment.id)).status).toBe('captured');
  });
});

describe.each(databaseKinds)('payments whose provider went silent (%s)', (kind) => {
  const t = useTestApp(kind);
  it('cannot be captured or voided before the provider confirms them', async () => {
    const silent = {
      ...testGateway(t.app.ordo.database.db, () => t.clock.now()),
      authorize: async ({ idempotencyKey }: { idempotencyKey: string }) => {
        throw new ProviderTimeout(idempotencyKey);
      },
      lookup: async () => null,
    };
    const providers = { card: silent, manual: manualProvider };
    const payment = await authorizePayment(t.app.ordo.database, t.clock, providers, {
      orderId: 'ord_x',
      method: 'card',
      token: 'tok_visa',
      amount: 900,
      currency: 'EUR',
    });
    expect(payment).toMatchObject({ status: 'pending', providerReference: null });
    await expect(
      capturePayment(t.app.ordo.database, t.clock, providers, systemActor, payment.id),
    ).rejects.toThrow('has not confirmed');
    await expect(
      voidPayment(t.app.ordo.database, t.clock, providers, systemActor, payment.id),
    ).rejects.toThrow('has not confirmed');
    const after = await t.app.ordo.database.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', payment.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'pending', captured: 0 });
  });
});
