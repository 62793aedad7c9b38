import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { orderConfirmation, startSmtpReceiver, unreachableSmtpUrl } from '../../../test/support/mail.ts';
import { withTransaction } from '../db/transaction.ts';
import { newId } from '../ids.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { mailDeliveryJob, mailMaxAttempts, mailRetryDelaysMs } from './delivery.ts';
import { queueMail } from './outgoing.ts';

type Receiver = Awaited<ReturnType<typeof startSmtpReceiver>>;

describe.each(databaseKinds)('mail through SMTP (%s)', (kind) => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    t = await createTestApp(kind, {
      env: { SMTP_URL: receiver.url, ORDO_MAIL_FROM: 'Tienda Demo Ordo <tienda@demo.ordo.dev>' },
    });
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.db.drop();
    await receiver?.close();
  });

  const queue = (to = 'ana.garcia@example.es') =>
    withTransaction(t.app.ordo.database, (trx) =>
      queueMail(trx, t.clock.now(), {
        to: { address: to, name: 'Ana García' },
        template: 'order-confirmation',
        language: 'es',
        variables: orderConfirmation(),
        reference: { type: 'order', id: newId('ord') },
      }),
    );
  const row = (id: string) =>
    t.app.ordo.database.db
      .selectFrom('outgoingMail')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const arrivedFor = (id: string) =>
    receiver.received.filter((m) => m.parsed.messageId === `<${id}@demo.ordo.dev>`);

  it('delivers a queued message once, as the customer reads it', async () => {
    const { id, subject } = await queue();
    await t.app.ordo.worker.drain();
    const arrived = arrivedFor(id);
    expect(arrived).toHaveLength(1);
    const { envelope, parsed } = arrived[0]!;
    expect(envelope).toEqual({ from: 'tienda@demo.ordo.dev', to: ['ana.garcia@example.es'] });
    expect(parsed.subject).toBe(subject);
    expect(parsed.subject).toBe('Tu pedido #1001 en Ordo Demo Shop está confirmado');
    expect(parsed.from?.value).toEqual([{ name: 'Tienda Demo Ordo', address: 'tienda@demo.ordo.dev' }]);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ name: 'Ana García', address: 'ana.garcia@example.es' }]);
    expect(parsed.headers.get('content-language')).toBe('es');
    expect(parsed.text).toContain('Hola, Ana García:');
    expect(parsed.text).toContain('- 2 × Camiseta orgánica (TEE-BLAC-M) a 25,00 €: 50,00 €');
    expect(parsed.html).toContain('<html lang="es">');
    expect(parsed.html).toContain('Camiseta orgánica');

    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: t.clock.now(),
      providerMessageId: `<${id}@demo.ordo.dev>`,
      fromAddress: 'tienda@demo.ordo.dev',
      fromName: 'Tienda Demo Ordo',
      lastError: null,
      sendingUntil: null,
    });
  });

  it('never sends a sent message again, whatever runs its job again', async () => {
    const { id } = await queue();
    await t.app.ordo.worker.drain();
    expect(arrivedFor(id)).toHaveLength(1);
    await withTransaction(t.app.ordo.database, (trx) => enqueueJob(trx, t.clock.now(), mailDeliveryJob(id)));
    await t.app.ordo.worker.drain();
    expect(arrivedFor(id)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('leaves a message another try is sending to that try, and takes it over once that try has expired', async () => {
    const { id } = await queue();
    const db = t.app.ordo.database.db;
    const until = new Date(t.clock.now().getTime() + 5 * 60_000);
    await db
      .updateTable('outgoingMail')
      .set({ status: 'sending', attempts: 1, sendingUntil: until })
      .where('id', '=', id)
      .execute();
    await t.app.ordo.worker.drain();
    expect(arrivedFor(id)).toHaveLength(0);
    const job = await db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupeKey', '=', `mail:${id}`)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'pending', lastError: 'another try is still sending this message' });

    // The other try's process died without a word: once its claim has run out, this one sends.
    t.clock.advance({ minutes: 5 });
    await t.app.ordo.worker.drain();
    expect(arrivedFor(id)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks a message the server refuses for its recipient failed at once, without retrying', async () => {
    const refusing = await startSmtpReceiver({ rejectRecipients: true });
    const other = await createTestApp(kind, { env: { SMTP_URL: refusing.url } });
    try {
      const { id } = await withTransaction(other.app.ordo.database, (trx) =>
        queueMail(trx, other.clock.now(), {
          to: { address: 'nobody@example.es' },
          template: 'order-confirmation',
          language: 'en',
          variables: orderConfirmation(),
        }),
      );
      await other.app.ordo.worker.drain();
      const mail = await other.app.ordo.database.db
        .selectFrom('outgoingMail')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(mail).toMatchObject({ status: 'failed', attempts: 1, toName: '' });
      expect(mail.lastError).toMatch(/550.*no mailbox here for nobody@example\.es/);
      other.clock.advance({ days: 2 });
      expect(await other.app.ordo.worker.drain()).toBe(0);
      expect(refusing.received).toHaveLength(0);
    } finally {
      await other.app.close();
      await other.db.drop();
      await refusing.close();
    }
  });
});

describe.each(databaseKinds)('mail while the SMTP server is down (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { SMTP_URL: await unreachableSmtpUrl() } });
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.db.drop();
  });

  it('retries on the back-off schedule, then marks the message failed with the error', async () => {
    const { id } = await withTransaction(t.app.ordo.database, (trx) =>
      queueMail(trx, t.clock.now(), {
        to: { address: 'ana.garcia@example.es', name: 'Ana García' },
        template: 'order-confirmation',
        language: 'es',
        variables: orderConfirmation(),
      }),
    );
    const mail = () =>
      t.app.ordo.database.db
        .selectFrom('outgoingMail')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    for (let attempt = 1; attempt < mailMaxAttempts; attempt++) {
      expect(await t.app.ordo.worker.drain()).toBe(1);
      const now = await mail();
      expect(now).toMatchObject({ status: 'queued', attempts: attempt, sendingUntil: null, sentAt: null });
      expect(now.lastError).toMatch(/ECONNREFUSED/);
      // Not before its time.
      t.clock.advance(mailRetryDelaysMs[attempt - 1]! - 1000);
      expect(await t.app.ordo.worker.drain()).toBe(0);
      t.clock.advance(1000);
    }
    expect(await t.app.ordo.worker.drain()).toBe(1);
    const failed = await mail();
    expect(failed).toMatchObject({ status: 'failed', attempts: mailMaxAttempts, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    const job = await t.app.ordo.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupeKey', '=', `mail:${id}`)
      .executeTakeFirstOrThrow();
    expect(job.state).toBe('dead');
  });
});
