import countries from 'i18n-iso-countries';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { FieldError } from './http/problems.ts';

/** A postal address as people and carriers use it; `country` is ISO 3166-1 alpha-2. */
export interface Address {
  name: string;
  line1: string;
  line2?: string | null | undefined;
  city: string;
  region?: string | null | undefined;
  postalCode?: string | null | undefined;
  country: string;
  phone?: string | null | undefined;
}

export function isCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/**
 * A phone number in E.164 (+34612345678), read in the given country when it has no +prefix;
 * null when it is not a valid number.
 */
export function toE164(phone: string, country?: string): string | null {
  // "0034 612…" is how most of the world dials abroad: the same number as "+34 612…".
  const international = phone.trim().replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(
    international,
    isCountry(country ?? '') ? (country as CountryCode) : undefined,
  );
  return parsed?.isValid() ? parsed.number : null;
}

// Countries where many addresses have no postcode: checked when given, never required.
const postcodeOptional = new Set(['IE', 'HK', 'AE', 'PA', 'CO', 'NG', 'KE', 'GH', 'QA', 'JM', 'BO', 'FJ']);

/** Postcodes as written on envelopes: trimmed, upper case, single spaces. */
export function normalizePostcode(postcode: string | null | undefined): string | null {
  const text = postcode?.trim().toUpperCase().replace(/\s+/g, ' ');
  return text ? text : null;
}

/** Problems with an address that a schema cannot see: the country, its postcode format, the phone. */
export function addressErrors(address: Address, pointer: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isCountry(address.country)) {
    errors.push({
      pointer: `${pointer}/country`,
      detail: `${address.country} is not an ISO 3166 country code`,
    });
    return errors;
  }
  const postcode = normalizePostcode(address.postalCode);
  if (postcodeValidatorExistsForCountry(address.country)) {
    if (!postcode) {
      if (!postcodeOptional.has(address.country)) {
        errors.push({ pointer: `${pointer}/postalCode`, detail: `is required for ${address.country}` });
      }
    } else if (!postcodeValidator(postcode, address.country)) {
      errors.push({
        pointer: `${pointer}/postalCode`,
        detail: `${postcode} is not a valid postcode in ${address.country}`,
      });
    }
  }
  if (address.phone && !toE164(address.phone, address.country)) {
    errors.push({ pointer: `${pointer}/phone`, detail: `${address.phone} is not a valid phone number` });
  }
  return errors;
}

/** The address as stored: trimmed, the phone in E.164, the postcode in upper case. */
export function normalizeAddress<A extends Address>(address: A): A {
  return {
    ...address,
    name: address.name.trim(),
    line1: address.line1.trim(),
    line2: address.line2?.trim() || null,
    city: address.city.trim(),
    region: address.region?.trim() || null,
    postalCode: normalizePostcode(address.postalCode),
    phone: address.phone ? toE164(address.phone, address.country) : null,
  };
}
