/**
 * Migration 2026-12-02T0003: one journal per portfolio. FROZEN: once released, never edit this file; change the
 * schema with a new migration file. Self-contained: no imports from the app, so what it does can never shift under a
 * database that already ran it (the naming rule below is a copy, frozen here, of the one the app uses today).
 *
 * Until now a month was the key: recording one portfolio made `monthly-rebalancing` pass for every other. Months are
 * now keyed by (portfolio, month). A portfolio is named explicitly (`--portfolio NAME`) or, by default, by the set of
 * account names it holds: distinct, sorted by code unit, joined with " + " ("ISA + 해외주식"). Each existing month
 * is assigned to the portfolio whose accounts it recorded, by that same rule; a month with no holdings rows (nothing
 * to name it by) goes to "(no accounts)". `note` is new: why a month was recorded as executed with no orders while a
 * sleeve was outside its band (journal record --note).
 *
 * SQLite cannot change a primary key in place: the four journal tables are rebuilt (new table, copy, drop, rename;
 * children dropped before their parent, so it runs with foreign keys on), inside the one transaction migrate() opens.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export const id = '2026-12-02T0003-portfolio';

const NO_ACCOUNTS = '(no accounts)';

function portfolioOf(accounts: readonly string[]): string {
  const names = [...new Set(accounts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.length === 0 ? NO_ACCOUNTS : names.join(' + ');
}

const CREATE = [
  sql`CREATE TABLE months_v3 (
    portfolio TEXT NOT NULL CHECK (portfolio <> ''),
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    as_of TEXT NOT NULL CHECK (substr(as_of, 1, 7) = month),
    base TEXT NOT NULL,
    model TEXT NOT NULL,
    total REAL NOT NULL,
    executed INTEGER NOT NULL CHECK (executed IN (0, 1)),
    note TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (portfolio, month)
  ) STRICT`,
  sql`CREATE TABLE holdings_v3 (
    portfolio TEXT NOT NULL,
    month TEXT NOT NULL,
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
    PRIMARY KEY (portfolio, month, seq),
    FOREIGN KEY (portfolio, month) REFERENCES months_v3 (portfolio, month)
  ) STRICT`,
  sql`CREATE TABLE check_results_v3 (
    portfolio TEXT NOT NULL,
    month TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    pass INTEGER NOT NULL CHECK (pass IN (0, 1)),
    value REAL,
    threshold REAL NOT NULL,
    PRIMARY KEY (portfolio, month, id),
    FOREIGN KEY (portfolio, month) REFERENCES months_v3 (portfolio, month)
  ) STRICT`,
  sql`CREATE TABLE orders_v3 (
    portfolio TEXT NOT NULL,
    month TEXT NOT NULL,
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
    PRIMARY KEY (portfolio, month, seq),
    FOREIGN KEY (portfolio, month) REFERENCES months_v3 (portfolio, month)
  ) STRICT`,
];

const FINISH = [
  sql`DROP TABLE holdings`,
  sql`DROP TABLE check_results`,
  sql`DROP TABLE orders`,
  sql`DROP TABLE months`,
  sql`ALTER TABLE months_v3 RENAME TO months`,
  sql`ALTER TABLE holdings_v3 RENAME TO holdings`,
  sql`ALTER TABLE check_results_v3 RENAME TO check_results`,
  sql`ALTER TABLE orders_v3 RENAME TO orders`,
  sql`CREATE INDEX months_as_of ON months (portfolio, as_of)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of CREATE) await s.execute(db);
  const accounts = await sql<{ month: string; account: string }>`
    SELECT DISTINCT month, account FROM holdings`.execute(db);
  const byMonth = new Map<string, string[]>();
  for (const r of accounts.rows) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r.account]);
  const months = await sql<{ month: string }>`SELECT month FROM months`.execute(db);
  for (const { month } of months.rows) {
    const portfolio = portfolioOf(byMonth.get(month) ?? []);
    await sql`INSERT INTO months_v3 (portfolio, month, as_of, base, model, total, executed, note, created_at)
      SELECT ${portfolio}, month, as_of, base, model, total, executed, NULL, created_at FROM months
      WHERE month = ${month}`.execute(db);
    await sql`INSERT INTO holdings_v3 SELECT ${portfolio}, * FROM holdings WHERE month = ${month}`.execute(
      db,
    );
    await sql`INSERT INTO check_results_v3 SELECT ${portfolio}, * FROM check_results WHERE month = ${month}`.execute(
      db,
    );
    await sql`INSERT INTO orders_v3 SELECT ${portfolio}, * FROM orders WHERE month = ${month}`.execute(db);
  }
  for (const s of FINISH) await s.execute(db);
}
