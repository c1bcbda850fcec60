/**
 * A two-currency, dividend-reinvested backtest computed by hand: UUU (USD) 60% and KKK.KS (KRW) 40%, base KRW,
 * 1,000,000 KRW, monthly rebalancing, fractional shares.
 *
 *   day          UUU ($)  USDKRW  UUU (₩)   KKK.KS (₩)   event
 *   2024-01-02     48     1,250   60,000      8,000      buy 10 UUU (600,000/60,000), 50 KKK (400,000/8,000)
 *   2024-01-03     50     1,300   65,000      8,400
 *   2024-01-04     50     1,300   65,000        —        UUU ex-dividend $1 (1/50 = 2%): 10 → 10.2 shares
 *   2024-01-05      —     1,310   65,500      8,500      a KRX day the US did not trade: UUU carried at $50
 *   2024-02-01     55     1,320   72,600      9,000      rebalance
 *   2024-02-02     55       —     72,600     10,000      KKK ex-dividend ₩500 (500/10,000 = 5%); no FX fixing
 */
import { describe, expect, it } from 'vitest';
import { series } from '../../../test/support/market.ts';
import { inst } from '../../../test/support/universe.ts';
import { describeNotice } from '../../i18n/catalog/catalog.ts';
import { InputError } from '../errors.ts';
import type { MarketData } from '../market.ts';
import { buildUniverse } from '../universe.ts';
import { backtest, defaultInitial } from './backtest.ts';
import { parseWeights } from './weights.ts';

const universe = buildUniverse([
  inst('UUU', 'other', 'US', 'USD', { name: 'U', exchange: 'NYSE' }),
  inst('KKK.KS', 'emerging', 'KR', 'KRW', { name: 'K', exchange: 'KRX' }),
]);

const market: MarketData = {
  prices: new Map([
    [
      'UUU',
      series([
        ['2024-01-02', 48],
        ['2024-01-03', 50],
        ['2024-01-04', 50],
        ['2024-02-01', 55],
        ['2024-02-02', 55],
      ]),
    ],
    [
      'KKK.KS',
      series([
        ['2024-01-02', 8_000],
        ['2024-01-03', 8_400],
        ['2024-01-05', 8_500],
        ['2024-02-01', 9_000],
        ['2024-02-02', 10_000],
      ]),
    ],
  ]),
  dividends: new Map([
    ['UUU', series([['2024-01-04', 1]])],
    ['KKK.KS', series([['2024-02-02', 500]])],
  ]),
  fx: new Map([
    [
      'USDKRW',
      [
        {
          ...series([
            ['2024-01-02', 1_250],
            ['2024-01-03', 1_300],
            ['2024-01-04', 1_300],
            ['2024-01-05', 1_310],
            ['2024-02-01', 1_320],
          ]),
          base: 'USD',
          quote: 'KRW',
          kind: 'daily' as const,
        },
      ],
    ],
  ]),
};

const weights = parseWeights('UUU=0.6,KKK.KS=0.4');

