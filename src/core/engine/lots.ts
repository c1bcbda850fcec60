/**
 * Whole shares and exchange lots. Orders are integers in the listing's trading unit (Tokyo 100, Taiwan 1,000, a Tokyo
 * ETF 10, most others 1) unless the user's broker allows fractions. Shared by the rebalancer and the backtester.
 */

/** The EPS guards against 2.9999999999 lots (a float product) being floored to 2. */
const EPS = 1e-9;

/**
 * Largest quantity in whole lots that does not exceed `quantity` (toward zero for sells too), or `quantity` itself
 * when fractions are allowed.
 * @example floorToLot(257, 100) // 200
 */
export function floorToLot(quantity: number, lot: number, fractional = false): number {
  if (fractional) return quantity;
  if (!(lot > 0)) throw new RangeError(`lot must be positive, got ${lot}`);
  const lots = Math.trunc(quantity / lot + (quantity >= 0 ? EPS : -EPS));
  return lots * lot;
}

/** Nearest quantity in whole lots (half away from zero), or `quantity` when fractional. */
export function roundToLot(quantity: number, lot: number, fractional = false): number {
  if (fractional) return quantity;
  if (!(lot > 0)) throw new RangeError(`lot must be positive, got ${lot}`);
  const x = quantity / lot;
  return Math.sign(x) * Math.round(Math.abs(x) + EPS) * lot;
}
