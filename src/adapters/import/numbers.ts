/**
 * Numbers as brokers and spreadsheets write them: `1,234`, `1,234.5`, ` +12.5 `. Anything looser (`1.234,5`,
 * `12주`, `1,23`) is refused rather than guessed, because a misread quantity silently skews every weight downstream.
 */

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/** The parsed number, or undefined when the cell is not a plain decimal number. */
export function parseDecimal(cell: string): number | undefined {
  const s = cell.trim();
  if (!NUMBER.test(s)) return undefined;
  const value = Number(s.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * No retail holding has a trillion units, and past 15 significant digits a double no longer holds the number as
 * written: either way the cell is a paste error (an account number, a sum of columns), not a quantity.
 */
export const MAX_QUANTITY = 1e12;
export const MAX_QUANTITY_TEXT = '1,000,000,000,000';
export const MAX_SIGNIFICANT_DIGITS = 15;

/** Significant digits as written: `0.00120` → 2, `1,234.5` → 5 (leading and trailing zeros do not count). */
export function significantDigits(cell: string): number {
  return cell
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '')
    .replace(/0+$/, '').length;
}

/**
 * Sums of quantities in binary floating point leave dust (0.05 − 0.02 = 0.030000000000000002). Rounding to ten
 * decimals keeps satoshi-sized crypto quantities (1e-8) exact while making "netted to zero" mean zero.
 */
export function roundQuantity(x: number): number {
  const rounded = Math.round(x * 1e10) / 1e10;
  return rounded === 0 ? 0 : rounded; // no −0
}
