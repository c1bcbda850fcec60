/**
 * What uninvested cash earns in a backtest: the US 3-month Treasury bill rate (FRED DTB3 daily, and TB3MS monthly
 * averages where the daily series has no observation yet), in percent per year.
 *
 * Convention (chosen once, used everywhere): simple interest per calendar day on an actual/360 basis, the money-market
 * convention T-bill rates are quoted in. Between two consecutive backtest days d0 < d1 cash grows by
 *     1 + rate(d0) / 100 × (d1 − d0) / 360,
 * with the rate known on d0 (no look-ahead), so a weekend earns three days. Compounded from one backtest day to the next.
 *
 * The rate on a day follows the FX rule (src/core/fx.ts): the daily series' last observation on or before the day,
 * unless a monthly average whose month has ENDED by that day is more recent (a monthly average is only known once its
 * month is over). DTB3 is a discount-basis yield; the small difference to a money-market yield is ignored.
 */
import { endOfMonth } from '../dates.ts';
import type { Series } from '../series.ts';
import { indexOnOrBefore } from '../series.ts';

export interface CashRates {
  /** Percent per year, daily observations. */
  daily?: Series;
  /** Percent per year, monthly averages dated the first of their month. */
  monthly?: Series;
}

/** The annual rate in percent usable on `day`, or undefined when neither series has started. */
export function cashRateOn(rates: CashRates, day: number): number | undefined {
  let best: { value: number; day: number } | undefined;
  if (rates.daily) {
    const i = indexOnOrBefore(rates.daily, day);
    if (i >= 0) best = { value: rates.daily.values[i] as number, day: rates.daily.days[i] as number };
  }
  if (rates.monthly) {
    let i = indexOnOrBefore(rates.monthly, day);
    while (i >= 0 && endOfMonth(rates.monthly.days[i] as number) > day) i--;
    if (i >= 0) {
      const eff = endOfMonth(rates.monthly.days[i] as number);
      if (!best || eff > best.day) best = { value: rates.monthly.values[i] as number, day: eff };
    }
  }
  return best?.value;
}

/**
 * Growth factor of cash from the previous calendar day to each day (index 0 = 1). Days before any rate is known earn
 * nothing (and the caller warns).
 */
export function cashGrowth(days: Int32Array, rates: CashRates | undefined): Float64Array {
  const out = new Float64Array(days.length);
  if (days.length) out[0] = 1;
  // cashRateOn for each day in one forward pass: the days increase, so the daily observation on or before d0 and the
  // last monthly average whose month has ended by d0 only move forward (a month's end grows with its date).
  const daily = rates?.daily;
  const monthly = rates?.monthly;
  const ends = monthly ? Int32Array.from(monthly.days, endOfMonth) : new Int32Array(0);
  let di = -1;
  let mi = -1;
  for (let t = 1; t < days.length; t++) {
    const d0 = days[t - 1] as number;
    let rate = 0;
    if (rates) {
      let known = false;
      let bestDay = 0;
      if (daily) {
        while (di + 1 < daily.days.length && (daily.days[di + 1] as number) <= d0) di++;
        if (di >= 0) {
          known = true;
          rate = daily.values[di] as number;
          bestDay = daily.days[di] as number;
        }
      }
      if (monthly) {
        while (mi + 1 < ends.length && (ends[mi + 1] as number) <= d0) mi++;
        if (mi >= 0 && (!known || (ends[mi] as number) > bestDay)) rate = monthly.values[mi] as number;
      }
    }
    out[t] = 1 + (rate / 100) * (((days[t] as number) - d0) / 360);
  }
  return out;
}
