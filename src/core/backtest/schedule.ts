/**
 * When a backtest rebalances. Every schedule is checked on the first trading day of its period, at that day's close
 * (bt's RunMonthly/RunQuarterly/RunYearly with their defaults: they fire when a day's month differs from the previous
 * day's, and on the first day of the data).
 *
 * - `monthly` (default), `quarterly`, `annual`: back to target weights on the first trading day of each period.
 * - `none`: buy at the first close and hold (dividends are still reinvested in the asset that paid them).
 * - `band:ABS/REL`: Portfolio Visualizer's tolerance bands, checked on the first trading day of each month; the whole
 *   portfolio goes back to target only when some weight (cash included) is outside its band.
 */
import type { Band } from '../engine/band.ts';
import { parseBand } from '../engine/band.ts';

export type Period = 'monthly' | 'quarterly' | 'annual';

export type Rebalance =
  | { kind: 'periodic'; period: Period }
  | { kind: 'none' }
  | { kind: 'band'; band: Band };

export const DEFAULT_REBALANCE: Rebalance = { kind: 'periodic', period: 'monthly' };

/** Parses the `--rebalance` text; undefined when it is not one of the forms above (the caller names the option). */
export function parseRebalance(text: string): Rebalance | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'monthly' || t === 'quarterly' || t === 'annual') return { kind: 'periodic', period: t };
  if (t === 'yearly') return { kind: 'periodic', period: 'annual' };
  if (t === 'none') return { kind: 'none' };
  if (t.startsWith('band:')) {
    const band = parseBand(t.slice(5));
    return band && (band.abs > 0 || band.rel > 0) ? { kind: 'band', band } : undefined;
  }
  return undefined;
}

export function describeRebalance(r: Rebalance): string {
  if (r.kind === 'periodic') return r.period;
  if (r.kind === 'none') return 'none';
  return `band:${r.band.abs}/${r.band.rel}`;
}

/**
 * The period key of each day for the schedule's period (contributions of `none` and band schedules are monthly):
 * a day whose key differs from the previous day's is the first trading day of a period.
 */
export function periodKeys(months: Int32Array, r: Rebalance): Int32Array {
  const period: Period = r.kind === 'periodic' ? r.period : 'monthly';
  if (period === 'monthly') return months;
  const out = new Int32Array(months.length);
  for (let t = 0; t < months.length; t++) {
    const m = months[t] as number;
    out[t] = period === 'quarterly' ? Math.floor(m / 3) : Math.floor(m / 12);
  }
  return out;
}
