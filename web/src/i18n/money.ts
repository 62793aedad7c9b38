import { useTranslation } from 'react-i18next';

/** How many minor units a currency has: 2 for EUR (cents), 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** An amount in minor units as an exact decimal string: 1999 EUR is "19.99", never a float. */
export function toDecimalString(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(amount)).padStart(digits + 1, '0');
  if (digits === 0) return sign + units;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

export type AmountProblem = 'invalid' | 'tooPrecise';

/**
 * Reads what someone typed as an amount ("19.99", "19,99", "1.299,00", "1 299") into minor units,
 * with string arithmetic only: the last `.` or `,` is the decimal separator, the other one and spaces
 * group thousands. Returns null for an empty input.
 */
export function parseAmount(
  text: string,
  currency: string,
): { amount: number } | { problem: AmountProblem } | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return null;
  const digits = minorDigits(currency);
  const separator = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  let whole = compact;
  let fraction = '';
  if (separator !== -1) {
    const decimal = compact[separator];
    const grouping = decimal === '.' ? ',' : '.';
    whole = compact.slice(0, separator).split(grouping).join('');
    fraction = compact.slice(separator + 1);
    if (whole.includes(decimal ?? '')) return { problem: 'invalid' };
  }
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '')
    return { problem: 'invalid' };
  if (fraction.length > digits) return { problem: 'tooPrecise' };
  const minor = (whole.replace(/^0+(?=\d)/, '') || '0') + fraction.padEnd(digits, '0');
  if (minor.length > 15) return { problem: 'invalid' };
  return { amount: Number(minor) };
}

/** Formats amounts in minor units in the reader's language: 1999 EUR is "€19.99". */
export function useMoneyFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (amount: number, currency: string) => {
    const decimal = toDecimalString(amount, currency) as `${number}`;
    try {
      return new Intl.NumberFormat(language, { style: 'currency', currency }).format(decimal);
    } catch {
      return `${decimal} ${currency}`;
    }
  };
}
