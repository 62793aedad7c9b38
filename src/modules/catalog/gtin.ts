/**
 * GTIN check digits (EAN-8, UPC-A, EAN-13, GTIN-14): weights 3 and 1 alternate from the digit
 * next to the check digit, and the check digit brings the sum to a multiple of ten.
 */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop()!;
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3)
    sum += digits[i]! * weight;
  return (10 - (sum % 10)) % 10 === check;
}

/** The check digit that completes a GTIN body (for building valid demo barcodes). */
export function gtinCheckDigit(body: string): number {
  const digits = [...body].map(Number);
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3)
    sum += digits[i]! * weight;
  return (10 - (sum % 10)) % 10;
}
