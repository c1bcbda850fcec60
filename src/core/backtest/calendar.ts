/**
 * The backtest calendar: the union of the trading days of every asset in the run, so a Korean holiday that is a US
 * trading day (and the reverse) is still a day of the backtest. On a day an asset did not trade, its last close is
 * carried forward, as a broker statement would value it.
 */
import type { Series } from '../series.ts';

/** Sorted, de-duplicated union of the series' days that fall within [from, to]. */
export function unionCalendar(series: readonly Series[], from: number, to: number): Int32Array {
  const seen = new Set<number>();
  for (const s of series) {
    for (const d of s.days) if (d >= from && d <= to) seen.add(d);
  }
  return Int32Array.from([...seen].sort((a, b) => a - b));
}

/**
 * The series' values on each calendar day, the last close carried forward; NaN before the series' first day.
 * One merge pass over both sorted arrays, no binary search per day.
 */
export function alignToCalendar(series: Series, days: Int32Array): Float64Array {
  const out = new Float64Array(days.length);
  const sd = series.days;
  const sv = series.values;
  let j = -1;
  for (let t = 0; t < days.length; t++) {
    const d = days[t] as number;
    while (j + 1 < sd.length && (sd[j + 1] as number) <= d) j++;
    out[t] = j < 0 ? Number.NaN : (sv[j] as number);
  }
  return out;
}

const MS_PER_DAY = 86_400_000;

/** `year × 12 + month` (0-based month) for every day: the key that changes on the first trading day of a month. */
export function monthKeys(days: Int32Array): Int32Array {
  const out = new Int32Array(days.length);
  for (let t = 0; t < days.length; t++) {
    const dt = new Date((days[t] as number) * MS_PER_DAY);
    out[t] = dt.getUTCFullYear() * 12 + dt.getUTCMonth();
  }
  return out;
}
