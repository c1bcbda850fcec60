import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
import { toDay } from '../dates.ts';
import type { PriceContext } from './basket.ts';
import { basketPath, basketReturn } from './basket.ts';

// Closes on 2026-01-02 (start) and 2026-02-02 (end); KRW is converted with USDKRW.
const market = marketOf({
  prices: {
    AAA: [
      ['2026-01-02', 100],
      ['2026-01-15', 120],
      ['2026-02-02', 110],
    ],
    BBB: [
      ['2026-01-02', 50],
      ['2026-02-02', 45],
    ],
    'KKK.KS': [
      ['2026-01-02', 1000],
      ['2026-02-02', 1100],
    ],
    LATE: [['2026-01-20', 10]], // listed after the start
    GONE: [
      ['2025-12-01', 10],
      ['2026-01-02', 11],
    ], // last close a month before the end
  },
  fx: {
    USDKRW: [
      ['2026-01-02', 1250],
      ['2026-02-02', 1100],
    ],
  },
});
const currencies: Record<string, string> = {
  AAA: 'USD',
  BBB: 'USD',
  'KKK.KS': 'KRW',
  LATE: 'USD',
  GONE: 'USD',
};
const ctx: PriceContext = { market, currencyOf: (s) => currencies[s], base: 'USD' };
const START = toDay('2026-01-02');
const END = toDay('2026-02-02');

describe('basketReturn', () => {
  it('is the weighted average of member returns', () => {
    // AAA 100 → 110 = +10%, BBB 50 → 45 = −10%; 0.6 × 0.10 + 0.4 × (−0.10) = 0.02.
    const r = basketReturn(
      ctx,
      [
        { symbol: 'AAA', weight: 0.6 },
        { symbol: 'BBB', weight: 0.4 },
      ],
      START,
      END,
    );
    expect(r.return).toBeCloseTo(0.02, 12);
    expect(r.members[0]?.return).toBeCloseTo(0.1, 12);
    expect(r.members[1]?.return).toBeCloseTo(-0.1, 12);
    expect(r.dropped).toEqual([]);
  });

  it('converts a KRW listing to USD at each date’s rate', () => {
    // Start 1000 KRW / 1250 = $0.80; end 1100 KRW / 1100 = $1.00; return 1.00 / 0.80 − 1 = +25%.
    const r = basketReturn(ctx, [{ symbol: 'KKK.KS', weight: 1 }], START, END);
    expect(r.return).toBeCloseTo(0.25, 12);
    expect(r.members[0]?.start).toMatchObject({ close: 1000, fxRate: 1 / 1250, fxDate: '2026-01-02' });
    expect(r.members[0]?.end).toMatchObject({ close: 1100, fxRate: 1 / 1100, value: 1 });
  });

  it('drops members without history in the window, says why, and spreads their weight', () => {
    // LATE has no close on or before the start; GONE's last close (2026-01-02) is 31 days before the end (> 14).
    // AAA and BBB keep 0.3 and 0.2 of 0.5: 0.6 × 0.10 + 0.4 × (−0.10) = 0.02 again.
    const r = basketReturn(
      ctx,
      [
        { symbol: 'AAA', weight: 0.3 },
        { symbol: 'LATE', weight: 0.3 },
        { symbol: 'BBB', weight: 0.2 },
        { symbol: 'GONE', weight: 0.1 },
        { symbol: 'NONE', weight: 0.1 },
      ],
      START,
      END,
    );
    expect(r.return).toBeCloseTo(0.02, 12);
    expect(r.members.map((m) => [m.symbol, m.effectiveWeight])).toEqual([
      ['AAA', 0.6],
      ['BBB', 0.4],
    ]);
    expect(r.dropped).toEqual([
      { symbol: 'LATE', reason: 'no-close-at-start' },
      { symbol: 'GONE', reason: 'stale-close', date: '2026-01-02' },
      { symbol: 'NONE', reason: 'no-prices' },
    ]);
  });

  it('has no return when every member is dropped', () => {
    const r = basketReturn(ctx, [{ symbol: 'LATE', weight: 1 }], START, END);
    expect(r.return).toBeUndefined();
  });

  it('drops a member whose currency is unknown or cannot be converted', () => {
    const odd: PriceContext = { ...ctx, currencyOf: (s) => (s === 'AAA' ? undefined : 'CHF') };
    const r = basketReturn(
      odd,
      [
        { symbol: 'AAA', weight: 0.5 },
        { symbol: 'BBB', weight: 0.5 },
      ],
      START,
      END,
    );
    expect(r.dropped.map((d) => d.reason)).toEqual(['unknown-currency', 'no-fx-rate']);
  });
});

describe('basketPath', () => {
  it('starts at 1, follows the calendar and ends at 1 + the return', () => {
    const members = [
      { symbol: 'AAA', weight: 0.5 },
      { symbol: 'BBB', weight: 0.5 },
    ];
    const r = basketReturn(ctx, members, START, END);
    const calendar = market.prices.get('AAA')?.days as Int32Array;
    const path = basketPath(ctx, r, calendar, START, END);
    // 2026-01-15: AAA 120/100 = 1.2, BBB still 50/50 = 1: 0.5 × 1.2 + 0.5 × 1 = 1.1.
    // 2026-02-02: 0.5 × 1.1 + 0.5 × 0.9 = 1.0 = 1 + (0.5 × 0.1 + 0.5 × −0.1).
    expect(path.map((p) => p.date)).toEqual(['2026-01-02', '2026-01-15', '2026-02-02']);
    expect(path[0]?.value).toBe(1);
    expect(path[1]?.value).toBeCloseTo(1.1, 12);
    expect(path[2]?.value).toBeCloseTo(1 + (r.return as number), 12);
  });
});
