/**
 * A basket's price return over a window: the weighted average of its members' returns, each in the base currency.
 *
 * Definitions (the README repeats them):
 * - A member's value on a day is its last close on or before that day, times the FX rate (listing currency → base) on
 *   or before the close's date (src/core/fx.ts, no look-ahead). Price return only: dividends are left out, for the
 *   basket and the benchmark alike.
 * - Member return r_i = value(end) / value(start) − 1.
 * - A member is dropped, with the reason, when it has no close on or before the start, when its close on or before the
 *   start or the end is more than MAX_CLOSE_AGE_DAYS older than that day (it was not trading then), when its currency
 *   is unknown or when no FX rate converts it.
 * - Basket return = Σ w_i r_i / Σ w_i over the members kept (the weights of the dropped ones are spread pro rata).
 *   With no member kept there is no return.
 */
import type { CurrencyCode } from '../currency.ts';
import type { IsoDate } from '../dates.ts';
import { fromDay } from '../dates.ts';
import { fxRate } from '../fx.ts';
import type { MarketData } from '../market.ts';
import { onOrBefore } from '../series.ts';

/** Longer than the longest gap in the bundled closes (11 days, Korea's 2017 holiday) and shorter than any delisting. */
export const MAX_CLOSE_AGE_DAYS = 14;

export interface BasketMember {
  symbol: string;
  weight: number;
  /**
   * Stands in for what the essay names (a US-listed proxy, one company for a market, an ADR for a country), with the
   * reason: the model's backtest note, or a code the i18n layer words (region baskets).
   */
  standIn?: string;
  /** The model's Korean note for the same reason, when it has one. */
  standInKo?: string;
}

export interface PriceContext {
  market: MarketData;
  /** Listing currency of a symbol (from the universe); undefined = unknown. */
  currencyOf: (symbol: string) => CurrencyCode | undefined;
  /** The currency every return is measured in. */
  base: CurrencyCode;
}

export interface MemberPoint {
  date: IsoDate;
  close: number;
  /** Base per unit of the listing currency, and the date of that rate (1 and the close's date when no FX is needed). */
  fxRate: number;
  fxDate: IsoDate;
  /** close × fxRate. */
  value: number;
}

export interface PricedMember {
  symbol: string;
  currency: CurrencyCode;
  /** The weight as given and the weight after dropped members' weights were spread. */
  weight: number;
  effectiveWeight: number;
  start: MemberPoint;
  end: MemberPoint;
  return: number;
}

export type DropReason =
  | 'no-prices'
  | 'no-close-at-start'
  | 'stale-close'
  | 'unknown-currency'
  | 'no-fx-rate';

export interface DroppedMember {
  symbol: string;
  reason: DropReason;
  /** The close date that was too old, for `stale-close`. */
  date?: IsoDate;
}

export interface BasketReturn {
  /** Undefined when every member was dropped. */
  return?: number;
  members: PricedMember[];
  dropped: DroppedMember[];
}

type PointResult = { point: MemberPoint } | { dropped: DroppedMember };

/** A member's value in the base currency on `day` (its last close on or before it), or why there is none. */
export function memberPoint(ctx: PriceContext, symbol: string, day: number): PointResult {
  const series = ctx.market.prices.get(symbol);
  if (!series) return { dropped: { symbol, reason: 'no-prices' } };
  const obs = onOrBefore(series, day);
  if (!obs) return { dropped: { symbol, reason: 'no-close-at-start' } };
  if (day - obs.day > MAX_CLOSE_AGE_DAYS)
    return { dropped: { symbol, reason: 'stale-close', date: fromDay(obs.day) } };
  const currency = series.currency ?? ctx.currencyOf(symbol);
  if (!currency) return { dropped: { symbol, reason: 'unknown-currency' } };
  const fx = fxRate(ctx.market, currency, ctx.base, obs.day);
  if (!fx) return { dropped: { symbol, reason: 'no-fx-rate' } };
  return {
    point: {
      date: fromDay(obs.day),
      close: obs.value,
      fxRate: fx.rate,
      fxDate: fromDay(fx.day),
      value: obs.value * fx.rate,
    },
  };
}

export function basketReturn(
  ctx: PriceContext,
  members: readonly BasketMember[],
  startDay: number,
  endDay: number,
): BasketReturn {
  const kept: Omit<PricedMember, 'effectiveWeight'>[] = [];
  const dropped: DroppedMember[] = [];
  for (const m of members) {
    const a = memberPoint(ctx, m.symbol, startDay);
    if ('dropped' in a) {
      dropped.push(a.dropped);
      continue;
    }
    const b = memberPoint(ctx, m.symbol, endDay);
    if ('dropped' in b) {
      // A close exists at the start, so a missing one at the end can only be an old one.
      dropped.push(b.dropped);
      continue;
    }
    const currency = ctx.market.prices.get(m.symbol)?.currency ?? (ctx.currencyOf(m.symbol) as CurrencyCode);
    kept.push({
      symbol: m.symbol,
      currency,
      weight: m.weight,
      start: a.point,
      end: b.point,
      return: b.point.value / a.point.value - 1,
    });
  }
  const total = kept.reduce((s, m) => s + m.weight, 0);
  if (kept.length === 0 || total <= 0) return { members: [], dropped };
  const priced = kept.map((m) => ({ ...m, effectiveWeight: m.weight / total }));
  const ret = priced.reduce((s, m) => s + m.effectiveWeight * m.return, 0);
  return { return: ret, members: priced, dropped };
}

/**
 * The basket's value path over a window, for charts: a point of 1 at the start, then on each day of `calendar` after
 * the start and up to the end, Σ w_i × value_i(t) / value_i(start) over the members kept in `result`, and a last point
 * on the end day itself (so the path ends at 1 + the basket return). Fixed weights, buy and hold: the same definition
 * as the window return.
 */
export function basketPath(
  ctx: PriceContext,
  result: BasketReturn,
  calendar: Int32Array,
  startDay: number,
  endDay: number,
): { date: IsoDate; value: number }[] {
  if (result.return === undefined) return [];
  const at = (day: number) =>
    result.members.reduce((s, m) => {
      const p = memberPoint(ctx, m.symbol, day);
      // A member that stopped trading inside the window keeps its last value rather than falling to zero.
      const value = 'point' in p ? p.point.value : m.end.value;
      return s + m.effectiveWeight * (value / m.start.value);
    }, 0);
  const out = [{ date: fromDay(startDay), value: 1 }];
  for (const day of calendar) {
    if (day <= startDay) continue;
    if (day >= endDay) break;
    out.push({ date: fromDay(day), value: at(day) });
  }
  out.push({ date: fromDay(endDay), value: at(endDay) });
  return out;
}
