import { describe, expect, it } from 'vitest';
import { parseOrdersCsv } from '../adapters/orders/orders-csv.ts';
import { ORDERS_CSV_HEADER, toOrdersCsv } from './rebalance-document.ts';

describe('orders CSV', () => {
  it('keeps the journal header and quotes cells that hold commas or quotes', () => {
    const order = {
      account: 'Kiwoom, "ISA"',
      symbol: '6954.T',
      side: 'buy' as const,
      quantity: 100,
      price: 4071,
      currency: 'JPY',
      value: 407_100,
      valueBase: 2558.49,
    };
    expect(toOrdersCsv({ orders: [{ ...order, name: null, priceDate: null, sleeve: 'physical-ai' }] })).toBe(
      `"account","symbol","side","quantity","price","currency","value","valueBase"\n"Kiwoom, ""ISA""",6954.T,buy,100,4071,JPY,407100,2558.49\n`,
    );
    expect(ORDERS_CSV_HEADER).toBe('account,symbol,side,quantity,price,currency,value,valueBase');
  });

  it('neutralises account and symbol cells a spreadsheet would run as formulas, and reads them back', () => {
    const order = {
      symbol: 'NVDA',
      side: 'buy' as const,
      quantity: 1,
      price: 100,
      currency: 'USD',
      value: 100,
      valueBase: 140_000,
    };
    const accounts = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', 'ok'];
    const csv = toOrdersCsv({ orders: accounts.map((account) => ({ ...order, account })) });
    expect(csv.split('\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""x"")",NVDA,buy,1,100,USD,100,140000`,
      `"'+1+1",NVDA,buy,1,100,USD,100,140000`,
      `"'-2+3",NVDA,buy,1,100,USD,100,140000`,
      `"'@SUM(A1)",NVDA,buy,1,100,USD,100,140000`,
      `"'\tTab",NVDA,buy,1,100,USD,100,140000`,
      'ok,NVDA,buy,1,100,USD,100,140000',
    ]);
    // The journal reads the file back (journal record --orders): the accounts are what they were.
    expect(parseOrdersCsv(csv, 'orders.csv', 'proposed').map((o) => o.account)).toEqual(accounts);
  });
});
