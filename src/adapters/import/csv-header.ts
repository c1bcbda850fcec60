/**
 * Which CSV column is which. Broker exports name the same thing many ways (`Qty`, `Shares`, `보유수량`, `잔고수량`),
 * so each role has a list of accepted names. Matching is exact after normalising case, whitespace, stray quotes and
 * the `*` some exports put on required columns — no fuzzy matching, so `매도가능수량` (sellable quantity) is never
 * mistaken for the holding quantity.
 */
import { InputError } from '../../core/errors.ts';

export type ColumnRole = 'symbol' | 'quantity' | 'account' | 'currency' | 'name';

export const COLUMN_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  symbol: ['symbol', 'ticker', 'code', '종목코드', '종목번호'],
  quantity: ['quantity', 'qty', 'shares', 'units', '수량', '보유수량', '잔고수량'],
  account: ['account', '계좌', '계좌명'],
  currency: ['currency', 'ccy', '통화'],
  name: ['name', '종목명'],
};

const REQUIRED: readonly ColumnRole[] = ['symbol', 'quantity'];

/** 0-based field index of each role found in the header. */
export type ColumnMap = { symbol: number; quantity: number } & Partial<Record<ColumnRole, number>>;

export function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .replace(/[\s*]+$/, '')
    .trim()
    .toLowerCase();
}

export function mapColumns(header: readonly string[], file: string, line: number): ColumnMap {
  const found: Partial<Record<ColumnRole, number>> = {};
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    for (const role of Object.keys(COLUMN_ALIASES) as ColumnRole[]) {
      if (!COLUMN_ALIASES[role].includes(name)) continue;
      const earlier = found[role];
      if (earlier !== undefined) {
        // Two quantity columns (say 수량 and 보유수량): picking one would be a guess.
        throw new InputError({
          file,
          line,
          column: index + 1,
          message: `two columns mean ${role}: "${header[earlier]?.trim()}" (field ${earlier + 1}) and "${cell.trim()}" (field ${index + 1})`,
          expected: `exactly one ${role} column`,
          hint: 'delete or rename one of them',
        });
      }
      found[role] = index;
    }
  });

  const missing = REQUIRED.filter((role) => found[role] === undefined);
  if (missing.length > 0) {
    throw new InputError({
      file,
      line,
      message: `the header has no ${missing.join(' and no ')} column (found: ${header.map((h) => `"${h.trim()}"`).join(', ')})`,
      expected: missing
        .map((role) => `a ${role} column named one of ${COLUMN_ALIASES[role].join(', ')}`)
        .join('; and '),
      hint: 'the first non-blank line of the file must be the header row',
    });
  }
  return found as ColumnMap;
}
