import type { TFunction } from 'i18next';
import { minorDigits, parseAmount, toDecimalString } from '../../i18n/money';
import type { NewVariantInput, Variant } from './catalog-hooks';
import { rowKey } from './product-fields';

/** The currencies the forms always offer a price in; a variant priced in others shows those too. */
export const formCurrencies = ['EUR', 'USD'] as const;

/** A variant as a form holds it: numbers and prices as typed. */
export interface VariantDraft {
  key: string;
  sku: string;
  barcode: string;
  optionValues: Record<string, string>;
  weight: string;
  backorderable: boolean;
  /** Decimal amounts as typed ("19.99"), by currency; empty for no price in that currency. */
  prices: Record<string, string>;
}

/** Names a variant input: a field, an option value, or the price in one currency. */
export type VariantField =
  | 'sku'
  | 'barcode'
  | 'weight'
  | 'backorderable'
  | `option:${string}`
  | `price:${string}`;

export function variantDraft(variant?: Variant): VariantDraft {
  return {
    key: rowKey(),
    sku: variant?.sku ?? '',
    barcode: variant?.barcode ?? '',
    optionValues: { ...(variant?.optionValues ?? {}) },
    weight:
      variant?.weightGrams === null || variant?.weightGrams === undefined ? '' : String(variant.weightGrams),
    backorderable: variant?.backorderable ?? false,
    prices: Object.fromEntries(
      (variant?.prices ?? []).map((price) => [price.currency, toDecimalString(price.amount, price.currency)]),
    ),
  };
}

/** The form's currencies followed by any others the variant is priced in. */
export function currenciesOf(draft: VariantDraft): string[] {
  return [
    ...formCurrencies,
    ...Object.keys(draft.prices).filter((c) => !(formCurrencies as readonly string[]).includes(c)),
  ];
}

export interface PreparedVariant {
  variant: NewVariantInput;
  /** The currency of each price sent, in order: the server names prices by their index. */
  currencies: string[];
  /** What the form itself can tell is wrong before asking the server, by field. */
  problems: Partial<Record<VariantField, string>>;
}

/**
 * Turns a variant draft into the API's variant input: amounts into minor units (exactly, from the
 * digits typed), empty fields left out. Only what the form can see for itself is checked here:
 * the server checks the rest (SKU format, barcode check digit, duplicates) and says which field.
 */
export function prepareVariant(
  draft: VariantDraft,
  optionNames: string[],
  currencies: readonly string[],
  t: TFunction,
): PreparedVariant {
  const problems: Partial<Record<VariantField, string>> = {};
  const sku = draft.sku.trim();
  if (sku === '') problems.sku = t('catalog.variants.skuRequired');
  const weight = draft.weight.trim();
  if (weight !== '' && !/^\d+$/.test(weight)) problems.weight = t('catalog.variants.weightInvalid');
  const prices: { currency: string; amount: number }[] = [];
  for (const currency of currencies) {
    const parsed = parseAmount(draft.prices[currency] ?? '', currency);
    if (parsed === null) continue;
    if ('amount' in parsed) prices.push({ currency, amount: parsed.amount });
    else if (parsed.problem === 'tooPrecise')
      problems[`price:${currency}`] = t('catalog.variants.amountTooPrecise', {
        count: minorDigits(currency),
      });
    else problems[`price:${currency}`] = t('catalog.variants.amountInvalid');
  }
  const firstCurrency = currencies[0] ?? 'EUR';
  if (prices.length === 0 && !currencies.some((currency) => problems[`price:${currency}`]))
    problems[`price:${firstCurrency}`] = t('catalog.variants.priceRequired');
  const optionValues = Object.fromEntries(
    optionNames.flatMap((name) => {
      const value = draft.optionValues[name]?.trim();
      return value ? [[name, value]] : [];
    }),
  );
  return {
    variant: {
      sku,
      barcode: draft.barcode.trim() === '' ? null : draft.barcode.trim(),
      ...(optionNames.length > 0 ? { optionValues } : {}),
      weightGrams: weight === '' || problems.weight ? null : Number(weight),
      backorderable: draft.backorderable,
      prices,
    },
    currencies: prices.map((price) => price.currency),
    problems,
  };
}

/** Where an input sits in the request body, and whether problems inside it (`/prices/1/amount`) are its too. */
export interface FieldPointer {
  pointer: string;
  nested: boolean;
}

/**
 * Where a variant's inputs sit in the request body, relative to the variant (`/sku`,
 * `/prices/1`, `/optionValues/Size`). A price missing altogether is reported on the first currency.
 */
export function variantPointers(field: VariantField, sentCurrencies: readonly string[]): FieldPointer[] {
  if (field === 'weight') return [{ pointer: '/weightGrams', nested: false }];
  if (field.startsWith('option:'))
    return [{ pointer: `/optionValues/${field.slice('option:'.length)}`, nested: false }];
  if (field.startsWith('price:')) {
    const currency = field.slice('price:'.length);
    const index = sentCurrencies.indexOf(currency);
    const pointers = index >= 0 ? [{ pointer: `/prices/${index}`, nested: true }] : [];
    return currency === formCurrencies[0] ? [...pointers, { pointer: '/prices', nested: false }] : pointers;
  }
  return [{ pointer: `/${field}`, nested: false }];
}

/** Every part of a variant body the variant inputs show, for telling whether a problem is shown in place. */
export const variantBodyParts = [
  '/sku',
  '/barcode',
  '/weightGrams',
  '/backorderable',
  '/optionValues',
  '/prices',
];
