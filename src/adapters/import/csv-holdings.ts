/**
 * Holdings from a broker's CSV export: one row per position (symbol, quantity, optionally account, currency, name),
 * plus cash rows (`CASH`, `현금`, `예수금`). Strict by design: every value is checked and a bad one stops the import
 * with the file, line and field, because a silently skipped or misread row makes every later number wrong.
 */

import { InputError } from '../../core/errors.ts';
import type { Holding, ImportResult } from '../../core/holdings.ts';
import type { Warning } from '../../core/warnings.ts';
import { particle } from '../../i18n/josa.ts';
import { type ColumnMap, mapColumns } from './csv-header.ts';
import { type CsvRecord, type Delimiter, detectDelimiter, readCsvRecords } from './csv-records.ts';
import { parseCurrencyCell } from './currency-cell.ts';
import { type DetectedEncoding, decodeText } from './decode.ts';
import { mergeDuplicates } from './merge-duplicates.ts';
import {
  ambiguousInSemicolonFile,
  dateLikeQuantity,
  MAX_QUANTITY,
  MAX_QUANTITY_TEXT,
  MAX_SIGNIFICANT_DIGITS,
  parseDecimal,
  significantDigits,
} from './numbers.ts';

import { summaryRowWarning } from './summary-row.ts';

export interface CsvImportOptions {
  /** Account for rows without an account column or value; defaults to the file's base name without extension. */
  defaultAccount?: string;
}

/** Symbols that mean "cash in the row's currency" rather than an instrument. Compared upper-cased. */
const CASH_SYMBOLS: ReadonlySet<string> = new Set(['CASH', '현금', '예수금']);

/**
 * Korean brokers' own words for cash. Their exports are in won unless a currency column says otherwise, so without a
 * currency column these default to KRW (with a warning); `CASH` has no such convention and stays an error.
 */
const KOREAN_CASH_SYMBOLS: ReadonlySet<string> = new Set(['현금', '예수금']);

/**
 * Labels of the total rows brokers (Korean ones especially) put under the positions: 합계 (total), 총계 (grand total),
 * 소계 (subtotal). Compared with spaces removed (`합  계` is common) and upper-cased.
 */
const SUMMARY_LABELS: ReadonlySet<string> = new Set(['합계', '총계', '소계', 'TOTAL']);

const NUMBER_EXPECTED = 'a number such as 1,234 or 12.5';
const EXPECTED_LAYOUT = 'a header row followed by one row per holding';
const NUMBER_EXPECTED_KO = '1,234나 12.5 같은 숫자';
const EXPECTED_LAYOUT_KO = '머리글 한 줄과 그 아래 종목당 한 줄';

export function importHoldingsCsv(
  bytes: Uint8Array,
  file: string,
  options: CsvImportOptions = {},
): ImportResult & { encoding: DetectedEncoding } {
  const { text, encoding } = decodeText(bytes, file);
  return { ...parseHoldingsCsv(text, file, options), encoding };
}

/** The same, for text already decoded (the dispatcher decodes once to sniff the format). */
export function parseHoldingsCsv(input: string, file: string, options: CsvImportOptions = {}): ImportResult {
  const text = input.replace(/^\uFEFF/, ''); // in case a caller decoded without stripping the BOM
  if (text.trim() === '') {
    throw new InputError({
      file,
      line: 1,
      message: 'no holdings in file: the file is empty',
      expected: EXPECTED_LAYOUT,
      ko: { message: '파일에 보유 종목이 없습니다: 빈 파일입니다', expected: EXPECTED_LAYOUT_KO },
    });
  }
  const delimiter = detectDelimiter(text);
  const records = readCsvRecords(text, file, delimiter);
  const [header, ...rows] = records;
  if (!header) {
    throw new InputError({
      file,
      line: 1,
      message: 'no holdings in file: the file is empty',
      expected: EXPECTED_LAYOUT,
      ko: { message: '파일에 보유 종목이 없습니다: 빈 파일입니다', expected: EXPECTED_LAYOUT_KO },
    });
  }
  const columns = mapColumns(header.fields, file, header.line);
  const defaultAccount = options.defaultAccount?.trim() || baseName(file);

  const parsed: Holding[] = [];
  const warnings: Warning[] = [];
  let dataRows = 0;
  for (const row of rows) {
    // Spreadsheets leave rows of bare delimiters (`,,,`) below the data; they carry nothing.
    if (row.fields.every((f) => f.trim() === '')) continue;
    const summary = summaryLabel(row, columns);
    if (summary !== undefined) {
      warnings.push(summaryRowWarning(file, row.line, summary));
      continue;
    }
    dataRows++;
    checkRowLength(row, header.fields.length, file);
    const holding = parseRow(row, columns, file, defaultAccount, warnings, delimiter);
    if ((holding.kind === 'cash' ? holding.amount : holding.quantity) === 0) {
      warnings.push(zeroWarning(holding, file));
      continue;
    }
    parsed.push(holding);
  }

  if (parsed.length === 0) {
    throw new InputError({
      file,
      line: header.line,
      message:
        dataRows === 0
          ? `no holdings in file: there is a header on line ${header.line} but no data rows`
          : 'no holdings in file: every row has a quantity of 0',
      expected: EXPECTED_LAYOUT,
      ko: {
        message:
          dataRows === 0
            ? `파일에 보유 종목이 없습니다: ${header.line}행에 머리글만 있고 데이터 행이 없습니다`
            : '파일에 보유 종목이 없습니다: 모든 행의 수량이 0입니다',
        expected: EXPECTED_LAYOUT_KO,
      },
    });
  }
  const merged = mergeDuplicates(parsed, file);
  return { holdings: merged.holdings, warnings: [...warnings, ...merged.warnings] };
}

