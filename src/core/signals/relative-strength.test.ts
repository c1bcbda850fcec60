import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
import { toDay } from '../dates.ts';
import type { PriceContext } from './basket.ts';
import { relativeStrength } from './relative-strength.ts';

const market = marketOf({
  prices: {
    AAA: [
      ['2026-01-02', 100],
      ['2026-01-15', 99],
      ['2026-02-02', 110],
    ],
    SPY: [
      ['2025-11-03', 380],
      ['2026-01-02', 400],
      ['2026-01-15', 396],
      ['2026-02-02', 420],
    ],
  },
});
const ctx: PriceContext = { market, currencyOf: () => 'USD', base: 'USD' };
const AS_OF = toDay('2026-02-02');

describe('relativeStrength', () => {
  const [one, three] = relativeStrength(
    ctx,
    [{ symbol: 'AAA', weight: 1 }],
    [{ symbol: 'SPY', weight: 1 }],
    AS_OF,
    [1, 3],
    { calendar: market.prices.get('SPY')?.days as Int32Array, months: 1 },
  );

  it('is the return difference and the growth ratio over the window', () => {
    // 2026-01-02 → 2026-02-02: AAA 100 → 110 = +10%; SPY 400 → 420 = +5%.
    // excess = 0.10 − 0.05 = 0.05; ratio = 1.10 / 1.05 = 1.047619…
    expect(one?.start).toBe('2026-01-02');
    expect(one?.end).toBe('2026-02-02');
    expect(one?.excess).toBeCloseTo(0.05, 12);
    expect(one?.ratio).toBeCloseTo(1.1 / 1.05, 12);
  });

  it('gives a path for the asked window: basket, benchmark and their ratio', () => {
    // 2026-01-15: AAA 99/100 = 0.99, SPY 396/400 = 0.99, relative 1.
    expect(one?.path?.map((p) => p.date)).toEqual(['2026-01-02', '2026-01-15', '2026-02-02']);
    expect(one?.path?.[1]).toMatchObject({ basket: 0.99, benchmark: 0.99, relative: 1 });
    expect(one?.path?.[2]?.relative).toBeCloseTo(1.1 / 1.05, 12);
  });

  it('has no figure when the basket has no history at the window start, and says which member', () => {
    // 3 months back is 2025-11-02: AAA's first close is 2026-01-02 and SPY's 2025-11-03, both after it.
    expect(three?.start).toBe('2025-11-02');
    expect(three?.excess).toBeUndefined();
    expect(three?.basket.dropped).toEqual([{ symbol: 'AAA', reason: 'no-close-at-start' }]);
    expect(three?.benchmark.dropped).toEqual([{ symbol: 'SPY', reason: 'no-close-at-start' }]);
    expect(three?.path).toBeUndefined();
  });
});
