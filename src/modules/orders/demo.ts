import type { Actor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { manualProvider, testGateway } from '../payments/index.ts';
import { cancelOrder } from './cancel.ts';
import { placeOrder } from './place.ts';
import type { ShippingRate, TaxRate } from './rates.ts';

/** The demo shop ships from Spain and Germany to these countries, in euros and dollars. */
const destinations: { country: string; standard: number; express: number; days: number }[] = [
  { country: 'ES', standard: 395, express: 795, days: 2 },
  { country: 'PT', standard: 495, express: 995, days: 3 },
  { country: 'FR', standard: 595, express: 1295, days: 3 },
  { country: 'DE', standard: 495, express: 995, days: 2 },
  { country: 'NL', standard: 595, express: 1295, days: 3 },
  { country: 'SE', standard: 795, express: 1695, days: 4 },
  { country: 'GB', standard: 995, express: 1995, days: 4 },
  { country: 'US', standard: 1995, express: 3995, days: 6 },
];

export const demoShippingRates: ShippingRate[] = destinations.flatMap((d) =>
  ['EUR', 'USD'].flatMap((currency) => [
    {
      method: 'standard',
      country: d.country,
      currency,
      name: `Standard (${d.days} working days)`,
      amount: d.standard,
      freeFrom: d.country === 'US' ? 15000 : 7500,
      transitDays: d.days,
    },
    {
      method: 'express',
      country: d.country,
      currency,
      name: `Express (${Math.max(1, d.days - 2)} working day${d.days - 2 > 1 ? 's' : ''})`,
      amount: d.express,
      freeFrom: null,
      transitDays: Math.max(1, d.days - 2),
    },
  ]),
);

/** VAT in basis points: standard, reduced, zero and exempt classes; the United States without sales tax here. */
const vat: Record<string, [number, number, boolean]> = {
  ES: [2100, 1000, true],
  PT: [2300, 600, true],
  FR: [2000, 550, true],
  DE: [1900, 700, true],
  NL: [2100, 900, true],
  SE: [2500, 1200, true],
  GB: [2000, 500, true],
  US: [0, 0, false],
};

export const demoTaxRates: TaxRate[] = Object.entries(vat).flatMap(
  ([country, [standard, reduced, inclusive]]) => [
    { country, taxClass: 'standard', rate: standard, pricesIncludeTax: inclusive },
    { country, taxClass: 'reduced', rate: reduced, pricesIncludeTax: inclusive },
    { country, taxClass: 'zero', rate: 0, pricesIncludeTax: inclusive },
    { country, taxClass: 'exempt', rate: 0, pricesIncludeTax: inclusive },
  ],
);

export async function seedDemoRates(database: Database<Tables>): Promise<string> {
  await database.db.insertInto('shippingRates').values(demoShippingRates).execute();
  await database.db.insertInto('taxRates').values(demoTaxRates).execute();
  return `standard and express shipping to ${destinations.length} countries in EUR and USD, and their tax rates`;
}

/**
 * A few weeks of trade for the demo: orders from the web shop, the marketplace and the phone,
 * to the demo customers, some cancelled, placed through the same path as real orders.
 */
export async function seedDemoOrders(database: Database<Tables>, clock: Clock): Promise<string> {
  const db = database.db;
  const customers = await db
    .selectFrom('customers')
    .innerJoin('customerAddresses', 'customerAddresses.customerId', 'customers.id')
    .select([
      'customers.id',
      'customers.name',
      'customerAddresses.line1',
      'customerAddresses.city',
      'customerAddresses.postalCode',
      'customerAddresses.country',
    ])
    .where('customerAddresses.isDefault', '=', true)
    .orderBy('customers.id')
    .limit(24)
    .execute();
  const skus = (
    await db
      .selectFrom('stockLevels')
      .innerJoin('variants', 'variants.id', 'stockLevels.variantId')
      .innerJoin('variantPrices', 'variantPrices.variantId', 'variants.id')
      .select('variants.sku')
      .where('variantPrices.currency', '=', 'EUR')
      .where((eb) => eb(eb('onHand', '-', eb.ref('reserved')), '>=', 20))
      .groupBy('variants.sku')
      .orderBy('variants.sku')
      .execute()
  ).map((r) => r.sku);
  const agent = await db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('role', '=', 'agent')
    .executeTakeFirst();
  const start = clock.now().getTime();
  let placed = 0;
  for (const [i, customer] of customers.entries()) {
    const at = new Date(start - (customers.length - i) * 9 * 3600 * 1000);
    const byPhone = i % 5 === 0 && agent;
    const actor: Actor = byPhone
      ? { kind: 'staff', id: agent.id, name: agent.name }
      : { kind: 'system', id: null, name: 'Demo web shop' };
    const pinned = { now: () => at };
    const deps = {
      database,
      clock: pinned,
      providers: { card: testGateway(db, () => at), manual: manualProvider },
    };
    const lines = [0, 1, 2]
      .slice(0, 1 + (i % 3))
      .map((k) => ({ sku: skus[(i * 7 + k * 13) % skus.length]!, quantity: 1 + ((i + k) % 2) }))
      .filter((l, k, all) => all.findIndex((x) => x.sku === l.sku) === k);
    const order = await placeOrder(deps, actor, {
      channel: byPhone ? 'phone' : i % 4 === 1 ? 'marketplace' : 'web',
      currency: 'EUR',
      customer: { id: customer.id },
      lines,
      shippingAddress: {
        name: customer.name,
        line1: customer.line1,
        city: customer.city,
        postalCode: customer.postalCode,
        country: customer.country,
      },
      shippingMethod: i % 6 === 2 ? 'express' : 'standard',
      payment:
        i % 7 === 3 ? { method: 'manual', kind: 'bank_transfer' } : { method: 'card', token: 'tok_visa' },
    });
    placed++;
    if (i % 9 === 4)
      await cancelOrder(deps, actor, order.id, { reason: 'The customer asked to cancel by email' });
  }
  return `${placed} orders from the web shop, the marketplace and the phone`;
}
