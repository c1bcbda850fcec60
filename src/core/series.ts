/**
 * A dated series of positive numbers (closes, FX rates), sorted by date with no repeats. Stored as typed arrays so
 * that lookups are binary searches and backtests can walk them without allocating.
 */
export interface Series {
  /** Day numbers (see dates.ts), strictly increasing. */
  readonly days: Int32Array;
  readonly values: Float64Array;
  /** Where the numbers came from, for provenance in every result: e.g. `bundled:prices/NVDA.csv`. */
  readonly source: string;
}

export interface Observation {
  value: number;
  day: number;
}

/** Index of the last observation on or before `day`, or -1 when the series starts after it. */
export function indexOnOrBefore(series: Series, day: number): number {
  const { days } = series;
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) <= day) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The last observation on or before `day` (the date actually used is returned so staleness can be reported). */
export function onOrBefore(series: Series, day: number): Observation | undefined {
  const i = indexOnOrBefore(series, day);
  if (i < 0) return undefined;
  return { value: series.values[i] as number, day: series.days[i] as number };
}

export function lastDay(series: Series): number | undefined {
  return series.days.length ? series.days[series.days.length - 1] : undefined;
}
