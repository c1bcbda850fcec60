/**
 * The market-data cache: what `dispersion data update` fetched, kept in the journal database's `price_cache`,
 * `dividend_cache` and `fx_cache` tables (migration 2026-11-25T0002, schema.ts). Rows are keyed by symbol (or pair)
 * and date; values are in the major unit of `currency`, as every provider returns them.
 *
 * Writes happen only with a successful answer in hand, each in one transaction: a provider that fails, times out or
 * answers nothing leaves what was cached untouched (an empty answer never deletes history).
 */
import type { Kysely } from 'kysely';
import type { CurrencyCode } from '../../core/currency.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { FxHistory, PriceHistory } from '../market-data/providers/types.ts';
import type { Journal } from './database.ts';
import type { JournalDatabase } from './schema.ts';

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
  private readonly db: Kysely<JournalDatabase>;
  private readonly journal: Journal;

  constructor(journal: Journal) {
    this.journal = journal;
    this.db = journal.db;
  }

  /** A write transaction under the journal's one-writer lock (BEGIN IMMEDIATE, bounded wait). */
  private write(fn: (trx: Kysely<JournalDatabase>) => Promise<void>): Promise<void> {
    return this.journal.write(fn);
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
