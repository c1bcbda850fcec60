import { describe, expect, it } from 'vitest';
import { toDay } from '../dates.ts';
import type { Series } from '../series.ts';
import { cashGrowth, cashRateOn } from './cash-rate.ts';

const series = (rows: [string, number][]): Series => ({
  days: Int32Array.from(rows.map(([d]) => toDay(d))),
  values: Float64Array.from(rows.map(([, v]) => v)),
  source: 'test',
});

describe('cashGrowth', () => {
  // Monthly averages dated the 1st, known once their month has ended; daily observations from 2024-03-04 on.
  const rates = {
    monthly: series([
      ['2024-01-01', 5.2],
      ['2024-02-01', 5.0],
      ['2024-03-01', 4.8],
    ]),
    daily: series([
      ['2024-03-04', 3.6],
      ['2024-03-06', 7.2],
    ]),
  };

  it('compounds the rate known on the earlier day, actual/360', () => {
    const days = Int32Array.from(
      ['2024-01-30', '2024-01-31', '2024-02-01', '2024-03-01', '2024-03-04', '2024-03-05', '2024-03-08'].map(
        toDay,
      ),
    );
    const g = cashGrowth(days, rates);
    // 01-30 → 01-31: January's average is not known until 01-31 ends: 0 → 1.
    expect(g[1]).toBe(1);
    // 01-31 → 02-01: on 01-31 January has ended: 5.2% × 1/360.
    expect(g[2]).toBeCloseTo(1 + 0.052 / 360, 15);
    // 02-01 → 03-01: still January's 5.2% (February ends on 02-29), 29 days.
    expect(g[3]).toBeCloseTo(1 + (0.052 * 29) / 360, 15);
    // 03-01 → 03-04: February's 5.0%, 3 days.
    expect(g[4]).toBeCloseTo(1 + (0.05 * 3) / 360, 15);
    // 03-04 → 03-05: the daily 3.6% (dated 03-04, later than February's end).
    expect(g[5]).toBeCloseTo(1 + 0.036 / 360, 15);
    // 03-05 → 03-08: still 03-04's 3.6%, 3 days.
    expect(g[6]).toBeCloseTo(1 + (0.036 * 3) / 360, 15);
  });

  it('gives, day after day, exactly the rate cashRateOn gives each day alone', () => {
    const days = Int32Array.from({ length: 200 }, (_, i) => toDay('2023-12-01') + i);
    const g = cashGrowth(days, rates);
    for (let t = 1; t < days.length; t++) {
      const d0 = days[t - 1] as number;
      const rate = cashRateOn(rates, d0) ?? 0;
      expect(g[t], String(t)).toBe(1 + (rate / 100) * (((days[t] as number) - d0) / 360));
    }
    expect(cashGrowth(days, undefined).every((x) => x === 1)).toBe(true);
  });
});
