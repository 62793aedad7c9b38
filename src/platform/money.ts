import { data as iso4217 } from 'currency-codes';

/** An ISO 4217 code that passed `isCurrency`; the brand stops unchecked strings reaching Money. */
export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

/** Integer minor units (cents for EUR, yen for JPY, fils for KWD), never a float. */
export type Money = { readonly amount: number; readonly currency: CurrencyCode };

export type RoundingMode = 'halfEven' | 'halfUp' | 'halfDown' | 'up' | 'down' | 'floor' | 'ceil';

export type Ratio = { numerator: number; denominator: number };

export type MoneyErrorCode = 'currency_mismatch' | 'invalid_amount' | 'unknown_currency' | 'invalid_ratio';

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// Fund codes, precious metals, bond units, SDR-like units and test codes are in ISO 4217 but nobody
// prices an order in them, and the library reports "N.A." digits for most of them as 0.
const NOT_TENDER = new Set(
  'BOV CHE CHW CLF COU MXV USN UYI UYW XAG XAU XPD XPT XBA XBB XBC XBD XDR XSU XUA XTS XXX'.split(' '),
);
const DIGITS: ReadonlyMap<string, number> = new Map(
  iso4217.filter((c) => !NOT_TENDER.has(c.code)).map((c) => [c.code, c.digits]),
);
const BASIS = 10_000;

export function isCurrency(code: string): code is CurrencyCode {
  return DIGITS.has(code);
}

export function minorUnits(currency: string): number {
  const digits = DIGITS.get(currency);
  if (digits === undefined) throw new MoneyError('unknown_currency', `Unknown currency: ${currency}`);
  return digits;
}

export function money(amount: number, currency: string): Money {
  minorUnits(currency);
  return make(amount, currency as CurrencyCode);
}

function make(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyError('invalid_amount', `Amount must be a safe integer of minor units, got ${amount}`);
  }
  // -0 would leak into JSON as 0 but fail Object.is comparisons in tests and caches.
  return { amount: amount === 0 ? 0 : amount, currency };
}

function sameCurrency(a: Money, b: Money): CurrencyCode {
  if (a.currency !== b.currency) {
    throw new MoneyError('currency_mismatch', `Cannot combine ${a.currency} with ${b.currency}`);
  }
  return a.currency;
}

export function add(a: Money, b: Money): Money {
  return make(a.amount + b.amount, sameCurrency(a, b));
}

export function subtract(a: Money, b: Money): Money {
  return make(a.amount - b.amount, sameCurrency(a, b));
}

export function negate(m: Money): Money {
  return make(-m.amount, m.currency);
}

export function isZero(m: Money): boolean {
  return m.amount === 0;
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

export function sum(list: readonly Money[], currency: string): Money {
  return list.reduce(add, money(0, currency));
}

/** Divides exactly and rounds; `up`/`down` are away from/toward zero, `floor`/`ceil` toward -∞/+∞. */
function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new MoneyError('invalid_ratio', 'Division by zero');
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d; // BigInt division truncates toward zero
  const remainder = n % d;
  if (remainder === 0n) return quotient;
  const away = quotient + (n < 0n ? -1n : 1n);
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return away;
    case 'floor':
      return n < 0n ? away : quotient;
    case 'ceil':
      return n < 0n ? quotient : away;
    case 'halfUp':
      return twice >= d ? away : quotient;
    case 'halfDown':
      return twice > d ? away : quotient;
    case 'halfEven':
      return twice > d || (twice === d && quotient % 2n !== 0n) ? away : quotient;
  }
}

function integer(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new MoneyError('invalid_ratio', `${what} must be a safe integer`);
  return BigInt(value);
}

function fromBig(value: bigint, currency: CurrencyCode): Money {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError('invalid_amount', `Result ${value} exceeds the safe integer range`);
  }
  return make(Number(value), currency);
}

