/**
 * The monthly plan: on which days to run the routine (check → rebalance → journal record). The rebalancing day of
 * a month is its first trading day, taken as the first Monday–Friday that is not 1 January. Exchange holidays are
 * NOT known (Seollal, Chuseok, US holidays, …): on such a day, do it on the next day the exchange is open.
 */
import { weekday } from './dates.ts';

const MS_PER_DAY = 86_400_000;

function dayOf(year: number, month0: number, date: number): number {
  return Math.round(Date.UTC(year, month0, date) / MS_PER_DAY);
}

/** Monday–Friday, except 1 January (closed on every exchange the universe lists). */
export function isPlanTradingDay(day: number): boolean {
  const w = weekday(day);
  if (w === 0 || w === 6) return false;
  const d = new Date(day * MS_PER_DAY);
  return !(d.getUTCMonth() === 0 && d.getUTCDate() === 1);
}

/** The first trading day (as above) of a month; `month0` is 0-based like Date's. */
export function firstTradingDay(year: number, month0: number): number {
  let day = dayOf(year, month0, 1);
  while (!isPlanTradingDay(day)) day++;
  return day;
}

/**
 * The next `months` rebalancing days on or after `from`: this month's when it is still ahead (or today), then one
 * per month.
 */
export function rebalancingDates(from: number, months: number): number[] {
  const start = new Date(from * MS_PER_DAY);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  const out: number[] = [];
  while (out.length < months) {
    const d = firstTradingDay(y, m);
    if (d >= from) out.push(d);
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}
