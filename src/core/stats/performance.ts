/**
 * Performance statistics of a value series, with the names and formulas users know from Python's ffn
 * (pmorissette/ffn, ffn/core.py PerformanceStats._calculate and the calc_* functions) and Portfolio Visualizer.
 * Every function takes the series as day numbers + values (a time-weighted index or an equity curve without flows).
 *
 * Daily returns are between consecutive observations: r_t = v_t / v_{t−1} − 1 (ffn `to_returns`).
 */
import { monthKey, monthKeyStart, weekday } from '../dates.ts';
import { mean, sampleSd, TRADING_DAYS } from './moments.ts';

/** r_t = v_t / v_{t−1} − 1 for t = 1…n−1. */
export function dailyReturns(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(Math.max(0, values.length - 1));
  for (let t = 1; t < values.length; t++) out[t - 1] = (values[t] as number) / (values[t - 1] as number) - 1;
  return out;
}

/** ffn calc_total_return: last / first − 1. */
export function totalReturn(values: ArrayLike<number>): number {
  return (values[values.length - 1] as number) / (values[0] as number) - 1;
}

/** Years between two day numbers as ffn's year_frac: seconds / 31,557,600 = calendar days / 365.25. */
export function yearFraction(fromDay: number, toDay: number): number {
  return (toDay - fromDay) / 365.25;
}

/** ffn calc_cagr: (last / first)^(1 / year_frac(first day, last day)) − 1. */
export function cagr(days: ArrayLike<number>, values: ArrayLike<number>): number {
  const years = yearFraction(days[0] as number, days[days.length - 1] as number);
  return ((values[values.length - 1] as number) / (values[0] as number)) ** (1 / years) - 1;
}

/**
 * Sample standard deviation (n − 1 in the denominator), as pandas' std(ddof=1): moments.ts `sampleSd`, except that
 * fewer than two returns give NaN as in pandas (a volatility of one day is not 0, it is unknown).
 */
export function sampleStd(xs: ArrayLike<number>): number {
  return xs.length < 2 ? Number.NaN : sampleSd(xs);
}

/** ffn daily_vol: std(daily returns, ddof=1) × √252. */
export function annualVolatility(returns: ArrayLike<number>): number {
  return sampleStd(returns) * Math.sqrt(TRADING_DAYS);
}

/**
 * ffn to_excess_returns with a scalar annual rate and nperiods = 252: each daily return minus the deannualised rate
 * (1 + rf)^(1/252) − 1 (ffn `deannualize`).
 */
export function excessReturns(returns: ArrayLike<number>, rfAnnual: number): Float64Array {
  const rfDaily = (1 + rfAnnual) ** (1 / TRADING_DAYS) - 1;
  const out = new Float64Array(returns.length);
  for (let i = 0; i < returns.length; i++) out[i] = (returns[i] as number) - rfDaily;
  return out;
}

/**
 * ffn daily_sharpe (_calc_sharpe): mean(excess) / std(excess, ddof=1) × √252, excess over the deannualised annual rf.
 * NaN when the excess returns do not vary (ffn returns NaN there too).
 */
export function sharpe(returns: ArrayLike<number>, rfAnnual = 0): number {
  const er = excessReturns(returns, rfAnnual);
  const sd = sampleStd(er);
  return sd > 0 ? (mean(er) / sd) * Math.sqrt(TRADING_DAYS) : Number.NaN;
}

/**
 * ffn daily_sortino (_calc_sortino_ratio, current ffn): mean(excess) / √(mean(min(excess, 0)²)) × √252 — the downside
 * deviation averages the squared shortfalls over ALL n days (not n − 1, not only the negative days). NaN with no
 * negative day.
 */
export function sortino(returns: ArrayLike<number>, rfAnnual = 0): number {
  const er = excessReturns(returns, rfAnnual);
  let s = 0;
  for (let i = 0; i < er.length; i++) {
    const x = Math.min(er[i] as number, 0);
    s += x * x;
  }
  const dd = Math.sqrt(s / er.length);
  return dd > 0 ? (mean(er) / dd) * Math.sqrt(TRADING_DAYS) : Number.NaN;
}

export interface Drawdown {
  /** ffn calc_max_drawdown: min over t of v_t / max_{s≤t} v_s − 1 (≤ 0). */
  maxDrawdown: number;
  /** Index of the high before the worst trough, of the trough, and of the first value back at the high (or −1). */
  peak: number;
  trough: number;
  recovery: number;
}

