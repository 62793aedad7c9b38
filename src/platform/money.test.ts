import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  allocate,
  compare,
  format,
  isCurrency,
  isZero,
  type Money,
  MoneyError,
  type MoneyErrorCode,
  minorUnits,
  money,
  multiply,
  negate,
  parseDecimal,
  percentage,
  type RoundingMode,
  subtract,
  sum,
  taxFromGross,
  toDecimalString,
} from './money.ts';

const MODES: RoundingMode[] = ['halfEven', 'halfUp', 'halfDown', 'up', 'down', 'floor', 'ceil'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'ISK', 'KWD', 'BHD', 'TND'];

const currency = fc.constantFrom(...CURRENCIES);
const safeAmount = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const anyMoney = fc.tuple(safeAmount, currency).map(([amount, code]) => money(amount, code));

function errorCode(fn: () => unknown): MoneyErrorCode | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return undefined;
}

// Written from floor division rather than from the implementation's truncation, so the two agree
// only if both are right.
function exactRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d < 0n) return exactRound(-n, -d, mode);
  let floor = n / d;
  if (n % d !== 0n && n < 0n) floor -= 1n;
  const fraction = n - floor * d; // 0 <= fraction < d
  if (fraction === 0n) return floor;
  const ceil = floor + 1n;
  const positive = n > 0n;
  switch (mode) {
    case 'floor':
      return floor;
    case 'ceil':
      return ceil;
    case 'down':
      return positive ? floor : ceil;
    case 'up':
      return positive ? ceil : floor;
  }
  if (2n * fraction < d) return floor;
  if (2n * fraction > d) return ceil;
  if (mode === 'halfUp') return positive ? ceil : floor;
  if (mode === 'halfDown') return positive ? floor : ceil;
  return floor % 2n === 0n ? floor : ceil;
}

describe('currencies', () => {
  it('knows ISO 4217 tender and its minor units', () => {
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KWD')).toBe(3);
    expect(isCurrency('XOF')).toBe(true);
  });

  it('rejects metals, funds, test codes and lowercase', () => {
    for (const code of ['XAU', 'XAG', 'XTS', 'XXX', 'XDR', 'CHE', 'USN', 'eur', 'EURO', '']) {
      expect(isCurrency(code), code).toBe(false);
    }
    expect(errorCode(() => minorUnits('XAU'))).toBe('unknown_currency');
    expect(errorCode(() => money(1, 'ABC'))).toBe('unknown_currency');
  });
});

describe('money', () => {
  it('accepts only safe integers', () => {
    expect(money(1999, 'EUR')).toEqual({ amount: 1999, currency: 'EUR' });
    expect(errorCode(() => money(19.99, 'EUR'))).toBe('invalid_amount');
    expect(errorCode(() => money(Number.NaN, 'EUR'))).toBe('invalid_amount');
    expect(errorCode(() => money(2 ** 53, 'EUR'))).toBe('invalid_amount');
  });

  it('never produces negative zero', () => {
    expect(Object.is(negate(money(0, 'EUR')).amount, 0)).toBe(true);
    expect(Object.is(parseDecimal('-0.00', 'EUR').amount, 0)).toBe(true);
  });

  it('throws instead of overflowing', () => {
    const max = money(Number.MAX_SAFE_INTEGER, 'EUR');
    expect(errorCode(() => add(max, money(1, 'EUR')))).toBe('invalid_amount');
    expect(errorCode(() => multiply(max, 2))).toBe('invalid_amount');
  });

  it('add and subtract are inverse', () => {
    const half = fc.integer({ min: -(2 ** 52), max: 2 ** 52 - 1 });
    fc.assert(
      fc.property(half, half, currency, (a, b, code) => {
        const x = money(a, code);
        const y = money(b, code);
        expect(subtract(add(x, y), y)).toEqual(x);
        expect(add(subtract(x, y), y)).toEqual(x);
      }),
    );
  });

  it('refuses to combine different currencies', () => {
    fc.assert(
      fc.property(anyMoney, anyMoney, (a, b) => {
        fc.pre(a.currency !== b.currency);
        expect(errorCode(() => add(a, b))).toBe('currency_mismatch');
        expect(errorCode(() => subtract(a, b))).toBe('currency_mismatch');
        expect(errorCode(() => compare(a, b))).toBe('currency_mismatch');
        expect(errorCode(() => sum([a, b], a.currency))).toBe('currency_mismatch');
      }),
    );
  });

  it('compares, sums and tests for zero', () => {
    const eur = (n: number) => money(n, 'EUR');
    expect(compare(eur(1), eur(2))).toBe(-1);
    expect(compare(eur(2), eur(2))).toBe(0);
    expect(compare(eur(3), eur(-2))).toBe(1);
    expect(sum([eur(1), eur(2), eur(-4)], 'EUR')).toEqual(eur(-1));
    expect(sum([], 'JPY')).toEqual(money(0, 'JPY'));
    expect(isZero(eur(0))).toBe(true);
    expect(isZero(eur(-1))).toBe(false);
  });
});

