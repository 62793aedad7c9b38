import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/seed.ts';
import { webDistDir } from '../../src/cli/web-build.ts';
import type { Role } from '../../src/modules/staff/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/auth.ts';

const chromiumPath = '/usr/bin/chromium';
const browserMissing = !existsSync(chromiumPath);
if (browserMissing) {
  const reason = `Chromium is not installed at ${chromiumPath} (apt-get install -y chromium)`;
  if (process.env.ORDO_REQUIRE_BROWSER === '1') throw new Error(`ORDO_REQUIRE_BROWSER=1 but ${reason}.`);
  console.warn(`[ordo tests] browser tests skipped: ${reason}.`);
}

const sku = 'TEE-BLAC-M';

describe.skipIf(browserMissing)('the inventory pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let location: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp('pglite', { webDistDir });
    await seedDemo(t.app.ordo.database, t.clock);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const reader = await signInAs(t.app, 'warehouse');
    const locations = await t.app.inject({
      method: 'GET',
      url: '/api/v1/locations',
      headers: reader.headers,
    });
    location = locations.json().items[0];
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.app.close();
    await t?.db.drop();
  });

  /** Signs in as a new staff member of `role` through the form, then opens `path`. */
  async function openAs(role: Role, path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // Chromium logs refused requests; the 401 of /auth/me and the 409 under test are expected.
      const text = message.text();
      if (message.type() === 'error' && !/status of (401|409)/.test(text)) errors.push(text);
    });
    await page.goto(`${base}/admin/sign-in?next=${encodeURIComponent(path)}`, { waitUntil: 'networkidle' });
    const { email, password } = await signInAs(t.app, role);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inventory');
    return { page, errors };
  }

  const stockRow = (page: Page) =>
    page.getByRole('table', { name: 'Stock levels' }).getByRole('row', { name: new RegExp(sku) });
  const onHand = async (page: Page) =>
    Number(await stockRow(page).locator('[data-column="on-hand"]').textContent());

  it('lets the warehouse receive goods, adjust with a reason, and see both in the ledger', async () => {
    const { page, errors } = await openAs('warehouse', `/admin/inventory?location=${location.id}&sku=${sku}`);
    await expect.poll(() => stockRow(page).count()).toBe(1);
    const before = await onHand(page);

    await page.getByRole('button', { name: 'Receive goods' }).click();
    const receive = page.getByRole('dialog', { name: 'Receive goods' });
    await receive.getByLabel('Reference').fill('PO-BROWSER-1');
    await receive.getByLabel('SKU of line 1').fill(sku);
    await receive.getByLabel('Quantity of line 1').fill('5');
    await receive.getByRole('button', { name: 'Receive', exact: true }).click();
    await expect.poll(() => receive.isVisible()).toBe(false);
    await expect.poll(() => onHand(page)).toBe(before + 5);

    // Without a reason the form stops before asking the server.
    await page.getByRole('button', { name: `Adjust ${sku} at ${location.name}` }).click();
    const adjust = page.getByRole('dialog', { name: `Adjust ${sku}` });
    await adjust.getByRole('textbox', { name: 'Change' }).fill('-2');
    await adjust.getByRole('button', { name: 'Adjust stock' }).click();
    await expect.poll(() => adjust.getByText('Say why the stock changes.').isVisible()).toBe(true);
    expect(await onHand(page)).toBe(before + 5);
    await adjust.getByRole('textbox', { name: 'Reason' }).fill('Two dropped in the browser test');
    await adjust.getByRole('button', { name: 'Adjust stock' }).click();
    await expect.poll(() => adjust.isVisible()).toBe(false);
    await expect.poll(() => onHand(page)).toBe(before + 3);

    // More than is on hand: the server refuses and the modal shows its reason.
    await page.getByRole('button', { name: `Adjust ${sku} at ${location.name}` }).click();
    await adjust.getByRole('textbox', { name: 'Change' }).fill('-100000');
    await adjust.getByRole('textbox', { name: 'Reason' }).fill('Far too many');
    await adjust.getByRole('button', { name: 'Adjust stock' }).click();
    await expect
      .poll(() => adjust.getByRole('alert').textContent())
      .toContain(`On hand cannot go below what is reserved or zero: ${sku} has ${before + 3} on hand`);
    await adjust.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => adjust.isVisible()).toBe(false);
    expect(await onHand(page)).toBe(before + 3);

    await page.getByRole('tab', { name: 'Movements' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/admin/inventory/movements?location=${location.id}`);
    const ledger = page.getByRole('table', { name: 'Stock movements, newest first' });
    const adjustment = ledger.getByRole('row', { name: /Two dropped in the browser test/ });
    await expect.poll(() => adjustment.isVisible()).toBe(true);
    expect(await adjustment.textContent()).toMatch(/Adjustment.*TEE-BLAC-M.*-2/);
    const receipt = ledger.getByRole('row', { name: /Receipt/ }).first();
    expect(await receipt.textContent()).toContain('+5');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an agent the stock but no way to change it', async () => {
    const { page, errors } = await openAs('agent', '/admin/inventory');
    await expect.poll(() => stockRow(page).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Receive goods' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Adjust / }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
