/**
 * Historical replay: what a past window would do to today's holdings. Each holding's value at the as-of date is moved
 * by its price return over the window, close on or before TO ÷ close on or before FROM, times its currency's move
 * against the base over the same dates (FX on or before each date, by the usual no-look-ahead rules of fx.ts).
 *
 * A holding with no close on or before FROM replays its proxy's price return (proxy.ts) and keeps its own currency's
 * move: the proxy stands in for the business, the holding's listing currency is still what the user owns. Cash moves
 * by FX only.
 */
import type { CurrencyCode } from '../currency.ts';
import { fromDay, toDay } from '../dates.ts';
import { InputError } from '../errors.ts';
import { fxRate } from '../fx.ts';
import type { MarketData } from '../market.ts';
import type { Model } from '../model.ts';
import { onOrBefore } from '../series.ts';
import type { Position } from '../valuation.ts';
import { proxyFor } from './proxy.ts';
import type { PositionImpact, ProxyUse, ScenarioResult } from './result.ts';
import { positionImpact, summarise } from './result.ts';

export interface HistoricalWindow {
  id: string;
  /** Day numbers. */
  from: number;
  to: number;
}

/** The four windows every run replays: peak to trough of each episode (S&P 500 closes). */
export const HISTORICAL_WINDOWS: readonly HistoricalWindow[] = [
  { id: 'dotcom', from: toDay('2000-03-24'), to: toDay('2002-10-09') },
  { id: 'gfc', from: toDay('2007-10-09'), to: toDay('2009-03-09') },
  { id: 'covid', from: toDay('2020-02-19'), to: toDay('2020-03-23') },
  { id: 'rates-2022', from: toDay('2022-01-03'), to: toDay('2022-10-12') },
];

export interface ReplayInput {
  positions: readonly Position[];
  total: number;
  base: CurrencyCode;
  market: MarketData;
  model: Model;
  window: HistoricalWindow;
}

export function replayWindow(input: ReplayInput): ScenarioResult {
  const { positions, base, market, model, window } = input;
  const proxies: ProxyUse[] = [];
  const impacts = positions.map((p): PositionImpact => {
    const fx = fxMove(market, p.currency, base, window);
    let priceMove = 0;
    let rule: PositionImpact['rule'] = 'cash';
    let proxy: string | null = null;
    if (p.kind !== 'cash') {
      const own = priceReturn(market, p.symbol, window);
      if (own !== undefined) {
        priceMove = own;
        rule = 'history';
      } else {
        const stand = proxyFor(p.sleeve, model, market, window.from);
        if (stand === undefined) {
          throw new InputError({
            message: `no price history for ${p.symbol} before ${fromDay(window.from)}, and no proxy (${p.sleeve}) either`,
            hint: `put ${p.symbol}.csv with history back to ${fromDay(window.from)} in your --prices folder`,
            ko: {
              message: `${fromDay(window.from)} 이전의 ${p.symbol} 가격 기록이 없고, 대용 종목(${p.sleeve})도 없습니다`,
              hint: `${fromDay(window.from)}까지 거슬러 가는 ${p.symbol}.csv를 --prices 폴더에 넣으세요`,
            },
          });
        }
        proxies.push({ symbol: p.symbol, proxy: stand, sleeve: p.sleeve, reason: 'no-history' });
        proxy = stand;
        rule = stand === null ? 'flat' : 'proxy';
        priceMove = stand === null ? 0 : (priceReturn(market, stand, window) as number);
      }
    }
    return positionImpact(p, { priceMove, fxFactor: 1 + fx, fxMove: fx, rule, rationale: null, proxy });
  });
  return summarise({
    id: window.id,
    kind: 'historical',
    total: input.total,
    impacts,
    proxies: dedupe(proxies),
    unshocked: [],
  });
}

/** close(≤ TO) / close(≤ FROM) − 1, or undefined when the series has no close on or before FROM. */
export function priceReturn(market: MarketData, symbol: string, w: HistoricalWindow): number | undefined {
  const s = market.prices.get(symbol);
  const a = s && onOrBefore(s, w.from);
  const b = s && onOrBefore(s, w.to);
  if (!a || !b) return undefined;
  return b.value / a.value - 1;
}

/** The base's price of one unit of `currency` at TO over at FROM, minus one. */
export function fxMove(
  market: MarketData,
  currency: CurrencyCode,
  base: CurrencyCode,
  w: HistoricalWindow,
): number {
  if (currency === base) return 0;
  const a = fxRate(market, currency, base, w.from);
  const b = fxRate(market, currency, base, w.to);
  if (!a || !b) {
    throw new InputError({
      message: `no ${currency}→${base} exchange rate on or before ${fromDay(a ? w.to : w.from)} for the window ${fromDay(w.from)}:${fromDay(w.to)}`,
      hint: `put fx/USD${currency === 'USD' ? base : currency}.csv with history back to ${fromDay(w.from)} in your --prices folder`,
      ko: {
        message: `${fromDay(w.from)}:${fromDay(w.to)} 기간에 쓸 ${fromDay(a ? w.to : w.from)} 또는 그 이전의 ${currency}→${base} 환율이 없습니다`,
        hint: `${fromDay(w.from)}까지 거슬러 가는 fx/USD${currency === 'USD' ? base : currency}.csv를 --prices 폴더에 넣으세요`,
      },
    });
  }
  return b.rate / a.rate - 1;
}

function dedupe(list: ProxyUse[]): ProxyUse[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.symbol}|${p.proxy}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
