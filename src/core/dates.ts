/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) at the edges and as day numbers (days since 1970-01-01, UTC) inside
 * hot loops. No time zones: a market date is a label, not an instant.
 */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const DASH = 45;
const ZERO = 48;

/**
 * Parses `YYYY-MM-DD` into a day number, or returns undefined when the text is not a real calendar date. Integer
 * arithmetic on the characters (every bundled and user price row goes through here, so no regex and no Date). Years
 * below 100 are refused, as `Date.UTC` (which reads them as 1900–1999) always made this function refuse them.
 */
export function parseIsoDay(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  const y = digitsAt(text, 0, 4);
  const m = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return dayFromCivil(y, m, d);
}

/** The number written by `count` ASCII digits from `start`, or -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day number of a (proleptic Gregorian) date, month 1–12: H. Hinnant's days_from_civil, integers only. */
export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The first day of the month whose monthKey is `key`: where a run of days with that key begins. */
export function monthKeyStart(key: number): number {
  const y = Math.floor(key / 12);
  return dayFromCivil(y, key - y * 12 + 1, 1);
}

/** `year × 12 + month` (month 0-based, as Date's) of a day number: the inverse of dayFromCivil, without a Date. */
export function monthKey(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9; // 1–12
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + m - 1;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDay(text) !== undefined;
}

/** Day number of an ISO date; throws on a malformed date (callers validate user text with parseIsoDay first). */
export function toDay(date: IsoDate): number {
  const d = parseIsoDay(date);
  if (d === undefined) throw new RangeError(`not an ISO date: ${date}`);
  return d;
}

export function fromDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Weekdays after `from` up to and including `to` (0 when `to <= from`). Exchange holidays are not known here, so this
 * counts Monday–Friday: a price from Friday seen on Monday is 1 trading day old.
 */
export function weekdaysBetween(from: number, to: number): number {
  if (to <= from) return 0;
  let n = 0;
  for (let d = from + 1; d <= to; d++) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) n++;
  }
  return n;
}

/** The last calendar day of the month that `day` falls in. */
export function endOfMonth(day: number): number {
  const dt = new Date(day * MS_PER_DAY);
  return Math.round(Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth() + 1, 0) / MS_PER_DAY);
}

/** The first calendar day of the month that `day` falls in. */
export function startOfMonth(day: number): number {
  return day - new Date(day * MS_PER_DAY).getUTCDate() + 1;
}
