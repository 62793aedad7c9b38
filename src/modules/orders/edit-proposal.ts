import { addressErrors } from '../../platform/address.ts';
import { type FieldError, ValidationFailed } from '../../platform/http/problems.ts';
import { newId } from '../../platform/ids.ts';
import { variantsForSale } from '../catalog/index.ts';
import { scaledDiscount } from './cancel.ts';
import type { OrderDeps } from './deps.ts';
import { computeTotals, shippingAmount } from './pricing.ts';
import type { OrderLineRow, OrderRow } from './queries.ts';
import { shippingRatesTo, taxRatesOf } from './rates.ts';
import type { OrderAddressInput } from './schema.ts';
import { lineErrors, toOrderAddress } from './verify.ts';

/* What an edit asks for, and the edited order it works out to before anything is written. */

export interface EditInput {
  /** The version the editor saw; a different current version is a 409 (someone changed it meanwhile). */
  version?: number | undefined;
  /** The complete new set of lines: SKUs left out are removed. */
  lines?: { sku: string; quantity: number; discount?: number | undefined }[] | undefined;
  shippingAddress?: OrderAddressInput | undefined;
  shippingMethod?: string | undefined;
  /** A card for the difference when the new total is more than is authorised. */
  payment?: { method: 'card'; token: string } | undefined;
  onShortage?: 'reject' | 'backorder' | undefined;
  reason?: string | undefined;
}

export interface Proposal {
  lines: OrderLineRow[];
  /** Units to add per line id (new lines included), to allocate. */
  added: Map<string, number>;
  /** Units to take off per line id. */
  removed: Map<string, number>;
  changes: string[];
  address: OrderRow['shippingAddress'];
  method: string;
  shipping: number;
  shippingTaxRate: number;
  transitDays: number;
  total: number;
}

/** Works out the edited order from the current one, checking everything a reply must name. */
export async function propose(
  deps: OrderDeps,
  order: OrderRow,
  lines: OrderLineRow[],
  input: EditInput,
): Promise<Proposal> {
  const db = deps.database.db;
  const errors: FieldError[] = [];
  const address = input.shippingAddress ? toOrderAddress(input.shippingAddress) : order.shippingAddress;
  if (input.shippingAddress) errors.push(...addressErrors(input.shippingAddress, '/shippingAddress'));
  const method = input.shippingMethod ?? order.shippingMethod;
  const destinationChanged =
    address.country !== order.shippingAddress.country || method !== order.shippingMethod;
  const [rates, taxes] = errors.length
    ? [[], new Map()]
    : await Promise.all([
        shippingRatesTo(db, address.country, order.currency),
        taxRatesOf(db, address.country),
      ]);
  const rate = rates.find((r) => r.method === method);
  if (errors.length === 0 && !rate)
    errors.push({
      pointer: '/shippingMethod',
      detail: `${method} is not available to ${address.country} in ${order.currency}`,
    });

  const wanted: { sku: string; quantity: number; discount?: number | undefined }[] =
    input.lines ?? lines.filter((l) => l.quantity > 0).map((l) => ({ sku: l.sku, quantity: l.quantity }));
  const newSkus = wanted.filter((w) => !lines.some((l) => l.sku === w.sku)).map((w) => w.sku);
  const variants = await variantsForSale(db, newSkus, order.currency);
  const known = new Map(
    lines.map((l) => [
      l.sku,
      {
        variantId: l.variantId,
        sku: l.sku,
        title: l.title,
        active: true,
        backorderable: false,
        taxClass: l.taxClass,
        price: l.unitPrice,
      },
    ]),
  );
  errors.push(...lineErrors(wanted, new Map([...variants, ...known]), order.currency));
  if (errors.length === 0) {
    for (const taxClass of new Set(
      [...variants.values()]
        .map((v) => v.taxClass)
        .concat(
          lines.map((l) => l.taxClass),
          'standard',
        ),
    ))
      if (!taxes.has(taxClass))
        errors.push({
          pointer: '/shippingAddress/country',
          detail: `the shop has no ${taxClass} tax rate for ${address.country}`,
        });
  }
  if (errors.length === 0 && taxes.get('standard')!.pricesIncludeTax !== order.pricesIncludeTax)
    errors.push({
      pointer: '/shippingAddress/country',
      detail: `prices to ${address.country} are ${order.pricesIncludeTax ? 'without' : 'with'} tax, unlike this order's; cancel it and place a new one`,
    });
  if (errors.length > 0) throw new ValidationFailed(errors);

  const changes: string[] = [];
  const added = new Map<string, number>();
  const removed = new Map<string, number>();
  const next: OrderLineRow[] = lines.map((line) => {
    const want = wanted.find((w) => w.sku === line.sku);
    const quantity = want?.quantity ?? 0;
    const taxRate = destinationChanged ? taxes.get(line.taxClass)!.rate : line.taxRate;
    if (quantity === line.quantity && want?.discount === undefined && taxRate === line.taxRate) return line;
    if (quantity > line.quantity) added.set(line.id, quantity - line.quantity);
    if (quantity < line.quantity) removed.set(line.id, line.quantity - quantity);
    if (quantity !== line.quantity) changes.push(`${line.sku}: ${line.quantity} → ${quantity}`);
    const discount =
      want?.discount ?? (quantity < line.quantity ? scaledDiscount(line, quantity) : line.discount);
    if (want?.discount !== undefined && want.discount !== line.discount)
      changes.push(`${line.sku}: discount ${line.discount} → ${want.discount}`);
    return {
      ...line,
      quantity,
      taxRate,
      discount,
      cancelledQuantity: line.cancelledQuantity + Math.max(0, line.quantity - quantity),
    };
  });
  let position = Math.max(...lines.map((l) => l.position)) + 1;
  for (const want of wanted.filter((w) => newSkus.includes(w.sku))) {
    const variant = variants.get(want.sku)!;
    const id = newId('oln');
    added.set(id, want.quantity);
    changes.push(`${want.sku}: added ${want.quantity}`);
    next.push({
      id,
      orderId: order.id,
      position: position++,
      variantId: variant.variantId,
      sku: variant.sku,
      title: variant.title,
      taxClass: variant.taxClass,
      quantity: want.quantity,
      cancelledQuantity: 0,
      backordered: 0,
      unitPrice: variant.price!,
      discount: want.discount ?? 0,
      taxRate: taxes.get(variant.taxClass)!.rate,
      tax: 0,
      total: 0,
    });
  }
  if (input.shippingAddress)
    changes.push(`shipping address → ${address.line1}, ${address.city}, ${address.country}`);
  if (method !== order.shippingMethod) changes.push(`shipping method ${order.shippingMethod} → ${method}`);
  const shippingTaxRate = destinationChanged ? taxes.get('standard')!.rate : order.shippingTaxRate;
  const goods = next.reduce((s, l) => s + l.unitPrice * l.quantity - l.discount, 0);
  const shipping = destinationChanged ? shippingAmount(rate!, goods) : order.shipping;
  const total = computeTotals(
    next.map((l) => ({ ...l })),
    { amount: next.every((l) => l.quantity === 0) ? 0 : shipping, taxRate: shippingTaxRate },
    order.pricesIncludeTax,
    order.currency,
  ).total;
  return {
    lines: next,
    added,
    removed,
    changes,
    address,
    method,
    shipping,
    shippingTaxRate,
    transitDays: rate!.transitDays,
    total,
  };
}
