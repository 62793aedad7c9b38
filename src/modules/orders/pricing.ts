import { money, percentage, taxFromGross } from '../../platform/money.ts';

/**
 * An order's money, all in integer minor units. Where prices include tax (as shops show them to
 * consumers in Europe), the tax is the part of each gross amount; where they do not (the United
 * States), it is added on top. Shipping is taxed at the destination's standard rate. Each line's
 * tax is rounded half up, and the order's tax is the sum of its lines' and shipping's.
 */

export interface PricedLine {
  unitPrice: number;
  quantity: number;
  discount: number;
  /** Basis points. */
  taxRate: number;
}

export interface Totals {
  lines: { tax: number; total: number }[];
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
}

export function taxOf(amount: number, rate: number, pricesIncludeTax: boolean, currency: string): number {
  if (amount === 0 || rate === 0) return 0;
  const m = money(amount, currency);
  return (pricesIncludeTax ? taxFromGross(m, rate, 'halfUp') : percentage(m, rate, 'halfUp')).amount;
}

export function computeTotals(
  lines: PricedLine[],
  shipping: { amount: number; taxRate: number },
  pricesIncludeTax: boolean,
  currency: string,
): Totals {
  const priced = lines.map((line) => {
    const total = line.unitPrice * line.quantity - line.discount;
    return { total, tax: taxOf(total, line.taxRate, pricesIncludeTax, currency) };
  });
  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  const discount = lines.reduce((sum, l) => sum + l.discount, 0);
  const shippingTax = taxOf(shipping.amount, shipping.taxRate, pricesIncludeTax, currency);
  const tax = priced.reduce((sum, l) => sum + l.tax, 0) + shippingTax;
  const total = subtotal - discount + shipping.amount + (pricesIncludeTax ? 0 : tax);
  for (const amount of [subtotal, total]) {
    if (!Number.isSafeInteger(amount)) throw new RangeError('order total beyond what can be stored');
  }
  return { lines: priced, subtotal, discount, shipping: shipping.amount, tax, total };
}

/** Shipping after the free-shipping threshold: free when the goods (after discounts) reach it. */
export function shippingAmount(rate: { amount: number; freeFrom: number | null }, goods: number): number {
  return rate.freeFrom !== null && goods >= rate.freeFrom ? 0 : rate.amount;
}
