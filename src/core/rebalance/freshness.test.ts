import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
import { holdingsOf, model, universe } from '../../../test/support/rebalance.ts';
import { loadSolver } from '../../adapters/highs-solver.ts';
import { toDay } from '../dates.ts';
import type { FxSeries, MarketData } from '../market.ts';
import { isBlocking, staleDataError, staleDataWarnings } from './freshness.ts';
import { rebalancePortfolio } from './rebalance.ts';

const solver = await loadSolver();
const rebalanceWith = (input: Parameters<typeof rebalancePortfolio>[0]) => rebalancePortfolio(input, solver);

// As of Tue 2026-06-16. Closes: NVDA Mon 06-15 (1 trading day), 6954.T Fri 06-12 (2), 005930.KS 06-16 (0), LMT Fri
// 06-05 (8–12, 15, 16 June = 7: a warning), CEG Fri 05-29 (1–5, 8–12, 15, 16 June = 12: an error). 012450.KS has no
// close at all. USDKRW daily on 06-16; USDJPY only as April's monthly average (used from Thu 04-30: 21 weekdays of
// May + 12 of June = 33, and May is the previous completed month, so April's average is an error).
function staleWorld(): MarketData {
  const m = marketOf({
    prices: {
      NVDA: [['2026-06-15', 100]],
      CEG: [['2026-05-29', 300]],
      '6954.T': [['2026-06-12', 4_000]],
      '005930.KS': [['2026-06-16', 50_000]],
      LMT: [['2026-06-05', 500]],
    },
    fx: { USDKRW: [['2026-06-16', 1_000]] },
  });
  const jpy = marketOf({ fx: { USDJPY: [['2026-04-01', 100]] }, fxKind: 'monthly-average' }).fx.get('USDJPY');
  return { ...m, fx: new Map([...m.fx, ['USDJPY', jpy as FxSeries[]]]) };
}

// The five listings held (NVDA, CEG, LMT, 6954.T in JPY, 005930.KS in KRW) and 30,000 USD cash. Whatever the solver
// orders, it can only be among these five (no other listing has a close), so the closes the orders rest on are
// exactly the five held, and the rates those into USD.
const run = () =>
  rebalanceWith({
    holdings: holdingsOf([
      ['US', 'NVDA', 100],
      ['US', 'CEG', 10],
      ['US', 'LMT', 5],
      ['US', '6954.T', 100],
      ['US', '005930.KS', 10],
      ['US', 'CASH', 30_000, 'USD'],
    ]),
    universe,
    model,
    market: staleWorld(),
    base: 'USD',
    asOf: toDay('2026-06-16'),
    mode: 'full',
  });

describe('rebalance freshness', () => {
  it('lists the closes held and ordered and the rates into the base and for each conversion, worst first', () => {
    const r = run();
    const held = new Set(['NVDA', 'CEG', 'LMT', '6954.T', '005930.KS']);
    for (const o of r.orders) expect(held.has(o.symbol)).toBe(true);
    expect(r.freshness.prices).toEqual([
      { symbol: 'CEG', last: '2026-05-29', age: 12, staleness: 'error' },
      { symbol: 'LMT', last: '2026-06-05', age: 7, staleness: 'warning' },
      { symbol: '6954.T', last: '2026-06-12', age: 2, staleness: 'fresh' },
      { symbol: 'NVDA', last: '2026-06-15', age: 1, staleness: 'fresh' },
      { symbol: '005930.KS', last: '2026-06-16', age: 0, staleness: 'fresh' },
    ]);
    // The USD→JPY conversion reads the same series as JPY→USD valuation: one entry.
    expect(r.freshness.fx).toEqual([
      {
        from: 'JPY',
        to: 'USD',
        last: '2026-04-30',
        age: 33,
        kind: 'monthly-average',
        source: 'test:USDJPY',
        staleness: 'error',
      },
      {
        from: 'KRW',
        to: 'USD',
        last: '2026-06-16',
        age: 0,
        kind: 'daily',
        source: 'test:USDKRW',
        staleness: 'fresh',
      },
    ]);
    expect(isBlocking(r.freshness)).toBe(true);
  });

  it('refuses with every blocking close and rate, its date and age, and the ways out', () => {
    const e = staleDataError(run().freshness, '2026-06-16');
    expect(e.problem.message).toBe(
      'will not rebalance as of 2026-06-16 on stale data: CEG: last close 2026-05-29, 12 trading days old; ' +
        'JPY→USD: monthly average of 2026-04-30, 33 trading days old',
    );
    expect(e.problem.hint).toContain('dispersion data update');
    expect(e.problem.hint).toContain('--prices');
    expect(e.problem.hint).toContain('--allow-stale');
  });

  it('with --allow-stale, turns each blocking close and rate into a warning (warnings are not repeated)', () => {
    const w = staleDataWarnings(run().freshness);
    expect(w.map((x) => (x.code === 'stale-allowed' ? [x.code, x.what, x.date, x.age] : []))).toEqual([
      ['stale-allowed', 'CEG', '2026-05-29', 12],
      ['stale-allowed', 'JPY→USD', '2026-04-30', 33],
    ]);
  });

  it('does not block on warnings alone', () => {
    const r = rebalanceWith({
      holdings: holdingsOf([['US', 'NVDA', 100]]),
      universe,
      model,
      market: staleWorld(),
      base: 'USD',
      // Fri 06-19: NVDA (Mon 06-15) is 4 trading days old → a warning only.
      asOf: toDay('2026-06-19'),
      // No cash and nothing sold: no order, so the run rests on NVDA's close alone.
      mode: 'cash-only',
    });
    expect(r.freshness.prices).toEqual([
      { symbol: 'NVDA', last: '2026-06-15', age: 4, staleness: 'warning' },
    ]);
    expect(r.freshness.fx).toEqual([]);
    expect(isBlocking(r.freshness)).toBe(false);
  });
});