describe('multiply', () => {
  it('matches exact rational arithmetic in every rounding mode', () => {
    const denominator = fc.oneof(
      fc.constantFrom(2, -2, 4, 10, 100, 10_000),
      fc.integer({ min: -100_000, max: 100_000 }).filter((d) => d !== 0),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        denominator,
        fc.constantFrom(...MODES),
        (amount, numerator, denominator, mode) => {
          const expected = exactRound(BigInt(amount) * BigInt(numerator), BigInt(denominator), mode);
          const result = multiply(money(amount, 'EUR'), { numerator, denominator }, mode);
          expect(result.amount).toBe(Number(expected));
        },
      ),
    );
  });

  it('rounds halves to even by default', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (k) => {
        const odd = 2 * k + 1;
        const { amount } = multiply(money(odd, 'EUR'), { numerator: 1, denominator: 2 });
        expect(Math.abs(amount % 2)).toBe(0);
        expect(Math.abs(2 * amount - odd)).toBe(1);
      }),
    );
  });

  it.each([
    // value, up, down, ceil, floor, halfUp, halfDown, halfEven (Java's RoundingMode table)
    [5.5, 6, 5, 6, 5, 6, 5, 6],
    [2.5, 3, 2, 3, 2, 3, 2, 2],
    [1.6, 2, 1, 2, 1, 2, 2, 2],
    [1.1, 2, 1, 2, 1, 1, 1, 1],
    [-1.1, -2, -1, -1, -2, -1, -1, -1],
    [-1.6, -2, -1, -1, -2, -2, -2, -2],
    [-2.5, -3, -2, -2, -3, -3, -2, -2],
    [-5.5, -6, -5, -5, -6, -6, -5, -6],
  ])('rounds %d like the reference table', (value, up, down, ceil, floor, halfUp, halfDown, halfEven) => {
    const tenths = money(Math.round(value * 10), 'JPY');
    const round = (mode: RoundingMode) => multiply(tenths, { numerator: 1, denominator: 10 }, mode).amount;
    expect(MODES.map(round)).toEqual([halfEven, halfUp, halfDown, up, down, floor, ceil]);
  });

  it('rejects float factors and zero denominators', () => {
    const m = money(999, 'EUR');
    expect(errorCode(() => multiply(m, 0.21))).toBe('invalid_ratio');
    expect(errorCode(() => multiply(m, { numerator: 21, denominator: 0 }))).toBe('invalid_ratio');
    expect(errorCode(() => multiply(m, { numerator: 2.1, denominator: 10 }))).toBe('invalid_ratio');
    expect(multiply(m, 3)).toEqual(money(2997, 'EUR'));
  });
});

describe('tax', () => {
  it('takes 21 % of 9.99 EUR as 2.10 rounding half up', () => {
    expect(percentage(money(999, 'EUR'), 2100, 'halfUp')).toEqual(money(210, 'EUR'));
  });

  it('distinguishes half up from half even on an exact half cent', () => {
    // 1 % of 50 cents is exactly half a cent.
    expect(percentage(money(50, 'EUR'), 100, 'halfUp').amount).toBe(1);
    expect(percentage(money(50, 'EUR'), 100, 'halfEven').amount).toBe(0);
    expect(percentage(money(-50, 'EUR'), 100, 'halfUp').amount).toBe(-1);
  });

  it('extracts the tax included in a gross price', () => {
    expect(taxFromGross(money(1210, 'EUR'), 2100)).toEqual(money(210, 'EUR'));
    expect(taxFromGross(money(1999, 'EUR'), 2100, 'halfUp')).toEqual(money(347, 'EUR'));
    expect(taxFromGross(money(1000, 'EUR'), 0)).toEqual(money(0, 'EUR'));
    expect(errorCode(() => taxFromGross(money(1000, 'EUR'), -2100))).toBe('invalid_ratio');
  });
});

