import type { Database } from '../../platform/db/database.ts';
import type { Tables } from '../../platform/db/tables.ts';
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
