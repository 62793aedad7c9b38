import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.skipIf(browserMissing)('the web app in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
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
      // A 401 from /api/v1/auth/me is how the app learns that nobody is signed in; Chromium logs it.
      if (message.type() === 'error' && !message.text().includes('status of 401'))
        errors.push(message.text());
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    return { page, errors };
  }

  /** Fills in the sign-in form the page shows, with a new staff member of `role`. */
  async function signInThroughForm(page: Page, role: Role): Promise<void> {
    const { email, password } = await signInAs(t.app, role);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Ordo');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Opens /admin, which sends a visitor to sign in first, and signs in as `role`. */
  async function openAdminAs(role: Role, viewport?: { width: number; height: number }) {
    const opened = await open('/admin', viewport);
    await signInThroughForm(opened.page, role);
    await expect
      .poll(() => opened.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Welcome to Ordo');
    return opened;
  }

  const allSections = [
    'Orders',
    'Inventory',
    'Fulfilment',
    'Returns',
    'Customers',
    'Catalog',
    'Service desk',
    'Outgoing mail',
    'Reports',
    'Settings',
    'Staff',
    'API keys',
    'Audit log',
  ];
  const without = (...hidden: string[]) => allSections.filter((section) => !hidden.includes(section));
  const navigationByRole: Record<Role, string[]> = {
    owner: allSections,
    admin: without('Staff', 'API keys'),
    manager: without('Settings', 'Staff', 'API keys', 'Audit log'),
    agent: without('Reports', 'Settings', 'Staff', 'API keys', 'Audit log'),
    warehouse: without(
      'Service desk',
      'Outgoing mail',
      'Reports',
      'Settings',
      'Staff',
      'API keys',
      'Audit log',
    ),
  };

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

  it('shows the back office frame with its navigation at /admin once signed in', async () => {
    const { page, errors } = await open('/admin');
    // Nobody is signed in yet: the back office asks for a sign-in first.
    await expect.poll(() => page.url()).toBe(`${base}/admin/sign-in`);
    await signInThroughForm(page, 'admin');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Ordo');
    const nav = page.getByRole('navigation');
    for (const section of ['Orders', 'Inventory', 'Customers', 'Service desk']) {
      expect(await nav.getByRole('link', { name: section }).isVisible()).toBe(true);
    }
    await nav.getByRole('link', { name: 'Orders' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/admin/orders`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Orders');
    expect(await page.getByText('This section arrives with a later release').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the sign-in page and the server problem when sign-in fails', async () => {
    const { page } = await open('/admin/sign-in');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Ordo');
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The server answers with an RFC 9457 problem; the page shows its words, not a generic failure.
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The email or password is wrong');
    expect(page.url()).toBe(`${base}/admin/sign-in`);
    await page.close();
  });

  it('returns to the page asked for after signing in, and never leaves the site', async () => {
    const { page, errors } = await open('/admin/staff');
    await expect.poll(() => page.url()).toBe(`${base}/admin/sign-in?next=%2Fadmin%2Fstaff`);
    await signInThroughForm(page, 'owner');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Staff');
    expect(page.url()).toBe(`${base}/admin/staff`);
    expect(errors).toEqual([]);
    await page.close();

    const elsewhere = await open('/admin/sign-in?next=https%3A%2F%2Fevil.example%2Fadmin');
    await signInThroughForm(elsewhere.page, 'agent');
    await expect.poll(() => elsewhere.page.url()).toBe(`${base}/admin`);
    await elsewhere.page.close();
  });

  for (const role of Object.keys(navigationByRole) as Role[]) {
    it(`shows the ${role} role only the sections it allows`, async () => {
      const { page, errors } = await openAdminAs(role);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      const links = (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
      expect(links).toEqual(['Dashboard', ...navigationByRole[role]]);
      const header = page.getByRole('banner');
      expect(
        await header.getByText(role[0]!.toUpperCase() + role.slice(1), { exact: true }).isVisible(),
      ).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('tells a warehouse member that staff management is not for their role', async () => {
    const { page, errors } = await openAdminAs('warehouse');
    await page.goto(`${base}/admin/staff`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByText('You do not have access').isVisible()).toBe(true);
    // The page never asked the server for the staff list it may not read.
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets an owner create an API key, shown once, that works at once', async () => {
    const { page, errors } = await openAdminAs('owner');
    await page.getByRole('navigation').getByRole('link', { name: 'API keys' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('API keys');
    await page.getByRole('button', { name: 'Create API key' }).click();
    const form = page.getByRole('dialog', { name: 'Create an API key' });
    await form.getByLabel('Name').fill('Browser test shop');
    await form.getByRole('group', { name: 'Orders' }).getByRole('checkbox', { name: 'Write' }).check();
    await form.getByRole('button', { name: 'Create key' }).click();

    const reveal = page.getByRole('dialog', { name: 'Your new API key' });
    await expect.poll(() => reveal.getByText('it is shown only once').isVisible()).toBe(true);
    const key = (await reveal.getByTestId('new-api-key').textContent())?.trim() ?? '';
    expect(key).toMatch(/^ordo_/);
    expect(await reveal.getByRole('button', { name: 'Copy key' }).isVisible()).toBe(true);
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'api_key', name: 'Browser test shop' });

    await reveal.getByRole('button', { name: 'I have stored the key' }).click();
    await expect.poll(() => reveal.isVisible()).toBe(false);
    const row = page.getByRole('row', { name: /Browser test shop/ });
    await expect.poll(() => row.isVisible()).toBe(true);
    // Once closed, the secret is nowhere on the page; only its prefix is listed.
    expect(await page.getByText(key).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('signs out from the header menu and returns to the sign-in page', async () => {
    const { page, errors } = await openAdminAs('manager');
    await page.getByRole('button', { name: /^Account menu for / }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/admin/sign-in`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Ordo');
    // The session is gone on the server too: the back office asks for a sign-in again.
    await page.goto(`${base}/admin/orders`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.url()).toBe(`${base}/admin/sign-in?next=%2Fadmin%2Forders`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits the back office on a phone screen without sideways scrolling', async () => {
    const { page, errors } = await openAdminAs('agent', { width: 390, height: 844 });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(Number(overflow)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves hashed assets as immutable and the page itself as always revalidated', async () => {
    const assets = await readdir(join(webDistDir, 'assets'));
    const script = assets.find((file) => file.endsWith('.js'));
    const asset = await fetch(`${base}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/admin', '/admin/orders', '/admin/orders/new', '/admin/orders/ord_1']) {
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
