/**
 * The backtest calendar: the union of the trading days of every asset in the run, so a Korean holiday that is a US
 * trading day (and the reverse) is still a day of the backtest. On a day an asset did not trade, its last close is
 * carried forward, as a broker statement would value it (prepareMarket's per-asset pass, prepare.ts).
 */
import { monthKey, monthKeyStart } from '../dates.ts';
import type { Series } from '../series.ts';

/**
 * Sorted, de-duplicated union of the series' days that fall within [from, to]. One flag per day of the window (a
 * backtest window is at most a few tens of thousands of days): marking is a store per close, no hashing, no sort.
 */
export function unionCalendar(series: readonly Series[], from: number, to: number): Int32Array {
  if (!(to >= from)) return new Int32Array(0);
  const seen = new Uint8Array(to - from + 1);
  let count = 0;
  for (const s of series) count += markDays(seen, s.days, from, to);
  const out = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < seen.length; i++) if (seen[i] === 1) out[j++] = from + i;
  return out;
}

/**
 * Flags one series' days within [from, to] in `seen`; returns how many were new. A function of its own so V8
 * optimises it after a few series: as one loop nested in unionCalendar's it ran unoptimised until on-stack
 * replacement, most of a one-shot run's calendar time.
 */
function markDays(seen: Uint8Array, d: Int32Array, from: number, to: number): number {
  let added = 0;
  // The series is sorted: start at its first day in the window, stop past the window.
  for (let k = lowerBound(d, from); k < d.length; k++) {
    const day = d[k] as number;
    if (day > to) break;
    if (seen[day - from] === 0) {
      seen[day - from] = 1;
      added++;
    }
  }
  return added;
}

/** Index of the first element ≥ x in a sorted array (its length when none is). */
export function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `year × 12 + month` (0-based month) for every day: the key that changes on the first trading day of a month. The
 * days rise, so the key is worked out once per month (a few hundred date conversions, not one per day): it holds until
 * the first day of the next month.
 */
export function monthKeys(days: Int32Array): Int32Array {
  const out = new Int32Array(days.length);
  let key = 0;
  let nextMonthStart = Number.NEGATIVE_INFINITY; // forces a conversion on the first day
  for (let t = 0; t < days.length; t++) {
    const d = days[t] as number;
    if (d >= nextMonthStart) {
      key = monthKey(d);
      nextMonthStart = monthKeyStart(key + 1);
    }
    out[t] = key;
  }
  return out;
}
