/**
 * The generic holdings file's own prices. A hand-made or exported table often states what each holding is worth —
 * `현재가`, `price`, `last price`, or only `평가금액` / `market value` — and a Korean investor's Hyundai or Doosan then
 * prices without a price file. Like the named formats' prices, they are a source of last resort (app/file-prices.ts
 * `withFilePrices`): used only when nothing at least as fresh is known, and always shown with their file and line.
 * A `price date` column dates each row's price (a plain `date` column makes the file a dated snapshot, which
 * formats/read.ts reads); without one the price is undated, which means the as-of day.
 */
import { isCurrencyCode } from '../../../core/currency.ts';
import type { Holding } from '../../../core/holdings.ts';
import { COLUMN_ALIASES, normaliseHeader } from '../csv-header.ts';
import { parseAmount, parseDateCell } from './cells.ts';
import type { FilePrice, Row } from './read.ts';

/** Header names of a price per unit, of a position's value, and of the date they are as of (normalised). */
const PRICE = ['price', 'last price', 'current price', 'close price', 'close', '현재가', '종가', '현재가격'];
const VALUE = ['value', 'market value', '평가금액', '평가액'];
const DATE = ['price date', '가격일', '가격 기준일'];

function columnOf(header: Row, names: readonly string[]): number | undefined {
  const i = header.cells.findIndex((c) => names.includes(normaliseHeader(c)));
  return i < 0 ? undefined : i;
}

/** A money cell as the named formats read it (`249,500`, `₩249,500`, `$12.50`, `249500원`), when positive. */
function amount(cell: string | undefined): number | undefined {
  const v = parseAmount(cell);
  return v !== undefined && v > 0 ? v : undefined;
}

export function genericFilePrices(
  rows: readonly Row[],
  header: Row,
  holdings: readonly Holding[],
  file: string,
): FilePrice[] {
  const price = columnOf(header, PRICE);
  const value = columnOf(header, VALUE);
  if (price === undefined && value === undefined) return [];
  const date = columnOf(header, DATE);
  const quantity = columnOf(header, COLUMN_ALIASES.quantity);
  // A Korean header (현재가, 평가금액) with no currency on the row is a Korean broker's table, whose amounts are in won
  // even for a US stock: the price is said to be KRW, so a dollar listing is never priced with a won figure
  // (withFilePrices skips a price in another currency than the listing's).
  const korean = (i: number | undefined) => i !== undefined && /[가-힣]/.test(header.cells[i] ?? '');
  const wonByDefault = korean(price) || (price === undefined && korean(value));
  const byLine = new Map(rows.map((r) => [r.line, r]));
  const out: FilePrice[] = [];
  for (const h of holdings) {
    if (h.kind !== 'security' || h.quantity <= 0) continue;
    const row = byLine.get(h.origin.line);
    if (!row) continue;
    // The price column when it has a number, else the row's value over the row's own quantity (a holding may sum
    // several rows of one symbol, so its quantity is not this row's).
    const direct = price === undefined ? undefined : amount(row.cells[price]);
    const total = value === undefined ? undefined : amount(row.cells[value]);
    const units = quantity === undefined ? undefined : amount(row.cells[quantity]);
    const p = direct ?? (total !== undefined && units !== undefined ? total / units : undefined);
    if (p === undefined) continue;
    const day = date === undefined ? undefined : parseDateCell(row.cells[date], 'ymd');
    out.push({
      symbol: h.symbol,
      price: p,
      ...(h.currency && isCurrencyCode(h.currency)
        ? { currency: h.currency }
        : wonByDefault
          ? { currency: 'KRW' }
          : {}),
      ...(day ? { date: day } : {}),
      file,
      line: row.line,
    });
  }
  return out;
}
