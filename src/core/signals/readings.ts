/**
 * Readings: dated figures a signal rests on. The essay's own figures are bundled (`data/signals/readings.json`); the
 * user records newer ones in the journal. A reading is plain data; the helpers here pick the ones a verdict may use.
 */
import type { IsoDate } from '../dates.ts';

export type ReadingUnit = 'percent' | 'x' | 'usd-billion' | 'months' | 'count' | 'gw' | 'text';

export interface ReadingSource {
  /** `essay`: bundled from the essay; `user`: recorded with `dispersion signals add`. */
  kind: 'essay' | 'user';
  /** The essay's title (Korean, as published) or the user's own source text. */
  title?: string;
  titleEn?: string;
  /** When the source was published (`2026-02`) or, for a user reading, what the user wrote. */
  date?: string;
}

export interface Reading {
  id: string;
  label?: { en: string; ko: string };
  unit?: ReadingUnit;
  /** When the figure stands (ISO date). */
  date: IsoDate;
  /** What the figure is about, as the source writes it (`2024`, `2026E`); absent for user readings. */
  period?: string;
  /** The number as written (28.5 for 28.5%); absent only for qualitative readings. */
  value?: number;
  /** Upper end when the source gives a range (value is then the lower end). */
  high?: number;
  /** The source writes "100+". */
  atLeast?: boolean;
  text?: { en: string; ko: string };
  note?: string;
  source: ReadingSource;
  /** When a user reading was recorded (ISO timestamp from the journal). */
  recordedAt?: string;
}

/** Readings of one id with a number, dated on or before `asOf` (ISO dates compare as text), oldest first. */
export function numericReadings(readings: readonly Reading[], id: string, asOf: IsoDate): Reading[] {
  return readings
    .filter((r) => r.id === id && r.value !== undefined && r.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The essay's latest reading of an id (the figure the thesis stands on). */
export function latestEssayReading(readings: readonly Reading[], id: string): Reading | undefined {
  const own = readings.filter((r) => r.id === id && r.source.kind === 'essay' && r.value !== undefined);
  return own.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
}

/**
 * The latest user reading of an id dated after `after` and on or before `asOf`: the only kind that can test a claim,
 * since the essay's own figures are what the claim says, not evidence for it. Of two on the same date, the later one
 * recorded wins (a correction).
 */
export function latestUserReadingAfter(
  readings: readonly Reading[],
  id: string,
  after: IsoDate,
  asOf: IsoDate,
): Reading | undefined {
  const user = readings.filter(
    (r) =>
      r.id === id && r.source.kind === 'user' && r.value !== undefined && r.date > after && r.date <= asOf,
  );
  user.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.recordedAt ?? '') < (b.recordedAt ?? '') ? -1 : 1,
  );
  return user.at(-1);
}

/**
 * What a recorded value of `unit` must be, and whether `value` is one: a share is 0–100 percent, a P/E multiple is
 * above 0, dollar amounts, months, gigawatts and counts are not negative (a count is whole). Undefined for `text`,
 * which has no number.
 */
export function unitRange(unit: ReadingUnit):
  | {
      name: string;
      accepts: (v: number) => boolean;
      expected: string;
      ko: { name: string; expected: string };
    }
  | undefined {
  switch (unit) {
    case 'percent':
      return {
        name: 'percent',
        accepts: (v) => v >= 0 && v <= 100,
        expected: 'a percentage from 0 to 100, such as 28.5 for 28.5%',
        ko: { name: '퍼센트', expected: '0에서 100 사이의 퍼센트, 예: 28.5%이면 28.5' },
      };
    case 'x':
      return {
        name: 'multiple (x)',
        accepts: (v) => v > 0,
        expected: 'a multiple above 0, such as 31 for 31x',
        ko: { name: '배수(x)', expected: '0보다 큰 배수, 예: 31배이면 31' },
      };
    case 'usd-billion':
      return {
        name: 'billions of US dollars',
        accepts: (v) => v >= 0,
        expected: 'billions of US dollars, 0 or more, such as 530 for $530B',
        ko: { name: '10억 달러', expected: '0 이상의 10억 달러 단위 금액, 예: 5,300억 달러이면 530' },
      };
    case 'months':
      return {
        name: 'months',
        accepts: (v) => v >= 0,
        expected: 'a number of months, 0 or more',
        ko: { name: '개월', expected: '0 이상의 개월 수' },
      };
    case 'count':
      return {
        name: 'count',
        accepts: (v) => v >= 0 && Number.isInteger(v),
        expected: 'a whole number, 0 or more',
        ko: { name: '개수', expected: '0 이상의 정수' },
      };
    case 'gw':
      return {
        name: 'gigawatts',
        accepts: (v) => v >= 0,
        expected: 'gigawatts, 0 or more',
        ko: { name: '기가와트', expected: '0 이상의 기가와트' },
      };
    case 'text':
      return undefined;
  }
}