describe('backtest: USD + KRW assets, base KRW, dividends reinvested', () => {
  it('matches the hand computation day by day', () => {
    const r = backtest({
      market,
      universe,
      base: 'KRW',
      portfolio: weights,
      settings: { initial: 1_000_000 },
    });
    const eq = Array.from(r.portfolio.run.equity);
    expect(r.from).toBe('2024-01-02');
    expect(r.to).toBe('2024-02-02');
    // 01-03: 10 × 65,000 + 50 × 8,400 = 650,000 + 420,000.
    expect(eq[1]).toBeCloseTo(1_070_000, 6);
    // 01-04: 10.2 × 65,000 + 50 × 8,400 (KKK carried) = 663,000 + 420,000.
    expect(eq[2]).toBeCloseTo(1_083_000, 6);
    // 01-05: 10.2 × 50 × 1,310 + 50 × 8,500 = 668,100 + 425,000.
    expect(eq[3]).toBeCloseTo(1_093_100, 6);
    // 02-01: 10.2 × 72,600 + 50 × 9,000 = 740,520 + 450,000 = 1,190,520; rebalance to
    //        UUU 714,312 / 72,600 = 9.8390… shares, KKK 476,208 / 9,000 = 52.912 shares.
    expect(eq[4]).toBeCloseTo(1_190_520, 6);
    // 02-02: UUU unchanged (same $ close, FX carried from 02-01) 714,312; KKK 52.912 × 1.05 × 10,000 = 555,576.
    expect(eq[5]).toBeCloseTo(1_269_888, 6);
    expect(r.portfolio.final).toBeCloseTo(1_269_888, 6);
    expect(r.portfolio.rebalances).toBe(1);
  });

  it('price-only leaves the dividends out: 1,228,266.67', () => {
    const r = backtest({
      market,
      universe,
      base: 'KRW',
      portfolio: weights,
      settings: { initial: 1_000_000, totalReturn: false },
    });
    // 02-01: 10 × 72,600 + 50 × 9,000 = 1,176,000 → KKK 470,400 / 9,000 = 52.2667 shares, UUU 705,600 in value.
    // 02-02: 705,600 + 52.2667 × 10,000 = 705,600 + 522,666.67.
    expect(r.portfolio.final).toBeCloseTo(705_600 + 470_400 / 0.9, 6);
  });

  it('a USD base converts the KRW asset at 1/USDKRW', () => {
    const r = backtest({
      market,
      universe,
      base: 'USD',
      portfolio: parseWeights('KKK.KS=1'),
      settings: { initial: 1_000 },
    });
    // The calendar is KKK's own days (01-02, 01-03, 01-05, 02-01, 02-02). 1,000 USD buys 1,000 × 1,250 / 8,000 =
    // 156.25 KKK on 01-02; 02-01 value 156.25 × 9,000 / 1,320 = 1,065.34…; 02-02 after the 5% dividend:
    // 156.25 × 1.05 × 10,000 / 1,320 (no fixing that day: 02-01's rate) = 1,242.90.
    expect(r.portfolio.run.equity[3]).toBeCloseTo((156.25 * 9_000) / 1_320, 9);
    expect(r.portfolio.final).toBeCloseTo((156.25 * 1.05 * 10_000) / 1_320, 9);
  });

  it('starts at the latest first close, or refuses an earlier --from', () => {
    const late: MarketData = {
      ...market,
      prices: new Map([
        ...market.prices,
        [
          'LATE',
          series([
            ['2024-01-04', 10],
            ['2024-02-02', 11],
          ]),
        ],
      ]),
    };
    const r = backtest({
      market: late,
      universe,
      base: 'KRW',
      portfolio: parseWeights('UUU=0.5,LATE=0.5'),
    });
    expect(r.from).toBe('2024-01-04');
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['backtest-start', 'currency-assumed']),
    );
    expect(() =>
      backtest({
        market: late,
        universe,
        base: 'KRW',
        portfolio: parseWeights('UUU=0.5,LATE=0.5'),
        from: 19_725,
      }),
    ).toThrow(InputError);
  });

  it('benchmarks run on the same calendar and carry correlation and beta', () => {
    const r = backtest({
      market,
      universe,
      base: 'KRW',
      portfolio: weights,
      benchmarks: [parseWeights('UUU=0.6,KKK.KS=0.4')],
      settings: { initial: 1_000_000 },
    });
    const b = r.benchmarks[0];
    expect(b?.final).toBeCloseTo(r.portfolio.final, 9);
    // The same portfolio: correlation 1, beta 1.
    expect(b?.correlation).toBeCloseTo(1, 12);
    expect(b?.beta).toBeCloseTo(1, 12);
  });
});

describe('the default starting amount and idle cash with whole shares', () => {
  it('starts at a round amount worth about USD 10,000 in the base currency', () => {
    // Base KRW: 10,000,000 KRW, not ₩10,000 (about $7).
    const r = backtest({ market, universe, base: 'KRW', portfolio: weights });
    expect(r.settings.initial).toBe(10_000_000);
    expect(r.portfolio.run.equity[0]).toBeCloseTo(10_000_000, 6);
    expect(backtest({ market, universe, base: 'USD', portfolio: weights }).settings.initial).toBe(10_000);
    // An explicit amount is kept as given.
    expect(
      backtest({ market, universe, base: 'KRW', portfolio: weights, settings: { initial: 5 } }).settings
        .initial,
    ).toBe(5);
  });

  it('rounds 10,000 USD to two significant digits for the other currencies', () => {
    // 10,000 × 1.3456 SGD = 13,456 → 13,000; × 83.27 INR = 832,700 → 830,000; × 32.1 TWD = 321,000 → 320,000.
    expect(defaultInitial('SGD', 1.3456)).toBe(13_000);
    expect(defaultInitial('INR', 83.27)).toBe(830_000);
    expect(defaultInitial('TWD', 32.1)).toBe(320_000);
    // The fixed round amounts ignore the day's rate; no rate at all falls back to 10,000.
    expect(defaultInitial('JPY', 151.2)).toBe(1_000_000);
    expect(defaultInitial('GBP', 0.79)).toBe(10_000);
    expect(defaultInitial('SGD', undefined)).toBe(10_000);
  });

  it('warns when whole shares leave more than 10% of the portfolio in cash at the start', () => {
    // ₩10,000: UUU costs 48 × 1,250 = ₩60,000 and KKK ₩8,000 a share; 60% = ₩6,000 and 40% = ₩4,000 buy none:
    // all ₩10,000 (100%) stays cash.
    const small = backtest({
      market,
      universe,
      base: 'KRW',
      portfolio: weights,
      benchmarks: [],
      settings: { initial: 10_000, fractional: false },
    });
    const idle = small.warnings.filter((w) => w.code === 'whole-shares-cash');
    expect(idle).toHaveLength(1);
    expect(idle[0]?.weight).toBe(1);
    expect(idle[0] && describeNotice(idle[0], 'en')).toContain(
      'whole shares leave 10,000 KRW of the starting 10,000 KRW (100.0%) in cash',
    );
    // The default ₩10,000,000 buys 6,000,000 / 60,000 = 100 UUU and 4,000,000 / 8,000 = 500 KKK exactly: no cash.
    const round = backtest({
      market,
      universe,
      base: 'KRW',
      portfolio: weights,
      settings: { fractional: false },
    });
    expect(round.portfolio.run.startCash).toBeCloseTo(0, 6);
    expect(round.warnings.some((w) => w.code === 'whole-shares-cash')).toBe(false);
  });
});
