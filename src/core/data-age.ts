/**
 * How old the prices behind a report are, said once and first. A report whose values rest on a close older than
 * STALE_ERROR_DAYS trading days opens with one line giving that close's date and its age in calendar days (what a
 * person counts), the trading-day age alongside for the rule. Pure: the as-of day and the dates in, the finding out.
 */
import type { IsoDate } from './dates.ts';
import { fromDay, parseIsoDay, weekdaysBetween } from './dates.ts';
import { STALE_ERROR_DAYS } from './staleness.ts';

export interface DataAge {
  /** The oldest close the report rests on that is past STALE_ERROR_DAYS trading days. */
  date: IsoDate;
  /** Calendar days from `date` to `asOf`. */
  days: number;
  /** Trading days (Mon–Fri) from `date` to `asOf`. */
  tradingDays: number;
  asOf: IsoDate;
}

/**
 * The oldest of `dates` (close dates, ISO; null/undefined ignored) that is more than STALE_ERROR_DAYS trading days
 * before `asOf` (a day number), or null when every close is recent enough to value by.
 */
export function staleDataAge(asOf: number, dates: Iterable<IsoDate | null | undefined>): DataAge | null {
  let oldest: number | undefined;
  for (const d of dates) {
    if (d === null || d === undefined) continue;
    const day = parseIsoDay(d);
    if (day === undefined || day > asOf) continue;
    if (weekdaysBetween(day, asOf) <= STALE_ERROR_DAYS) continue;
    if (oldest === undefined || day < oldest) oldest = day;
  }
  if (oldest === undefined) return null;
  return {
    date: fromDay(oldest),
    days: asOf - oldest,
    tradingDays: weekdaysBetween(oldest, asOf),
    asOf: fromDay(asOf),
  };
}
