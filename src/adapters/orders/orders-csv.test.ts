import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { parseOrdersCsv, readOrdersFile } from './orders-csv.ts';

const DIR = 'test/fixtures/orders';
const parse = (name: string, status: 'proposed' | 'executed' = 'proposed') =>
  parseOrdersCsv(readFileSync(`${DIR}/${name}`, 'utf8'), `${DIR}/${name}`, status);

const problemAt = (name: string) => problemOf(() => parse(name));

describe('parseOrdersCsv', () => {
  it('reads what rebalance --csv writes, with the status given', () => {
    expect(parse('ok.csv', 'executed')).toEqual([
      {
        account: '미국주식',
        symbol: 'AAPL',
        side: 'sell',
        quantity: 60,
        price: 312.05999755859375,
        currency: 'USD',
        value: 18723.599853515625, // 60 × 312.05999755859375
        valueBase: 27782034.398366824,
        status: 'executed',
      },
      {
        account: '키움 위탁',
        symbol: '005930.KS',
        side: 'buy',
        quantity: 3,
        price: 317000,
        currency: 'KRW',
        value: 951000, // 3 × 317,000
        valueBase: 951000,
        status: 'executed',
      },
    ]);
  });

  it('accepts a spreadsheet save: BOM, CRLF, upper-case side and currency, fractional units', () => {
    expect(parse('ok-bom-crlf.csv')).toEqual([
      {
        account: 'main',
        symbol: 'BTC-USD',
        side: 'buy',
        quantity: 0.05,
        price: 60000,
        currency: 'USD',
        value: 3000,
        valueBase: 3000,
        status: 'proposed',
      },
    ]);
  });

  it('a header-only file is no orders', () => {
    expect(parse('header-only.csv')).toEqual([]);
  });

  it.each([
    ['bad-header.csv', 1, 4, 'header column 4 is "qty"'],
    ['bad-side.csv', 3, 3, 'side "hold" is not buy or sell'],
    ['bad-quantity.csv', 3, 4, 'quantity "-3" is not a number above zero'],
    ['value-mismatch.csv', 2, 7, 'value 4200 is not quantity × price (3 × 10 = 30)'],
    ['short-row.csv', 2, 8, 'the row has 7 fields'],
    ['bad-currency.csv', 2, 6, '"dollars" is not a currency code'],
  ])('%s → line %i, column %i', (name, line, column, message) => {
    expect(problemAt(name)).toMatchObject({ file: `${DIR}/${name}`, line, column, message });
  });

  it('an empty file says what header it expected', () => {
    expect(() => parseOrdersCsv('', 'empty.csv', 'proposed')).toThrow(
      /empty.csv:1: the orders file is empty; expected account,symbol,side,quantity,price,currency,value,valueBase/,
    );
  });

  it('reads a CP949 file (Korean Excel) with the Korean account names intact, and keeps each line', async () => {
    const rows = await readOrdersFile(`${DIR}/ok-cp949.csv`, 'proposed');
    expect(rows.map((r) => [r.line, r.order.account, r.order.symbol, r.order.quantity])).toEqual([
      [2, '미국주식', 'AAPL', 60],
      [3, '키움 위탁', '005930.KS', 3],
    ]);
  });

  it('reads a UTF-8 file with a BOM (as rebalance --csv writes it for Excel)', async () => {
    const rows = await readOrdersFile(`${DIR}/ok-bom-crlf.csv`, 'executed');
    expect(rows).toEqual([
      {
        line: 2,
        order: expect.objectContaining({
          account: 'main',
          symbol: 'BTC-USD',
          quantity: 0.05,
          status: 'executed',
        }),
      },
    ]);
  });

  it('a missing file is an InputError naming it', async () => {
    await expect(readOrdersFile(`${DIR}/nope.csv`, 'proposed')).rejects.toThrow(
      `${DIR}/nope.csv: file not found`,
    );
  });
});
