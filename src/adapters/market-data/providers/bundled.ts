/**
 * The bundled dataset and the user's `--prices` folder behind the Provider interface, so `data status` and the
 * runner can treat every source alike. It wraps `loadMarketData` (the one reader of those files) instead of reading
 * them again. Local files never fail the way a network does, so this provider throws only `not-found`.
 *
 * Closes in these files are in the listing's quote unit (pence for `.L`); `quoteUnitOf` (normally the universe's
 * quoteCurrency/currency) turns them into the major unit the interface promises. Without it the currency is unknown.
 */
import type { CurrencyCode } from '../../../core/currency.ts';
import { quoteToMajor } from '../../../core/currency.ts';
import type { IsoDate } from '../../../core/dates.ts';
import { fromDay, toDay } from '../../../core/dates.ts';
import type { MarketData } from '../../../core/market.ts';
import type { Series } from '../../../core/series.ts';
import { loadMarketData } from '../load.ts';
import type { Coverage, DatedValue, FxHistory, LatestPrice, PriceHistory, Provider } from './types.ts';
import { ProviderError } from './types.ts';

export interface FileProviderOptions {
  /** `bundled` reads data/market only; `user` reads only what the user's folder supplies. */
  kind: 'bundled' | 'user';
  bundledDir?: string;
  /** Required for `user`. */
  userDir?: string;
  quoteUnitOf?: (symbol: string) => string | undefined;
}

export class FileProvider implements Provider {
  readonly id: string;
  readonly coverage: Coverage = { suffixes: [], fx: true };
  private market: MarketData | undefined;

  constructor(private readonly o: FileProviderOptions) {
    if (o.kind === 'user' && o.userDir === undefined) throw new Error('a user file provider needs userDir');
    this.id = o.kind;
  }

  /** What this source has, read once. */
  data(): MarketData {
    this.market ??= loadMarketData({
      ...(this.o.bundledDir === undefined ? {} : { bundledDir: this.o.bundledDir }),
      ...(this.o.kind === 'user' ? { userDir: this.o.userDir } : {}),
    });
    return this.market;
  }

  /** Symbols with a series from this source. */
  symbols(): string[] {
    return [...this.data().prices]
      .filter(([, s]) => this.owns(s))
      .map(([sym]) => sym)
      .sort();
  }

  covers(symbol: string): boolean {
    const s = this.data().prices.get(symbol.toUpperCase());
    return s !== undefined && this.owns(s);
  }

  async history(symbol: string, from: IsoDate, to: IsoDate): Promise<PriceHistory> {
    const key = symbol.toUpperCase();
    const s = this.data().prices.get(key);
    if (!s || !this.owns(s))
      throw new ProviderError(this.id, 'not-found', `no ${this.id} price file for ${symbol}`);
    const unit = this.unit(key);
    const div = this.o.kind === 'bundled' ? this.data().dividends.get(key) : undefined;
    return {
      symbol: key,
      currency: unit?.currency,
      closes: slice(s, from, to, unit?.factor ?? 1),
      ...(div ? { dividends: slice(div, from, to, unit?.factor ?? 1) } : {}),
      source: s.source,
    };
  }

  async latest(symbol: string): Promise<LatestPrice> {
    const key = symbol.toUpperCase();
    const s = this.data().prices.get(key);
    const n = s?.days.length ?? 0;
    if (!s || !this.owns(s) || n === 0)
      throw new ProviderError(this.id, 'not-found', `no ${this.id} price for ${symbol}`);
    const unit = this.unit(key);
    return {
      symbol: key,
      currency: unit?.currency,
      date: fromDay(s.days[n - 1] as number),
      close: (s.values[n - 1] as number) * (unit?.factor ?? 1),
      source: s.source,
    };
  }

  async fxHistory(base: CurrencyCode, quote: CurrencyCode, from: IsoDate, to: IsoDate): Promise<FxHistory> {
    // Daily series only: a monthly average is not a rate of any one day.
    for (const [pair, invert] of [
      [`${base}${quote}`, false],
      [`${quote}${base}`, true],
    ] as const) {
      const s = this.data()
        .fx.get(pair)
        ?.find((x) => x.kind === 'daily' && this.owns(x));
      if (!s) continue;
      const rates = slice(s, from, to, 1).map((v) => (invert ? { date: v.date, value: 1 / v.value } : v));
      return { base, quote, rates, source: s.source };
    }
    throw new ProviderError(this.id, 'not-found', `no ${this.id} daily rates for ${base}${quote}`);
  }

  private owns(s: Series): boolean {
    return s.source.startsWith(`${this.o.kind}:`);
  }

  private unit(symbol: string): { currency: CurrencyCode; factor: number } | undefined {
    const q = this.o.quoteUnitOf?.(symbol);
    return q === undefined ? undefined : quoteToMajor(q);
  }
}

function slice(s: Series, from: IsoDate, to: IsoDate, factor: number): DatedValue[] {
  const a = toDay(from);
  const b = toDay(to);
  const out: DatedValue[] = [];
  for (let i = 0; i < s.days.length; i++) {
    const d = s.days[i] as number;
    if (d >= a && d <= b) out.push({ date: fromDay(d), value: (s.values[i] as number) * factor });
  }
  return out;
}
