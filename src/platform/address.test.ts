import { describe, expect, it } from 'vitest';
import { addressErrors, normalizeAddress, toE164 } from './address.ts';

const madrid = {
  name: 'Ana García',
  line1: 'Calle Mayor 1',
  city: 'Madrid',
  postalCode: '28013',
  country: 'ES',
};

describe('addresses and phone numbers', () => {
  it('stores phones in E.164, reading local numbers in the address country', () => {
    expect(toE164('+34 612 345 678')).toBe('+34612345678');
    expect(toE164('612 345 678', 'ES')).toBe('+34612345678');
    expect(toE164('030 1234567', 'DE')).toBe('+49301234567');
    expect(toE164('12345')).toBeNull();
    expect(toE164('not a phone', 'ES')).toBeNull();
  });

  it('accepts a good address and names each bad field', () => {
    expect(addressErrors(madrid, '/shippingAddress')).toEqual([]);
    expect(addressErrors({ ...madrid, postalCode: '2801' }, '/a')).toEqual([
      { pointer: '/a/postalCode', detail: '2801 is not a valid postcode in ES' },
    ]);
    expect(addressErrors({ ...madrid, postalCode: undefined }, '/a')[0]?.pointer).toBe('/a/postalCode');
    expect(addressErrors({ ...madrid, country: 'XX' }, '/a')[0]?.pointer).toBe('/a/country');
    expect(addressErrors({ ...madrid, phone: '123' }, '/a')[0]?.pointer).toBe('/a/phone');
    expect(addressErrors({ ...madrid, country: 'GB', postalCode: 'SW1A 1AA' }, '/a')).toEqual([]);
    expect(addressErrors({ ...madrid, country: 'US', postalCode: '94103-1234' }, '/a')).toEqual([]);
  });

  it('normalizes what it stores', () => {
    expect(
      normalizeAddress({
        ...madrid,
        country: 'GB',
        postalCode: ' sw1a 1aa ',
        phone: '020 7946 0018',
        line2: '  ',
      }),
    ).toMatchObject({
      postalCode: 'SW1A 1AA',
      phone: '+442079460018',
      line2: null,
    });
  });
});

describe('postcodes', () => {
  it('reads postcodes as people type them', () => {
    const base = { name: 'A', line1: 'B', city: 'C' };
    expect(addressErrors({ ...base, country: 'NL', postalCode: '1234ab' }, '')).toEqual([]);
    expect(addressErrors({ ...base, country: 'GB', postalCode: ' sw1a   1aa ' }, '')).toEqual([]);
    expect(normalizeAddress({ ...base, country: 'NL', postalCode: '1234ab' }).postalCode).toBe('1234AB');
  });

  it('does not require a postcode where many addresses have none, but checks one that is given', () => {
    const base = { name: 'A', line1: 'B', city: 'Dublin' };
    expect(addressErrors({ ...base, country: 'IE' }, '')).toEqual([]);
    expect(addressErrors({ ...base, country: 'IE', postalCode: 'NOT A CODE' }, '')[0]?.pointer).toBe(
      '/postalCode',
    );
  });
});
