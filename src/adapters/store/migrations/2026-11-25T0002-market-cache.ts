/**
 * Migration 2026-11-25T0002: the market-data cache (what `dispersion data update` fetched). FROZEN: once released,
 * never edit this file; change the schema with a new migration file. Self-contained: no imports from the app.
 *
 * One row per symbol (or pair) and exchange-local date. Closes and dividends are in the MAJOR unit of `currency`
 * (an RR.L close Yahoo quotes as 10466 GBp is stored as 104.66 GBP). `source` is the provider that answered
 * (`yahoo`, `fred:DEXKOUS`); `fetched_at` is when, as an ISO instant, so staleness of the fetch itself is visible.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export const id = '2026-11-25T0002-market-cache';

const STATEMENTS = [
  sql`CREATE TABLE price_cache (
    symbol TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    close REAL NOT NULL CHECK (close > 0),
    currency TEXT NOT NULL,
    source TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (symbol, date)
  ) STRICT`,
  sql`CREATE TABLE dividend_cache (
    symbol TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    amount REAL NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    source TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (symbol, date)
  ) STRICT`,
  sql`CREATE TABLE fx_cache (
    base TEXT NOT NULL,
    quote TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    rate REAL NOT NULL CHECK (rate > 0),
    source TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (base, quote, date),
    CHECK (base <> quote)
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of STATEMENTS) await s.execute(db);
}
