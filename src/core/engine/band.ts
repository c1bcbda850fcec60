/**
 * Rebalancing bands: when is a weight far enough from its target to trade? The absolute band is Portfolio
 * Visualizer's "absolute deviation" (|w − t| > abs); the relative band its "relative deviation" (|w − t| > rel × t).
 * Either one breached triggers a rebalance. A band of { abs: 0, rel: 0 } means "always rebalance to target".
 */
export interface Band {
  /** Absolute band as a fraction of the portfolio (0.02 = ±2 percentage points). */
  abs: number;
  /** Relative band as a fraction of the target (0.25 = ±25% of the target); 0 = not used. */
  rel: number;
}

// Floats summing to exactly the band should not trigger.
const EPS = 1e-12;

export function outsideBand(weight: number, target: number, band: Band): boolean {
  const dev = Math.abs(weight - target);
  if (band.abs <= 0 && band.rel <= 0) return dev > EPS;
  if (band.abs > 0 && dev > band.abs + EPS) return true;
  if (band.rel > 0 && dev > band.rel * target + EPS) return true;
  return false;
}

/**
 * Parses `0.02` (absolute) or `0.05/0.25` (absolute/relative, as Portfolio Visualizer writes 5%/25%).
 * Returns undefined for text that is not a band, so callers can name the option in their error.
 */
export function parseBand(text: string): Band | undefined {
  const texts = text.split('/').map((s) => s.trim());
  // An empty part (`0.05/`) is a typo, not a zero band.
  if (texts.length > 2 || texts.some((t) => t === '')) return undefined;
  const parts = texts.map(Number);
  if (parts.some((x) => !Number.isFinite(x) || x < 0 || x >= 1)) return undefined;
  return { abs: parts[0] ?? 0, rel: parts[1] ?? 0 };
}
