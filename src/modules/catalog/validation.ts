import countries from 'i18n-iso-countries';
import type { FieldError } from '../../platform/http/problems.ts';
import { isCurrency } from '../../platform/money.ts';
import { isValidGtin } from './gtin.ts';
import type { VariantInput } from './schema.ts';
import type { ProductOption } from './tables.ts';

/** Checks a schema cannot express: real currencies, barcode check digits, countries, option values. */
export function variantErrors(
  variant: Partial<VariantInput>,
  pointer: string,
  options: ProductOption[] | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  if (variant.barcode && !isValidGtin(variant.barcode)) {
    errors.push({ pointer: `${pointer}/barcode`, detail: 'has a wrong check digit (not a valid EAN/UPC)' });
  }
  const seen = new Set<string>();
  variant.prices?.forEach((price, i) => {
    if (!isCurrency(price.currency)) {
      errors.push({
        pointer: `${pointer}/prices/${i}/currency`,
        detail: `${price.currency} is not an ISO 4217 currency`,
      });
    } else if (seen.has(price.currency)) {
      errors.push({
        pointer: `${pointer}/prices/${i}/currency`,
        detail: `${price.currency} is priced twice`,
      });
    }
    seen.add(price.currency);
  });
  if (options) {
    // A product with options needs a value for each of them, so an absent object counts as empty.
    const values = variant.optionValues ?? {};
    for (const [name, value] of Object.entries(values)) {
      const option = options.find((o) => o.name === name);
      if (!option)
        errors.push({
          pointer: `${pointer}/optionValues/${name}`,
          detail: 'is not an option of this product',
        });
      else if (!option.values.includes(value)) {
        errors.push({
          pointer: `${pointer}/optionValues/${name}`,
          detail: `must be one of: ${option.values.join(', ')}`,
        });
      }
    }
    for (const option of options) {
      if (!Object.hasOwn(values, option.name)) {
        errors.push({
          pointer: `${pointer}/optionValues/${option.name}`,
          detail: 'is required: the product has this option',
        });
      }
    }
  }
  return errors;
}

export function countryErrors(country: string | null | undefined, pointer: string): FieldError[] {
  return country && !countries.isValid(country)
    ? [{ pointer, detail: `${country} is not an ISO 3166 country code` }]
    : [];
}

export function optionErrors(options: ProductOption[] | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  options?.forEach((option, i) => {
    if (names.has(option.name)) errors.push({ pointer: `/options/${i}/name`, detail: 'is used twice' });
    names.add(option.name);
    if (new Set(option.values).size !== option.values.length) {
      errors.push({ pointer: `/options/${i}/values`, detail: 'lists a value twice' });
    }
  });
  return errors;
}

/** The variant's display title from its option values: "M / Black"; "Default" without options. */
export function variantTitle(
  optionValues: Record<string, string> | undefined,
  options: ProductOption[],
): string {
  const parts = options
    .map((o) => (optionValues && Object.hasOwn(optionValues, o.name) ? optionValues[o.name] : undefined))
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  return parts.length > 0 ? parts.join(' / ') : 'Default';
}

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'product';
}
