/**
 * The journal database: one SQLite file (better-sqlite3 under Kysely) holding a record per calendar month of the
 * routine. Opened read-write by `journal record|list|show` (created and migrated on first use) and read-only by
 * `check`, which must never create it. WAL with synchronous=FULL: a month that `recordMonth` has returned from is on
 * disk, and a process killed mid-write leaves the previous months intact and no half month (one transaction).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import type {
  JournalCheck,
  JournalHolding,
  JournalMonth,
  JournalMonthSummary,
  JournalOrder,
  ReplacedMonth,
} from '../../core/journal.ts';
import { portfolioName } from '../../core/journal.ts';
import { corruptJournal, immediate, journalWaitMs, writeError } from './lock.ts';
import { migrate } from './migrate.ts';
import type { Migration } from './migrations/index.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { JournalDatabase } from './schema.ts';

/** What a re-record of a month replaced, and whether that record counted as a rebalance. */
export interface ReplacedRecord extends ReplacedMonth {
  rebalanced: boolean;
}

/**
 * Read-write opens may run migrations and so need the caller's clock for `applied_at`; read-only opens never write.
 * `migrations` is what this version knows (tests pass another list to play a newer or older version).
 */
export type OpenJournalOptions =
  | { readOnly: true; migrations?: readonly Migration[]; waitMs?: number }
  | { readOnly?: false; now: Date; migrations?: readonly Migration[]; waitMs?: number };

// Rows per INSERT statement: well below SQLite's bound-parameter limit with the widest table (14 columns).
const CHUNK = 500;

/**
 * Migrations a read-only open (check, the price cache, signals) can do without: 0003 keyed months by portfolio, and
 * `lastRebalance` reads a journal that has not run it yet by naming each month's portfolio from its accounts, as the
 * migration would. So `check --db` works on a journal it may not write (read-only file) and never upgrades one.
 */
const PORTFOLIO_MIGRATION = '2026-12-02T0003-portfolio';
const READ_AROUND: ReadonlySet<string> = new Set([PORTFOLIO_MIGRATION]);

export class Journal {
  readonly file: string;
  /** Migrations this read-only open left pending (READ_AROUND); empty for read-write opens. */
  pending: readonly string[] = [];
  readonly db: Kysely<JournalDatabase>;
  /** The underlying connection, for tests that need SQLite-level access (integrity_check, temp triggers). */
  readonly sqlite: Database.Database;

  constructor(file: string, sqlite: Database.Database) {
    this.file = file;
    this.sqlite = sqlite;
    this.db = new Kysely<JournalDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  }

  /**
   * Writes a month of a portfolio in one transaction, replacing any earlier record of the same portfolio and calendar
   * month (and nothing else: other portfolios' months are untouched). Returns what was replaced, or null.
   */
  async recordMonth(m: JournalMonth): Promise<ReplacedRecord | null> {
    return this.write(async (trx) => {
      const key = { portfolio: m.portfolio, month: m.month };
      const old = await trx
        .selectFrom('months')
        .select((eb) => [
          'portfolio',
          'month',
          'as_of',
          'created_at',
          'executed',
          eb
            .selectFrom('orders')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('orders.month', '=', 'months.month')
            .whereRef('orders.portfolio', '=', 'months.portfolio')
            .where('status', '=', 'executed')
            .as('orders_executed'),
        ])
        .where('portfolio', '=', key.portfolio)
        .where('month', '=', key.month)
        .executeTakeFirst();
      if (old) {
        for (const t of ['holdings', 'check_results', 'orders', 'months'] as const)
          await trx
            .deleteFrom(t)
            .where('portfolio', '=', key.portfolio)
            .where('month', '=', key.month)
            .execute();
      }
      await trx
        .insertInto('months')
        .values({
          portfolio: m.portfolio,
          month: m.month,
          as_of: m.asOf,
          base: m.base,
          model: m.model,
          total: m.total,
          executed: m.executed ? 1 : 0,
          note: m.note,
          created_at: m.createdAt,
        })
        .execute();
      for (const rows of chunks(m.holdings.map((h, seq) => holdingRow(key, seq, h))))
        await trx.insertInto('holdings').values(rows).execute();
      if (m.checks.length > 0)
        await trx
          .insertInto('check_results')
          .values(
            m.checks.map((c, seq) => ({
              ...key,
              seq,
              id: c.id,
              pass: c.pass ? (1 as const) : (0 as const),
              value: c.value,
              threshold: c.threshold,
            })),
          )
          .execute();
      for (const rows of chunks(m.orders.map((o, seq) => orderRow(key, seq, o))))
        await trx.insertInto('orders').values(rows).execute();
      return old
        ? {
            portfolio: old.portfolio,
            month: old.month,
            asOf: old.as_of,
            createdAt: old.created_at,
            rebalanced: old.executed === 1 || Number(old.orders_executed ?? 0) > 0,
          }
        : null;
    });
  }

