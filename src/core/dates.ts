/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) at the edges and as day numbers (days since 1970-01-01, UTC) inside
 * hot loops. No time zones: a market date is a label, not an instant.
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses `YYYY-MM-DD` into a day number, or returns undefined when the text is not a real calendar date. */
export function parseIsoDay(text: string): number | undefined {
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return Math.round(ms / MS_PER_DAY);
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
