import { describe, expect, it } from 'vitest';
import {
  dayFromCivil,
  endOfMonth,
  fromDay,
  monthKey,
  monthKeyStart,
  parseIsoDay,
  startOfMonth,
  toDay,
} from './dates.ts';

/** The reference: what Date makes of the same text (the implementation parseIsoDay had before it went integer-only). */
function byDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return Math.round(ms / 86_400_000);
}

describe('parseIsoDay and monthKey against Date', () => {
  it('agree with Date on every day from 1800 to 2200, and monthKey inverts them', () => {
    for (let day = dayFromCivil(1800, 1, 1); day <= dayFromCivil(2200, 12, 31); day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (parseIsoDay(iso) !== day) throw new Error(`parseIsoDay(${iso}) = ${parseIsoDay(iso)}, not ${day}`);
      const dt = new Date(day * 86_400_000);
      if (monthKey(day) !== dt.getUTCFullYear() * 12 + dt.getUTCMonth()) throw new Error(`monthKey(${iso})`);
    }
    expect(fromDay(dayFromCivil(1970, 1, 1))).toBe('1970-01-01');
    expect(dayFromCivil(2023, 1, 2)).toBe(19_359); // Date.UTC(2023, 0, 2) / 86,400,000
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '2023-01-00',
    '2023-1-01',
    ' 2023-01-01',
    '2023-01-01 ',
    '2023/01/01',
    '２０２３-01-01',
    '0050-01-01',
    '20230101',
    '',
  ])('refuses %j as Date did', (text) => {
    expect(parseIsoDay(text)).toBeUndefined();
    expect(byDate(text)).toBeUndefined();
  });

  it('accepts leap days as Date does', () => {
    for (const text of ['2024-02-29', '2000-02-29', '1600-02-29', '9999-12-31', '0100-03-01']) {
      expect(parseIsoDay(text)).toBe(byDate(text));
    }
  });

  it('startOfMonth and endOfMonth bracket the day', () => {
    const d = parseIsoDay('2024-02-17') as number;
    expect(fromDay(startOfMonth(d))).toBe('2024-02-01');
    expect(fromDay(endOfMonth(d))).toBe('2024-02-29');
  });
});

describe('monthKeyStart', () => {
  it('is the first day of the month a key names, across a year end and before 1970', () => {
    // 2023 × 12 + 11 = 24287 is December 2023; 24288 is January 2024; 1969 × 12 + 6 = 23634 is July 1969.
    expect(monthKeyStart(24287)).toBe(toDay('2023-12-01'));
    expect(monthKeyStart(24288)).toBe(toDay('2024-01-01'));
    expect(monthKeyStart(2024 * 12 + 1)).toBe(toDay('2024-02-01'));
    expect(monthKeyStart(23634)).toBe(toDay('1969-07-01'));
    expect(monthKey(monthKeyStart(24290) - 1)).toBe(24289); // the day before 2024-03-01 is in February (leap day)
  });
});
