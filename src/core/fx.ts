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
 *    used mid-month). The offer with the later effective date wins; on a tie daily beats monthly, then the series
 *    listed first wins (direct before inverse, and the loader lists the user's series first).
 * 4. With no direct leg, cross through USD: (FROM→USD) × (USD→TO), each leg chosen by rule 3.
 * The quote's `day` is the oldest effective date among its legs, so callers can report how stale a conversion is.
 */
import type { CurrencyCode } from './currency.ts';
import { endOfMonth } from './dates.ts';
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
  for (const inverted of [false, true]) {
    const pair = inverted ? `${to}${from}` : `${from}${to}`;
    for (const series of market.fx.get(pair) ?? []) {
      const obs = observe(series, day);
      if (!obs) continue;
      if (best && !beats(obs.day, series.kind, best.leg)) continue;
      best = {
        rate: inverted ? 1 / obs.value : obs.value,
        leg: { pair, day: obs.day, kind: series.kind, source: series.source, inverted },
      };
    }
  }
  return best;
}

/** Strictly better than the current best; equal offers keep the earlier one (rule 3's last tie-break). */
function beats(effDay: number, kind: FxKind, current: FxLeg): boolean {
  if (effDay !== current.day) return effDay > current.day;
  return kind === 'daily' && current.kind !== 'daily';
}

/** The observation usable on `day`, with its effective date. */
function observe(series: FxSeries, day: number): { value: number; day: number } | undefined {
  let i = indexOnOrBefore(series, day);
  if (series.kind === 'daily') {
    return i < 0 ? undefined : { value: series.values[i] as number, day: series.days[i] as number };
  }
  // Step back past averages whose month has not ended by `day` (normally just the current month's).
  while (i >= 0 && endOfMonth(series.days[i] as number) > day) i--;
  return i < 0 ? undefined : { value: series.values[i] as number, day: endOfMonth(series.days[i] as number) };
}
