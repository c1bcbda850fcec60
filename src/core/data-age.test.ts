import { describe, expect, it } from 'vitest';
import { staleDataAge } from './data-age.ts';
import { toDay } from './dates.ts';

describe('staleDataAge', () => {
  it('names the oldest stale close with its calendar and trading-day age', () => {
    // 2026-05-29 (Fri) → 2026-12-02 (Wed): May 30–31 (2) + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 2
    // = 187 calendar days; 26 full weeks (182 days, 130 weekdays) to 2026-11-27 (Fri), then Mon–Wed = 133 weekdays.
    const a = staleDataAge(toDay('2026-12-02'), ['2026-11-30', '2026-05-29', null, '2026-06-01']);
    expect(a).toEqual({ date: '2026-05-29', days: 187, tradingDays: 133, asOf: '2026-12-02' });
  });

  it('is null when no close is more than 10 trading days old', () => {
    // 2026-05-15 (Fri) → 2026-05-29 (Fri): 10 weekdays, at the limit, not past it.
    expect(staleDataAge(toDay('2026-05-29'), ['2026-05-15', '2026-05-29'])).toBeNull();
    // 2026-05-14 (Thu): 11 weekdays.
    expect(staleDataAge(toDay('2026-05-29'), ['2026-05-14'])?.days).toBe(15);
  });

  it('ignores closes after the as-of day', () => {
    expect(staleDataAge(toDay('2026-01-10'), ['2026-05-29'])).toBeNull();
  });
});
