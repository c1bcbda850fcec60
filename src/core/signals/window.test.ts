import { describe, expect, it } from 'vitest';
import { fromDay, toDay } from '../dates.ts';
import { monthsBefore } from './window.ts';

const back = (date: string, months: number) => fromDay(monthsBefore(toDay(date), months));

describe('monthsBefore', () => {
  it('keeps the day of the month when the earlier month has it', () => {
    expect(back('2026-05-29', 1)).toBe('2026-04-29');
    expect(back('2026-05-29', 6)).toBe('2025-11-29');
    expect(back('2026-05-29', 12)).toBe('2025-05-29');
  });
  it('clamps to the end of a shorter month (and knows leap years)', () => {
    expect(back('2026-05-31', 3)).toBe('2026-02-28');
    expect(back('2024-03-31', 1)).toBe('2024-02-29');
    expect(back('2026-07-31', 1)).toBe('2026-06-30');
  });
  it('crosses year boundaries', () => {
    expect(back('2026-01-31', 1)).toBe('2025-12-31');
    expect(back('2026-02-15', 14)).toBe('2024-12-15');
  });
});
