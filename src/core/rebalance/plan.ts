/**
 * Sleeve level: how much each sleeve should be worth after this month's orders. Works on plain arrays so the
 * backtester can call it with its own sleeve values.
 *
 * full: a sleeve outside its band goes to its target; a sleeve within its band is left as it is (fewer, larger orders
 * beat many small ones). Sleeves the model gives no target (`forced`, e.g. `mag7-other`) go to zero. Cash is what
 * remains; if that leaves cash outside its band, the sleeves within band furthest from their target are brought to it
 * too (largest gap first), until cash is back at its target.
 * cash-only: nothing is sold. Cash (new money included) goes to the sleeves below target, the largest shortfall first,
 * each filled to its target before the next gets anything; the cash sleeve is one of them (its share is kept as cash).
 * In both, cash never goes below `cashFloor` (bond funds in the cash sleeve are not cash and are not traded): if it
 * would, the buys are scaled down.
 */
import type { Band } from '../engine/band.ts';
import { outsideBand } from '../engine/band.ts';
import type { RebalanceMode } from './types.ts';

export interface SleevePlanInput {
  /** Current value of each sleeve the plan may move, base currency; index `cash` is the cash sleeve. */
  current: readonly number[];
  /** Target of each sleeve as a fraction of `investable` (0 for a sleeve to be sold). */
  targets: readonly number[];
  /** Sleeves traded to target whatever the band says (the ones the model has no place for). */
  forced: readonly boolean[];
  /** Index of the cash sleeve in the arrays. */
  cash: number;
  /** The part of the cash sleeve that is not spendable cash (bond funds), base. */
  cashFloor: number;
  band: Band;
  mode: RebalanceMode;
}

/** Desired value of each sleeve, base currency; they sum to the sum of `current`. */
export function planSleeveValues(input: SleevePlanInput): number[] {
  const { current, targets, cash } = input;
  const investable = current.reduce((s, v) => s + v, 0);
  const want = [...current];
  if (!(investable > 0)) return want;
  const target = (i: number) => (targets[i] as number) * investable;
  const c = (i: number) => current[i] as number;
  const w = (i: number) => want[i] as number;
  const others = current.map((_, i) => i).filter((i) => i !== cash);

  if (input.mode === 'full') {
    for (const i of others) {
      if (
        input.forced[i] ||
        outsideBand((current[i] as number) / investable, targets[i] as number, input.band)
      )
        want[i] = target(i);
    }
    want[cash] = investable - sum(others.map((i) => want[i] as number));
    const cashWeight = (want[cash] as number) / investable;
    if (outsideBand(cashWeight, targets[cash] as number, input.band)) {
      let gap = (want[cash] as number) - target(cash);
      // Excess cash goes to sleeves below target, a shortfall comes from sleeves above it, largest gap first.
      const movable = others
        .filter((i) => !input.forced[i] && (gap > 0 ? w(i) < target(i) : w(i) > target(i)))
        .sort((a, b) => Math.abs(target(b) - w(b)) - Math.abs(target(a) - w(a)));
      for (const i of movable) {
        if (Math.abs(gap) <= 0) break;
        const step = gap > 0 ? Math.min(target(i) - w(i), gap) : Math.max(target(i) - w(i), gap);
        want[i] = w(i) + step;
        gap -= step;
      }
      want[cash] = target(cash) + gap;
    }
  } else {
    // The cash sleeve competes like any other: where it has the largest shortfall, cash is kept, not spent.
    let budget = Math.max(0, c(cash) - input.cashFloor);
    const short = current
      .map((_, i) => i)
      .filter((i) => !input.forced[i] && c(i) < target(i))
      .sort((a, b) => target(b) - c(b) - (target(a) - c(a)));
    for (const i of short) {
      if (budget <= 0) break;
      const step = Math.min(target(i) - c(i), budget);
      budget -= step;
      if (i !== cash) want[i] = c(i) + step;
    }
    want[cash] = investable - sum(others.map((i) => want[i] as number));
  }

  // Cash cannot go below the bond funds held in the cash sleeve: scale the buys down to what there is.
  const short = input.cashFloor - (want[cash] as number);
  if (short > 1e-9) {
    const buys = others.filter((i) => w(i) > c(i));
    const bought = sum(buys.map((i) => w(i) - c(i)));
    const keep = bought > 0 ? Math.max(0, 1 - short / bought) : 1;
    for (const i of buys) want[i] = c(i) + (w(i) - c(i)) * keep;
    want[cash] = investable - sum(others.map((i) => want[i] as number));
  }
  return want;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
