/**
 * CSV cells for files a spreadsheet will open. A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is a formula to Excel, LibreOffice and Google Sheets (an account named `=HYPERLINK(…)` would run when the
 * orders file is opened). As OWASP recommends, such a cell gets a leading single quote, which spreadsheets show as
 * text, and is quoted. Header cells are always quoted. Numbers we computed are written as numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One text or number cell, RFC 4180 quoted when it needs to be, neutralised when it would be a formula. */
export function csvCell(x: string | number): string {
  if (typeof x === 'number') return String(x);
  if (FORMULA_START.test(x)) return quote(`'${x}`);
  return /[",\n\r]/.test(x) ? quote(x) : x;
}

/** A header row: every cell quoted (and neutralised like any text cell). */
export function csvHeader(names: readonly string[]): string {
  return names.map((n) => quote(FORMULA_START.test(n) ? `'${n}` : n)).join(',');
}

/** Reading back a file we wrote: `'=x` was `=x` before `csvCell` neutralised it. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
