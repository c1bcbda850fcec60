/**
 * The journal's schema: its tables as Kysely sees them (column names as in SQL) and the migrations that create them.
 * The types must match what the migrations create; the round-trip tests (months.test.ts, price-cache.test.ts,
 * signal-readings.test.ts) are what hold the two together.
 */
import type { Kysely } from 'kysely';
import * as m0001 from './migrations/2026-11-25T0001-journal.ts';
import * as m0002 from './migrations/2026-11-25T0002-market-cache.ts';
import * as m0003 from './migrations/2026-12-02T0003-portfolio.ts';

export interface Migration {
  id: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Every migration this version knows, oldest first. Adding one = a new frozen file in migrations/, named by its
 * timestamp, and one entry here; the id order is the apply order.
 */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003];

/** Migration 0003 keyed months by (portfolio, month). */
export const PORTFOLIO_MIGRATION = m0003.id;

/**
 * Migrations a read-only open (check, the price cache, signals) can do without: `lastRebalance` (months.ts) reads a
 * journal that has not run 0003 by naming each month's portfolio from its accounts, as the migration would. So
 * `check --db` works on a journal it may not write (read-only file) and never upgrades one.
 */
export const READ_AROUND: ReadonlySet<string> = new Set([PORTFOLIO_MIGRATION]);

export interface MigrationsTable {
  id: string;
  applied_at: string;
}

export interface MonthsTable {
  /** Migration 0003: months are keyed by (portfolio, month). */
  portfolio: string;
  month: string;
  as_of: string;
  base: string;
  model: string;
  total: number;
  executed: 0 | 1;
  /** Why an executed month has no orders although a sleeve was outside its band (journal record --note). */
  note: string | null;
  created_at: string;
}

export interface HoldingsTable {
  portfolio: string;
  month: string;
  seq: number;
  account: string;
  symbol: string;
  name: string | null;
  quantity: number;
  currency: string;
  price: number;
  price_date: string | null;
  fx_rate: number;
  fx_date: string | null;
  value_base: number;
  sleeve: string;
  country: string | null;
}

export interface CheckResultsTable {
  portfolio: string;
  month: string;
  /** The checklist's order, kept for display. */
  seq: number;
  id: string;
  pass: 0 | 1;
  value: number | null;
  threshold: number;
}

export interface OrdersTable {
  portfolio: string;
  month: string;
  seq: number;
  account: string;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: number;
  price: number;
  currency: string;
  value: number;
  value_base: number;
  status: 'proposed' | 'executed';
}

export interface SignalReadingsTable {
  id: string;
  date: string;
  value: number;
  source: string;
  recorded_at: string;
}

/** Migration 0002: what `data update` fetched (price-cache.ts). Values in the major unit of `currency`. */
export interface PriceCacheTable {
  symbol: string;
  date: string;
  close: number;
  currency: string;
  source: string;
  fetched_at: string;
}

export interface DividendCacheTable {
  symbol: string;
  date: string;
  amount: number;
  currency: string;
  source: string;
  fetched_at: string;
}

export interface FxCacheTable {
  base: string;
  quote: string;
  date: string;
  rate: number;
  source: string;
  fetched_at: string;
}

export interface JournalDatabase {
  schema_migrations: MigrationsTable;
  months: MonthsTable;
  holdings: HoldingsTable;
  check_results: CheckResultsTable;
  orders: OrdersTable;
  signal_readings: SignalReadingsTable;
  price_cache: PriceCacheTable;
  dividend_cache: DividendCacheTable;
  fx_cache: FxCacheTable;
}
