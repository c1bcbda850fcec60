/**
 * One interface for every source of prices and FX rates (the bundled files, the user's folder, Yahoo, FRED), so the
 * runner can try them in order and the cache can store what any of them returns. Dates are ISO exchange-local days;
 * every close carries the major currency it is in (a pence quote has already been divided by 100).
 */
import type { CurrencyCode } from '../../../core/currency.ts';
import type { IsoDate } from '../../../core/dates.ts';

export interface DatedValue {
  date: IsoDate;
  value: number;
}

export interface PriceHistory {
  /** The canonical symbol asked for (`005930.KS`), not the provider's spelling. */
  symbol: string;
  /** Major unit (`GBP` for an `RR.L` series Yahoo quotes in `GBp`). Undefined when the source does not say. */
  currency: CurrencyCode | undefined;
  /** Closes, ascending by date, one per day, all > 0. */
  closes: DatedValue[];
  /** Cash dividends per share on the ex-date, same unit as `closes`; undefined when the source has none to give. */
  dividends?: DatedValue[];
  /** Splits on their ex-date (numerator:denominator, 4:1 = ratio 4); the cache refetches history when one appears. */
  splits?: { date: IsoDate; ratio: number }[];
  /** Provenance, e.g. `yahoo`, `bundled:prices/NVDA.csv`. */
  source: string;
}

export interface FxHistory {
  /** Units of `quote` per 1 `base` (USDKRW ≈ 1400), whatever orientation the provider publishes. */
  base: CurrencyCode;
  quote: CurrencyCode;
  rates: DatedValue[];
  source: string;
}

export interface LatestPrice {
  symbol: string;
  currency: CurrencyCode | undefined;
  date: IsoDate;
  close: number;
  source: string;
}

/** What a provider can be asked for: the runner skips a provider for requests outside it instead of failing. */
export interface Coverage {
  /** Listing suffixes served (`.KS`, `.T`, …); `''` = plain US tickers; `^` = indices. Empty list = no equities. */
  suffixes: readonly string[];
  /** Whether `fxHistory` is served at all. */
  fx: boolean;
  /** FX pairs served, when only some are (`USDKRW`, …); undefined = any pair. */
  fxPairs?: readonly string[];
}

export interface Provider {
  readonly id: string;
  readonly coverage: Coverage;
  covers(symbol: string): boolean;
  /** Closes from `from` to `to` inclusive (ISO dates). Throws ProviderError. */
  history(symbol: string, from: IsoDate, to: IsoDate, signal?: AbortSignal): Promise<PriceHistory>;
  latest(symbol: string, signal?: AbortSignal): Promise<LatestPrice>;
  fxHistory(
    base: CurrencyCode,
    quote: CurrencyCode,
    from: IsoDate,
    to: IsoDate,
    signal?: AbortSignal,
  ): Promise<FxHistory>;
}

/**
 * How a failure should be handled (after Wealthfolio's retry classes): `retry` = same provider again after a backoff
 * (429, 5xx, timeout, connection reset); `next` = this provider cannot answer, try the next one (unknown symbol, not
 * covered, malformed answer: retrying the same request would get the same answer).
 */
export type FailureKind =
  | 'not-found'
  | 'not-covered'
  | 'rate-limited'
  | 'timeout'
  | 'http'
  | 'network'
  | 'malformed';

export class ProviderError extends Error {
  readonly provider: string;
  readonly kind: FailureKind;
  readonly status: number | undefined;
  /** Milliseconds the server asked us to wait (a 429's Retry-After). */
  readonly retryAfterMs: number | undefined;
  constructor(
    provider: string,
    kind: FailureKind,
    message: string,
    extra: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(`${provider}: ${message}`);
    this.name = 'ProviderError';
    this.provider = provider;
    this.kind = kind;
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
  }

  get retryable(): boolean {
    if (this.kind === 'rate-limited' || this.kind === 'timeout' || this.kind === 'network') return true;
    return this.kind === 'http' && this.status !== undefined && this.status >= 500;
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}
