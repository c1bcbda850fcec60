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

/** Each role in the Korean error messages. */
const ROLE_KO: Readonly<Record<ColumnRole, string>> = {
  symbol: '종목코드',
  quantity: '수량',
  account: '계좌',
  currency: '통화',
  name: '종목명',
};

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
          ko: {
            message: `두 열이 같은 ${ROLE_KO[role]} 열입니다: "${header[earlier]?.trim()}" (${earlier + 1}번째 필드)와 "${cell.trim()}" (${index + 1}번째 필드)`,
            expected: `${ROLE_KO[role]} 열 하나`,
            hint: '둘 중 하나를 지우거나 이름을 바꾸세요',
          },
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
      ko: {
        message: `머리글에 ${missing.map((r) => ROLE_KO[r]).join('·')} 열이 없습니다 (있는 열: ${header.map((h) => `"${h.trim()}"`).join(', ')})`,
        expected: missing.map((r) => `${ROLE_KO[r]} 열 (${COLUMN_ALIASES[r].join(', ')} 중 하나)`).join('; '),
        hint: '파일의 첫 번째 비어 있지 않은 줄이 머리글 행이어야 합니다',
      },
    });
  }
  return found as ColumnMap;
}
