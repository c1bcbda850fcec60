/**
 * The market-data cache: what `dispersion data update` fetched, kept in the journal database's `price_cache`,
 * `dividend_cache` and `fx_cache` tables (migration 2026-11-25T0002). Rows are keyed by symbol (or pair) and date;
 * values are in the major unit of `currency`, as every provider returns them.
 *
 * Writes happen only with a successful answer in hand, each in one transaction: a provider that fails, times out or
 * answers nothing leaves what was cached untouched (an empty answer never deletes history).
 *
 * `cacheLayer` turns the cache into the plain series `loadMarketData` layers between the user's folder and the
 * bundled files. Each series keeps its cached currency (`PriceSeries.currency`, major unit): a GBP close for RR.L stays
 * in pounds, and valuation, which applies the universe's quote unit (pence) only to series without a currency, reads
 * it as pounds. Dividends are in the same currency as the closes.
 */

import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { CurrencyCode } from '../../core/currency.ts';
import type { IsoDate } from '../../core/dates.ts';
import { toDay } from '../../core/dates.ts';
import type { FxSeries, PriceSeries } from '../../core/market.ts';
import type { Series } from '../../core/series.ts';
import type { Journal } from '../store/journal.ts';
import type { JournalDatabase } from '../store/schema.ts';
import type { MarketLayer } from './load.ts';
import type { FxHistory, PriceHistory } from './providers/types.ts';

export type PriceCacheTable = {
  symbol: string;
  date: string;
  close: number;
  currency: string;
  source: string;
  fetched_at: string;
};

export type DividendCacheTable = {
  symbol: string;
  date: string;
  amount: number;
  currency: string;
  source: string;
  fetched_at: string;
};

export type FxCacheTable = {
  base: string;
  quote: string;
  date: string;
  rate: number;
  source: string;
  fetched_at: string;
};

/** Must match migration 2026-11-25T0002; cache.test.ts round-trips every column. */
export type CacheTables = {
  price_cache: PriceCacheTable;
  dividend_cache: DividendCacheTable;
  fx_cache: FxCacheTable;
};

export interface CachedSymbol {
  symbol: string;
  first: IsoDate;
  last: IsoDate;
  rows: number;
  currency: CurrencyCode;
  /** The provider of the latest row. */
  source: string;
  /** When the latest row was fetched (ISO instant). */
  fetchedAt: string;
}

export interface CachedPair {
  base: CurrencyCode;
  quote: CurrencyCode;
  first: IsoDate;
  last: IsoDate;
  rows: number;
  source: string;
  fetchedAt: string;
}

// Rows per INSERT: 6 columns × 500 stays far below SQLite's bound-parameter limit.
const CHUNK = 500;

export class PriceCache {
  private readonly db: Kysely<JournalDatabase & CacheTables>;
  private readonly journal: Journal;

  constructor(journal: Journal) {
    this.journal = journal;
    this.db = journal.db.withTables<CacheTables>();
  }

  /** A write transaction under the journal's one-writer lock (BEGIN IMMEDIATE, bounded wait). */
  private write(fn: (trx: Kysely<JournalDatabase & CacheTables>) => Promise<void>): Promise<void> {
    return this.journal.write((trx) => fn(trx.withTables<CacheTables>()));
  }