// Factors are integers or ratios of integers because a float like 0.21 is already inexact
// before we multiply; BigInt keeps amount * numerator exact past 2^53.
export function multiply(m: Money, factor: number | Ratio, rounding: RoundingMode = 'halfEven'): Money {
  const { numerator, denominator } =
    typeof factor === 'number' ? { numerator: factor, denominator: 1 } : factor;
  const n = integer(numerator, 'Numerator');
  const d = integer(denominator, 'Denominator');
  return fromBig(divideRounded(BigInt(m.amount) * n, d, rounding), m.currency);
}

/** 2100 basis points = 21 %. */
export function percentage(m: Money, basisPoints: number, rounding: RoundingMode = 'halfEven'): Money {
  return multiply(m, { numerator: basisPoints, denominator: BASIS }, rounding);
}

/** The tax already inside a gross price: gross * rate / (1 + rate). */
export function taxFromGross(
  gross: Money,
  rateBasisPoints: number,
  rounding: RoundingMode = 'halfEven',
): Money {
  if (!Number.isSafeInteger(rateBasisPoints) || rateBasisPoints < 0) {
    throw new MoneyError('invalid_ratio', `Tax rate must be a non-negative integer of basis points`);
  }
  return multiply(gross, { numerator: rateBasisPoints, denominator: BASIS + rateBasisPoints }, rounding);
}

/**
 * Splits by integer weights with the largest-remainder method, so parts always sum to the total and
 * each is within one minor unit of its exact share. Ties go to the earlier index, keeping it stable.
 */
export function allocate(m: Money, ratios: readonly number[]): Money[] {
  const weights = ratios.map((r) => {
    const w = integer(r, 'Ratio');
    if (w < 0n) throw new MoneyError('invalid_ratio', 'Ratios must not be negative');
    return w;
  });
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) throw new MoneyError('invalid_ratio', 'At least one ratio must be positive');
  // Splitting the magnitude and restoring the sign makes a refund split mirror the charge split.
  const sign = m.amount < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(m.amount));
  const shares = weights.map((w) => ({ floor: (magnitude * w) / total, rest: (magnitude * w) % total }));
  let leftover = magnitude - shares.reduce((a, s) => a + s.floor, 0n);
  const order = shares
    .map((_, i) => i)
    .sort((i, j) => {
      const a = shares[i]!.rest;
      const b = shares[j]!.rest;
      return a === b ? i - j : a > b ? -1 : 1;
    });
  // Leftover is below the count of non-zero remainders, so zero weights never receive a unit.
  for (const i of order) {
    if (leftover === 0n) break;
    shares[i]!.floor += 1n;
    leftover -= 1n;
  }
  return shares.map((s) => fromBig(sign * s.floor, m.currency));
}

export function toDecimalString(m: Money): string {
  const digits = minorUnits(m.currency);
  const magnitude = String(Math.abs(m.amount));
  const sign = m.amount < 0 ? '-' : '';
  if (digits === 0) return sign + magnitude;
  const padded = magnitude.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string, currency: string): Money {
  const digits = minorUnits(currency);
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyError('invalid_amount', `Not a decimal amount: ${JSON.stringify(text)}`);
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > digits) {
    throw new MoneyError(
      'invalid_amount',
      `${currency} allows ${digits} decimals, got ${JSON.stringify(text)}`,
    );
  }
  const units = BigInt(whole + fraction.padEnd(digits, '0'));
  return fromBig(sign === '-' ? -units : units, currency as CurrencyCode);
}

// Intl formats a decimal string exactly (Node 20+); amount / 10 ** digits would be a float and can
// misround large amounts. TS's ES2022 lib only types number | bigint, hence the narrow cast.
type DecimalFormatter = { format(value: string): string };

export function format(m: Money, locale: string): string {
  const digits = minorUnits(m.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return (formatter as unknown as DecimalFormatter).format(toDecimalString(m));
}
