/**
 * All the statistics of one backtest in one object: what the CLI prints and the JSON document carries. Computed on
 * the time-weighted index (so contributions and withdrawals do not count as performance); see performance.ts for each
 * formula and its ffn reference.
 */
import { fromDay } from '../dates.ts';
import type { PeriodReturn } from './performance.ts';
import {
  annualVolatility,
  bestAndWorst,
  cagr,
  calmar,
  dailyReturns,
  maxDrawdown,
  periodReturns,
  sharpe,
  sortino,
  totalReturn,
  yearFraction,
} from './performance.ts';

export interface PerformanceSummary {
  totalReturn: number;
  cagr: number;
  vol: number;
  sharpe: number | null;
  sortino: number | null;
  maxDrawdown: number;
  maxDrawdownPeak: string;
  maxDrawdownTrough: string;
  /** null while the drawdown has not been recovered by the end. */
  maxDrawdownRecovery: string | null;
  calmar: number | null;
  bestYear: PeriodReturn | null;
  worstYear: PeriodReturn | null;
  bestMonth: PeriodReturn | null;
  worstMonth: PeriodReturn | null;
  /** Annual risk-free rate used by Sharpe and Sortino. */
  riskFree: number;
}

/** NaN (undefined ratio) becomes null so JSON can carry it. */
const orNull = (x: number) => (Number.isFinite(x) ? x : null);

export function summarize(days: Int32Array, index: Float64Array, riskFree = 0): PerformanceSummary {
  const r = dailyReturns(index);
  const c = cagr(days, index);
  const dd = maxDrawdown(index);
  const years = periodReturns(days, index, 'year');
  const months = periodReturns(days, index, 'month');
  const y = bestAndWorst(years);
  const m = bestAndWorst(months);
  return {
    totalReturn: totalReturn(index),
    cagr: c,
    vol: annualVolatility(r),
    sharpe: orNull(sharpe(r, riskFree)),
    sortino: orNull(sortino(r, riskFree)),
    maxDrawdown: dd.maxDrawdown,
    maxDrawdownPeak: fromDay(days[dd.peak] as number),
    maxDrawdownTrough: fromDay(days[dd.trough] as number),
    maxDrawdownRecovery: dd.recovery >= 0 ? fromDay(days[dd.recovery] as number) : null,
    calmar: orNull(calmar(c, dd.maxDrawdown)),
    bestYear: y.best ?? null,
    worstYear: y.worst ?? null,
    bestMonth: m.best ?? null,
    worstMonth: m.worst ?? null,
    riskFree,
  };
}

/** Monthly returns as a table: one row per year, twelve cells (null outside the backtest), and the year's return. */
export function monthlyTable(
  days: Int32Array,
  index: Float64Array,
): { year: number; months: (number | null)[]; yearReturn: number }[] {
  const rows = new Map<number, { year: number; months: (number | null)[]; yearReturn: number }>();
  for (const y of periodReturns(days, index, 'year')) {
    rows.set(Number(y.period), {
      year: Number(y.period),
      months: new Array(12).fill(null),
      yearReturn: y.return,
    });
  }
  for (const m of periodReturns(days, index, 'month')) {
    const row = rows.get(Number(m.period.slice(0, 4)));
    if (row) row.months[Number(m.period.slice(5, 7)) - 1] = m.return;
  }
  return [...rows.values()];
}

/** Annual turnover: the summed per-day turnover divided by the years covered (Portfolio Visualizer reports it so). */
export function annualTurnover(turnover: number, days: Int32Array): number {
  const years = yearFraction(days[0] as number, days[days.length - 1] as number);
  return years > 0 ? turnover / years : 0;
}
