/**
 * The orders file `dispersion rebalance --csv` writes, read back for the journal (in any encoding a holdings file may
 * have: Excel on Korean Windows re-saves it as CP949, and rebalance writes it with a UTF-8 BOM for Excel):
 * `account,symbol,side,quantity,price,currency,value,valueBase`, one order a row. The header must be exactly that
 * (it is a machine-written file: a different header means a different file, not a dialect to guess). Every bad cell
 * is an InputError with its line and column.
 */

import { readFile } from 'node:fs/promises';
import { isCurrencyCode } from '../../core/currency.ts';
import { InputError } from '../../core/errors.ts';
import type { JournalOrder, OrderSide, OrderStatus } from '../../core/journal.ts';
import { particle, withJosa } from '../../i18n/josa.ts';
import { restoreCell } from '../../report/csv.ts';
import { assertRegularFile, fileErrorReason } from '../files/user-files.ts';
import { readCsvRecords } from '../import/csv-records.ts';
import { decodeText } from '../import/decode.ts';
import { parseDecimal } from '../import/numbers.ts';

export const ORDERS_HEADER = [
  'account',
  'symbol',
  'side',
  'quantity',
  'price',
  'currency',
  'value',
  'valueBase',
] as const;

/** One order and the line of the file it came from (so a later check against the holdings can point at it). */
export interface OrderLine {
  line: number;
  order: JournalOrder;
}

/** Reads and parses an orders file: bytes decoded like a holdings file (UTF-8, BOM, UTF-16, CP949). */
export async function readOrdersFile(file: string, status: OrderStatus): Promise<OrderLine[]> {
  assertRegularFile(file, 'an orders CSV file (as dispersion rebalance --csv writes it)');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new InputError({
      file,
      message: `cannot read the orders file: ${fileErrorReason((e as NodeJS.ErrnoException).code)}`,
      ko: {
        message: `주문 파일을 읽을 수 없습니다: ${fileErrorReason((e as NodeJS.ErrnoException).code, 'ko')}`,
      },
    });
  }
  return parseOrdersLines(decodeText(bytes, file).text, file, status);
}

/** Parses the text of an orders file; every order gets `status`. */
export function parseOrdersCsv(text: string, file: string, status: OrderStatus): JournalOrder[] {
  return parseOrdersLines(text, file, status).map((l) => l.order);
}

/** `parseOrdersCsv`, keeping each order's line. */
export function parseOrdersLines(text: string, file: string, status: OrderStatus): OrderLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM from a spreadsheet save
  const records = readCsvRecords(body, file, ',');
  const header = records[0];
  if (!header) {
    throw new InputError({
      file,
      line: 1,
      message: 'the orders file is empty',
      expected: ORDERS_HEADER.join(','),
      ko: { message: '주문 파일이 비어 있습니다', expected: ORDERS_HEADER.join(',') },
    });
  }
  ORDERS_HEADER.forEach((name, i) => {
    const got = header.fields[i];
    if (got !== name) {
      throw new InputError({
        file,
        line: header.line,
        column: i + 1,
        message:
          got === undefined ? `header column ${i + 1} is missing` : `header column ${i + 1} is "${got}"`,
        expected: `"${name}": the header ${ORDERS_HEADER.join(',')} (as dispersion rebalance --csv writes it)`,
        ko: {
          message:
            got === undefined
              ? `머리글의 ${i + 1}번째 열이 없습니다`
              : `머리글의 ${i + 1}번째 열이 "${got}"입니다`,
          expected: `"${name}": 머리글 ${ORDERS_HEADER.join(',')} (dispersion rebalance --csv가 쓰는 그대로)`,
        },
      });
    }
  });
  if (header.fields.length > ORDERS_HEADER.length) {
    throw new InputError({
      file,
      line: header.line,
      column: ORDERS_HEADER.length + 1,
      message: `the header has an extra column "${header.fields[ORDERS_HEADER.length]}"`,
      expected: ORDERS_HEADER.join(','),
      ko: {
        message: `머리글에 필요 없는 열 "${header.fields[ORDERS_HEADER.length]}"${particle(header.fields[ORDERS_HEADER.length], '이/가')} 있습니다`,
        expected: ORDERS_HEADER.join(','),
      },
    });
  }
  return records.slice(1).map((r) => ({ line: r.line, order: parseRow(r.fields, r.line, file, status) }));
}