  /**
   * One write transaction (BEGIN IMMEDIATE, lock.ts): the write lock is taken first, waited for up to the open's
   * bound, and another writer past it is an InputError ("another dispersion is writing the journal").
   */
  write<T>(fn: (trx: Kysely<JournalDatabase>) => Promise<T>): Promise<T> {
    return immediate(this.db, this.file, fn);
  }

  /** Every month on record (of one portfolio when given), by portfolio then oldest first. */
  async listMonths(portfolio?: string): Promise<JournalMonthSummary[]> {
    let q = this.db.selectFrom('months').select((eb) => [
      'portfolio',
      'month',
      'as_of',
      'base',
      'model',
      'total',
      'executed',
      'created_at',
      eb
        .selectFrom('check_results')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('check_results.month', '=', 'months.month')
        .whereRef('check_results.portfolio', '=', 'months.portfolio')
        .where('pass', '=', 1)
        .as('checks_passed'),
      eb
        .selectFrom('check_results')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('check_results.month', '=', 'months.month')
        .whereRef('check_results.portfolio', '=', 'months.portfolio')
        .as('checks_total'),
      eb
        .selectFrom('orders')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('orders.month', '=', 'months.month')
        .whereRef('orders.portfolio', '=', 'months.portfolio')
        .as('orders'),
      eb
        .selectFrom('orders')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('orders.month', '=', 'months.month')
        .whereRef('orders.portfolio', '=', 'months.portfolio')
        .where('status', '=', 'executed')
        .as('orders_executed'),
    ]);
    if (portfolio !== undefined) q = q.where('portfolio', '=', portfolio);
    const rows = await q.orderBy('portfolio').orderBy('month').execute();
    return rows.map((r) => ({
      portfolio: r.portfolio,
      month: r.month,
      asOf: r.as_of,
      base: r.base,
      model: r.model,
      total: r.total,
      checksPassed: Number(r.checks_passed ?? 0),
      checksTotal: Number(r.checks_total ?? 0),
      orders: Number(r.orders ?? 0),
      rebalanced: r.executed === 1 || Number(r.orders_executed ?? 0) > 0,
      createdAt: r.created_at,
    }));
  }

  /** The portfolios with a record of `month`, sorted. */
  async portfoliosOf(month: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('months')
      .select('portfolio')
      .where('month', '=', month)
      .orderBy('portfolio')
      .execute();
    return rows.map((r) => r.portfolio);
  }

