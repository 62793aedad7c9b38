import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin } from './gtin.ts';

describe('GTIN check digits', () => {
  it.each(['4006381333931', '036000291452', '96385074', '10614141000415'])(
    'accepts the real code %s',
    (code) => {
      expect(isValidGtin(code)).toBe(true);
    },
  );

  it.each(['4006381333932', '036000291453', '12345', 'ABCDEFGHIJKLM', '40063813339311'])(
    'refuses %s',
    (code) => {
      expect(isValidGtin(code)).toBe(false);
    },
  );

  it('accepts exactly one check digit for any body, and catches any single wrong digit', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.nat(), fc.nat(), (length, seed, change) => {
        const body = String(seed).padStart(length, '0').slice(-length);
        const valid = body + gtinCheckDigit(body);
        expect(isValidGtin(valid)).toBe(true);
        const position = change % valid.length;
        const digit = Number(valid[position]);
        const altered =
          valid.slice(0, position) + ((digit + 1 + (change % 9)) % 10) + valid.slice(position + 1);
        if (altered !== valid) expect(isValidGtin(altered)).toBe(false);
      }),
    );
  });
});
