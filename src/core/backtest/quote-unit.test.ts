/**
 * The backtester reads a close's unit as valuation does: a series without a currency (bundled, --prices) is in the
 * universe's quote unit (RR.L: pence); a series that states its currency (the fetched cache) is in that major unit.
 * Levels matter, not only returns: whole-share runs buy lots at these prices.
 */
import { describe, expect, it } from 'vitest';
import { series } from '../../../test/support/market.ts';
import { ROLLS_ROYCE } from '../../../test/support/universe.ts';
import type { FxSeries, MarketData, PriceSeries } from '../market.ts';
import { buildUniverse } from '../universe.ts';
import { backtest } from './backtest.ts';
import { parseWeights } from './weights.ts';

const universe = buildUniverse([ROLLS_ROYCE]);

const gbpusd: FxSeries = {
  ...series([
    ['2026-11-19', 1.25],
    ['2026-11-20', 1.25],
  ]),
  base: 'GBP',
  quote: 'USD',
  kind: 'daily',
};

const run = (rr: PriceSeries) => {
  const market: MarketData = {
    prices: new Map([['RR.L', rr]]),
    dividends: new Map(),
    fx: new Map([['GBPUSD', [gbpusd]]]),
  };
  return backtest({
    market,
    universe,
    base: 'USD',
    portfolio: parseWeights('RR.L=1'),
    settings: { initial: 1_000, fractional: false },
  });
};

describe('backtest quote units', () => {
  // Either way RR.L costs 10 then 11 GBP, i.e. 12.50 then 13.75 USD at 1.25: 1,000 USD buys 80 whole shares (1,000 /
  // 12.50 = 80), worth 80 × 13.75 = 1,100 USD on the second day.
  it('reads a pence file through the universe quote unit', () => {
    const r = run(
      series([
        ['2026-11-19', 1_000],
        ['2026-11-20', 1_100],
      ]),
    );
    expect(r.prepared.currencies).toEqual(['GBP']);
    expect(Array.from(r.prepared.prices[0] as Float64Array)).toEqual([12.5, 13.75]);
    expect(r.portfolio.final).toBeCloseTo(1_100, 9);
  });

  it('reads a cached GBP series as pounds', () => {
    const r = run({
      ...series([
        ['2026-11-19', 10],
        ['2026-11-20', 11],
      ]),
      currency: 'GBP',
    });
    expect(r.prepared.currencies).toEqual(['GBP']);
    expect(Array.from(r.prepared.prices[0] as Float64Array)).toEqual([12.5, 13.75]);
    expect(r.portfolio.final).toBeCloseTo(1_100, 9);
  });
});
