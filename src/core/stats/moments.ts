/**
 * Sample moments, written out so their definitions are on the page: the mean and the n − 1 (sample) covariance and
 * standard deviation. The one implementation behind the stress risk figures (stress/risk.ts) and the backtest
 * statistics (performance.ts).
 */

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