  /**
   * Upserts a fetched history (and its dividends). `replace`: the provider re-based the whole history (a split was
   * found), so the symbol's older rows go too — in the same transaction, and only when the answer is not empty.
   */
  async storePrices(h: PriceHistory, fetchedAt: Date, o: { replace?: boolean } = {}): Promise<number> {
    if (h.closes.length === 0) return 0;
    if (h.currency === undefined) throw new Error(`refusing to cache ${h.symbol} without a currency`);
    const currency = h.currency;
    const at = fetchedAt.toISOString();
    await this.write(async (trx) => {
      if (o.replace) {
        await trx.deleteFrom('price_cache').where('symbol', '=', h.symbol).execute();
        await trx.deleteFrom('dividend_cache').where('symbol', '=', h.symbol).execute();
      }
      const rows = h.closes.map((c) => ({
        symbol: h.symbol,
        date: c.date,
        close: c.value,
        currency,
        source: h.source,
        fetched_at: at,
      }));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await trx
          .insertInto('price_cache')
          .values(rows.slice(i, i + CHUNK))
          .onConflict((oc) =>
            oc.columns(['symbol', 'date']).doUpdateSet((eb) => ({
              close: eb.ref('excluded.close'),
              currency: eb.ref('excluded.currency'),
              source: eb.ref('excluded.source'),
              fetched_at: eb.ref('excluded.fetched_at'),
            })),
          )
          .execute();
      }
      const divs = (h.dividends ?? []).map((d) => ({
        symbol: h.symbol,
        date: d.date,
        amount: d.value,
        currency,
        source: h.source,
        fetched_at: at,
      }));
      for (let i = 0; i < divs.length; i += CHUNK) {
        await trx
          .insertInto('dividend_cache')
          .values(divs.slice(i, i + CHUNK))
          .onConflict((oc) =>
            oc.columns(['symbol', 'date']).doUpdateSet((eb) => ({
              amount: eb.ref('excluded.amount'),
              currency: eb.ref('excluded.currency'),
              source: eb.ref('excluded.source'),
              fetched_at: eb.ref('excluded.fetched_at'),
            })),
          )
          .execute();
      }
    });
    return h.closes.length;
  }

  async storeFx(h: FxHistory, fetchedAt: Date): Promise<number> {
    if (h.rates.length === 0) return 0;
    const at = fetchedAt.toISOString();
    const rows = h.rates.map((r) => ({
      base: h.base,
      quote: h.quote,
      date: r.date,
      rate: r.value,
      source: h.source,
      fetched_at: at,
    }));
    await this.write(async (trx) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await trx
          .insertInto('fx_cache')
          .values(rows.slice(i, i + CHUNK))
          .onConflict((oc) =>
            oc.columns(['base', 'quote', 'date']).doUpdateSet((eb) => ({
              rate: eb.ref('excluded.rate'),
              source: eb.ref('excluded.source'),
              fetched_at: eb.ref('excluded.fetched_at'),
            })),
          )
          .execute();
      }
    });
    return rows.length;
  }

  /** One line per cached symbol: its range and where its latest row came from. */
  async symbols(): Promise<CachedSymbol[]> {
    const ranges = await this.db
      .selectFrom('price_cache')
      .select((eb) => [
        'symbol',
        eb.fn.min('date').as('first'),
        eb.fn.max('date').as('last'),
        eb.fn.countAll<number>().as('rows'),
      ])
      .groupBy('symbol')
      .orderBy('symbol')
      .execute();
    const out: CachedSymbol[] = [];
    for (const r of ranges) {
      const latest = await this.db
        .selectFrom('price_cache')
        .select(['currency', 'source', 'fetched_at'])
        .where('symbol', '=', r.symbol)
        .where('date', '=', r.last as string)
        .executeTakeFirstOrThrow();
      out.push({
        symbol: r.symbol,
        first: r.first as string,
        last: r.last as string,
        rows: Number(r.rows),
        currency: latest.currency,
        source: latest.source,
        fetchedAt: latest.fetched_at,
      });
    }
    return out;
  }

  async pairs(): Promise<CachedPair[]> {
    const ranges = await this.db
      .selectFrom('fx_cache')
      .select((eb) => [
        'base',
        'quote',
        eb.fn.min('date').as('first'),
        eb.fn.max('date').as('last'),
        eb.fn.countAll<number>().as('rows'),
      ])
      .groupBy(['base', 'quote'])
      .orderBy('base')
      .orderBy('quote')
      .execute();
    const out: CachedPair[] = [];
    for (const r of ranges) {
      const latest = await this.db
        .selectFrom('fx_cache')
        .select(['source', 'fetched_at'])
        .where('base', '=', r.base)
        .where('quote', '=', r.quote)
        .where('date', '=', r.last as string)
        .executeTakeFirstOrThrow();
      out.push({
        base: r.base,
        quote: r.quote,
        first: r.first as string,
        last: r.last as string,
        rows: Number(r.rows),
        source: latest.source,
        fetchedAt: latest.fetched_at,
      });
    }
    return out;
  }

  async closes(
    symbol: string,
  ): Promise<{ date: IsoDate; close: number; currency: string; source: string }[]> {
    return this.db
      .selectFrom('price_cache')
      .select(['date', 'close', 'currency', 'source'])
      .where('symbol', '=', symbol)
      .orderBy('date')
      .execute();
  }

  async dividends(symbol: string): Promise<{ date: IsoDate; amount: number }[]> {
    return this.db
      .selectFrom('dividend_cache')
      .select(['date', 'amount'])
      .where('symbol', '=', symbol)
      .orderBy('date')
      .execute();
  }

  async rates(base: string, quote: string): Promise<{ date: IsoDate; rate: number; source: string }[]> {
    return this.db
      .selectFrom('fx_cache')
      .select(['date', 'rate', 'source'])
      .where('base', '=', base)
      .where('quote', '=', quote)
      .orderBy('date')
      .execute();
  }
}

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
  const { openJournal } = await import('../store/journal.ts');
  const journal = await openJournal(file, { readOnly: true });
  try {
    return await cacheLayer(new PriceCache(journal), o);
  } finally {
    await journal.close();
  }
}
