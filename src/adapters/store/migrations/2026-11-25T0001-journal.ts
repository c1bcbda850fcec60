/**
 * Migration 2026-11-25T0001: the first journal schema. FROZEN: once released, never edit this file; change the
 * schema with a new migration file. It imports nothing from the app (no live constants), so what it creates can
 * never shift under a database that already ran it.
 *
 * Amounts are REAL: a journal is a record of what the check and the rebalancer computed, not a ledger that adds up
 * cents; every amount sits beside its currency (the month's base, or the order's own currency).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export const id = '2026-11-25T0001-journal';

const STATEMENTS = [
  sql`CREATE TABLE months (
    month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    as_of TEXT NOT NULL UNIQUE CHECK (substr(as_of, 1, 7) = month),
    base TEXT NOT NULL,
    model TEXT NOT NULL,
    total REAL NOT NULL,
    executed INTEGER NOT NULL CHECK (executed IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE holdings (
    month TEXT NOT NULL REFERENCES months (month),
    seq INTEGER NOT NULL,
    account TEXT NOT NULL,
    symbol TEXT NOT NULL,
    name TEXT,
    quantity REAL NOT NULL,
    currency TEXT NOT NULL,
    price REAL NOT NULL,
    price_date TEXT,
    fx_rate REAL NOT NULL,
    fx_date TEXT,
    value_base REAL NOT NULL,
    sleeve TEXT NOT NULL,
    country TEXT,
    PRIMARY KEY (month, seq)
  ) STRICT`,
  sql`CREATE TABLE check_results (
    month TEXT NOT NULL REFERENCES months (month),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    pass INTEGER NOT NULL CHECK (pass IN (0, 1)),
    value REAL,
    threshold REAL NOT NULL,
    PRIMARY KEY (month, id)
  ) STRICT`,
  sql`CREATE TABLE orders (
    month TEXT NOT NULL REFERENCES months (month),
    seq INTEGER NOT NULL,
    account TEXT NOT NULL,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
    quantity REAL NOT NULL CHECK (quantity > 0),
    price REAL NOT NULL,
    currency TEXT NOT NULL,
    value REAL NOT NULL,
    value_base REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'executed')),
    PRIMARY KEY (month, seq)
  ) STRICT`,
  // Readings of the thesis's signals (a later feature): one value per signal, date and source.
  sql`CREATE TABLE signal_readings (
    id TEXT NOT NULL,
    date TEXT NOT NULL,
    value REAL NOT NULL,
    source TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (id, date, source)
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of STATEMENTS) await s.execute(db);
}
