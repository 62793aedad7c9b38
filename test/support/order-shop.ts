import { createProduct } from '../../src/modules/catalog/index.ts';
import { createLocation, receiveStock } from '../../src/modules/inventory/index.ts';
import { seedDemoRates } from '../../src/modules/orders/index.ts';
import { createApiKey, createStaff } from '../../src/modules/staff/index.ts';
import { systemActor } from '../../src/platform/audit/audit.ts';
import { systemClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { Tables } from '../../src/platform/db/tables.ts';

/**
 * A shop straight in a database, for tests that start Ordo processes of their own: one
 * warehouse per code, the demo rates, an owner and an API key that places orders.
 */
export async function seedOrderShop(
  database: Database<Tables>,
  products: { sku: string; eur: number; stock: Record<string, number> }[],
  codes: string[] = ['MAD', 'BER'],
): Promise<{ apiKey: string; locations: Record<string, string> }> {
  const clock = systemClock;
  const locations: Record<string, string> = {};
  for (const code of codes) {
    const location = await createLocation(database.db, clock, {
      code,
      name: code,
      kind: 'warehouse',
      timezone: code === 'BER' ? 'Europe/Berlin' : 'Europe/Madrid',
      address:
        code === 'BER'
          ? { line1: 'Straße 1', city: 'Berlin', postalCode: '12099', country: 'DE' }
          : { line1: 'Calle 1', city: 'Getafe', region: 'M', postalCode: '28906', country: 'ES' },
    });
    locations[code] = location.id;
  }
  await seedDemoRates(database);
  for (const p of products) {
    await createProduct(database, clock, systemActor, {
      title: p.sku,
      status: 'active',
      variants: [{ sku: p.sku, prices: [{ currency: 'EUR', amount: p.eur }] }],
    });
    for (const [code, quantity] of Object.entries(p.stock)) {
      if (quantity > 0)
        await receiveStock(database, clock, systemActor, {
          locationId: locations[code]!,
          lines: [{ sku: p.sku, quantity }],
        });
    }
  }
  const owner = await createStaff(database, clock, systemActor, {
    email: `owner.${Date.now()}@test.ordo.dev`,
    name: 'Shop owner',
    role: 'owner',
    password: 'a long enough password',
  });
  const key = await createApiKey(
    database,
    clock,
    { kind: 'staff', id: owner.id, name: owner.name },
    {
      name: 'web shop',
      scopes: ['orders:write'],
    },
  );
  return { apiKey: key.key, locations };
}

/** An order for one unit of `sku` from buyer `n`, as a web shop would send it. */
export function buyerOrder(sku: string, n: number, quantity = 1) {
  return {
    channel: 'web',
    currency: 'EUR',
    customer: { email: `buyer${n}@example.com`, name: `Buyer ${n}` },
    lines: [{ sku, quantity }],
    shippingAddress: {
      name: `Buyer ${n}`,
      line1: 'Calle Mayor 1',
      city: 'Madrid',
      region: 'M',
      postalCode: '28013',
      country: 'ES',
    },
    shippingMethod: 'standard',
    payment: { method: 'card', token: 'tok_visa' },
  };
}
