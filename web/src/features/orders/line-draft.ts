import type { Price } from '../../../../src/modules/catalog/schema.ts';
import type { ShippingRate } from './order-hooks';

/** One line of an order being keyed in or edited, as the form holds it. */
export interface LineDraft {
  /** Stable across re-renders and removals, for React and for the server's `/lines/i` errors. */
  key: string;
  sku: string;
  title: string;
  /** Catalog prices; a line already on an order has its own unit price in the order's currency. */
  prices: readonly Price[];
  /** As typed. */
  quantity: string;
}

/** A variant picked from the catalog search. */
export interface PickedVariant {
  sku: string;
  title: string;
  prices: readonly Price[];
}

let lastKey = 0;
export const newLineKey = () => {
  lastKey += 1;
  return `line-${lastKey}`;
};

export function priceIn(line: Pick<LineDraft, 'prices'>, currency: string): number | null {
  return line.prices.find((price) => price.currency === currency)?.amount ?? null;
}

/** A whole number of at least 1, or null; the server says how many is too many. */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const quantity = Number(trimmed);
  return quantity >= 1 && Number.isSafeInteger(quantity) ? quantity : null;
}

/** Adds a picked variant; one already on the order gets one more unit instead of a second line. */
export function withPickedVariant(lines: readonly LineDraft[], picked: PickedVariant): LineDraft[] {
  const existing = lines.find((line) => line.sku === picked.sku);
  if (!existing) return [...lines, { key: newLineKey(), ...picked, quantity: '1' }];
  return lines.map((line) =>
    line === existing ? { ...line, quantity: String((parseQuantity(line.quantity) ?? 0) + 1) } : line,
  );
}

export function linesToSend(lines: readonly LineDraft[]): { sku: string; quantity: number }[] {
  return lines.map((line) => ({ sku: line.sku, quantity: parseQuantity(line.quantity) ?? 0 }));
}

/** Price × quantity of every line at catalog prices; null while a line has no price or quantity. */
export function goodsAmount(lines: readonly LineDraft[], currency: string): number | null {
  let sum = 0;
  for (const line of lines) {
    const price = priceIn(line, currency);
    const quantity = parseQuantity(line.quantity);
    if (price === null || quantity === null) return null;
    sum += price * quantity;
  }
  return sum;
}

/** What a rate charges for `goods`: nothing from its free-shipping threshold on. */
export function shippingCharge(rate: ShippingRate, goods: number | null): number {
  return rate.freeFrom !== null && goods !== null && goods >= rate.freeFrom ? 0 : rate.amount;
}
