import { isCountry } from '../../platform/address.ts';
import { isCurrency, parseDecimal } from '../../platform/money.ts';
import { isValidGtin } from './gtin.ts';
import { skuPattern, taxClasses } from './schema.ts';
import type { ProductOption, ProductStatus } from './tables.ts';

/**
 * The catalog file: one row per variant; rows of one product sit together under its handle, and
 * its product columns are read from its first row. Prices are decimal amounts in `price_<ISO code>`
 * columns (`price_EUR` = 19.99), empty where the variant has no price in that currency.
 */
export const productColumns = [
  'handle',
  'title',
  'description',
  'status',
  'tax_class',
  'hs_code',
  'country_of_origin',
  'returnable',
  'image_urls',
] as const;
export const optionColumns = [
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
  'option3_name',
  'option3_value',
] as const;
export const variantColumns = [
  'sku',
  'barcode',
  'weight_grams',
  'length_mm',
  'width_mm',
  'height_mm',
  'backorderable',
] as const;
export const knownColumns = new Set<string>([...productColumns, ...optionColumns, ...variantColumns]);
export const requiredColumns = ['handle', 'sku'] as const;
export const pricePrefix = 'price_';

export interface RowError {
  line: number;
  field: string;
  detail: string;
}

export interface ParsedProduct {
  handle: string;
  title: string;
  description: string;
  status: ProductStatus;
  taxClass: string;
  hsCode: string | null;
  countryOfOrigin: string | null;
  returnable: boolean;
  images: string[];
  options: ProductOption[];
  line: number;
}

export interface ParsedVariant {
  sku: string;
  barcode: string | null;
  optionValues: Record<string, string>;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  backorderable: boolean;
  prices: { currency: string; amount: number }[];
  line: number;
}

/** Checks the header row: the required columns are there and every other column is known. */
export function headerErrors(header: string[]): RowError[] {
  const errors: RowError[] = [];
  for (const required of requiredColumns) {
    if (!header.includes(required)) errors.push({ line: 1, field: required, detail: 'column is missing' });
  }
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) errors.push({ line: 1, field: column, detail: 'column appears twice' });
    seen.add(column);
    if (knownColumns.has(column)) continue;
    if (column.startsWith(pricePrefix)) {
      const currency = column.slice(pricePrefix.length);
      if (!isCurrency(currency))
        errors.push({ line: 1, field: column, detail: `${currency} is not an ISO 4217 currency` });
      continue;
    }
    errors.push({ line: 1, field: column, detail: 'is not a column of the catalog format' });
  }
  return errors;
}

type Row = Record<string, string>;

function integer(row: Row, field: string, line: number, errors: RowError[]): number | null {
  const value = row[field]?.trim();
  if (!value) return null;
  if (!/^\d{1,9}$/.test(value)) {
    errors.push({ line, field, detail: `must be a whole number of at least 0, got "${value}"` });
    return null;
  }
  return Number(value);
}

function flag(row: Row, field: string, line: number, errors: RowError[], fallback: boolean): boolean {
  const value = row[field]?.trim().toLowerCase();
  if (!value) return fallback;
  if (['true', 'yes', '1', 'y'].includes(value)) return true;
  if (['false', 'no', '0', 'n'].includes(value)) return false;
  errors.push({ line, field, detail: `must be true or false, got "${row[field]}"` });
  return fallback;
}

const handlePattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const sku = new RegExp(skuPattern);

