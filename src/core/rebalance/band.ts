/**
 * The band as the rebalancer reads it: how far a sleeve may drift from its target. Built on the same Band the engine's
 * `outsideBand` reads, so the rebalancer and the backtester agree on what "outside" is.
 */
import type { Band } from '../engine/band.ts';

/** The allowed deviation around `target`: the tighter of the absolute and relative bands that are set (0 = none). */
export function bandWidth(target: number, band: Band): number {
  let w = Number.POSITIVE_INFINITY;
  if (band.abs > 0) w = Math.min(w, band.abs);
  if (band.rel > 0) w = Math.min(w, band.rel * target);
  return Number.isFinite(w) ? w : 0;
}
