/**
 * The market-data cache as a layer (the cache itself, its tables and writes: store/price-cache.ts). `cacheLayer`
 * turns the cache into the plain series `loadMarketData` layers between the user's folder and the bundled files.
 * Each series keeps its cached currency (`PriceSeries.currency`, major unit): a GBP close for RR.L stays
 * in pounds, and valuation, which applies the universe's quote unit (pence) only to series without a currency, reads
 * it as pounds. Dividends are in the same currency as the closes.
 */

import { existsSync } from 'node:fs';
import { toDay } from '../../core/dates.ts';
import type { FxSeries, PriceSeries } from '../../core/market.ts';
import type { Series } from '../../core/series.ts';
import type { PriceCache } from '../store/price-cache.ts';
import type { MarketLayer } from './load.ts';

export interface CacheLayerOptions {
  /** Only these symbols' prices are read (all FX always is). Omit for every cached symbol. */
  symbols?: Iterable<string>;
}

/** The cache as a layer for `loadMarketData`: series labelled `cache:<provider>`, each with its currency. */
export async function cacheLayer(cache: PriceCache, o: CacheLayerOptions = {}): Promise<MarketLayer> {
  const wanted = o.symbols ? new Set([...o.symbols].map((s) => s.toUpperCase())) : undefined;
  const prices = new Map<string, PriceSeries>();
  const dividends = new Map<string, Series>();
  for (const s of await cache.symbols()) {
    if (wanted && !wanted.has(s.symbol)) continue;
    const rows = await cache.closes(s.symbol);
    const source = `cache:${s.source}`;
    prices.set(s.symbol, {
      days: Int32Array.from(rows.map((r) => toDay(r.date))),
      values: Float64Array.from(rows.map((r) => r.close)),
      source,
      currency: s.currency,
    });
    const divs = await cache.dividends(s.symbol);
    if (divs.length > 0) {
      dividends.set(s.symbol, {
        days: Int32Array.from(divs.map((d) => toDay(d.date))),
        values: Float64Array.from(divs.map((d) => d.amount)),
        source,
      });
    }
  }
  const fx: FxSeries[] = [];
  for (const p of await cache.pairs()) {
    const rows = await cache.rates(p.base, p.quote);
    fx.push({
      base: p.base,
      quote: p.quote,
      kind: 'daily',
      days: Int32Array.from(rows.map((r) => toDay(r.date))),
      values: Float64Array.from(rows.map((r) => r.rate)),
      source: `cache:${p.source}`,
    });
  }
  return { prices, dividends, fx };
}

/**
 * The cache layer of the journal at `file`, or undefined when there is no such file. Opens read-only and closes it
 * again: reading prices never creates, upgrades or locks the journal. For any command that prices holdings
 * (workspace.ts `marketFor`, which every pricing command goes through).
 */
export async function readCacheLayer(
  file: string,
  o: CacheLayerOptions = {},
): Promise<MarketLayer | undefined> {
  if (!existsSync(file)) return undefined;
  // Loaded here, not at the top: a run with no journal file never pays for SQLite and the query builder.
  const [{ openJournal }, { PriceCache }] = await Promise.all([
    import('../store/database.ts'),
    import('../store/price-cache.ts'),
  ]);
  const journal = await openJournal(file, { readOnly: true });
  try {
    return await cacheLayer(new PriceCache(journal), o);
  } finally {
    await journal.close();
  }
}