/** Reads the product columns of a product's first row. */
export function parseProduct(row: Row, line: number, errors: RowError[]): ParsedProduct {
  const text = (field: string) => row[field]?.trim() ?? '';
  const handle = text('handle');
  if (!handlePattern.test(handle) || handle.length > 100) {
    errors.push({
      line,
      field: 'handle',
      detail: 'must be lowercase letters, digits and dashes (e.g. classic-tee)',
    });
  }
  const title = text('title');
  if (!title) errors.push({ line, field: 'title', detail: "is required on a product's first row" });
  if (title.length > 200) errors.push({ line, field: 'title', detail: 'must be at most 200 characters' });
  const description = row.description ?? '';
  if (description.length > 5000)
    errors.push({ line, field: 'description', detail: 'must be at most 5000 characters' });
  const status = (text('status') || 'draft').toLowerCase();
  if (!['draft', 'active', 'archived'].includes(status))
    errors.push({ line, field: 'status', detail: 'must be draft, active or archived' });
  const taxClass = (text('tax_class') || 'standard').toLowerCase();
  if (!(taxClasses as readonly string[]).includes(taxClass))
    errors.push({ line, field: 'tax_class', detail: `must be one of ${taxClasses.join(', ')}` });
  const hsCode = text('hs_code') || null;
  if (hsCode && !/^\d{6,10}$/.test(hsCode))
    errors.push({ line, field: 'hs_code', detail: 'must be 6 to 10 digits' });
  const country = text('country_of_origin').toUpperCase() || null;
  if (country && !isCountry(country))
    errors.push({ line, field: 'country_of_origin', detail: `${country} is not an ISO 3166 country code` });
  const images = text('image_urls').split(/\s+/).filter(Boolean);
  for (const url of images) {
    if (!/^https?:\/\/\S+$/.test(url) || url.length > 2000)
      errors.push({ line, field: 'image_urls', detail: `${url.slice(0, 100)} is not an http(s) URL` });
  }
  const options: ProductOption[] = [];
  for (const n of [1, 2, 3]) {
    const name = text(`option${n}_name`);
    if (name) options.push({ name, values: [] });
  }
  return {
    handle,
    title,
    description,
    status: status as ProductStatus,
    taxClass,
    hsCode,
    countryOfOrigin: country,
    returnable: flag(row, 'returnable', line, errors, true),
    images,
    options,
    line,
  };
}

/** Reads a variant row of `product`; option values are added to the product's options as they appear. */
export function parseVariant(
  row: Row,
  line: number,
  product: ParsedProduct,
  currencies: string[],
  errors: RowError[],
): ParsedVariant {
  const value = row.sku?.trim() ?? '';
  if (!sku.test(value))
    errors.push({
      line,
      field: 'sku',
      detail: 'is required: letters, digits, dot, dash, slash or underscore, at most 64',
    });
  const barcode = row.barcode?.trim() || null;
  if (barcode && !isValidGtin(barcode))
    errors.push({
      line,
      field: 'barcode',
      detail: `${barcode} is not a valid EAN/UPC (wrong length or check digit)`,
    });
  const optionValues: Record<string, string> = {};
  product.options.forEach((option, i) => {
    const field = `option${i + 1}_value`;
    const optionValue = row[field]?.trim();
    if (!optionValue) {
      errors.push({ line, field, detail: `is required: the product has the option ${option.name}` });
      return;
    }
    optionValues[option.name] = optionValue;
    if (!option.values.includes(optionValue)) option.values.push(optionValue);
  });
  const prices: { currency: string; amount: number }[] = [];
  for (const currency of currencies) {
    const field = `${pricePrefix}${currency}`;
    const text = row[field]?.trim();
    if (!text) continue;
    try {
      const money = parseDecimal(text, currency);
      if (money.amount < 0) errors.push({ line, field, detail: 'must not be negative' });
      else prices.push({ currency, amount: money.amount });
    } catch {
      errors.push({ line, field, detail: `"${text}" is not an amount in ${currency} (e.g. 19.99)` });
    }
  }
  if (prices.length === 0 && errors.every((e) => e.line !== line || !e.field.startsWith(pricePrefix))) {
    errors.push({
      line,
      field: currencies.length ? `${pricePrefix}${currencies[0]}` : 'price_EUR',
      detail: 'a variant needs at least one price',
    });
  }
  return {
    sku: value,
    barcode,
    optionValues,
    weightGrams: integer(row, 'weight_grams', line, errors),
    lengthMm: integer(row, 'length_mm', line, errors),
    widthMm: integer(row, 'width_mm', line, errors),
    heightMm: integer(row, 'height_mm', line, errors),
    backorderable: flag(row, 'backorderable', line, errors, false),
    prices,
    line,
  };
}
