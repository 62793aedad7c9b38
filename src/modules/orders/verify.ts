import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Kysely } from 'kysely';
import { addressErrors, normalizeAddress, toE164 } from '../../platform/address.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Tables } from '../../platform/db/tables.ts';
import { type FieldError, ValidationFailed } from '../../platform/http/problems.ts';
import { isCurrency } from '../../platform/money.ts';
import { type VariantForSale, variantsForSale } from '../catalog/index.ts';
import { computeTotals, shippingAmount, type Totals } from './pricing.ts';
import { ratesTo, type ShippingRate, type TaxRate } from './rates.ts';
import { maxLineQuantity, type OrderAddressInput, type PlaceOrderBody } from './schema.ts';
import { type Channel, integrationChannels, type OrderAddress, staffChannels } from './tables.ts';

/**
 * Everything about a new order that can be checked before stock is touched, with every problem
 * reported at once: the caller fixes the whole request in one go.
 */

export interface VerifiedLine {
  position: number;
  variant: VariantForSale;
  quantity: number;
  unitPrice: number;
  discount: number;
  taxRate: number;
}

export type CustomerRef =
  | {
      kind: 'existing';
      id: string;
      name: string;
      email: string | null;
      phone: string | null;
      language: string;
      tags: string[];
    }
  | { kind: 'buyer'; email: string | null; name: string; phone: string | null; language: string };

export interface VerifiedOrder {
  channel: Channel;
  currency: string;
  customer: CustomerRef;
  lines: VerifiedLine[];
  shippingAddress: OrderAddress;
  billingAddress: OrderAddress;
  shippingRate: ShippingRate;
  shippingTaxRate: number;
  pricesIncludeTax: boolean;
  totals: Totals;
  notes: string | null;
  requestedDeliveryDate: string | null;
}

const email = fullFormats.email as RegExp;

export function toOrderAddress(input: OrderAddressInput): OrderAddress {
  const a = normalizeAddress(input);
  return {
    name: a.name,
    line1: a.line1,
    line2: a.line2 ?? null,
    city: a.city,
    region: a.region ?? null,
    postalCode: a.postalCode ?? null,
    country: a.country,
    phone: a.phone ?? null,
  };
}

export function channelErrors(actor: Actor, channel: Channel): FieldError[] {
  const allowed = actor.kind === 'staff' ? staffChannels : integrationChannels;
  if (allowed.includes(channel)) return [];
  return [
    {
      pointer: '/channel',
      detail:
        actor.kind === 'staff'
          ? `staff key in orders on ${staffChannels.join(', ')}; ${channel} orders come through an API key`
          : `an API key places orders on ${integrationChannels.join(', ')}; ${channel} orders are keyed in by staff`,
    },
  ];
}

/** Quantities, discounts, SKUs, prices: one error per field. */
export function lineErrors(
  lines: { sku: string; quantity: number; unitPrice?: number | undefined; discount?: number | undefined }[],
  variants: Map<string, VariantForSale>,
  currency: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const firstLine = new Map<string, number>();
  for (const [i, line] of lines.entries()) {
    const at = `/lines/${i}`;
    if (line.quantity < 1 || line.quantity > maxLineQuantity)
      errors.push({ pointer: `${at}/quantity`, detail: `must be between 1 and ${maxLineQuantity}` });
    const earlier = firstLine.get(line.sku);
    if (earlier !== undefined) {
      errors.push({
        pointer: `${at}/sku`,
        detail: `${line.sku} is already on line ${earlier}; change that line's quantity instead`,
      });
      continue;
    }
    firstLine.set(line.sku, i);
    const variant = variants.get(line.sku);
    if (!variant) {
      errors.push({ pointer: `${at}/sku`, detail: `${line.sku} is not a SKU in the catalog` });
      continue;
    }
    if (!variant.active) {
      errors.push({ pointer: `${at}/sku`, detail: `${line.sku} is not for sale` });
      continue;
    }
    if (variant.price === null) {
      errors.push({ pointer: `${at}/sku`, detail: `${line.sku} has no price in ${currency}` });
      continue;
    }
    if (line.unitPrice !== undefined && line.unitPrice !== variant.price)
      errors.push({
        pointer: `${at}/unitPrice`,
        detail: `${line.sku} costs ${variant.price} now, not ${line.unitPrice}`,
      });
    if (!Number.isSafeInteger(variant.price * line.quantity)) {
      errors.push({ pointer: `${at}/quantity`, detail: 'makes a line amount beyond what can be stored' });
      continue;
    }
    const discount = line.discount ?? 0;
    if (discount < 0 || discount > variant.price * Math.max(line.quantity, 0))
      errors.push({
        pointer: `${at}/discount`,
        detail: 'must be between 0 and the line amount (unit price × quantity)',
      });
  }
  return errors;
}

