/** Trading costs: a proportional cost in basis points of the traded value (commission plus spread), at least `min`. */
export interface CostModel {
  /** Basis points of the traded value (10 bps = 0.1%). */
  bps: number;
  /** Minimum cost per order in the same currency as the value; 0 = none. */
  min: number;
}

export const NO_COST: CostModel = { bps: 0, min: 0 };

/** Cost of trading `value` (its absolute size: buys and sells cost the same). Zero for no trade. */
export function tradeCost(value: number, cost: CostModel): number {
  const v = Math.abs(value);
  if (v === 0) return 0;
  return Math.max((v * cost.bps) / 10_000, cost.min);
}
