/**
 * The market data the core reads: closes per symbol and FX rates per currency pair, already loaded and validated by an
 * adapter. Plain data, so every core function that prices something is a pure function of it.
 */
import type { CurrencyCode } from './currency.ts';
import type { Series } from './series.ts';

export interface PriceSeries extends Series {
  /** The currency the closes are in (major unit: a GBp source has already been divided by 100). */
  readonly currency?: CurrencyCode;
}

/** How an FX series samples the rate: a daily fixing, or a monthly average (FRED/H.10 monthly files). */
export type FxKind = 'daily' | 'monthly-average';

export interface FxSeries extends Series {
  /** Units of `quote` per 1 unit of `base` (USDKRW ≈ 1400: base USD, quote KRW). */
  readonly base: CurrencyCode;
  readonly quote: CurrencyCode;
  readonly kind: FxKind;
}

export interface MarketData {
  /** Closes by canonical symbol (`NVDA`, `005930.KS`). */
  readonly prices: ReadonlyMap<string, PriceSeries>;
  /** Dividends per share on the ex-date, same split basis as prices, by symbol (may be absent). */
  readonly dividends: ReadonlyMap<string, Series>;
  /** FX series by pair code `BASEQUOTE` (`USDKRW`); a pair can have a daily and a monthly series, best first. */
  readonly fx: ReadonlyMap<string, readonly FxSeries[]>;
}
