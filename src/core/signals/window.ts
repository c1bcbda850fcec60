/** Look-back windows in calendar months, ending at the as-of date. */
import { fromDay, toDay } from '../dates.ts';

/** The windows every relative-strength signal is computed over. */
export const WINDOW_MONTHS = [1, 3, 6, 12] as const;

/**
 * The same day `months` calendar months earlier, clamped to the end of a shorter month: 2026-05-31 − 3 months =
 * 2026-02-28, so a window never reaches into the month before the one it names.
 */
export function monthsBefore(day: number, months: number): number {
  const [y, m, d] = fromDay(day).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12; // 0-based
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const mm = String(tm + 1).padStart(2, '0');
  const dd = String(Math.min(d, lastDay)).padStart(2, '0');
  return toDay(`${String(ty).padStart(4, '0')}-${mm}-${dd}`);
}
