/**
 * The engine against hand arithmetic on a 3-asset × 3-month fixture (test/fixtures/backtest/three-assets: weekday
 * closes of AAA, BBB, CCC from 2024-01-02 to 2024-03-28, MLK day and Presidents' day left out), and against an
 * independent step-by-step re-implementation of Python bt's Rebalance/allocate arithmetic.
 *
 * The closes that matter (price-only, so between rebalances the value is Σ quantity × close):
 *   day          AAA    BBB   CCC
 *   2024-01-02   100     50    20   first day: buy 50% / 30% / 20% of 10,000
 *   2024-01-31   105     48    22
 *   2024-02-01   110     45    25   first trading day of February: rebalance
 *   2024-02-29   100     50    21
 *   2024-03-01    99     54    20   first trading day of March: rebalance
 *   2024-03-28  118.8   59.4   16   last day
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { series } from '../../../test/support/market.ts';
import { prng } from '../../../test/support/random.ts';
import { toDay } from '../dates.ts';
import type { MarketData, PriceSeries } from '../market.ts';
import type { Series } from '../series.ts';
import { runBacktest } from './engine.ts';
import type { AssetSpec, PreparedMarket } from './prepare.ts';
import { prepareMarket } from './prepare.ts';

const FIXTURE = new URL('../../../test/fixtures/backtest/three-assets/', import.meta.url);
const SYMBOLS = ['AAA', 'BBB', 'CCC'];

function readCloses(symbol: string): Series {
  const rows = readFileSync(new URL(`${symbol}.csv`, FIXTURE), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [d, v] = line.split(',');
      return [d as string, Number(v)] as [string, number];
    });
  return series(rows, `fixture:${symbol}`);
}

function marketOfSeries(prices: Record<string, Series>, dividends: Record<string, Series> = {}): MarketData {
  return {
    prices: new Map<string, PriceSeries>(Object.entries(prices)),
    dividends: new Map(Object.entries(dividends)),
    fx: new Map(),
  };
}

const usd = (symbol: string, lot = 1): AssetSpec => ({ symbol, currency: 'USD', quoteFactor: 1, lot });

function fixture(): PreparedMarket {
  const market = marketOfSeries(Object.fromEntries(SYMBOLS.map((s) => [s, readCloses(s)])));
  return prepareMarket({ market, assets: SYMBOLS.map((s) => usd(s)), base: 'USD' });
}

const at = (m: PreparedMarket, iso: string) => {
  const t = m.days.indexOf(toDay(iso));
  if (t < 0) throw new Error(`${iso} is not a fixture day`);
  return t;
};

const W = [0.5, 0.3, 0.2];
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('runBacktest on the hand fixture', () => {
  const m = fixture();

  it('monthly, fractional, price-only: 10,000 → 11,313.11', () => {
    const r = runBacktest(m, { weights: W, initial: 10_000, totalReturn: false });
    // Jan: 50 AAA (5,000/100), 60 BBB (3,000/50), 100 CCC (2,000/20).
    // 01-31: 50×105 + 60×48 + 100×22 = 5,250 + 2,880 + 2,200 = 10,330.
    expect(r.equity[at(m, '2024-01-31')]).toBeCloseTo(10_330, 9);
    // 02-01: 50×110 + 60×45 + 100×25 = 5,500 + 2,700 + 2,500 = 10,700, then back to 50/30/20.
    expect(r.equity[at(m, '2024-02-01')]).toBeCloseTo(10_700, 9);
    // 02-29: 10,700 × (0.5×100/110 + 0.3×50/45 + 0.2×21/25) = 10,700 × 0.955878… = 10,227.9030…
    expect(r.equity[at(m, '2024-02-29')]).toBeCloseTo(
      10_700 * (0.5 * (100 / 110) + 0.3 * (50 / 45) + 0.2 * (21 / 25)),
      8,
    );
    // 03-01: 10,700 × (0.5×99/110 + 0.3×54/45 + 0.2×20/25) = 10,700 × (0.45 + 0.36 + 0.16) = 10,700 × 0.97 = 10,379.
    expect(r.equity[at(m, '2024-03-01')]).toBeCloseTo(10_379, 8);
    // End: 10,379 × (0.5×118.8/99 + 0.3×59.4/54 + 0.2×16/20) = 10,379 × (0.6 + 0.33 + 0.16) = 10,379 × 1.09.
    expect(rel(r.equity[r.equity.length - 1] as number, 11_313.11)).toBeLessThan(1e-12);
    expect(r.rebalances).toBe(2);
    expect(r.index[r.index.length - 1]).toBeCloseTo(1.131311, 12);
  });

  it('none and quarterly hold the first purchase through Q1: 50×118.8 + 60×59.4 + 100×16 = 11,104', () => {
    for (const rebalance of [{ kind: 'none' } as const, { kind: 'periodic', period: 'quarterly' } as const]) {
      const r = runBacktest(m, { weights: W, initial: 10_000, totalReturn: false, rebalance });
      expect(r.equity[r.equity.length - 1]).toBeCloseTo(5_940 + 3_564 + 1_600, 9);
      expect(r.rebalances).toBe(0);
    }
  });

  it('bands: 4 points is breached on 02-01 (BBB 27,000/10,700 = 25.2% vs 30%) and 03-01; 6 points never', () => {
    // 03-01 after the February rebalance: BBB = 71.333…×54 = 3,852 of 10,379 = 37.1%, 7.1 points over.
    const tight = runBacktest(m, {
      weights: W,
      initial: 10_000,
      totalReturn: false,
      rebalance: { kind: 'band', band: { abs: 0.04, rel: 0 } },
    });
    expect(tight.rebalances).toBe(2);
    expect(rel(tight.equity[tight.equity.length - 1] as number, 11_313.11)).toBeLessThan(1e-12);
    // Without rebalancing, 03-01 weights: AAA 4,950, BBB 3,240, CCC 2,000 of 10,190 = 48.6%, 31.8%, 19.6%.
    const loose = runBacktest(m, {
      weights: W,
      initial: 10_000,
      totalReturn: false,
      rebalance: { kind: 'band', band: { abs: 0.06, rel: 0 } },
    });
    expect(loose.rebalances).toBe(0);
    expect(loose.equity[loose.equity.length - 1]).toBeCloseTo(11_104, 9);
  });

  it('whole shares floor each target and keep the rest in cash: 11,311.40', () => {
    const r = runBacktest(m, { weights: W, initial: 10_000, totalReturn: false, fractional: false });
    // 02-01: V 10,700 → 48 AAA (48.6), 71 BBB (71.3), 85 CCC (85.6); cash 10,700 − 5,280 − 3,195 − 2,125 = 100.
    // 03-01: V = 48×99 + 71×54 + 85×20 + 100 = 10,386 → 52 AAA (52.45), 57 BBB (57.7), 103 CCC (103.86);
    //        cash 10,386 − 5,148 − 3,078 − 2,060 = 100.
    // End: 52×118.8 + 57×59.4 + 103×16 + 100 = 6,177.6 + 3,385.8 + 1,648 + 100 = 11,311.4.
    expect(r.equity[r.equity.length - 1]).toBeCloseTo(11_311.4, 9);
    expect(Array.from(r.quantities)).toEqual([52, 57, 103]);
    expect(r.cash).toBeCloseTo(100, 9);
  });

  it('costs: 10 bps set aside from the first purchase', () => {
    const r = runBacktest(m, {
      weights: W,
      initial: 10_000,
      totalReturn: false,
      cost: { bps: 10, min: 0 },
    });
    // Pass 1: trades worth 10,000 cost 10 → invest 9,990; its cost is 9.99; cash left 10,000 − 9,990 − 9.99 = 0.01.
    expect(r.equity[0]).toBeCloseTo(9_990.01, 9);
    expect(r.quantities[0]).toBeGreaterThan(0);
    const t1 = at(m, '2024-01-31');
    // 49.95 AAA, 59.94 BBB, 99.9 CCC: 49.95×105 + 59.94×48 + 99.9×22 + 0.01 = 5,244.75 + 2,877.12 + 2,197.8 + 0.01.
    expect(r.equity[t1]).toBeCloseTo(10_319.68, 9);
  });

  it('contributions: +1,000 on each rebalance day, and the time-weighted index ignores them', () => {
    const r = runBacktest(m, { weights: W, initial: 10_000, totalReturn: false, contribution: 1_000 });
    // 02-01: 10,700 + 1,000 = 11,700; 03-01: 11,700 × 0.97 + 1,000 = 12,349; end: 12,349 × 1.09 = 13,460.41.
    expect(r.equity[r.equity.length - 1]).toBeCloseTo(13_460.41, 8);
    expect(r.index[r.index.length - 1]).toBeCloseTo(1.07 * 0.97 * 1.09, 12);
    expect(r.flows[at(m, '2024-02-01')]).toBe(1_000);
  });

  it('monthly contributions with quarterly rebalancing are bought in proportion to the targets', () => {
    const r = runBacktest(m, {
      weights: W,
      initial: 10_000,
      totalReturn: false,
      contribution: 1_000,
      contributionPeriod: 'monthly',
      rebalance: { kind: 'periodic', period: 'quarterly' },
    });
    // 02-01 buys 500/110 AAA, 300/45 BBB, 200/25 CCC; 03-01 buys 500/99, 300/54, 200/20. At the end:
    // AAA (50 + 500/110 + 500/99) × 118.8 = 5,940 + 540 + 600 = 7,080; BBB (60 + 300/45 + 300/54) × 59.4
    // = 3,564 + 396 + 330 = 4,290; CCC (100 + 8 + 10) × 16 = 1,888. Total 13,258.
    expect(r.equity[r.equity.length - 1]).toBeCloseTo(13_258, 8);
    expect(r.rebalances).toBe(0);
  });

  it('cash earns the T-bill rate, actual/360 per calendar day', () => {
    // 3.6% a year: 0.0001 per calendar day. Gaps between the 61 fixture days: 48 of one day, 10 weekends (3 days),
    // 2 long weekends (MLK, Presidents' day: 4 days).
    const rates = { daily: series([['2023-12-01', 3.6]]) };
    const market = marketOfSeries(Object.fromEntries(SYMBOLS.map((s) => [s, readCloses(s)])));
    const mr = prepareMarket({ market, assets: SYMBOLS.map((s) => usd(s)), base: 'USD', rates });
    const r = runBacktest(mr, { weights: [0.5, 0, 0], initial: 10_000, rebalance: { kind: 'none' } });
    const cash = 5_000 * 1.0001 ** 48 * 1.0003 ** 10 * 1.0004 ** 2;
    expect(r.cash).toBeCloseTo(cash, 9);
    expect(r.equity[r.equity.length - 1]).toBeCloseTo(50 * 118.8 + cash, 9);
  });
});

/**
 * Python bt's arithmetic, step by step, written from its source (see engine.ts for file references): on the first
 * day and on each day whose month differs from the previous day's, `base = value`; then for each target in order,
 * the child's current weight is recomputed from the updated tree (`c.weight = c.value / strategy value`), `amount =
 * (w − c.weight) × base`, `q = amount / price` (or −position when amount + value is ~0), position += q,
 * capital −= q × price. Value = capital + Σ position × price, children in creation order.
 */
