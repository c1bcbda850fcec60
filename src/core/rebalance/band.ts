/**
 * The band test as the rebalancer reads it: how far a sleeve may drift from its target before it is traded, and by how
 * much it misses. Built on the engine's `outsideBand` so the rebalancer and the backtester agree on what "outside" is.
 */
import type { Band } from '../engine/band.ts';
import { outsideBand } from '../engine/band.ts';

/** The allowed deviation around `target`: the tighter of the absolute and relative bands that are set (0 = none). */
export function bandWidth(target: number, band: Band): number {
  let w = Number.POSITIVE_INFINITY;
  if (band.abs > 0) w = Math.min(w, band.abs);
  if (band.rel > 0) w = Math.min(w, band.rel * target);
  return Number.isFinite(w) ? w : 0;
}

export function withinBand(weight: number, target: number, band: Band): boolean {
  return !outsideBand(weight, target, band);
}

/** How far beyond its band a weight is (0 when within): what the lot search below tries to bring to zero. */
export function bandExcess(weight: number, target: number, band: Band): number {
  if (!outsideBand(weight, target, band)) return 0;
  return Math.abs(weight - target) - bandWidth(target, band);
}
