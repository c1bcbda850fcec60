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

/**
 * The date a quantity cell looks like, or undefined: `20260529` (YYYYMMDD), `2026.05` (a year and month typed into a
 * number column) and `46171` (an Excel date serial, days since 1899-12-30, for 2000–2049) are what a date column
 * pasted into the quantity column gives. Each could also be a real quantity, so the importer warns, with the line.
 */
export function dateLikeQuantity(cell: string): string | undefined {
  const s = cell.trim();
  const ymd = /^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.exec(s);
  if (ymd && validDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])))
    return `${ymd[1]}-${ymd[2]}-${ymd[3]}`;
  const ym = /^((?:19|20)\d\d)\.(0[1-9]|1[0-2])$/.exec(s);
  if (ym) return `${ym[1]}-${ym[2]}`;
  if (/^\d{5}$/.test(s)) {
    const serial = Number(s);
    // 36526 = 2000-01-01, 54788 = 2049-12-31 in Excel's 1900 date system.
    if (serial >= 36_526 && serial <= 54_788) {
      return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
    }
  }
  return undefined;
}

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * In a semicolon-separated file (Excel where the decimal mark is a comma) `1,234` may be 1.234 and `1.234` may be
 * 1234: a thousands separator and a decimal mark cannot be told apart. True for such a cell.
 */
export function ambiguousInSemicolonFile(cell: string): boolean {
  const s = cell.trim();
  return s.includes(',') || /^[+-]?[1-9]\d{0,2}(?:\.\d{3})$/.test(s);
}