function parseRow(f: string[], line: number, file: string, status: OrderStatus): JournalOrder {
  const bad = (
    column: number,
    message: string,
    expected: string,
    ko: { message: string; expected: string },
  ): never => {
    throw new InputError({ file, line, column, message, expected, ko });
  };
  if (f.length !== ORDERS_HEADER.length) {
    bad(
      Math.min(f.length, ORDERS_HEADER.length) + 1,
      `the row has ${f.length} fields`,
      `${ORDERS_HEADER.length} fields: ${ORDERS_HEADER.join(',')}`,
      {
        message: `이 행의 필드는 ${f.length}개입니다`,
        expected: `필드 ${ORDERS_HEADER.length}개: ${ORDERS_HEADER.join(',')}`,
      },
    );
  }
  const [
    accountCell = '',
    symbolCell = '',
    sideText = '',
    qText = '',
    pText = '',
    ccyText = '',
    vText = '',
    vbText = '',
  ] = f;
  // rebalance --csv wrote `=x` as `'=x` so a spreadsheet would not run it: read back what it was.
  const account = restoreCell(accountCell);
  const symbol = restoreCell(symbolCell);
  if (account === '')
    bad(1, 'the account is empty', 'the account the order is for', {
      message: '계좌가 비어 있습니다',
      expected: '주문이 속한 계좌',
    });
  if (symbol === '')
    bad(2, 'the symbol is empty', 'a symbol such as NVDA or 005930.KS', {
      message: '종목코드가 비어 있습니다',
      expected: 'NVDA나 005930.KS 같은 종목코드',
    });
  const side = sideText.toLowerCase();
  if (side !== 'buy' && side !== 'sell')
    bad(3, `side "${sideText}" is not buy or sell`, 'buy or sell', {
      message: `매매 구분 "${sideText}"${particle(sideText, '은/는')} buy도 sell도 아닙니다`,
      expected: 'buy(매수) 또는 sell(매도)',
    });
  const quantity = parseDecimal(qText);
  // Whole lots as a rule, but the rebalancer may propose fractional units where the listing allows them (crypto).
  if (quantity === undefined || quantity <= 0)
    bad(4, `quantity "${qText}" is not a number above zero`, 'the number of units to trade, such as 10', {
      message: `수량 "${qText}"${particle(qText, '은/는')} 0보다 큰 숫자가 아닙니다`,
      expected: '거래할 수량, 예: 10',
    });
  const price = parseDecimal(pText);
  if (price === undefined || price <= 0)
    bad(5, `price "${pText}" is not a number above zero`, 'a price per unit', {
      message: `가격 "${pText}"${particle(pText, '은/는')} 0보다 큰 숫자가 아닙니다`,
      expected: '단위당 가격',
    });
  const currency = ccyText.toUpperCase();
  if (!isCurrencyCode(currency))
    bad(6, `"${ccyText}" is not a currency code`, 'an ISO 4217 code such as USD or KRW', {
      message: `"${ccyText}"${particle(ccyText, '은/는')} 통화 코드가 아닙니다`,
      expected: 'USD나 KRW 같은 ISO 4217 코드',
    });
  const value = parseDecimal(vText);
  if (value === undefined)
    bad(7, `value "${vText}" is not a number`, 'quantity × price in the order currency', {
      message: `금액 "${vText}"${particle(vText, '은/는')} 숫자가 아닙니다`,
      expected: '주문 통화로 된 수량 × 가격',
    });
  const valueBase = parseDecimal(vbText);
  if (valueBase === undefined)
    bad(8, `valueBase "${vbText}" is not a number`, 'the value in the base currency', {
      message: `기준 통화 금액 valueBase "${vbText}"${particle(vbText, '은/는')} 숫자가 아닙니다`,
      expected: '기준 통화로 된 금액',
    });
  const q = quantity as number;
  const p = price as number;
  const v = value as number;
  // A value that is not quantity × price means columns were shifted or edited by hand. Allowed slack: rounding to a
  // whole unit of the currency (KRW has no minor unit), or a relative 1e-9 for very large orders.
  const expectedValue = q * p;
  if (Math.abs(Math.abs(v) - expectedValue) > Math.max(1, expectedValue * 1e-9)) {
    bad(
      7,
      `value ${vText} is not quantity × price (${qText} × ${pText} = ${expectedValue})`,
      'quantity × price',
      {
        message: `금액 ${withJosa(vText, '은/는')} 수량 × 가격이 아닙니다 (${qText} × ${pText} = ${expectedValue})`,
        expected: '수량 × 가격',
      },
    );
  }
  return {
    account,
    symbol,
    side: side as OrderSide,
    quantity: q,
    price: p,
    currency,
    value: v,
    valueBase: valueBase as number,
    status,
  };
}
