/**
 * From target weights to target quantities: the step both the monthly rebalancer and the backtester take. Given the
 * portfolio's value, each asset's price and lot, how many units make each target weight? Whole lots round down so
 * the orders never spend more than there is; the remainder stays in cash.
 */
import { floorToLot } from './lots.ts';

export interface TargetInput {
  /** Value to allocate across the assets, in the same currency as `prices`. */
  total: number;
  weights: ArrayLike<number>;
  prices: ArrayLike<number>;
  lots: ArrayLike<number>;
  fractional: boolean;
}

/** Writes target quantities into `out` (allocated by the caller, so a backtest's hot loop allocates nothing). */
export function targetQuantities(input: TargetInput, out: Float64Array): Float64Array {
  const { total, weights, prices, lots, fractional } = input;
  for (let i = 0; i < weights.length; i++) {
    const price = prices[i] as number;
    const raw = price > 0 ? (total * (weights[i] as number)) / price : 0;
    out[i] = floorToLot(raw, lots[i] as number, fractional);
  }
  return out;
}
