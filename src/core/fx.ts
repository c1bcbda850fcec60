/**
 * FX conversion rates from loaded MarketData, as of a day, with no look-ahead. Pure: no files, no clock.
 *
 * Rules (each one is about not using a number before it was known, and saying which numbers were used):
 * 1. Same currency → rate 1, no legs.
 * 2. A direct leg uses every series of the pair `FROMTO` (as is) and of `TOFROM` (rate = 1/x): the bundled monthly
 *    files are all "per USD" (`USDEUR`), while a user may supply `EURUSD`, so both orientations compete.
 * 3. Within those series, a daily series offers its last observation on or before `day`. A monthly-average row dated
 *    YYYY-MM-01 averages the whole month, so it is only known once the month is over: its effective date is the
 *    month's last day, and it is offered only when that is on or before `day` (the current month's average is never
 *    used mid-month). A monthly average never beats a daily fixing dated inside its month or later: the fixing of
 *    2022-12-30 is a rate of that day, the December average a blur of rates up to three weeks older, so on 2023-01-02
 *    (no US fixing) the rate is the fixing of 12-30, not December's average. An average wins only over fixings dated
 *    before its month (a daily series that has stopped). Among fixings the latest wins, among averages the latest
 *    month; a tie between two series of one kind keeps the one listed first (direct before inverse, and the loader
 *    lists the user's series first).
 * 4. With no direct leg, cross through USD: (FROM→USD) × (USD→TO), each leg chosen by rule 3.
 * The quote's `day` is the oldest effective date among its legs, so callers can report how stale a conversion is.
 */
import type { CurrencyCode } from './currency.ts';
import { endOfMonth, startOfMonth } from './dates.ts';
import type { FxKind, FxSeries, MarketData } from './market.ts';
import { indexOnOrBefore } from './series.ts';

export interface FxLeg {
  /** The series' pair code as loaded (`USDKRW`); `inverted` says whether it was used as 1/x. */
  pair: string;
  /** Effective date of the observation used (a monthly average's is its month's last day). */
  day: number;
  kind: FxKind;
  source: string;
  inverted: boolean;
}

export interface FxQuote {
  /** Units of `to` per 1 unit of `from`. */
  rate: number;
  /** The oldest effective date among the legs (the requested day when no leg was needed). */
  day: number;
  legs: FxLeg[];
}

const PIVOT: CurrencyCode = 'USD';

export function fxRate(
  market: MarketData,
  from: CurrencyCode,
  to: CurrencyCode,
  day: number,
): FxQuote | undefined {
  if (from === to) return { rate: 1, day, legs: [] };
  const direct = bestLeg(market, from, to, day);
  if (direct) return { rate: direct.rate, day: direct.leg.day, legs: [direct.leg] };
  if (from === PIVOT || to === PIVOT) return undefined;
  const a = bestLeg(market, from, PIVOT, day);
  const b = a && bestLeg(market, PIVOT, to, day);
  if (!a || !b) return undefined;
  return { rate: a.rate * b.rate, day: Math.min(a.leg.day, b.leg.day), legs: [a.leg, b.leg] };
}

/** Rule 3 over the direct and the inverse pair's series. */
function bestLeg(
  market: MarketData,
  from: CurrencyCode,
  to: CurrencyCode,
  day: number,
): { rate: number; leg: FxLeg } | undefined {
  let best: { rate: number; leg: FxLeg } | undefined;
  let bestRank = Number.NEGATIVE_INFINITY;
  for (const inverted of [false, true]) {
    const pair = inverted ? `${to}${from}` : `${from}${to}`;
    for (const series of market.fx.get(pair) ?? []) {
      const obs = observeFx(series, day);
      if (!obs) continue;
      if (best && obs.rank <= bestRank) continue; // equal ranks keep the series listed first
      bestRank = obs.rank;
      best = {
        rate: inverted ? 1 / obs.value : obs.value,
        leg: { pair, day: obs.day, kind: series.kind, source: series.source, inverted },
      };
    }
  }
  return best;
}

/**
 * Rule 3 as one number per offer, larger wins: a fixing of day d ranks 2d, the average of the month starting on day s
 * ranks 2s − 1 (a row dated inside the month counts from the month's first day). So a fixing dated on or after the average's first day outranks it (2d ≥ 2s > 2s − 1), an average
 * outranks fixings dated before its month, and a later month's average outranks an earlier one.
 */
export function fxPrecedence(kind: FxKind, seriesDay: number): number {
  return kind === 'daily' ? 2 * seriesDay : 2 * startOfMonth(seriesDay) - 1;
}

/**
 * The observation of `series` usable on `day`: its value, effective date (a monthly average's is its month's last
 * day) and rank (fxPrecedence of the row's own date), or undefined when none is known yet.
 */
export function observeFx(
  series: FxSeries,
  day: number,
): { value: number; day: number; rank: number } | undefined {
  let i = indexOnOrBefore(series, day);
  if (series.kind === 'daily') {
    if (i < 0) return undefined;
    const d = series.days[i] as number;
    return { value: series.values[i] as number, day: d, rank: fxPrecedence('daily', d) };
  }
  // Step back past averages whose month has not ended by `day` (normally just the current month's).
  while (i >= 0 && endOfMonth(series.days[i] as number) > day) i--;
  if (i < 0) return undefined;
  const d = series.days[i] as number;
  return { value: series.values[i] as number, day: endOfMonth(d), rank: fxPrecedence('monthly-average', d) };
}
