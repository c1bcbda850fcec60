/**
 * Stand-ins for holdings without enough price history: the first of the model sleeve's `backtest` symbols that has a
 * close on or before the day history must start, else SPY (sleeves outside the model, or a model sleeve none of whose
 * proxies reaches back that far). The cash-bonds sleeve has no equity stand-in: a bond fund without history is held
 * flat, and the report says so, rather than being replayed as the S&P 500.
 */
import type { MarketData } from '../market.ts';
import type { Model } from '../model.ts';
import { onOrBefore } from '../series.ts';
import type { SleeveId } from '../universe.ts';

export const BROAD_PROXY = 'SPY';

/** Symbols a proxy may be drawn from, so the shell can load them with the holdings. */
export function proxyCandidates(model: Model): string[] {
  const out = new Set<string>();
  for (const s of model.sleeves) for (const b of s.backtest ?? []) out.add(b.symbol);
  out.add(BROAD_PROXY);
  return [...out];
}

/** The proxy symbol for `sleeve` with a close on or before `day`, or null for the cash-bonds sleeve. */
export function proxyFor(
  sleeve: SleeveId,
  model: Model,
  market: MarketData,
  day: number,
): string | null | undefined {
  const hasHistory = (symbol: string) => {
    const s = market.prices.get(symbol);
    return s !== undefined && onOrBefore(s, day) !== undefined;
  };
  const ms = model.sleeves.find((s) => s.id === sleeve);
  const own = ms?.backtest?.map((b) => b.symbol).find(hasHistory);
  if (own) return own;
  if (sleeve === 'cash-bonds') return null;
  return hasHistory(BROAD_PROXY) ? BROAD_PROXY : undefined;
}
