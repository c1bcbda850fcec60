/**
 * The tail statistics the risk figures need, written out so their definitions are on the page: historical VaR/CVaR
 * as order statistics of the observed returns, and overlapping multi-day returns. The moments (mean, sd,
 * correlation) are stats/moments.ts.
 */

/**
 * Historical VaR and CVaR at confidence `pct` percent (95, 99), as positive loss fractions. With n returns sorted
 * from worst, k = ⌈n × (100 − pct) / 100⌉ (at least 1): VaR is the k-th worst return negated, CVaR the mean of the k
 * worst negated. Integer arithmetic for k, so 700 × 1 / 100 is exactly 7, not 7.000000000000001.
 */
export function historicalVar(
  returns: ArrayLike<number>,
  pct: number,
): { var: number; cvar: number; k: number } {
  const sorted = Array.from(returns).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { var: 0, cvar: 0, k: 0 };
  const k = Math.max(1, Math.ceil((n * (100 - pct)) / 100));
  let tail = 0;
  for (let i = 0; i < k; i++) tail += sorted[i] as number;
  return { var: -(sorted[k - 1] as number), cvar: -tail / k, k };
}

/** Compounded returns over every run of `h` consecutive periods (overlapping windows): n − h + 1 of them. */
export function overlappingReturns(daily: ArrayLike<number>, h: number): number[] {
  const out: number[] = [];
  for (let start = 0; start + h <= daily.length; start++) {
    let g = 1;
    for (let i = start; i < start + h; i++) g *= 1 + (daily[i] as number);
    out.push(g - 1);
  }
  return out;
}
