import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import type { JournalOrder } from '../../core/journal.ts';
import type { HeldPosition, LocatedOrder } from './against-holdings.ts';
import { checkOrdersAgainstHoldings } from './against-holdings.ts';

const HOLDINGS: HeldPosition[] = [
  { account: '키움 위탁', symbol: '005930.KS', quantity: 150 },
  { account: '미국주식', symbol: 'AAPL', quantity: 60 },
  { account: '미국주식', symbol: 'CASH', quantity: 1850.5 },
  { account: 'crypto', symbol: 'BTC-USD', quantity: 0.3 },
];

const order = (over: Partial<JournalOrder>): JournalOrder => ({
  account: '미국주식',
  symbol: 'AAPL',
  side: 'sell',
  quantity: 10,
  price: 300,
  currency: 'USD',
  value: 3000,
  valueBase: 3000,
  status: 'proposed',
  ...over,
});
const at = (line: number, over: Partial<JournalOrder>): LocatedOrder => ({ line, order: order(over) });
const check = (orders: LocatedOrder[]) =>
  problemOf(() => checkOrdersAgainstHoldings(orders, HOLDINGS, 'orders.csv'));

describe('checkOrdersAgainstHoldings', () => {
  it('accepts sells up to the holding and buys of symbols not held', () => {
    expect(() =>
      checkOrdersAgainstHoldings(
        [
          at(2, { quantity: 60 }), // all 60 AAPL
          at(3, { account: '키움 위탁', symbol: '000660.KS', side: 'buy', quantity: 2 }), // not held: a new position
          // 0.1 + 0.2 = 0.30000000000000004 in floating point: still "all of 0.3"
          at(4, { account: 'crypto', symbol: 'BTC-USD', quantity: 0.1 }),
          at(5, { account: 'crypto', symbol: 'BTC-USD', quantity: 0.2 }),
        ],
        HOLDINGS,
        'orders.csv',
      ),
    ).not.toThrow();
  });

  it('an account the holdings do not have: file, line, column 1 and the accounts it could be', () => {
    expect(check([at(2, { quantity: 1 }), at(3, { account: '없는계좌', side: 'buy' })])).toEqual({
      file: 'orders.csv',
      line: 3,
      column: 1,
      message: 'account "없는계좌" is not among the holdings\' accounts',
      expected: 'one of: 키움 위탁, 미국주식, crypto',
      hint: 'record the orders with the holdings they were computed from',
      ko: {
        message: '계좌 "없는계좌"는 보유 내역의 계좌가 아닙니다',
        expected: '다음 중 하나: 키움 위탁, 미국주식, crypto',
        hint: '주문을 계산한 그 보유 내역과 함께 기록하세요',
      },
    });
  });

  it('sells adding up to more than the account holds: the row that goes over, column 4', () => {
    // 40 + 30 = 70 > 60 held
    expect(check([at(2, { quantity: 40 }), at(3, { quantity: 30 })])).toMatchObject({
      line: 3,
      column: 4,
      message: 'sells 70 AAPL in "미국주식" (with the sells above), but the account holds 60',
      expected: 'at most 60 units sold',
    });
  });

  it('a sell of a symbol the account does not hold (held in another account) is refused', () => {
    expect(check([at(2, { account: '키움 위탁', symbol: 'AAPL', currency: 'KRW' })])).toMatchObject({
      line: 2,
      message: 'sells 10 AAPL in "키움 위탁", but the account holds 0',
    });
  });

  it('orders passed in memory (the dashboard) are named by position', () => {
    const p = problemOf(() =>
      checkOrdersAgainstHoldings([{ order: order({ quantity: 61 }) }], HOLDINGS, undefined),
    );
    expect(p).toMatchObject({
      file: undefined,
      line: undefined,
      message: 'order 1: sells 61 AAPL in "미국주식", but the account holds 60',
    });
  });
});
