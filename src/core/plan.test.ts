/** Plan dates, each weekday checked by hand with `date -d YYYY-MM-DD +%a`. */
import { describe, expect, it } from 'vitest';
import { fromDay, toDay } from './dates.ts';
import { firstTradingDay, isPlanTradingDay, rebalancingDates } from './plan.ts';

const iso = (days: number[]) => days.map(fromDay);

describe('firstTradingDay', () => {
  it('skips a weekend at the start of the month', () => {
    // 2026-08-01 is a Saturday, 08-02 a Sunday → Monday 08-03.
    expect(fromDay(firstTradingDay(2026, 7))).toBe('2026-08-03');
    // 2026-11-01 is a Sunday → Monday 11-02.
    expect(fromDay(firstTradingDay(2026, 10))).toBe('2026-11-02');
  });
  it('skips 1 January even on a weekday', () => {
    // 2027-01-01 is a Friday (closed), then the weekend → Monday 2027-01-04.
    expect(fromDay(firstTradingDay(2027, 0))).toBe('2027-01-04');
    // 2026-01-01 is a Thursday → Friday 2026-01-02.
    expect(fromDay(firstTradingDay(2026, 0))).toBe('2026-01-02');
    // 2028-01-01 is a Saturday → Monday 2028-01-03.
    expect(fromDay(firstTradingDay(2028, 0))).toBe('2028-01-03');
  });
  it('is the 1st when that is a weekday', () => {
    // 2026-12-01 is a Tuesday.
    expect(fromDay(firstTradingDay(2026, 11))).toBe('2026-12-01');
  });
  it('treats only weekends and 1 January as closed', () => {
    expect(isPlanTradingDay(toDay('2027-03-01'))).toBe(true); // a Monday (a Korean holiday, which the plan does not know)
    expect(isPlanTradingDay(toDay('2026-08-01'))).toBe(false); // Saturday
    expect(isPlanTradingDay(toDay('2027-01-01'))).toBe(false); // Friday, New Year's Day
  });
});

describe('rebalancingDates', () => {
  it('gives the next N first trading days, this month’s only if still ahead', () => {
    // From 2026-07-15: July's (07-01, a Wednesday) has passed, so August first.
    expect(iso(rebalancingDates(toDay('2026-07-15'), 7))).toEqual([
      '2026-08-03', // Sat 1, Sun 2 → Mon 3
      '2026-09-01', // Tue
      '2026-10-01', // Thu
      '2026-11-02', // Sun 1 → Mon 2
      '2026-12-01', // Tue
      '2027-01-04', // Fri 1 = New Year → Mon 4
      '2027-02-01', // Mon
    ]);
  });
  it('includes the from day itself when it is the month’s date', () => {
    expect(iso(rebalancingDates(toDay('2026-08-03'), 2))).toEqual(['2026-08-03', '2026-09-01']);
    // From 08-01 (before the date): August still counts.
    expect(iso(rebalancingDates(toDay('2026-08-01'), 1))).toEqual(['2026-08-03']);
  });
  it('gives 12 dates for 12 months, one per month, strictly increasing', () => {
    const d = iso(rebalancingDates(toDay('2026-11-25'), 12));
    expect(d).toHaveLength(12);
    expect(d[0]).toBe('2026-12-01');
    expect(d[11]).toBe('2027-11-01'); // 2027-11-01 is a Monday
    expect(new Set(d.map((x) => x.slice(0, 7))).size).toBe(12);
  });
});
