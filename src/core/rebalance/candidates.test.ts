import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
import { AS_OF, holdingsOf, inst, model } from '../../../test/support/rebalance.ts';
import { rebalanceWarningText } from '../../i18n/rebalance.ts';
import { toDay } from '../dates.ts';
import type { Model } from '../model.ts';
import { buildUniverse } from '../universe.ts';
import { isBlocking } from './freshness.ts';
import { rebalancePortfolio } from './rebalance.ts';

const universe = buildUniverse([
  inst('NVDA', 'mag7-selected', 'USD', { mag7: true }),
  inst('6954.T', 'physical-ai', 'JPY', { lot: 100 }),
  inst('CEG', 'energy', 'USD'),
  inst('005930.KS', 'emerging', 'KRW'),
  inst('LMT', 'defense', 'USD'),
  inst('RTX', 'defense', 'USD'),
  inst('NOC', 'defense', 'USD'),
]);

const withDefense = (candidates: string[]): Model => ({
  ...model,
  sleeves: model.sleeves.map((s) => (s.id === 'defense' ? { ...s, candidates } : s)),
});

// As of Fri 2026-05-29. LMT's last close is Tue 2026-05-12: 13–15, 18–22 and 25–29 May are 3 + 5 + 5 = 13 trading
// days, more than the 10 that block a rebalance. RTX and NOC closed on the as-of date.
const market = (lmtDate = '2026-05-12', rtxDate = AS_OF) =>
  marketOf({
    prices: {
      NVDA: [[AS_OF, 100]],
      '6954.T': [[AS_OF, 4_000]],
      CEG: [[AS_OF, 300]],
      '005930.KS': [[AS_OF, 50_000]],
      LMT: [[lmtDate, 500]],
      RTX: [[rtxDate, 100]],
      NOC: [[AS_OF, 500]],
    },
    fx: { USDKRW: [[AS_OF, 1_000]], USDJPY: [[AS_OF, 100]] },
  });

// NVDA 250 × 100 = 25,000; CEG 70 × 300 = 21,000; Samsung 280 × 50,000 KRW = 14,000; Fanuc 700 × 4,000 JPY = 28,000;
// cash 12,000 USD: 100,000. Every sleeve but defense is within its band (25/28/21/14%); defense 0% of a 5% target:
// 5,000 USD to buy, and the cash (12%) pays for it.
const holdings = holdingsOf([
  ['A', 'NVDA', 250],
  ['A', 'CEG', 70],
  ['A', '005930.KS', 280],
  ['A', '6954.T', 700],
  ['A', 'CASH', 12_000, 'USD'],
]);

const run = (candidates: string[], m = market()) =>
  rebalancePortfolio({
    holdings,
    universe,
    model: withDefense(candidates),
    market: m,
    base: 'USD',
    asOf: toDay(AS_OF),
    mode: 'full',
  });

describe('filling an empty sleeve prefers candidates with fresh closes', () => {
  it('passes over a stale first candidate for the next fresh ones, and warns with its date', () => {
    const r = run(['LMT', 'RTX', 'NOC']);
    // LMT is skipped; RTX and NOC share the 5,000: 2,500 / 100 = 25 RTX, 2,500 / 500 = 5 NOC.
    expect(r.orders.map((o) => [o.account, o.side, o.symbol, o.quantity, o.value])).toEqual([
      ['A', 'buy', 'RTX', 25, 2_500],
      ['A', 'buy', 'NOC', 5, 2_500],
    ]);
    // Nothing the orders rest on is stale, so the command will not refuse.
    expect(isBlocking(r.freshness)).toBe(false);
    const stale = r.warnings.filter((w) => w.code === 'candidate-stale');
    expect(stale).toEqual([
      {
        code: 'candidate-stale',
        message:
          'defense: passed over LMT, whose last close (2026-05-12) is 13 trading days old, for fresh candidates (RTX, NOC)',
        sleeve: 'defense',
        symbol: 'LMT',
        date: '2026-05-12',
        age: 13,
        params: { symbol: 'LMT', date: '2026-05-12', age: 13, instead: 'RTX, NOC' },
      },
    ]);
    // Said once, by its own warning: no "had no usable price" substitution on top.
    expect(r.warnings.map((w) => w.code)).not.toContain('candidate-substituted');
    expect(rebalanceWarningText(stale[0] as (typeof stale)[number], 'ko')).toBe(
      '방산·보안 AI: LMT의 최근 종가가 2026-05-12(13거래일 전)로 너무 오래되어 건너뛰고, 최신 가격이 있는 후보(RTX, NOC)를 삽니다.',
    );
  });

  it('a close exactly 10 trading days old is not stale: LMT is kept', () => {
    // Fri 2026-05-15 → 18–22 and 25–29 May = 10 trading days: a warning, not an error (health.ts).
    const r = run(['LMT', 'RTX', 'NOC'], market('2026-05-15'));
    // 5,000 / 3 = 1,666.67 each: LMT 3 (1,500), RTX 16 (1,600), NOC 3 (1,500). Only the defense orders are this test's
    // subject: the plan also buys one Fanuc lot here, as it does when all three closes are from the as-of date.
    const defense = r.orders.filter((o) => ['LMT', 'RTX', 'NOC'].includes(o.symbol));
    expect(defense.map((o) => [o.symbol, o.quantity])).toEqual([
      ['RTX', 16],
      ['LMT', 3],
      ['NOC', 3],
    ]);
    expect(r.warnings.map((w) => w.code)).not.toContain('candidate-stale');
  });

  it('with no fresh candidate at all buys the stale ones as before, and the freshness check blocks', () => {
    // LMT and RTX both closed 2026-05-12 (13 trading days): 2,500 / 500 = 5 LMT, 2,500 / 100 = 25 RTX.
    const r = run(['LMT', 'RTX'], market('2026-05-12', '2026-05-12'));
    expect(r.orders.map((o) => [o.symbol, o.quantity])).toEqual([
      ['LMT', 5],
      ['RTX', 25],
    ]);
    expect(r.warnings.map((w) => w.code)).not.toContain('candidate-stale');
    expect(isBlocking(r.freshness)).toBe(true);
    expect(r.freshness.prices.filter((p) => p.staleness === 'error').map((p) => [p.symbol, p.age])).toEqual([
      ['LMT', 13],
      ['RTX', 13],
    ]);
  });
});
