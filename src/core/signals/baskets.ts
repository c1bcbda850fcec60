/**
 * The baskets the signals compare: the model's sleeves (their backtest symbols and weights), the Mag7, the S&P 500,
 * and the regions the essay names. Fixed here so the output can say exactly what was measured.
 */
import type { MarketData } from '../market.ts';
import type { Model } from '../model.ts';
import { onOrBefore } from '../series.ts';
import type { BasketMember } from './basket.ts';

/** The seven, Alphabet once (class A), equal weights: the "Mag7 basket". */
export const MAG7_SYMBOLS = ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'NVDA', 'TSLA'] as const;
export const MAG7_BASKET: BasketMember[] = MAG7_SYMBOLS.map((symbol) => ({ symbol, weight: 1 / 7 }));

/** The S&P 500 as its ETF (daily closes; the Shiller index is monthly averages, too coarse for a 1-month window). */
export const SP500_SYMBOL = 'SPY';
export const SP500_BASKET: BasketMember[] = [{ symbol: SP500_SYMBOL, weight: 1 }];

export interface SleeveBasket {
  sleeve: string;
  members: BasketMember[];
}

/** Every model sleeve that has backtest symbols (cash-bonds has none), in the model's order. */
export function sleeveBaskets(model: Model): SleeveBasket[] {
  return model.sleeves
    .filter((s) => (s.backtest?.length ?? 0) > 0)
    .map((s) => ({
      sleeve: s.id,
      members: (s.backtest ?? []).map((b) => ({
        symbol: b.symbol,
        weight: b.weight,
        ...(b.note ? { standIn: b.note } : {}),
        ...(b.noteKo ? { standInKo: b.noteKo } : {}),
      })),
    }));
}

export interface RegionBasket {
  region: 'korea' | 'japan' | 'india';
  /** Empty when no listing of the region is known: the signal then says "no data" instead of inventing a proxy. */
  members: BasketMember[];
  /**
   * The members are candidates, not a fixed basket: only those with a close on or before the as-of date are kept, in
   * equal weights (`pricedMembers`), and with none the region says "no data". For a region whose listings are not
   * bundled but that the user may price with `--prices`.
   */
  pricedOnly?: boolean;
}

/** Equal weights within a region. Korea's closes are in KRW and are converted to USD like every other return. */
export const REGION_BASKETS: RegionBasket[] = [
  {
    region: 'korea',
    members: [
      { symbol: '005930.KS', weight: 0.5, standIn: 'region:korea' },
      { symbol: '000660.KS', weight: 0.5, standIn: 'region:korea' },
    ],
  },
  // Japan: the universe's Tokyo listings (data/universe.json, country JP; baskets.test.ts keeps them in step). None is
  // bundled, so only those the user prices (`--prices`, the journal cache) are measured.
  {
    region: 'japan',
    members: [
      { symbol: '6954.T', weight: 1 / 3, standIn: 'region:japan' },
      { symbol: '6758.T', weight: 1 / 3, standIn: 'region:japan' },
      { symbol: '1306.T', weight: 1 / 3 },
    ],
    pricedOnly: true,
  },
  {
    region: 'india',
    members: [
      { symbol: 'INFY', weight: 0.5, standIn: 'region:india' },
      { symbol: 'WIT', weight: 0.5, standIn: 'region:india' },
    ],
  },
];

/**
 * The members a region is measured with on `asOf`: all of them for a fixed basket; for a `pricedOnly` one, those with a
 * close on or before `asOf`, in equal weights (empty when none has: "no data").
 */
export function pricedMembers(r: RegionBasket, market: MarketData, asOf: number): BasketMember[] {
  if (!r.pricedOnly) return r.members;
  const kept = r.members.filter((m) => {
    const series = market.prices.get(m.symbol);
    return series !== undefined && onOrBefore(series, asOf) !== undefined;
  });
  return kept.map((m) => ({ symbol: m.symbol, weight: 1 / kept.length }));
}
