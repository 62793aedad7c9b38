import { describe, expect, it } from 'vitest';
import { demoLogins, seedDemo } from '../../src/cli/seed.ts';
import { createTestApp } from '../support/app.ts';
import { signInAs } from '../support/auth.ts';
import { databaseKinds } from '../support/database.ts';

describe.each(databaseKinds)('the demo shop (%s)', (kind) => {
  it('seeds a believable shop once, and every demo sign-in works with the right role', async () => {
    const t = await createTestApp(kind);
    try {
      const first = await seedDemo(t.app.ordo.database, t.clock);
      expect(first.seeded).toBe(true);
      expect((await seedDemo(t.app.ordo.database, t.clock)).seeded).toBe(false);

      for (const login of demoLogins) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: login.email, password: login.password },
        });
        expect(res.statusCode, login.email).toBe(200);
        expect(res.json().staff.role).toBe(login.role);
      }
      expect(demoLogins.map((l) => l.email)).toContain('owner@demo.ordo.dev');
      expect(demoLogins.find((l) => l.role === 'owner')?.password).toBe('ordo-demo-owner');

      const db = t.app.ordo.database.db;
      const products = await db.selectFrom('products').select(['id', 'status']).execute();
      expect(products.length).toBeGreaterThanOrEqual(50);
      const variants = await db.selectFrom('variants').select('id').execute();
      expect(variants.length).toBeGreaterThan(products.length);
      const currencies = await db
        .selectFrom('variantPrices')
        .select('currency')
        .distinct()
        .orderBy('currency')
        .execute();
      expect(currencies.map((c) => c.currency)).toEqual(['EUR', 'USD']);
      const unpriced = await db
        .selectFrom('variants')
        .select('id')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('variantPrices')
                .select('variantId')
                .whereRef('variantPrices.variantId', '=', 'variants.id')
                .where('currency', '=', 'USD'),
            ),
          ),
        )
        .execute();
      expect(unpriced).toEqual([]);

      const customers = await db.selectFrom('customers').select(['language']).execute();
      expect(customers).toHaveLength(200);
      expect(new Set(customers.map((c) => c.language)).size).toBeGreaterThanOrEqual(5);
      const countries = await db.selectFrom('customerAddresses').select('country').distinct().execute();
      expect(countries.length).toBeGreaterThanOrEqual(5);

      const locations = await db.selectFrom('locations').select(['kind', 'country']).execute();
      expect(locations.filter((l) => l.kind === 'warehouse')).toHaveLength(3);
      expect(new Set(locations.map((l) => l.country)).size).toBe(2);
      const stocked = await db
        .selectFrom('stockLevels')
        .select(['variantId'])
        .where('onHand', '>', 0)
        .distinct()
        .execute();
      expect(stocked.length).toBeGreaterThan(variants.length * 0.8);
      const { checkLedger } = await import('../../src/modules/inventory/index.ts');
      expect(await checkLedger(db)).toEqual([]);
    } finally {
      await t.app.close();
      await t.db.drop();
    }
  }, 120_000);

  it('refuses to add the demo sign-ins to a database that already has staff', async () => {
    const t = await createTestApp(kind);
    try {
      await signInAs(t.app, 'owner');
      await expect(seedDemo(t.app.ordo.database, t.clock)).rejects.toThrow('already has staff accounts');
      const demoOwner = await t.app.ordo.database.db
        .selectFrom('staff')
        .select('id')
        .where('email', '=', 'owner@demo.ordo.dev')
        .execute();
      expect(demoOwner).toEqual([]);
    } finally {
      await t.app.close();
      await t.db.drop();
    }
  });
});
