import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, runBackground, type TestApp } from '../../../test/support/app.ts';
import { apiKeyWith, signInAs } from '../../../test/support/auth.ts';
import { databaseKinds } from '../../../test/support/database.ts';
import { startSmtpReceiver } from '../../../test/support/mail.ts';
import { addProducts, anOrder, createTestShop, stock } from '../../../test/support/shop.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';

async function shopWithStock(t: TestApp) {
  const shop = await createTestShop(t.app, t.clock);
  await addProducts(t.app, t.clock, [{ sku: 'TEE-BLK-M', eur: 1999 }]);
  await stock(t.app, t.clock, shop.mad, [{ sku: 'TEE-BLK-M', quantity: 20 }]);
  return apiKeyWith(t.app, ['orders:write']);
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

describe.each(databaseKinds)('backorder notices by email (%s)', (kind) => {
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let t: TestApp;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    t = await createTestApp(kind, {
      env: { SMTP_URL: receiver.url, ORDO_MAIL_FROM: 'Butiken <butik@demo.ordo.dev>' },
    });
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.db.drop();
    await receiver?.close();
  });

  it('tells the customer at placing what waits, then once when it arrives, with the new delivery date', async () => {
    const shop = await createTestShop(t.app, t.clock);
    await addProducts(t.app, t.clock, [{ sku: 'COAT-WOOL', eur: 8900, backorderable: true }]);
    const key = await apiKeyWith(t.app, ['orders:write', 'orders:read']);
    const warehouse = await signInAs(t.app, 'warehouse');
    const placed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: key.headers,
      payload: anOrder({
        customer: { email: 'lena@example.se', name: 'Lena <Berg>', language: 'sv' },
        lines: [{ sku: 'COAT-WOOL', quantity: 2 }],
        onShortage: 'backorder',
      }),
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const order = placed.json();
    expect(order.promisedDeliveryDate).toBeNull();
    await runBackground(t);
    expect(receiver.received).toHaveLength(1);
    const confirmation = receiver.received[0]!.parsed;
    expect(confirmation.text).toContain('Inte i lager än:\n- 2 × Product COAT-WOOL — Default (COAT-WOOL)');
    expect(confirmation.text).toContain('Beräknad leverans: —');
    expect(confirmation.html).toContain('Inte i lager än');

    const receipt = await t.app.inject({
      method: 'POST',
      url: '/api/v1/stock/receipts',
      headers: warehouse.headers,
      payload: { locationId: shop.mad, lines: [{ sku: 'COAT-WOOL', quantity: 5 }] },
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    await runBackground(t);
    const filled = (await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: key.headers })).json();
    expect(filled.promisedDeliveryDate).toBe('2026-12-02');
    expect(receiver.received).toHaveLength(2);
    const arrived = receiver.received[1]!;
    expect(arrived.envelope.to).toEqual(['lena@example.se']);
    expect(arrived.parsed.subject).toBe(
      `Goda nyheter: artiklar i din beställning ${order.number} hos Butiken har kommit in`,
    );
    expect(arrived.parsed.text).toContain('Hej Lena <Berg>,');
    expect(arrived.parsed.text).toContain('- 2 × Product COAT-WOOL — Default (COAT-WOOL)');
    expect(arrived.parsed.text).toContain('Beräknad leverans: onsdag 2 december 2026');
    expect(arrived.parsed.text).not.toContain('Inte i lager än');
    expect(arrived.parsed.html).toContain('Hej Lena &lt;Berg&gt;,');

    // The outbox delivers at least once: the same event handled again writes nothing more.
    const event = await t.app.ordo.database.db
      .selectFrom('outboxEvents')
      .select('id')
      .where('type', '=', 'order.backorder_allocated')
      .where('aggregateId', '=', order.id)
      .executeTakeFirstOrThrow();
    await enqueueJob(t.app.ordo.database.db, t.clock.now(), {
      name: 'subscriber:orders.backorder-arrived-email',
      payload: { eventId: event.id },
    });
    await runBackground(t);
    await runBackground(t);
    expect(receiver.received).toHaveLength(2);
    const handled = await t.app.ordo.database.db
      .selectFrom('jobs')
      .select('state')
      .where('name', '=', 'subscriber:orders.backorder-arrived-email')
      .execute();
    expect(handled).toEqual([{ state: 'completed' }, { state: 'completed' }]);
    const stored = await t.app.ordo.database.db
      .selectFrom('outgoingMail')
      .select(['template', 'status', 'language', 'referenceId'])
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { template: 'order-confirmation', status: 'sent', language: 'sv', referenceId: order.id },
      { template: 'backorder-arrived', status: 'sent', language: 'sv', referenceId: order.id },
    ]);
  });
});

describe.each(databaseKinds)('backorder notices without SMTP (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.db.drop();
  });

  it('keeps a notice naming what still waits, without a date, and none for an order without an email', async () => {
    const shop = await createTestShop(t.app, t.clock);
    await addProducts(t.app, t.clock, [{ sku: 'LAMP-OAK', eur: 4500, backorderable: true }]);
    const key = await apiKeyWith(t.app, ['orders:write']);
    const place = async (customer: object, quantity: number) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: key.headers,
        payload: anOrder({ customer, lines: [{ sku: 'LAMP-OAK', quantity }], onShortage: 'backorder' }),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    await place({ phone: '+34 699 111 222', name: 'Sin Correo' }, 1);
    const order = await place({ email: 'sanne@example.nl', name: 'Sanne de Vries', language: 'nl' }, 3);
    await runBackground(t);
    // The older order is served first; one unit is left for the second, two of its three still wait.
    await stock(t.app, t.clock, shop.mad, [{ sku: 'LAMP-OAK', quantity: 2 }]);
    await runBackground(t);
    const notices = await t.app.ordo.database.db
      .selectFrom('outgoingMail')
      .selectAll()
      .where('template', '=', 'backorder-arrived')
      .execute();
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ status: 'stored', language: 'nl', referenceId: order.id });
    expect(notice.text).toContain('- 1 × Product LAMP-OAK — Default (LAMP-OAK)');
    expect(notice.text).toContain('Nog niet op voorraad:\n- 2 × Product LAMP-OAK — Default (LAMP-OAK)');
    expect(notice.text).toContain(
      'We laten je de leverdatum weten zodra de rest van je bestelling binnen is.',
    );
    expect(notice.text).not.toContain('Verwachte levering');
  });
});
