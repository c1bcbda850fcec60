/**
 * Each statistic on a series small enough to do by hand: values 100, 110, 99, 118.8 on 2024-01-01, 2024-05-01,
 * 2024-09-01, 2025-01-01. Returns r = 0.1, −0.1, 0.2; mean 1/15; sample variance ((1/30)² + (1/6)² + (2/15)²) / 2
 * = (0.0011… + 0.02777… + 0.01777…) / 2 = 7/300.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../dates.ts';
import { correlation } from './moments.ts';
import {
  annualVolatility,
  beta,
  cagr,
  calmar,
  dailyReturns,
  drawdownSeries,
  maxDrawdown,
  periodReturns,
  sampleStd,
  sharpe,
  sortino,
  totalReturn,
} from './performance.ts';
import { annualTurnover, monthlyTable, summarize } from './summary.ts';

const DAYS = Int32Array.from(['2024-01-01', '2024-05-01', '2024-09-01', '2025-01-01'].map(toDay));
const VALUES = Float64Array.from([100, 110, 99, 118.8]);
const R = dailyReturns(VALUES);

describe('performance statistics (ffn conventions)', () => {
  it('returns, total return and CAGR over days / 365.25', () => {
    expect(Array.from(R).map((x) => Number(x.toFixed(12)))).toEqual([0.1, -0.1, 0.2]);
    expect(totalReturn(VALUES)).toBeCloseTo(0.188, 12);
    // 2024-01-01 → 2025-01-01 is 366 days (leap year) = 366 / 365.25 = 1.0020534 years.
    expect(cagr(DAYS, VALUES)).toBeCloseTo(1.188 ** (365.25 / 366) - 1, 12);
  });

  it('volatility: √(7/300) × √252 = 2.4249', () => {
    expect(annualVolatility(R)).toBeCloseTo(Math.sqrt(7 / 300) * Math.sqrt(252), 12);
  });

  it('volatility of fewer than two returns is unknown (NaN, as pandas), not 0', () => {
    expect(sampleStd([0.01])).toBeNaN();
    expect(annualVolatility([])).toBeNaN();
  });

  it('Sharpe: (1/15) / √(7/300) × √252 = √10800 / 15 = 4√3, and with a 5% risk-free rate', () => {
    expect(sharpe(R)).toBeCloseTo(4 * Math.sqrt(3), 10);
    // rf deannualised as (1.05)^(1/252) − 1 = 0.00019363 per day; the standard deviation does not move.
    const rfd = 1.05 ** (1 / 252) - 1;
    expect(sharpe(R, 0.05)).toBeCloseTo(((1 / 15 - rfd) / Math.sqrt(7 / 300)) * Math.sqrt(252), 10);
  });

  it('Sortino: downside deviation √((0 + 0.01 + 0) / 3); (1/15) / 0.057735 × √252 = 2√84', () => {
    expect(sortino(R)).toBeCloseTo(2 * Math.sqrt(84), 10);
    expect(sortino(Float64Array.from([0.01, 0.02]))).toBeNaN();
  });

  it('max drawdown 110 → 99 = −10%, recovered at 118.8; Calmar = CAGR / 0.1', () => {
    const dd = maxDrawdown(VALUES);
    expect(dd.maxDrawdown).toBeCloseTo(-0.1, 12);
    expect([dd.peak, dd.trough, dd.recovery]).toEqual([1, 2, 3]);
    expect(Array.from(drawdownSeries(VALUES)).map((x) => Number(x.toFixed(12)))).toEqual([0, 0, -0.1, 0]);
    expect(maxDrawdown(Float64Array.from([100, 90, 95])).recovery).toBe(-1);
    expect(calmar(0.2, -0.1)).toBeCloseTo(2, 12);
    expect(calmar(0.2, 0)).toBeNaN();
  });

  it('monthly and yearly returns from the previous period-end (the first from the first value)', () => {
    const months = periodReturns(DAYS, VALUES, 'month');
    expect(months.map((m) => [m.period, Number(m.return.toFixed(12)), m.partial])).toEqual([
      ['2024-01', 0, true],
      ['2024-05', 0.1, false],
      ['2024-09', -0.1, false],
      ['2025-01', 0.2, true],
    ]);
    const years = periodReturns(DAYS, VALUES, 'year');
    expect(years.map((y) => [y.period, Number(y.return.toFixed(12))])).toEqual([
      ['2024', -0.01],
      ['2025', 0.2],
    ]);
    const table = monthlyTable(DAYS, VALUES);
    expect(table[0]?.months[4]).toBeCloseTo(0.1, 12);
    expect(table[0]?.months[1]).toBeNull();
    expect(table[1]?.yearReturn).toBeCloseTo(0.2, 12);
  });

  it('correlation and beta: a scaled copy has 1 and 2; a hand pair has −√(4/7) and −1', () => {
    const a = [0.1, -0.1, 0.2];
    expect(correlation(a, [0.05, -0.05, 0.1])).toBeCloseTo(1, 12);
    expect(beta(a, [0.05, -0.05, 0.1])).toBeCloseTo(2, 12);
    // Deviations a: 1/30, −1/6, 2/15; b: 1/15, 1/15, −2/15. Σab = −0.02667, Σbb = 0.02667, Σaa = 0.04667.
    expect(beta(a, [0.1, 0.1, -0.1])).toBeCloseTo(-1, 12);
    expect(correlation(a, [0.1, 0.1, -0.1])).toBeCloseTo(-Math.sqrt(4 / 7), 12);
    // A series that does not move has no correlation: null (the one policy, stats/moments.ts), as has one observation.
    expect(correlation(a, [0.01, 0.01, 0.01])).toBeNull();
    expect(correlation([0.1], [0.2])).toBeNull();
  });

  it('summary and annual turnover', () => {
    const s = summarize(DAYS, VALUES);
    expect(s.maxDrawdownPeak).toBe('2024-05-01');
    expect(s.maxDrawdownTrough).toBe('2024-09-01');
    expect(s.maxDrawdownRecovery).toBe('2025-01-01');
    expect(s.bestMonth?.period).toBe('2025-01');
    expect(s.worstYear?.period).toBe('2024');
    // 0.5 summed turnover over 366/365.25 years.
    expect(annualTurnover(0.5, DAYS)).toBeCloseTo(0.5 / (366 / 365.25), 12);
  });
});
