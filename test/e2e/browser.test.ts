import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, webBuildNeeded, webDistDir } from '../../src/cli/web-build.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const chromiumPath = '/usr/bin/chromium';
const browserMissing = !existsSync(chromiumPath);
if (browserMissing) {
  const reason = `Chromium is not installed at ${chromiumPath} (apt-get install -y chromium)`;
  if (process.env.ORDO_REQUIRE_BROWSER === '1') throw new Error(`ORDO_REQUIRE_BROWSER=1 but ${reason}.`);
  console.warn(`[ordo tests] browser tests skipped: ${reason}.`);
}

describe.skipIf(browserMissing)('the web app in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (webBuildNeeded()) await buildWeb();
    t = await createTestApp('pglite', { webDistDir });
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

  /** Opens a page and fails the test on any script error or Content-Security-Policy violation. */
  async function open(
    path: string,
    viewport = { width: 1280, height: 800 },
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    return { page, errors };
  }

  it('shows the customer portal at /', async () => {
    const { page, errors } = await open('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Where is my order?');
    expect(await page.getByText('Ordo demo shop').first().isVisible()).toBe(true);
    const track = page.getByRole('button', { name: 'Track order' });
    expect(await track.isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Staff sign-in' }).getAttribute('href')).toBe('/admin');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors } = await open('/', { width: 390, height: 844 });
    // Runs in the page, where the DOM exists.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(Number(overflow)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the back office frame with its navigation at /admin', async () => {
    const { page, errors } = await open('/admin');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Ordo');
    const nav = page.getByRole('navigation');
    for (const section of ['Orders', 'Inventory', 'Customers', 'Service desk']) {
      expect(await nav.getByRole('link', { name: section }).isVisible()).toBe(true);
    }
    await nav.getByRole('link', { name: 'Orders' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/admin/orders`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the sign-in page and the server problem when sign-in fails', async () => {
    const { page } = await open('/admin/sign-in');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Ordo');
    await page.getByLabel('Email').fill('owner@example.com');
    await page.getByLabel('Password').fill('not-yet');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The server answers with an RFC 9457 problem; the page shows its words, not a generic failure.
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('There is no POST /api/v1/auth/login here.');
    await page.close();
  });

  it('serves hashed assets as immutable and the page itself as always revalidated', async () => {
    const assets = await readdir(join(webDistDir, 'assets'));
    const script = assets.find((file) => file.endsWith('.js'));
    const asset = await fetch(`${base}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/admin', '/admin/orders/ord_1']) {
      const page = await fetch(base + path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
    const missing = await fetch(`${base}/api/v1/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
