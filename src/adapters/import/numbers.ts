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
 * Sums of quantities in binary floating point leave dust (0.05 − 0.02 = 0.030000000000000002). Rounding to ten
 * decimals keeps satoshi-sized crypto quantities (1e-8) exact while making "netted to zero" mean zero.
 */
export function roundQuantity(x: number): number {
  const rounded = Math.round(x * 1e10) / 1e10;
  return rounded === 0 ? 0 : rounded; // no −0
}
