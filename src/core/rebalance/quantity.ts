/**
 * From money to units and back: how many shares (in whole lots) a change of value in the base currency buys or sells,
 * and what one lot or a set of orders costs. The per-share rounding is the engine's `floorToLot`, shared with the
 * backtester.
 */
import type { CostModel } from '../engine/cost.ts';
import { tradeCost } from '../engine/cost.ts';
import { floorToLot } from '../engine/lots.ts';

/**
 * Signed quantity for a change of `deltaBase` (base currency) in a listing priced `price` in its own currency, with
 * `fxRate` base per unit of that currency. Rounded toward zero to whole lots, so a buy never spends more than planned
 * and a sell never sells more than planned.
 * @example orderQuantity(1_000_000, 4_071, 9.3, 100, false) // 1,000,000 / 9.3 / 4,071 = 26.4 shares → 0 (lot 100)
 */
export function orderQuantity(
  deltaBase: number,
  price: number,
  fxRate: number,
  lot: number,
  fractional: boolean,
): number {
  if (!(price > 0) || !(fxRate > 0)) return 0;
  const q = floorToLot(deltaBase / fxRate / price, lot, fractional);
  return q === 0 ? 0 : q; // no -0 in the output
}

/** Value of one trading lot in the base currency (what the smallest possible order of this listing moves). */
export function lotValueBase(price: number, fxRate: number, lot: number): number {
  return price * fxRate * lot;
}

/** Total trading cost of orders whose values (in the cost model's currency) are given. */
export function ordersCost(values: readonly number[], cost: CostModel): number {
  return values.reduce((s, v) => s + tradeCost(v, cost), 0);
}
