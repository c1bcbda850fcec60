/**
 * prepareMarket's per-asset pass, by hand. Calendar = union of the two assets' days: 01-02, 01-03, 01-04, 01-05, 01-08
 * (2024; 01-06/07 is a weekend neither trades).
 *
 *   day     AAA (USD)   BBB (GBp, ×0.01)  GBPUSD   BBB in USD
 *   01-02     100          2000            1.25     2000 × 0.01 × 1.25 = 25
 *   01-03     101          (2000)          (1.25)   25
 *   01-04    (101)         2100            1.30     2100 × 0.01 × 1.30 = 27.3
 *   01-05     103          2200            (1.30)   28.6
 *   01-08     104          2300            (1.30)   29.9
 *
 * Dividends: AAA 2.02 on 01-04 (a calendar day AAA did not trade: its carried close 101, ratio 0.02); BBB 46 (pence)
 * on Saturday 01-06 (no calendar day: it takes effect on 01-08, close 2300, ratio 0.02); AAA 1 on 01-02 (the first
 * day, before the first purchase) and BBB 1 on 01-09 (after the end) are left out.
 */
import { describe, expect, it } from 'vitest';
import { marketOf, series } from '../../../test/support/market.ts';
import { monthKey, toDay } from '../dates.ts';
import type { MarketData } from '../market.ts';
import type { Series } from '../series.ts';
import { monthKeys } from './calendar.ts';
import { prepareMarket } from './prepare.ts';

function prepared() {
  const market = marketOf({
    prices: {
      AAA: [
        ['2024-01-02', 100],
        ['2024-01-03', 101],
        ['2024-01-05', 103],
        ['2024-01-08', 104],
      ],
      'BBB.L': [
        ['2024-01-02', 2000],
        ['2024-01-04', 2100],
        ['2024-01-05', 2200],
        ['2024-01-08', 2300],
      ],
    },
    fx: {
      GBPUSD: [
        ['2024-01-02', 1.25],
        ['2024-01-04', 1.3],
      ],
    },
  });
  const dividends = new Map<string, Series>([
    [
      'AAA',
      series([
        ['2024-01-02', 1],
        ['2024-01-04', 2.02],
      ]),
    ],
    [
      'BBB.L',
      series([
        ['2024-01-06', 46],
        ['2024-01-09', 1],
      ]),
    ],
  ]);
  const withDividends: MarketData = { ...market, dividends };
  return prepareMarket({
    market: withDividends,
    assets: [
      { symbol: 'AAA', currency: 'USD', quoteFactor: 1, lot: 1 },
      { symbol: 'BBB.L', currency: 'GBP', quoteFactor: 0.01, lot: 1 },
    ],
    base: 'USD',
  });
}

describe('prepareMarket', () => {
  it('closes carried forward and converted (close × quoteFactor × rate), and rows are the same closes by day', () => {
    const m = prepared();
    expect(Array.from(m.days)).toEqual(
      ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'].map(toDay),
    );
    expect(Array.from(m.prices[0] as Float64Array)).toEqual([100, 101, 101, 103, 104]);
    const bbb = Array.from(m.prices[1] as Float64Array);
    // Bit for bit the product in that order (the table above, to rounding).
    expect(bbb).toEqual([
      2000 * 0.01 * 1.25,
      2000 * 0.01 * 1.25,
      2100 * 0.01 * 1.3,
      2200 * 0.01 * 1.3,
      2300 * 0.01 * 1.3,
    ]);
    for (const [t, v] of [25, 25, 27.3, 28.6, 29.9].entries()) expect(bbb[t]).toBeCloseTo(v, 12);
    // rows[t × 2 + i] = prices[i][t]
    expect(Array.from(m.rows)).toEqual([100, bbb[0], 101, bbb[1], 101, bbb[2], 103, bbb[3], 104, bbb[4]]);
  });

  it('a dividend on a day the asset did not trade, or on no calendar day, uses the close carried to the next calendar day', () => {
    const m = prepared();
    expect(Array.from(m.divDay)).toEqual([2, 4]);
    expect(Array.from(m.divAsset)).toEqual([0, 1]);
    expect(m.divRatio[0]).toBe(2.02 / 101);
    expect(m.divRatio[1]).toBe(46 / 2300);
    expect(m.divRatio[0]).toBeCloseTo(0.02, 15);
    expect(m.divRatio[1]).toBeCloseTo(0.02, 15);
  });
});

describe('monthKeys', () => {
  it('is monthKey of each day across a year end and a leap February', () => {
    // 2023-12-29 → 2023×12+11 = 24287; 2024-01-02 → 24288; 2024-02-29 → 24289; 2024-03-01 → 24290.
    const iso = [
      '2023-12-29',
      '2024-01-02',
      '2024-01-31',
      '2024-02-01',
      '2024-02-29',
      '2024-03-01',
      '2025-01-01',
    ];
    const days = Int32Array.from(iso.map(toDay));
    expect(Array.from(monthKeys(days))).toEqual([24287, 24288, 24288, 24289, 24289, 24290, 2025 * 12]);
    expect(Array.from(monthKeys(days))).toEqual(Array.from(days, monthKey));
  });
});
