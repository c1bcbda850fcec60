/**
 * Cells as brokers write them, for the named formats: `$1,234.56`, `(12.50)`, `+000063000` (Kiwoom's REST padding),
 * `150,00` (Degiro's decimal comma), `--` for nothing, and dates in the handful of orders exports use. Each parser
 * returns undefined rather than guess, so the caller can refuse the cell with its line and column.
 */

/** Normalised header text: trimmed, lower-cased, inner whitespace collapsed, stray quotes and a trailing `*` gone. */
export function headerKey(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .replace(/[\s*]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** `--`, `-`, `n/a` and blanks mean "no value" in broker exports. */
export function isEmptyCell(cell: string | undefined): boolean {
  const s = (cell ?? '').trim();
  return s === '' || s === '--' || s === '-' || s === '—' || s.toLowerCase() === 'n/a';
}

export interface AmountStyle {
  /** `1.234,56` / `150,00`: comma is the decimal mark (Degiro, European locales). */
  decimalComma?: boolean;
}

const DOT_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;
const COMMA_NUMBER = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

/**
 * A number with its decorations stripped: currency signs and codes around it (`$`, `€`, `₩`, `USD 12.00`, `12원`),
 * a sign (`+`, `-`, or accounting parentheses), thousands separators. Undefined for anything else (`12주`, `1,23`).
 */
export function parseAmount(cell: string | undefined, style: AmountStyle = {}): number | undefined {
  let s = (cell ?? '').trim();
  if (isEmptyCell(s)) return undefined;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
  }
  s = s
    .replace(/^[A-Z]{3}\s+/, '') // Degiro: `USD 1500.00`
    .replace(/\s+[A-Z]{3}$/, '')
    .replace(/원$/, '')
    .trim();
  const sign = /^[+-]/.exec(s)?.[0];
  if (sign) {
    negative = negative !== (sign === '-');
    s = s.slice(1).trim();
  }
  s = s.replace(/^[$€£₩¥]\s*/, '').trim();
  if (/^[+-]/.test(s)) {
    // `$-12.00`
    negative = negative !== s.startsWith('-');
    s = s.slice(1);
  }
  let value: number;
  if (style.decimalComma) {
    if (!COMMA_NUMBER.test(s)) return undefined;
    value = Number(s.replace(/\./g, '').replace(',', '.'));
  } else {
    if (!DOT_NUMBER.test(s)) return undefined;
    value = Number(s.replace(/,/g, ''));
  }
  if (!Number.isFinite(value)) return undefined;
  const signed = negative ? -value : value;
  return signed === 0 ? 0 : signed;
}

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/**
 * A calendar date from the forms exports use: ISO (`2024-06-03`, `2024-06-03T00:00:00Z`, `2024-06-03 10:00`),
 * `20240603` (and IBKR's `20240603;101500`), `2024/06/03`, `2024.06.03`, and day/month orders by the format's
 * convention (`06/03/2024` is June 3 for US brokers, 6 March for Ghostfolio's `dd/MM/yyyy`). Schwab's
 * `06/03/2024 as of 05/31/2024` is the first date. Undefined when it is not a real date.
 */
export function parseDateCell(cell: string | undefined, order: DateOrder): string | undefined {
  const s = (cell ?? '').trim();
  if (s === '') return undefined;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s;])/.exec(s);
  if (m) return isoOf(m[1], m[2], m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:$|[;T\s])/.exec(s);
  if (m) return isoOf(m[1], m[2], m[3]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[\s,T])/.exec(s);
  if (m) {
    if (order === 'dmy') return isoOf(m[3], m[2], m[1]);
    return isoOf(m[3], m[1], m[2]);
  }
  return undefined;
}

function isoOf(y: string | undefined, mo: string | undefined, d: string | undefined): string | undefined {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
