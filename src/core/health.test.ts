import { describe, expect, it } from 'vitest';
import { marketOf, series } from '../../test/support/market.ts';
import { toDay } from './dates.ts';
import { findGaps, fxFreshness, priceFreshness, roundRatio, seriesHealth } from './health.ts';
import type { FxSeries, MarketData } from './market.ts';
import { classifyStaleness, fxStaleness } from './staleness.ts';

// Calendar used below (2026): Mon 2 Nov, Mon 9 Nov, Mon 16 Nov, Mon 23 Nov, Wed 25 Nov.

describe('staleness', () => {
  it('uses the check thresholds: >3 trading days warns, >10 is an error', () => {
    expect(classifyStaleness(null)).toBe('missing');
    expect(classifyStaleness(0)).toBe('fresh');
    expect(classifyStaleness(3)).toBe('fresh');
    expect(classifyStaleness(4)).toBe('warning');
    expect(classifyStaleness(10)).toBe('warning');
    expect(classifyStaleness(11)).toBe('error');
  });

  it('counts weekdays from the last close to the as-of day', () => {
    // Last close Fri 20 Nov; as of Wed 25 Nov: Mon 23, Tue 24, Wed 25 = 3 trading days → fresh.
    const s = series([
      ['2026-11-19', 10],
      ['2026-11-20', 10.5],
    ]);
    const h = seriesHealth(s, toDay('2026-11-25'));
    expect(h).toMatchObject({ first: '2026-11-19', last: '2026-11-20', age: 3, staleness: 'fresh' });
    // As of Thu 26 Nov: 4 trading days → warning.
    expect(seriesHealth(s, toDay('2026-11-26')).staleness).toBe('warning');
  });

  it('ignores closes after the as-of day (no look-ahead)', () => {
    const s = series([
      ['2026-11-02', 10],
      ['2026-11-24', 11],
    ]);
    // As of Mon 16 Nov only the 2 Nov close counts: 3..6, 9..13, 16 = 10 weekdays → warning.
    expect(seriesHealth(s, toDay('2026-11-16'))).toMatchObject({
      last: '2026-11-02',
      age: 10,
      staleness: 'warning',
    });
  });

  it('calls a series with nothing on or before the day missing', () => {
    expect(seriesHealth(undefined, toDay('2026-11-25')).staleness).toBe('missing');
    expect(seriesHealth(series([['2026-12-01', 5]]), toDay('2026-11-25'))).toMatchObject({
      first: null,
      staleness: 'missing',
    });
  });

  it('the bundled data end (Fri 29 May 2026) is an error by 25 Nov 2026', () => {
    // June..Nov 24: far beyond 10 trading days.
    expect(seriesHealth(series([['2026-05-29', 100]]), toDay('2026-11-25')).staleness).toBe('error');
  });
});

describe('split-like jumps', () => {
  it('flags an unadjusted 2:1 split (the price halves) and a 1:10 reverse split', () => {
    const s = series([
      ['2026-11-02', 200],
      ['2026-11-03', 100.8], // 100.8 / 200 = 0.504; × 2 = 1.008, within 2% of 2:1
      ['2026-11-04', 101],
      ['2026-11-05', 1015], // 1015 / 101 = 10.05, within 2% of 1:10
    ]);
    const h = seriesHealth(s, toDay('2026-11-05'));
    expect(h.jumps.map((j) => [j.date, j.reason, j.ratio])).toEqual([
      ['2026-11-03', 'split-ratio', '2:1'],
      ['2026-11-05', 'split-ratio', '1:10'],
    ]);
    expect(h.jumps[0]).toMatchObject({ previousDate: '2026-11-02', from: 200, to: 100.8 });
  });

  it('flags a bad tick that reverts, not a real move that stays', () => {
    const s = series([
      ['2026-11-02', 50],
      ['2026-11-03', 80], // +60%, and the next close 52 is within 20% of 50 → reverts
      ['2026-11-04', 52],
      ['2026-11-05', 30], // 30 / 52 = 0.577: −42%, inside ±45% → not a jump
      ['2026-11-06', 16], // 16 / 30 = 0.533: −47%, no round ratio (×2 = 1.067), and it stays → not flagged
      ['2026-11-09', 15.5],
    ]);
    const jumps = seriesHealth(s, toDay('2026-11-09')).jumps;
    expect(jumps).toHaveLength(1);
    expect(jumps[0]).toMatchObject({ date: '2026-11-03', reason: 'reverts', from: 50, to: 80 });
    expect(jumps[0]?.move).toBeCloseTo(1.6, 12);
  });

  it('matches ratios within 2% only', () => {
    expect(roundRatio(0.5)).toBe('2:1');
    expect(roundRatio(1 / 3)).toBe('3:1');
    expect(roundRatio(0.02)).toBe('50:1');
    expect(roundRatio(0.1 * 1.019)).toBe('10:1');
    expect(roundRatio(0.1 * 1.021)).toBeUndefined();
    expect(roundRatio(0.6)).toBeUndefined();
  });
});

