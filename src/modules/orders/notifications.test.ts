import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { apiKeyWith } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { startSmtpReceiver } from '../../../test/support/mail.ts';
import { addProducts, anOrder, createTestShop, stock } from '../../../test/support/shop.ts';

async function shopWithStock(t: TestApp) {
  const shop = await createTestShop(t.app, t.clock);
  await addProducts(t.app, t.clock, [{ sku: 'TEE-BLK-M', eur: 1999 }]);
  await stock(t.app, t.clock, shop.mad, [{ sku: 'TEE-BLK-M', quantity: 20 }]);
  return apiKeyWith(t.app, ['orders:write']);
}

/** What the background loops would do: deliver the outbox to subscribers, then run their jobs. */
async function runBackground(t: TestApp) {
  for (;;) {
    const dispatched = await t.app.ordo.dispatcher.dispatchBatch();
    const ran = await t.app.ordo.worker.drain();
    if (dispatched === 0 && ran === 0) return;
  }
}

describe.each(databaseKinds)('order confirmation by email (%s)', (kind) => {
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let t: TestApp;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    t = await createTestApp(kind, {
      env: { SMTP_URL: receiver.url, ORDO_MAIL_FROM: 'Tienda Demo <tienda@demo.ordo.dev>' },
    });
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.db.drop();
    await receiver?.close();
  });

  it('sends the customer one confirmation in their language, with the order in text and HTML', async () => {
    const key = await shopWithStock(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: key.headers,
      payload: anOrder({ customer: { email: 'ana@example.com', name: 'Ana <García>', language: 'es' } }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    await runBackground(t);
    expect(receiver.received).toHaveLength(1);
    const mail = receiver.received[0]!;
    expect(mail.envelope.to).toEqual(['ana@example.com']);
    expect(mail.parsed.from?.value[0]).toMatchObject({
      address: 'tienda@demo.ordo.dev',
      name: 'Tienda Demo',
    });
    expect(mail.parsed.subject).toContain(String(order.number));
    expect(mail.parsed.text).toContain('Ana <García>');
    expect(mail.parsed.text).toContain('TEE-BLK-M');
    expect(mail.parsed.text).toContain('43,93');
    expect(mail.parsed.text).toContain('diciembre');
    expect(mail.parsed.html).toContain('Ana &lt;García&gt;');
    expect(mail.parsed.html).not.toContain('<García>');
    const stored = await t.app.ordo.database.db
      .selectFrom('outgoingMail')
      .select(['status', 'language', 'referenceId'])
      .execute();
    expect(stored).toEqual([{ status: 'sent', language: 'es', referenceId: order.id }]);
  });
});

describe.each(databaseKinds)('order confirmation without SMTP (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.db.drop();
  });

  it('keeps the message for the back office, and sends nothing for an order without an email', async () => {
    const key = await shopWithStock(t);
    const withEmail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: key.headers,
      payload: anOrder({ customer: { email: 'jonas@example.de', name: 'Jonas Weber', language: 'de' } }),
    });
    const withoutEmail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: key.headers,
      payload: anOrder({ customer: { phone: '+34 699 111 222', name: 'Sin Correo' } }),
    });
    expect([withEmail.statusCode, withoutEmail.statusCode]).toEqual([201, 201]);
    await runBackground(t);
    const stored = await t.app.ordo.database.db.selectFrom('outgoingMail').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'stored', language: 'de', toAddress: 'jonas@example.de' });
    expect(stored[0]!.text).toContain('Jonas Weber');
  });
});