/**
 * More fields than the header almost always means an unquoted thousands separator (`AAPL,1,234,USD`), which would
 * otherwise shift every later column. Fewer fields is tolerated: some exporters drop trailing empty fields, and a
 * missing required field is reported by the field checks below.
 */
function checkRowLength(row: CsvRecord, headerLength: number, file: string): void {
  if (row.fields.length <= headerLength) return;
  if (row.fields.slice(headerLength).every((f) => f.trim() === '')) return; // trailing delimiters from Excel
  throw new InputError({
    file,
    line: row.line,
    column: headerLength + 1,
    message: `this row has ${row.fields.length} fields but the header has ${headerLength}`,
    expected: `${headerLength} fields per row, like the header`,
    hint: 'a number with a thousands separator must be in double quotes, e.g. "1,234"',
    ko: {
      message: `이 행의 필드는 ${row.fields.length}개인데 머리글은 ${headerLength}개입니다`,
      expected: `머리글처럼 행마다 필드 ${headerLength}개`,
      hint: '천 단위 쉼표가 있는 숫자는 큰따옴표로 감싸야 합니다. 예: "1,234"',
    },
  });
}

/**
 * The label when the row is a total: its symbol cell is one, or (when the total's label sits in an earlier column,
 * such as the account's) the symbol cell is empty and the first non-empty cell is one.
 */
function summaryLabel(row: CsvRecord, columns: ColumnMap): string | undefined {
  const isLabel = (cell: string) => SUMMARY_LABELS.has(cell.replace(/\s+/g, '').toUpperCase());
  const symbol = (row.fields[columns.symbol] ?? '').trim();
  if (symbol !== '') return isLabel(symbol) ? symbol : undefined;
  const first = row.fields.map((f) => f.trim()).find((f) => f !== '');
  return first !== undefined && isLabel(first) ? first : undefined;
}

