import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
import { toDay } from '../dates.ts';
import type { PriceContext } from './basket.ts';
import { MAG7_BASKET, SP500_BASKET } from './baskets.ts';
import type { ShareModel } from './mag7-share.ts';
import { backcheck, estimateShare, shareSeries } from './mag7-share.ts';

const DATES = ['2024-06-28', '2024-12-31', '2026-02-27', '2026-03-31'];
// Closes on the four dates. At the anchor (2026-02-27) every Mag7 name is 100 and SPY 200.
const CLOSES: Record<string, number[]> = {
  AAPL: [80, 90, 100, 110],
  MSFT: [80, 90, 100, 100],
  GOOGL: [80, 90, 100, 90],
  AMZN: [80, 90, 100, 120],
  META: [80, 90, 100, 100],
  NVDA: [80, 97, 100, 130],
  TSLA: [80, 90, 100, 80],
  SPY: [160, 170, 200, 210],
};
const market = marketOf({
  prices: Object.fromEntries(
    Object.entries(CLOSES).map(([s, v]) => [s, DATES.map((d, i) => [d, v[i] as number] as [string, number])]),
  ),
});
const ctx: PriceContext = { market, currencyOf: () => 'USD', base: 'USD' };
const model: ShareModel = {
  ctx,
  anchor: { day: toDay('2026-02-27'), share: 0.285 },
  mag7: MAG7_BASKET,
  sp500: SP500_BASKET,
};
const calendar = market.prices.get('SPY')?.days as Int32Array;

describe('estimateShare', () => {
  it('carries the anchor by the Mag7 index move over the S&P 500 move', () => {
    // M(t)/M(t0) = (1.1 + 1.0 + 0.9 + 1.2 + 1.0 + 1.3 + 0.8) / 7 = 7.3 / 7 = 1.0428571…
    // S(t)/S(t0) = 210 / 200 = 1.05; share = 0.285 × 1.0428571 / 1.05 = 0.285 × 7.3 / 7.35 = 0.2830612…
    const r = estimateShare(model, toDay('2026-03-31'));
    if (!('estimate' in r)) throw new Error('expected an estimate');
    expect(r.estimate.mag7Ratio).toBeCloseTo(7.3 / 7, 12);
    expect(r.estimate.sp500Ratio).toBeCloseTo(1.05, 12);
    expect(r.estimate.share).toBeCloseTo((0.285 * 7.3) / 7.35, 12);
  });

  it('is the anchor itself on the anchor date', () => {
    const r = estimateShare(model, toDay('2026-02-27'));
    expect('estimate' in r && r.estimate.share).toBeCloseTo(0.285, 12);
  });

  it('gives no estimate (rather than re-weighting) when a member has no close', () => {
    const r = estimateShare(model, toDay('2024-01-02'));
    expect('missing' in r && r.missing.length).toBe(8); // all seven and SPY start 2024-06-28
  });
});

describe('backcheck', () => {
  it('compares the estimate’s peak in the reading’s year, and the estimate on its date, with the reading', () => {
    // 2024-06-28: M = 0.8, S = 160/200 = 0.8 → 0.285.
    // 2024-12-31: M = (6 × 0.9 + 0.97) / 7 = 0.91, S = 170/200 = 0.85 → 0.285 × 0.91 / 0.85 = 0.3051176…
    // Peak = 0.3051176 on 2024-12-31; against 32.0%: 0.3051176 − 0.32 = −0.0148824.
    const b = backcheck(model, calendar, { day: toDay('2024-12-31'), share: 0.32 });
    expect(b.peak?.date).toBe('2024-12-31');
    expect(b.peak?.share).toBeCloseTo((0.285 * 0.91) / 0.85, 12);
    expect(b.peakDifference).toBeCloseTo((0.285 * 0.91) / 0.85 - 0.32, 12);
    expect(b.atDateDifference).toBeCloseTo((0.285 * 0.91) / 0.85 - 0.32, 12);
  });

  it('series: one estimate per calendar day in range', () => {
    const s = shareSeries(model, calendar, toDay('2024-01-01'), toDay('2024-12-31'));
    expect(s.map((e) => e.date)).toEqual(['2024-06-28', '2024-12-31']);
    expect(s[0]?.share).toBeCloseTo(0.285, 12);
  });
});
