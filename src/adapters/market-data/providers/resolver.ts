/**
 * Canonical symbol → each provider's spelling. Canonical equities are already Yahoo-style (`005930.KS`, `6954.T`,
 * `RR.L`, `BRK-B`, `^KS200`), canonical FX pairs are six letters base-then-quote (`USDKRW` = KRW per 1 USD), the
 * loader's file-naming convention. Everything provider-specific about names lives here, nowhere else.
 */
import type { CurrencyCode } from '../../../core/currency.ts';
import { isCurrencyCode } from '../../../core/currency.ts';

/** `USDKRW` → USD, KRW; undefined for anything that is not two different ISO codes. */
export function parseFxPair(pair: string): { base: CurrencyCode; quote: CurrencyCode } | undefined {
  const p = pair.trim().toUpperCase();
  if (!/^[A-Z]{6}$/.test(p)) return undefined;
  const base = p.slice(0, 3);
  const quote = p.slice(3);
  if (base === quote || !isCurrencyCode(base) || !isCurrencyCode(quote)) return undefined;
  return { base, quote };
}

/**
 * The listing suffix that decides which providers cover a symbol: `.KS`, `.T`, … ; `^` for an index; `''` for a
 * plain (US) ticker. `BRK-B` has no dot suffix; a dotted US class share (`BRK.B`) is not canonical here.
 */
export function listingSuffix(symbol: string): string {
  if (symbol.startsWith('^')) return '^';
  const dot = symbol.lastIndexOf('.');
  return dot > 0 ? symbol.slice(dot).toUpperCase() : '';
}

/**
 * Yahoo's spelling. FX: `KRW=X` is KRW per 1 USD (Yahoo drops the USD base), `EURUSD=X` is USD per 1 EUR, any other
 * cross `AAABBB=X`. Equities and indices are already in Yahoo's form.
 */
export function yahooSymbol(canonical: string): string {
  const fx = parseFxPair(canonical);
  if (fx) return fx.base === 'USD' ? `${fx.quote}=X` : `${fx.base}${fx.quote}=X`;
  return canonical.trim().toUpperCase();
}

/**
 * FRED's H.10 daily noon-buying-rate series and the pair each one publishes, in FRED's own orientation: most are
 * "currency per 1 USD", but the euro, the pound (and the Australian/NZ dollars) are "USD per 1 unit".
 */
export const FRED_FX_SERIES: Readonly<Record<string, { base: CurrencyCode; quote: CurrencyCode }>> = {
  DEXKOUS: { base: 'USD', quote: 'KRW' },
  DEXJPUS: { base: 'USD', quote: 'JPY' },
  DEXSZUS: { base: 'USD', quote: 'CHF' },
  DEXINUS: { base: 'USD', quote: 'INR' },
  DEXUSEU: { base: 'EUR', quote: 'USD' },
  DEXUSUK: { base: 'GBP', quote: 'USD' },
};

/** The FRED series for a pair, and whether its values must be inverted to read as `quote` per 1 `base`. */
export function fredFxSeries(
  base: CurrencyCode,
  quote: CurrencyCode,
): { id: string; invert: boolean } | undefined {
  for (const [id, s] of Object.entries(FRED_FX_SERIES)) {
    if (s.base === base && s.quote === quote) return { id, invert: false };
    if (s.base === quote && s.quote === base) return { id, invert: true };
  }
  return undefined;
}
