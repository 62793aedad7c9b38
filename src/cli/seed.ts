import { sql } from 'kysely';
import type { AppDatabase } from '../app.ts';
import { seedDemoCatalog } from '../modules/catalog/index.ts';
import { seedDemoCustomers } from '../modules/customers/index.ts';
import { seedDemoLocations, seedDemoStock } from '../modules/inventory/index.ts';
import { seedDemoOrders, seedDemoRates } from '../modules/orders/index.ts';
import { demoStaffLogins, seedDemoStaff } from '../modules/staff/index.ts';
import type { Clock } from '../platform/clock.ts';
import { withTransaction } from '../platform/db/transaction.ts';
import { Problem } from '../platform/http/problems.ts';

export interface DemoSeed {
  /** What it creates, as printed after seeding. */
  name: string;
  run: (database: AppDatabase, clock: Clock) => Promise<string>;
}

/**
 * The demo shop, module by module. Each seed adds its part and says what it added; modules add
 * theirs as they arrive (the catalog, customers and staff come first).
 */
export const demoSeeds: DemoSeed[] = [
  { name: 'staff', run: seedDemoStaff },
  { name: 'locations', run: seedDemoLocations },
  { name: 'catalog', run: seedDemoCatalog },
  { name: 'customers', run: seedDemoCustomers },
  { name: 'stock', run: seedDemoStock },
  { name: 'shipping and tax', run: seedDemoRates },
  { name: 'orders', run: seedDemoOrders },
];

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

/** Sign-ins the demo data creates, printed at start. */
export const demoLogins: DemoLogin[] = demoStaffLogins;

const demoMarker = 'demo.seededAt';

export async function demoSeededAt(database: AppDatabase): Promise<Date | null> {
  const row = await database.db
    .selectFrom('ordoMeta')
    .select('value')
    .where('key', '=', demoMarker)
    .executeTakeFirst();
  return row ? new Date(String(row.value)) : null;
}

export interface SeedResult {
  /** False when the demo data was already there. */
  seeded: boolean;
  report: string[];
}

/** Seeds the demo data once; a second run changes nothing and says so. */
export async function seedDemo(database: AppDatabase, clock: Clock): Promise<SeedResult> {
  return withTransaction(database, async (trx) => {
    // Two processes seeding at once must not both seed: the first takes the lock, the second sees its marker.
    if (database.kind === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext('ordo.seed.demo'))`.execute(trx);
    const seeded = await trx
      .selectFrom('ordoMeta')
      .select('value')
      .where('key', '=', demoMarker)
      .executeTakeFirst();
    if (seeded) return { seeded: false, report: [] };
    // The demo publishes its passwords: never add them to a shop that already has people in it.
    const staff = await trx.selectFrom('staff').select('id').limit(1).executeTakeFirst();
    if (staff) {
      throw new Problem(
        'conflict',
        'This database already has staff accounts, so the demo (with its published passwords) is not added to it. Seed the demo into an empty database.',
      );
    }
    const report: string[] = [];
    const now = clock.now();
    for (const seed of demoSeeds) report.push(await seed.run({ ...database, db: trx }, clock));
    await trx
      .insertInto('ordoMeta')
      .values({ key: demoMarker, value: JSON.stringify(now.toISOString()), updatedAt: now })
      .execute();
    return { seeded: true, report };
  });
}