describe('gaps', () => {
  it('lists each stretch of more than 7 calendar days between closes', () => {
    const days = ['2026-11-02', '2026-11-09', '2026-11-10', '2026-11-20', '2026-11-23'].map(toDay);
    // 2→9 is exactly 7 days: allowed. 10→20 is 10 days: a gap.
    expect(findGaps(days)).toEqual([{ from: '2026-11-10', to: '2026-11-20', calendarDays: 10 }]);
  });
});

describe('priceFreshness', () => {
  it('puts missing and error first, for the rebalancer to refuse on', () => {
    const market = marketOf({
      prices: {
        NEW: [['2026-11-24', 1]],
        OLD: [['2026-05-29', 1]], // weekdays 1 Jun..25 Nov 2026 = 128 (counted with Python's datetime)
        MID: [['2026-11-18', 1]], // Thu 19, Fri 20, Mon 23, Tue 24, Wed 25 = 5 → warning
      },
    });
    const f = priceFreshness(market, ['NEW', 'OLD', 'MID', 'GONE'], toDay('2026-11-25'));
    expect(f.map((x) => [x.symbol, x.staleness, x.age])).toEqual([
      ['GONE', 'missing', null],
      ['OLD', 'error', 128],
      ['MID', 'warning', 5],
      ['NEW', 'fresh', 1],
    ]);
  });
});

describe('FX staleness', () => {
  it('ages a daily rate like a close', () => {
    // Fri 20 Nov → Wed 25 Nov: 3 weekdays → fresh; Fri 6 Nov → Wed 25 Nov: 13 weekdays → error.
    expect(fxStaleness('daily', toDay('2026-11-20'), toDay('2026-11-25'))).toBe('fresh');
    expect(fxStaleness('daily', toDay('2026-11-06'), toDay('2026-11-25'))).toBe('error');
  });

  it('lets last month’s average warn but not block; an older month blocks', () => {
    // April's average (dated Thu 30 Apr) on Fri 29 May: 21 weekdays, but April is the previous completed month → warning.
    expect(fxStaleness('monthly-average', toDay('2026-04-30'), toDay('2026-05-29'))).toBe('warning');
    // On Mon 4 May it is 2 weekdays old → fresh.
    expect(fxStaleness('monthly-average', toDay('2026-04-30'), toDay('2026-05-04'))).toBe('fresh');
    // On Mon 1 Jun the previous completed month is May: April's average is two months behind → error.
    expect(fxStaleness('monthly-average', toDay('2026-04-30'), toDay('2026-06-01'))).toBe('error');
    // Across a year end: December's average on 29 Jan is last month's → warning.
    expect(fxStaleness('monthly-average', toDay('2025-12-31'), toDay('2026-01-29'))).toBe('warning');
  });

  it('judges a conversion by its worst leg, worst conversion first, and says which are missing', () => {
    const fx = (pair: string, rows: [string, number][], kind: FxSeries['kind']): FxSeries => ({
      ...series(rows, `test:${pair}`),
      base: pair.slice(0, 3),
      quote: pair.slice(3),
      kind,
    });
    const market: MarketData = {
      prices: new Map(),
      dividends: new Map(),
      fx: new Map([
        ['USDKRW', [fx('USDKRW', [['2026-11-24', 1400]], 'daily')]],
        // Monthly averages are dated the 1st; fx.ts uses them from their month's last day.
        ['USDJPY', [fx('USDJPY', [['2026-09-01', 150]], 'monthly-average')]],
        ['USDEUR', [fx('USDEUR', [['2026-10-01', 0.9]], 'monthly-average')]],
      ]),
    };
    const f = fxFreshness(
      market,
      [
        { from: 'USD', to: 'KRW' },
        { from: 'JPY', to: 'KRW' }, // cross: JPY→USD (September average) × USD→KRW (daily)
        { from: 'EUR', to: 'KRW' }, // cross: EUR→USD (October average, last month's) × USD→KRW
        { from: 'CHF', to: 'KRW' }, // no CHF series at all
        { from: 'KRW', to: 'KRW' }, // needs no rate: skipped
        { from: 'USD', to: 'KRW' }, // asked twice: listed once
      ],
      toDay('2026-11-25'),
    );
    expect(f).toEqual([
      { from: 'CHF', to: 'KRW', last: null, age: null, kind: null, source: null, staleness: 'missing' },
      // 30 Sep (Wed) → 25 Nov: October 22 weekdays + 1–25 November 18 = 40; September is two months behind → error.
      {
        from: 'JPY',
        to: 'KRW',
        last: '2026-09-30',
        age: 40,
        kind: 'monthly-average',
        source: 'test:USDJPY',
        staleness: 'error',
      },
      // 31 Oct (Sat) → 25 Nov: 18 weekdays, but October is last month → warning.
      {
        from: 'EUR',
        to: 'KRW',
        last: '2026-10-31',
        age: 18,
        kind: 'monthly-average',
        source: 'test:USDEUR',
        staleness: 'warning',
      },
      {
        from: 'USD',
        to: 'KRW',
        last: '2026-11-24',
        age: 1,
        kind: 'daily',
        source: 'test:USDKRW',
        staleness: 'fresh',
      },
    ]);
  });
});
