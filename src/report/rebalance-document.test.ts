import { describe, expect, it } from 'vitest';
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
      `${ORDERS_CSV_HEADER}\n"Kiwoom, ""ISA""",6954.T,buy,100,4071,JPY,407100,2558.49\n`,
    );
    expect(ORDERS_CSV_HEADER).toBe('account,symbol,side,quantity,price,currency,value,valueBase');
  });
});
