/**
 * How old is too old: the one home of the staleness limits and of the classification every report uses (check,
 * rebalance, data status, the reports' "stale data" line). Ages are trading days (Mon–Fri) from the last close or
 * rate to the as-of day: more than STALE_WARN_DAYS is a warning, more than STALE_ERROR_DAYS an error (too old to value
 * or trade by).
 *
 * FX rates: a daily rate ages like a close. A monthly average is dated its month's last day (fx.ts), so on the 29th
 * of the next month it is already ~20 trading days "old" although no newer figure of that kind can exist yet. Rule:
 * an average of the previous completed month (or of the current one, on its last day) is at worst a warning; an
 * average of any earlier month is an error. Without it the bundled KRW/JPY/EUR averages would block every rebalance
 * from mid-month on, and with it a rate two months behind still does.
 */
import { fromDay, weekdaysBetween } from './dates.ts';
import type { FxKind } from './market.ts';

/** Trading days (Mon–Fri) after which a price or rate is called stale: 3 a warning, 10 an error. */
export const STALE_WARN_DAYS = 3;
export const STALE_ERROR_DAYS = 10;

export type Staleness = 'fresh' | 'warning' | 'error' | 'missing';

export function classifyStaleness(age: number | null): Staleness {
  if (age === null) return 'missing';
  if (age > STALE_ERROR_DAYS) return 'error';
  if (age > STALE_WARN_DAYS) return 'warning';
  return 'fresh';
}

/** `year × 12 + month` of a day number (month 0-based). */
function monthKey(day: number): number {
  const iso = fromDay(day);
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/**
 * Staleness of one FX observation used on `asOf`. `day` is its effective date (a monthly average's is its month's last
 * day). Daily: the close thresholds. Monthly average: see the module comment.
 */
export function fxStaleness(kind: FxKind, day: number, asOf: number): Staleness {
  const byAge = classifyStaleness(weekdaysBetween(day, asOf));
  if (kind === 'daily') return byAge;
  if (monthKey(day) >= monthKey(asOf) - 1) return byAge === 'error' ? 'warning' : byAge;
  return 'error';
}