export function drawdownSeries(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let high = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < values.length; t++) {
    const v = values[t] as number;
    if (v > high) high = v;
    out[t] = v / high - 1;
  }
  return out;
}

export function maxDrawdown(values: ArrayLike<number>): Drawdown {
  let high = values[0] as number;
  let highAt = 0;
  let worst = 0;
  let peak = 0;
  let trough = 0;
  for (let t = 0; t < values.length; t++) {
    const v = values[t] as number;
    if (v > high) {
      high = v;
      highAt = t;
    }
    const dd = v / high - 1;
    if (dd < worst) {
      worst = dd;
      peak = highAt;
      trough = t;
    }
  }
  let recovery = -1;
  if (worst < 0) {
    const level = values[peak] as number;
    for (let t = trough + 1; t < values.length; t++) {
      if ((values[t] as number) >= level) {
        recovery = t;
        break;
      }
    }
  }
  return { maxDrawdown: worst, peak, trough, recovery };
}

/** ffn calmar: CAGR / |max drawdown|; NaN without a drawdown. */
export function calmar(cagrValue: number, maxDd: number): number {
  return maxDd < 0 ? cagrValue / Math.abs(maxDd) : Number.NaN;
}

export interface PeriodReturn {
  /** `YYYY` or `YYYY-MM`. */
  period: string;
  return: number;
  /** The period is only partly covered (the backtest starts or ends inside it). */
  partial: boolean;
}

/**
 * Returns per calendar month or year: the period's last value over the previous period's last value (ffn's monthly
 * returns from `resample('M').last()`). Unlike ffn, the first period is measured from the first value instead of being
 * left out, and marked partial, as Portfolio Visualizer shows a partial first year.
 */
export function periodReturns(
  days: ArrayLike<number>,
  values: ArrayLike<number>,
  by: 'month' | 'year',
): PeriodReturn[] {
  const out: PeriodReturn[] = [];
  // year × 12 + month, or year × 12: compared as numbers, written out only at each period's end.
  const key = (d: number) => {
    const k = monthKey(d);
    return by === 'month' ? k : k - (k % 12);
  };
  // The first day after period k: a day before it is in k, so the calendar arithmetic runs once a period, not once
  // a day (a backtest's summary asks for these several times over thousands of days).
  const after = (k: number) => monthKeyStart(k + (by === 'month' ? 1 : 12));
  let startValue = values[0] as number;
  let first = true;
  let k = days.length ? key(days[0] as number) : 0;
  let end = after(k);
  for (let t = 0; t < days.length; t++) {
    const d = t === days.length - 1 ? undefined : (days[t + 1] as number);
    const next = d === undefined ? -1 : d < end ? k : key(d);
    if (next === k) continue;
    const v = values[t] as number;
    const partial =
      first || (t === days.length - 1 && (days[t] as number) < lastWeekday(days[t] as number, by));
    const year = String(Math.floor(k / 12)).padStart(4, '0');
    const period = by === 'month' ? `${year}-${String((k % 12) + 1).padStart(2, '0')}` : year;
    out.push({ period, return: v / startValue - 1, partial });
    k = next;
    if (k >= 0) end = after(k);
    startValue = v;
    first = false;
  }
  return out;
}

/** The last Monday–Friday of the day's month or year (exchange holidays are not known here). */
function lastWeekday(day: number, by: 'month' | 'year'): number {
  const dt = new Date(day * 86_400_000);
  const y = dt.getUTCFullYear();
  let d = Math.round(
    (by === 'month' ? Date.UTC(y, dt.getUTCMonth() + 1, 0) : Date.UTC(y, 11, 31)) / 86_400_000,
  );
  while (weekday(d) === 0 || weekday(d) === 6) d--;
  return d;
}

export function bestAndWorst(xs: readonly PeriodReturn[]): { best?: PeriodReturn; worst?: PeriodReturn } {
  let best: PeriodReturn | undefined;
  let worst: PeriodReturn | undefined;
  for (const x of xs) {
    if (!best || x.return > best.return) best = x;
    if (!worst || x.return < worst.return) worst = x;
  }
  return { best, worst };
}

/** Beta of `a` to the benchmark `b`: cov(a, b) / var(b) on daily returns (CAPM regression slope). */
export function beta(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const y = (b[i] as number) - mb;
    sab += ((a[i] as number) - ma) * y;
    sbb += y * y;
  }
  return sbb > 0 ? sab / sbb : Number.NaN;
}