function btFinal(prices: number[][], days: number[], weights: number[], initial: number): number {
  const n = weights.length;
  const pos = new Array(n).fill(0);
  let capital = initial;
  const month = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 7);
  const value = (t: number) => {
    let v = capital;
    for (let i = 0; i < n; i++) v += pos[i] * (prices[i]?.[t] as number);
    return v;
  };
  for (let t = 0; t < days.length; t++) {
    if (t === 0 || month(days[t] as number) !== month(days[t - 1] as number)) {
      const base = value(t);
      for (let i = 0; i < n; i++) {
        const price = prices[i]?.[t] as number;
        const cw = (pos[i] * price) / value(t);
        const amount = ((weights[i] as number) - cw) * base;
        const q = Math.abs(amount + pos[i] * price) < 1e-16 ? -pos[i] : amount / price;
        pos[i] += q;
        capital -= q * price;
      }
    }
  }
  return value(days.length - 1);
}

describe('agreement with Python bt (RunMonthly, SelectAll, WeighSpecified, Rebalance, integer_positions=False)', () => {
  it('the hand fixture: same final value to 1e-9', () => {
    const m = fixture();
    const prices = m.prices.map((p) => Array.from(p));
    const bt = btFinal(prices, Array.from(m.days), W, 1_000_000);
    const ours = runBacktest(m, { weights: W, initial: 1_000_000, totalReturn: false });
    expect(rel(ours.equity[ours.equity.length - 1] as number, bt)).toBeLessThan(1e-9);
    expect(rel(bt, 11_313.11 * 100)).toBeLessThan(1e-9);
  });

  it('5 assets × 3 years of random-walk closes: same final value to 1e-9', () => {
    const rand = prng(20_260_529);
    const rows: Record<string, [string, number][]> = {};
    const names = ['V1', 'V2', 'V3', 'V4', 'V5'];
    for (const s of names) rows[s] = [];
    const price = names.map(() => 20 + 80 * rand());
    for (let d = toDay('2021-01-04'); d <= toDay('2023-12-29'); d++) {
      const w = (((d + 4) % 7) + 7) % 7;
      if (w === 0 || w === 6) continue;
      names.forEach((s, i) => {
        price[i] = (price[i] as number) * Math.exp(0.02 * (rand() - 0.5));
        rows[s]?.push([new Date(d * 86_400_000).toISOString().slice(0, 10), price[i] as number]);
      });
    }
    const market = marketOfSeries(Object.fromEntries(names.map((s) => [s, series(rows[s] ?? [])])));
    const m = prepareMarket({ market, assets: names.map((s) => usd(s)), base: 'USD' });
    const weights = [0.3, 0.25, 0.2, 0.15, 0.1];
    const bt = btFinal(
      m.prices.map((p) => Array.from(p)),
      Array.from(m.days),
      weights,
      1_000_000,
    );
    const ours = runBacktest(m, { weights, initial: 1_000_000, totalReturn: false });
    expect(rel(ours.equity[ours.equity.length - 1] as number, bt)).toBeLessThan(1e-9);
    expect(ours.rebalances).toBe(35); // 36 months, the first one is the initial purchase
  });
});
