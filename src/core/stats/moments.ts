/**
 * Sample moments, written out so their definitions are on the page: the mean, the n − 1 (sample) covariance and
 * standard deviation, and the correlation. The one implementation behind the stress risk figures (stress/risk.ts) and
 * the backtest statistics (performance.ts, backtest.ts). A figure that cannot be computed (a series that does not
 * move) is null, never NaN, and nothing here throws.
 */

/** Trading days in a year, to annualise daily figures (×252, ×√252): ffn's `nperiods` for daily data. */
export const TRADING_DAYS = 252;

/** Arithmetic mean; 0 for no observations. */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return xs.length ? s / xs.length : 0;
}

/** Sample covariance (divides by n − 1); 0 with fewer than two observations. */
export function covariance(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = mean(xs);
  const my = mean(ys);
  let s = 0;
  for (let i = 0; i < n; i++) s += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
  return s / (n - 1);
}

/** Sample standard deviation (n − 1 in the denominator, pandas' std(ddof=1)); 0 with fewer than two observations. */
export function sampleSd(xs: ArrayLike<number>): number {
  return Math.sqrt(covariance(xs, xs));
}

/**
 * Pearson correlation of two equally long series: cov(x, y) / (sd(x) × sd(y)). Null when either does not move (cash in
 * the base currency, a flat price) or there are fewer than two observations.
 */
export function correlation(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const sx = sampleSd(xs);
  const sy = sampleSd(ys);
  if (!(sx > 0) || !(sy > 0)) return null;
  return covariance(xs, ys) / (sx * sy);
}