function customerErrors(body: PlaceOrderBody, errors: FieldError[]): CustomerRef | null {
  const c = body.customer;
  if (c.id !== undefined) {
    if (!/^cus_[0-9A-HJKMNP-TV-Z]{26}$/.test(c.id))
      errors.push({ pointer: '/customer/id', detail: 'is not a customer id (cus_…)' });
    return null;
  }
  const mail = c.email?.trim() || null;
  if (mail !== null && !email.test(mail))
    errors.push({ pointer: '/customer/email', detail: `${mail} is not a valid email address` });
  const phone = c.phone?.trim() ? toE164(c.phone, body.shippingAddress.country) : null;
  if (c.phone?.trim() && !phone)
    errors.push({
      pointer: '/customer/phone',
      detail: `${c.phone} is not a valid phone number (use the international form, e.g. +34 612 345 678)`,
    });
  if (!mail && !c.phone?.trim())
    errors.push({
      pointer: '/customer',
      detail: 'give the customer id, or an email or phone to find or create them',
    });
  if (!c.name)
    errors.push({ pointer: '/customer/name', detail: 'is required for a customer given by email or phone' });
  return {
    kind: 'buyer',
    email: mail,
    name: c.name?.trim() ?? '',
    phone,
    language: c.language ?? 'en',
  };
}

/** Yesterday in UTC: no time zone on Earth is already past it, so no buyer's today is refused. */
function earliestDeliveryDate(now: Date): string {
  return new Date(now.getTime() - 24 * 3600 * 1000).toISOString().slice(0, 10);
}

export async function verifyOrder(
  db: Kysely<Tables>,
  actor: Actor,
  body: PlaceOrderBody,
  now: Date,
): Promise<VerifiedOrder> {
  const errors: FieldError[] = [...channelErrors(actor, body.channel)];
  const currency = body.currency;
  const currencyOk = isCurrency(currency) && /^[A-Z]{3}$/.test(currency);
  if (!currencyOk)
    errors.push({ pointer: '/currency', detail: `${currency} is not an ISO 4217 currency code` });

  let customer = customerErrors(body, errors);
  if (body.customer.id !== undefined && errors.every((e) => e.pointer !== '/customer/id')) {
    const found = await db
      .selectFrom('customers')
      .select(['id', 'name', 'email', 'phone', 'language', 'tags'])
      .where('id', '=', body.customer.id)
      .executeTakeFirst();
    if (!found) errors.push({ pointer: '/customer/id', detail: `${body.customer.id} is not a customer` });
    else customer = { kind: 'existing', ...found };
  }

  const shippingProblems = addressErrors(body.shippingAddress, '/shippingAddress');
  errors.push(...shippingProblems);
  if (body.billingAddress) errors.push(...addressErrors(body.billingAddress, '/billingAddress'));
  const country = body.shippingAddress.country;
  const countryOk = !shippingProblems.some((e) => e.pointer === '/shippingAddress/country');

  const skus = [...new Set(body.lines.map((l) => l.sku))];
  const [variants, destination] = await Promise.all([
    currencyOk ? variantsForSale(db, skus, currency) : Promise.resolve(new Map<string, VariantForSale>()),
    countryOk
      ? ratesTo(db, country, currencyOk ? currency : null)
      : Promise.resolve({ shipping: [], taxes: new Map<string, TaxRate>() }),
  ]);
  const rates = destination.shipping;
  const taxes = destination.taxes;
  if (currencyOk) errors.push(...lineErrors(body.lines, variants, currency));

  const shippingRate = rates.find((r) => r.method === body.shippingMethod);
  if (currencyOk && countryOk && !shippingRate)
    errors.push({
      pointer: '/shippingMethod',
      detail:
        rates.length === 0
          ? `the shop does not ship to ${country} in ${currency}`
          : `${body.shippingMethod} is not available to ${country} in ${currency}; choose ${rates.map((r) => r.method).join(' or ')}`,
    });
  const missingTax = countryOk
    ? [...new Set([...variants.values()].map((v) => v.taxClass).concat('standard'))].filter(
        (c) => !taxes.has(c),
      )
    : [];
  if (missingTax.length > 0)
    errors.push({
      pointer: '/shippingAddress/country',
      detail: `the shop has no ${missingTax.join(' or ')} tax rate for ${country}; set one in the tax settings`,
    });
  if (body.requestedDeliveryDate && body.requestedDeliveryDate < earliestDeliveryDate(now))
    errors.push({ pointer: '/requestedDeliveryDate', detail: 'is in the past' });
  if (errors.length > 0) throw new ValidationFailed(errors);

  const pricesIncludeTax = taxes.get('standard')!.pricesIncludeTax;
  const lines: VerifiedLine[] = body.lines.map((line, position) => {
    const variant = variants.get(line.sku)!;
    return {
      position,
      variant,
      quantity: line.quantity,
      unitPrice: variant.price!,
      discount: line.discount ?? 0,
      taxRate: taxes.get(variant.taxClass)!.rate,
    };
  });
  const goods = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity - l.discount, 0);
  let totals: Totals;
  try {
    totals = computeTotals(
      lines,
      { amount: shippingAmount(shippingRate!, goods), taxRate: taxes.get('standard')!.rate },
      pricesIncludeTax,
      currency,
    );
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ValidationFailed([
      { pointer: '/lines', detail: 'the order total is beyond what can be stored' },
    ]);
  }
  const shippingAddress = toOrderAddress(body.shippingAddress);
  return {
    channel: body.channel,
    currency,
    customer: customer!,
    lines,
    shippingAddress,
    billingAddress: body.billingAddress ? toOrderAddress(body.billingAddress) : shippingAddress,
    shippingRate: shippingRate!,
    shippingTaxRate: taxes.get('standard')!.rate,
    pricesIncludeTax,
    totals,
    notes: body.notes?.trim() || null,
    requestedDeliveryDate: body.requestedDeliveryDate ?? null,
  };
}