describe('allocate', () => {
  const ratios = fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
    .filter((list) => list.some((r) => r > 0));

  it('splits into parts that sum to the total, each within one unit of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), ratios, currency, (amount, weights, code) => {
        const parts = allocate(money(amount, code), weights);
        const total = BigInt(weights.reduce((a, b) => a + b, 0));
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((a, p) => a + p.amount, 0)).toBe(amount);
        parts.forEach((part, i) => {
          expect(part.currency).toBe(code);
          const error = BigInt(part.amount) * total - BigInt(amount) * BigInt(weights[i]!);
          expect(error < total && -error < total).toBe(true);
          if (weights[i] === 0) expect(part.amount).toBe(0);
        });
      }),
    );
  });

  it('gives the extra cent to the earliest largest remainder', () => {
    const split = (amount: number, weights: number[]) =>
      allocate(money(amount, 'EUR'), weights).map((p) => p.amount);
    expect(split(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(split(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(split(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2]);
    expect(split(1, [1, 2])).toEqual([0, 1]);
    expect(split(0, [3, 7])).toEqual([0, 0]);
  });

  it('rejects all-zero, negative, fractional and missing ratios', () => {
    const m = money(100, 'EUR');
    expect(errorCode(() => allocate(m, [0, 0]))).toBe('invalid_ratio');
    expect(errorCode(() => allocate(m, []))).toBe('invalid_ratio');
    expect(errorCode(() => allocate(m, [1, -1, 1]))).toBe('invalid_ratio');
    expect(errorCode(() => allocate(m, [0.5, 0.5]))).toBe('invalid_ratio');
  });
});

describe('decimal strings', () => {
  it.each([
    [1999, 'EUR', '19.99'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [1000, 'JPY', '1000'],
    [1234, 'KWD', '1.234'],
    [-1, 'KWD', '-0.001'],
  ])('writes %d %s as %s', (amount, code, text) => {
    expect(toDecimalString(money(amount, code))).toBe(text);
  });

  it('parses amounts with up to the currency digits', () => {
    expect(parseDecimal('19.99', 'EUR')).toEqual(money(1999, 'EUR'));
    expect(parseDecimal('19.9', 'EUR')).toEqual(money(1990, 'EUR'));
    expect(parseDecimal('19', 'EUR')).toEqual(money(1900, 'EUR'));
    expect(parseDecimal('-0.05', 'EUR')).toEqual(money(-5, 'EUR'));
    expect(parseDecimal('1000', 'JPY')).toEqual(money(1000, 'JPY'));
    expect(parseDecimal('1.234', 'KWD')).toEqual(money(1234, 'KWD'));
  });

  it('rejects extra decimals, non-numeric text and out-of-range values', () => {
    for (const [text, code] of [
      ['19.999', 'EUR'],
      ['1000.5', 'JPY'],
      ['1.2345', 'KWD'],
      ['19,99', 'EUR'],
      ['1e3', 'EUR'],
      ['abc', 'EUR'],
      ['', 'EUR'],
      ['.5', 'EUR'],
      ['5.', 'EUR'],
      [' 5', 'EUR'],
      ['Infinity', 'EUR'],
      ['90071992547409.92', 'EUR'],
    ] as const) {
      expect(
        errorCode(() => parseDecimal(text, code)),
        text,
      ).toBe('invalid_amount');
    }
    expect(errorCode(() => parseDecimal('1', 'XXX'))).toBe('unknown_currency');
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(anyMoney, (m: Money) => {
        expect(parseDecimal(toDecimalString(m), m.currency)).toEqual(m);
      }),
    );
  });
});

describe('format', () => {
  it('uses the locale and the currency digits', () => {
    expect(format(money(1999, 'EUR'), 'de-DE')).toContain('19,99');
    expect(format(money(1999, 'EUR'), 'en-US')).toBe('€19.99');
    expect(format(money(1000, 'JPY'), 'en-US')).toBe('¥1,000');
    expect(format(money(1234, 'KWD'), 'en-US')).toContain('1.234');
  });

  it('stays exact beyond float precision', () => {
    expect(format(money(Number.MAX_SAFE_INTEGER, 'KWD'), 'en-US')).toContain('9,007,199,254,740.991');
  });
});