function parseRow(
  row: CsvRecord,
  columns: ColumnMap,
  file: string,
  defaultAccount: string,
  warnings: Warning[],
  delimiter: Delimiter,
): Holding {
  const cell = (index: number | undefined): string =>
    index === undefined ? '' : (row.fields[index] ?? '').trim();
  const at = (index: number | undefined) => ({
    file,
    line: row.line,
    column: index === undefined ? undefined : index + 1,
  });

  const symbol = cell(columns.symbol);
  if (symbol === '') {
    throw new InputError({
      ...at(columns.symbol),
      message: 'the symbol is empty',
      expected: 'a symbol such as AAPL or A005930, or CASH, 현금 or 예수금 for a cash row',
      ko: {
        message: '종목코드가 비어 있습니다',
        expected: 'AAPL이나 A005930 같은 종목코드, 현금 행이면 CASH·현금·예수금',
      },
    });
  }
  const isCash = CASH_SYMBOLS.has(symbol.toUpperCase());

  const quantityCell = cell(columns.quantity);
  if (delimiter === ';' && ambiguousInSemicolonFile(quantityCell)) {
    throw new InputError({
      ...at(columns.quantity),
      message: `"${quantityCell}" is ambiguous in a semicolon-separated file: it may mean ${ambiguousReadings(quantityCell)}`,
      expected: 'a quantity without a thousands separator, with a point for decimals (1234 or 1234.5)',
      hint: 'semicolons are what Excel writes where the decimal mark is a comma; save the column as plain numbers',
      ko: {
        message: `세미콜론으로 구분된 파일에서 "${quantityCell}"${particle(quantityCell, '은/는')} 뜻이 모호합니다: ${ambiguousReadings(quantityCell)}일 수 있습니다`,
        expected: '천 단위 구분 기호 없이, 소수점은 마침표로 쓴 수량 (1234 또는 1234.5)',
        hint: '소수점이 쉼표인 지역 설정의 Excel이 세미콜론을 씁니다. 이 열을 일반 숫자로 저장하세요',
      },
    });
  }
  const quantity = parseDecimal(quantityCell);
  if (quantity === undefined) {
    throw new InputError({
      ...at(columns.quantity),
      message:
        quantityCell === '' ? `the quantity of ${symbol} is empty` : `"${quantityCell}" is not a number`,
      expected: NUMBER_EXPECTED,
      ko: {
        message:
          quantityCell === ''
            ? `${symbol}의 수량이 비어 있습니다`
            : `"${quantityCell}"${particle(quantityCell, '은/는')} 숫자가 아닙니다`,
        expected: NUMBER_EXPECTED_KO,
      },
    });
  }
  if (quantity < 0) {
    throw new InputError({
      ...at(columns.quantity),
      message: `the ${isCash ? 'cash amount' : 'quantity'} of ${symbol} is negative (${quantityCell})`,
      expected: isCash ? 'a cash amount of zero or more' : 'a quantity of zero or more',
      hint: isCash
        ? 'a cash debt (미수금, margin loan) is not supported'
        : 'short positions are not supported',
      ko: {
        message: `${symbol}의 ${isCash ? '현금 금액' : '수량'}이 음수입니다 (${quantityCell})`,
        expected: isCash ? '0 이상의 현금 금액' : '0 이상의 수량',
        hint: isCash
          ? '현금 부채(미수금, 신용 융자)는 지원하지 않습니다'
          : '공매도 포지션은 지원하지 않습니다',
      },
    });
  }
  const what = isCash ? 'cash amount' : 'quantity';
  if (quantity >= MAX_QUANTITY) {
    throw new InputError({
      ...at(columns.quantity),
      message: `the ${what} of ${symbol} is implausibly large (${quantityCell})`,
      expected: `a ${what} below ${MAX_QUANTITY_TEXT}`,
      hint: 'a number from another column (an account number, a total) may have been pasted here',
      ko: {
        message: `${symbol}의 ${isCash ? '현금 금액' : '수량'}이 믿기 어려울 만큼 큽니다 (${quantityCell})`,
        expected: `${MAX_QUANTITY_TEXT} 미만의 ${isCash ? '현금 금액' : '수량'}`,
        hint: '다른 열의 숫자(계좌번호, 합계)가 들어갔을 수 있습니다',
      },
    });
  }
  if (significantDigits(quantityCell) > MAX_SIGNIFICANT_DIGITS) {
    throw new InputError({
      ...at(columns.quantity),
      message: `the ${what} of ${symbol} has more digits than a number can hold exactly (${quantityCell})`,
      expected: `a ${what} with at most ${MAX_SIGNIFICANT_DIGITS} significant digits`,
      ko: {
        message: `${symbol}의 ${isCash ? '현금 금액' : '수량'}은 숫자가 정확히 담을 수 있는 것보다 자릿수가 많습니다 (${quantityCell})`,
        expected: `유효 숫자 ${MAX_SIGNIFICANT_DIGITS}자리 이하`,
      },
    });
  }

  const looksLike = dateLikeQuantity(quantityCell);
  if (looksLike !== undefined) {
    warnings.push({
      code: 'quantity-looks-like-date',
      symbol,
      file,
      line: row.line,
      date: looksLike,
      cell: quantityCell,
      cash: isCash,
    });
  }

  const currencyResult = parseCurrencyCell(cell(columns.currency));
  if (!currencyResult.ok) {
    throw new InputError({
      ...at(columns.currency),
      message: currencyResult.message,
      expected: currencyResult.expected,
      ko: currencyResult.ko,
    });
  }
  const account = cell(columns.account) || defaultAccount;
  const origin = { file, line: row.line };
  let currency = currencyResult.currency;
  if (isCash && !currency && columns.currency === undefined && KOREAN_CASH_SYMBOLS.has(symbol)) {
    currency = 'KRW';
    warnings.push({
      code: 'cash-currency-assumed',
      symbol: 'KRW',
      label: symbol,
      account,
      file,
      line: row.line,
    });
  }

  if (isCash) {
    if (!currency) {
      throw new InputError({
        ...at(columns.currency),
        message: `the cash row ${symbol} has no currency`,
        expected: 'a currency on every cash row, such as KRW or USD',
        hint: columns.currency === undefined ? 'add a currency column (currency, ccy or 통화)' : undefined,
        ko: {
          message: `현금 행 ${symbol}에 통화가 없습니다`,
          expected: '모든 현금 행에 KRW나 USD 같은 통화',
          hint: columns.currency === undefined ? '통화 열(currency, ccy 또는 통화)을 추가하세요' : undefined,
        },
      });
    }
    return { kind: 'cash', account, currency, amount: quantity, origin };
  }
  const name = cell(columns.name);
  return {
    kind: 'security',
    account,
    symbol,
    quantity,
    ...(currency ? { currency } : {}),
    ...(name ? { name } : {}),
    origin,
  };
}

/** `1,234` → "1.234 or 1234"; `1.234` → "1234 or 1.234". */
function ambiguousReadings(cell: string): string {
  const s = cell.trim();
  const asDecimalComma = s.replace(/\./g, '').replace(',', '.');
  const asThousands = s.replace(/,/g, '');
  return s.includes(',') ? `${asDecimalComma} or ${asThousands}` : `${s.replace('.', '')} or ${s}`;
}

function zeroWarning(h: Holding, file: string): Warning {
  return {
    code: 'zero-quantity',
    ...(h.kind === 'security' ? { symbol: h.symbol } : { symbol: h.currency, currency: h.currency }),
    account: h.account,
    file,
    line: h.origin.line,
  };
}

/** `exports/My ISA.csv` → `My ISA`; Windows paths too, since users paste them. */
function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.[^.]*$/, '') || last || 'default';
}