  /** The whole record of a portfolio's month (`YYYY-MM`), or undefined when there is none. */
  async getMonth(portfolio: string, month: string): Promise<JournalMonth | undefined> {
    const m = await this.db
      .selectFrom('months')
      .selectAll()
      .where('portfolio', '=', portfolio)
      .where('month', '=', month)
      .executeTakeFirst();
    if (!m) return undefined;
    const [holdings, checks, orders] = await Promise.all([
      this.db
        .selectFrom('holdings')
        .selectAll()
        .where('portfolio', '=', portfolio)
        .where('month', '=', month)
        .orderBy('seq')
        .execute(),
      this.db
        .selectFrom('check_results')
        .selectAll()
        .where('portfolio', '=', portfolio)
        .where('month', '=', month)
        .orderBy('seq')
        .execute(),
      this.db
        .selectFrom('orders')
        .selectAll()
        .where('portfolio', '=', portfolio)
        .where('month', '=', month)
        .orderBy('seq')
        .execute(),
    ]);
    return {
      portfolio: m.portfolio,
      month: m.month,
      asOf: m.as_of,
      base: m.base,
      model: m.model,
      total: m.total,
      executed: m.executed === 1,
      note: m.note,
      createdAt: m.created_at,
      holdings: holdings.map(
        (h): JournalHolding => ({
          account: h.account,
          symbol: h.symbol,
          name: h.name,
          quantity: h.quantity,
          currency: h.currency,
          price: h.price,
          priceDate: h.price_date,
          fxRate: h.fx_rate,
          fxDate: h.fx_date,
          value: h.value_base,
          sleeve: h.sleeve,
          country: h.country,
        }),
      ),
      checks: checks.map(
        (c): JournalCheck => ({ id: c.id, pass: c.pass === 1, value: c.value, threshold: c.threshold }),
      ),
      orders: orders.map(
        (o): JournalOrder => ({
          account: o.account,
          symbol: o.symbol,
          side: o.side,
          quantity: o.quantity,
          price: o.price,
          currency: o.currency,
          value: o.value,
          valueBase: o.value_base,
          status: o.status,
        }),
      ),
    };
  }

  /**
   * As-of date of the portfolio's latest month on or before `asOf` that has a rebalance (recorded `--executed`, or
   * with an executed order); null when it has none. Other portfolios' months never count. `beforeMonth` (`YYYY-MM`)
   * leaves that month and later ones out: re-recording a month must not count the record it is replacing.
   */
  async lastRebalance(
    portfolio: string,
    asOf: IsoDate,
    o: { beforeMonth?: string } = {},
  ): Promise<IsoDate | null> {
    if (this.pending.includes(PORTFOLIO_MIGRATION)) return this.lastRebalanceBefore0003(portfolio, asOf, o);
    let q = this.db
      .selectFrom('months')
      .select((eb) => eb.fn.max('as_of').as('last'))
      .where('portfolio', '=', portfolio)
      .where('as_of', '<=', asOf);
    if (o.beforeMonth !== undefined) q = q.where('month', '<', o.beforeMonth);
    const row = await q
      .where((eb) =>
        eb.or([
          eb('executed', '=', 1),
          eb.exists(
            eb
              .selectFrom('orders')
              .select(sql`1`.as('one'))
              .whereRef('orders.month', '=', 'months.month')
              .whereRef('orders.portfolio', '=', 'months.portfolio')
              .where('status', '=', 'executed'),
          ),
        ]),
      )
      .executeTakeFirst();
    return row?.last ?? null;
  }

  /** lastRebalance on a journal still keyed by month alone: each month's portfolio named from its accounts. */
  private lastRebalanceBefore0003(
    portfolio: string,
    asOf: IsoDate,
    o: { beforeMonth?: string },
  ): IsoDate | null {
    const rows = this.sqlite
      .prepare(
        `SELECT m.month, m.as_of AS asOf, h.account FROM months m LEFT JOIN holdings h ON h.month = m.month
         WHERE m.as_of <= ? AND m.month < ? AND (m.executed = 1 OR EXISTS
           (SELECT 1 FROM orders o WHERE o.month = m.month AND o.status = 'executed'))`,
      )
      .all(asOf, o.beforeMonth ?? '9999-99') as { month: string; asOf: string; account: string | null }[];
    const months = new Map<string, { asOf: string; accounts: string[] }>();
    for (const r of rows) {
      const m = months.get(r.month) ?? { asOf: r.asOf, accounts: [] };
      if (r.account !== null) m.accounts.push(r.account);
      months.set(r.month, m);
    }
    let last: IsoDate | null = null;
    for (const m of months.values())
      if (portfolioName(m.accounts) === portfolio && (last === null || m.asOf > last)) last = m.asOf;
    return last;
  }

