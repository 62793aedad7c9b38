import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distance, planAllocation, type Site } from './allocation.ts';
import { computeTotals } from './pricing.ts';

const mad: Site = { id: 'mad', country: 'ES', region: 'M', postalCode: '28906' };
const bcn: Site = { id: 'bcn', country: 'ES', region: 'B', postalCode: '08820' };
const ber: Site = { id: 'ber', country: 'DE', postalCode: '12099' };
const sites = [mad, bcn, ber];
const stockOf = (table: Record<string, Record<string, number>>) => (variant: string, location: string) =>
  table[variant]?.[location] ?? 0;

describe('allocation', () => {
  it('measures nearness: same region, then shared postcode, then other countries by distance', () => {
    const madrid = { country: 'ES', region: 'M', postalCode: '28013' };
    expect(distance(mad, madrid)).toBeLessThan(distance(bcn, madrid));
    expect(distance(bcn, { country: 'ES', postalCode: '08001' })).toBeLessThan(
      distance(mad, { country: 'ES', postalCode: '08001' }),
    );
    expect(distance(bcn, madrid)).toBeLessThan(distance(ber, madrid));
    expect(distance(ber, { country: 'PL' })).toBeLessThan(distance(mad, { country: 'PL' }));
  });

  it('ships from one location when one can: the nearest, then the one with most stock', () => {
    const stock = stockOf({ a: { mad: 5, bcn: 5, ber: 5 }, b: { mad: 1, bcn: 3, ber: 3 } });
    const needs = [
      { line: 0, variantId: 'a', quantity: 2, mayBackorder: false },
      { line: 1, variantId: 'b', quantity: 2, mayBackorder: false },
    ];
    const toMadrid = planAllocation(needs, sites, stock, { country: 'ES', region: 'M', postalCode: '28013' });
    expect(toMadrid.allocations.map((a) => a.locationId)).toEqual(['bcn', 'bcn']);
    const toBerlin = planAllocation(needs, sites, stock, { country: 'DE', postalCode: '10115' });
    expect(toBerlin.allocations.map((a) => a.locationId)).toEqual(['ber', 'ber']);
  });

  it('otherwise uses the fewest locations, and reports or backorders what nobody has', () => {
    const stock = stockOf({ a: { mad: 2, bcn: 0, ber: 3 }, b: { bcn: 4 } });
    const plan = planAllocation(
      [
        { line: 0, variantId: 'a', quantity: 3, mayBackorder: false },
        { line: 1, variantId: 'b', quantity: 1, mayBackorder: false },
      ],
      sites,
      stock,
      { country: 'ES', region: 'M' },
    );
    expect(plan.allocations).toEqual([
      { line: 0, locationId: 'ber', quantity: 3 },
      { line: 1, locationId: 'bcn', quantity: 1 },
    ]);
    const short = planAllocation(
      [{ line: 0, variantId: 'a', quantity: 9, mayBackorder: false }],
      sites,
      stock,
      { country: 'ES' },
    );
    expect(short.shortages).toEqual([{ line: 0, requested: 9, available: 5 }]);
    const waiting = planAllocation(
      [{ line: 0, variantId: 'a', quantity: 9, mayBackorder: true }],
      sites,
      stock,
      { country: 'ES' },
    );
    expect(waiting.shortages).toEqual([]);
    expect(waiting.backordered.get(0)).toBe(4);
    expect(waiting.allocations.reduce((s, a) => s + a.quantity, 0)).toBe(5);
  });

  it('never allocates more than a location has, and allocates exactly what is asked when it can', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `l${i}`);
    const many: Site[] = ids.map((id, i) => ({ id, country: ['ES', 'DE', 'FR', 'PT'][i % 4]! }));
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(6), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 4, maxLength: 4 }),
        (table, wants) => {
          const stock = (variant: string, location: string) =>
            table[Number(variant)]?.[ids.indexOf(location)] ?? 0;
          const needs = table.map((_, v) => ({
            line: v,
            variantId: String(v),
            quantity: wants[v]!,
            mayBackorder: false,
          }));
          const plan = planAllocation(needs, many, stock, { country: 'ES' });
          for (const need of needs) {
            const total = table[need.line]!.reduce((a, b) => a + b, 0);
            const given = plan.allocations.filter((a) => a.line === need.line);
            for (const a of given)
              expect(a.quantity).toBeLessThanOrEqual(stock(need.variantId, a.locationId));
            if (plan.shortages.length === 0)
              expect(given.reduce((s, a) => s + a.quantity, 0)).toBe(need.quantity);
            else if (total < need.quantity)
              expect(plan.shortages.some((s) => s.line === need.line)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('order totals', () => {
  it('takes tax out of gross prices, or adds it to net ones, rounding each line half up', () => {
    const inclusive = computeTotals(
      [
        { unitPrice: 1999, quantity: 2, discount: 0, taxRate: 2100 },
        { unitPrice: 2500, quantity: 1, discount: 500, taxRate: 1000 },
      ],
      { amount: 395, taxRate: 2100 },
      true,
      'EUR',
    );
    expect(inclusive).toEqual({
      lines: [
        { total: 3998, tax: 694 },
        { total: 2000, tax: 182 },
      ],
      subtotal: 6498,
      discount: 500,
      shipping: 395,
      tax: 694 + 182 + 69,
      total: 6393,
    });
    const exclusive = computeTotals(
      [{ unitPrice: 1000, quantity: 3, discount: 0, taxRate: 725 }],
      { amount: 500, taxRate: 725 },
      false,
      'USD',
    );
    expect(exclusive).toMatchObject({ subtotal: 3000, tax: 218 + 36, total: 3754 });
  });
});
