import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '../../src/cli/web-build.ts';
import type { Role } from '../../src/modules/staff/index.ts';
import { withTransaction } from '../../src/platform/db/transaction.ts';
import { newId } from '../../src/platform/ids.ts';
import { queueMail } from '../../src/platform/mail/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/auth.ts';
import { orderConfirmation } from '../support/mail.ts';

const chromiumPath = '/usr/bin/chromium';
const browserMissing = !existsSync(chromiumPath);
if (browserMissing) {
  const reason = `Chromium is not installed at ${chromiumPath} (apt-get install -y chromium)`;
  if (process.env.ORDO_REQUIRE_BROWSER === '1') throw new Error(`ORDO_REQUIRE_BROWSER=1 but ${reason}.`);
  console.warn(`[ordo tests] browser tests skipped: ${reason}.`);
}

describe.skipIf(browserMissing)('the outgoing mail pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const orderId = newId('ord');

  beforeAll(async () => {
    t = await createTestApp('pglite', { webDistDir });
    const customers = [
      { address: 'ana.garcia@example.es', name: 'Ana García', language: 'es' },
      { address: 'lukas.mueller@example.de', name: 'Lukas Müller', language: 'de' },
      // What a customer typed is shown as text, never run: the page must stay free of script errors.
      { address: 'mallory@example.com', name: '<img src=x onerror=alert(1)> Mallory', language: 'en' },
    ];
    for (const [i, customer] of customers.entries()) {
      t.clock.advance({ minutes: 3 });
      await withTransaction(t.app.ordo.database, (trx) =>
        queueMail(trx, t.clock.now(), {
          to: { address: customer.address, name: customer.name },
          template: 'order-confirmation',
          language: customer.language,
          variables: orderConfirmation({ customerName: customer.name, orderNumber: `#${1001 + i}` }),
          reference: { type: 'order', id: i === 0 ? orderId : newId('ord') },
        }),
      );
    }
    await t.app.ordo.worker.drain();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.app.close();
    await t?.db.drop();
  });

  /** Signs in through the form as a new staff member of `role`, then opens `path`. */
  async function openAs(role: Role, path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // The 401 of /auth/me before sign-in is how the app learns nobody is signed in.
      if (message.type() === 'error' && !message.text().includes('status of 401'))
        errors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      errors.push(`a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${base}/admin/sign-in?next=${encodeURIComponent(path)}`, { waitUntil: 'networkidle' });
    const { email, password } = await signInAs(t.app, role);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return { page, errors };
  }

  it('lists the mail kept in Ordo and shows a message as the customer gets it, in a sandboxed frame', async () => {
    const { page, errors } = await openAs('agent', '/admin/mail');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Outgoing mail');
    const table = page.getByRole('table', { name: 'Outgoing mail, newest first' });
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    const rows = await table.getByRole('row').allTextContents();
    expect(rows[1]).toContain('<img src=x onerror=alert(1)> Mallory');
    expect(rows[3]).toMatch(/Ana García.*Tu pedido #1001 en Ordo Demo Shop está confirmado.*Kept in Ordo/);

    await table.getByRole('link', { name: 'Tu pedido #1001 en Ordo Demo Shop está confirmado' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Tu pedido #1001 en Ordo Demo Shop está confirmado');
    expect(await page.getByText('Ana García <ana.garcia@example.es>').isVisible()).toBe(true);
    const frame = page.getByTitle('The message Tu pedido #1001 en Ordo Demo Shop está confirmado');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect
      .poll(() => frame.contentFrame().getByText('Gracias por tu pedido en Ordo Demo Shop.').isVisible())
      .toBe(true);
    expect(await frame.contentFrame().getByText('TEE-BLAC-M').isVisible()).toBe(true);

    await page.getByRole('tab', { name: 'Plain text' }).click();
    await expect.poll(() => page.getByText('Hola, Ana García:').isVisible()).toBe(true);

    // "About" leads to every message about the same order.
    await page.getByRole('link', { name: `order ${orderId}` }).click();
    await expect.poll(() => page.url()).toBe(`${base}/admin/mail?reference=${orderId}`);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs nothing a message holds', async () => {
    const { page, errors } = await openAs('agent', '/admin/mail?to=mallory%40example.com');
    const table = page.getByRole('table', { name: 'Outgoing mail, newest first' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('link').first().click();
    const frame = page.locator('iframe');
    await expect
      .poll(() => frame.contentFrame().getByText('Hello <img src=x onerror=alert(1)> Mallory,').isVisible())
      .toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