  async appliedMigrations(): Promise<{ id: string; appliedAt: string }[]> {
    const rows = await this.db.selectFrom('schema_migrations').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, appliedAt: r.applied_at }));
  }

  /** Closes the connection (and, in WAL mode, checkpoints the log into the main file). */
  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * Opens (and in read-write mode creates and migrates) the journal at `file`. Errors a user can act on (not a
 * database, written by a newer version, missing for a read-only open) are InputErrors naming the file.
 */
export async function openJournal(file: string, o: OpenJournalOptions): Promise<Journal> {
  const readOnly = o.readOnly ?? false;
  let sqlite: Database.Database;
  try {
    if (!readOnly) mkdirSync(dirname(file), { recursive: true });
    sqlite = readOnly ? openReadOnly(file) : new Database(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({
      file,
      message: `cannot open the journal: ${(e as Error).message}`,
      expected: readOnly ? 'an existing journal file' : 'a path where the journal can be created',
    });
  }
  const journal = new Journal(file, sqlite);
  try {
    // First: every lock below (WAL switch, migrations, writes) waits at most this long for another process.
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(o.waitMs ?? journalWaitMs()))}`);
    // A damaged file is refused before anything is written to it (or read from it as if it were sound).
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corruptJournal(file);
    if (!readOnly && sqlite.pragma('journal_mode', { simple: true }) !== 'wal') {
      // WAL: readers (check, the dashboard) never block the writer; FULL: a returned commit survives power loss.
      sqlite.pragma('journal_mode = WAL');
    }
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    const result = await migrate(journal.db, o.migrations ?? MIGRATIONS, {
      file,
      readOnly,
      now: o.readOnly ? undefined : o.now,
      readAround: READ_AROUND,
    });
    journal.pending = result.pending;
    return journal;
  } catch (e) {
    await journal.close();
    if (e instanceof InputError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new InputError({
        file,
        message: 'this file is not a SQLite database',
        expected: 'a journal written by dispersion',
      });
    }
    throw writeError(e, file);
  }
}

/**
 * A read-only connection. A WAL journal is read through its `-shm` index, which SQLite must be able to create: in a
 * folder the user may not write to (a journal shared read-only, or a read-only copy) that fails, although reading is
 * all `check` wants. Then, when no write-ahead log is left beside the file (a journal closed cleanly has none), the
 * file's bytes are read into memory and opened there as an ordinary (rollback-journal) database: the same content,
 * and nothing on disk is touched.
 */
function openReadOnly(file: string): Database.Database {
  const direct = new Database(file, { readonly: true, fileMustExist: true });
  try {
    direct.pragma('schema_version', { simple: true });
    return direct;
  } catch (e) {
    direct.close();
    const code = String((e as { code?: string }).code ?? '');
    if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_CANTOPEN')) throw e;
    const wal = `${file}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) {
      throw new InputError({
        file,
        message:
          'cannot read the journal: its write-ahead log (-wal) is in a folder this user may not write to',
        hint: 'let the last writer close it (or open it once where it can be written), then read it again',
      });
    }
    const bytes = readFileSync(file);
    // Bytes 18–19 of the header: file format write/read version, 2 = WAL. The in-memory copy has no log to go with.
    if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20);
    return new Database(bytes, { readonly: true });
  }
}

/** `rows` in slices of CHUNK, one INSERT each; none for no rows. */
function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}

interface MonthKey {
  portfolio: string;
  month: string;
}

function holdingRow(key: MonthKey, seq: number, h: JournalHolding) {
  return {
    ...key,
    seq,
    account: h.account,
    symbol: h.symbol,
    name: h.name,
    quantity: h.quantity,
    currency: h.currency,
    price: h.price,
    price_date: h.priceDate,
    fx_rate: h.fxRate,
    fx_date: h.fxDate,
    value_base: h.value,
    sleeve: h.sleeve,
    country: h.country,
  };
}

function orderRow(key: MonthKey, seq: number, o: JournalOrder) {
  return {
    ...key,
    seq,
    account: o.account,
    symbol: o.symbol,
    side: o.side,
    quantity: o.quantity,
    price: o.price,
    currency: o.currency,
    value: o.value,
    value_base: o.valueBase,
    status: o.status,
  };
}
