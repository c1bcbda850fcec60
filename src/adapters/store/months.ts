/**
 * The routine's months in the journal (months, holdings, check_results and orders tables): record one, list them,
 * read one back, and the last-rebalance query `check` relies on. A month is keyed by (portfolio, month) since
 * migration 0003; a read-only open of an older journal is read around it (lastRebalance).
 */
import { sql } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type {
  JournalCheck,
  JournalHolding,
  JournalMonth,
  JournalMonthSummary,
  JournalOrder,
  ReplacedMonth,
} from '../../core/journal.ts';
import { portfolioName } from '../../core/journal.ts';
import type { Journal } from './database.ts';
import { PORTFOLIO_MIGRATION } from './schema.ts';

/** What a re-record of a month replaced, and whether that record counted as a rebalance. */
export interface ReplacedRecord extends ReplacedMonth {
  rebalanced: boolean;
}

// Rows per INSERT statement: well below SQLite's bound-parameter limit with the widest table (14 columns).
const CHUNK = 500;

/**
 * Writes a month of a portfolio in one transaction, replacing any earlier record of the same portfolio and calendar
 * month (and nothing else: other portfolios' months are untouched). Returns what was replaced, or null.
 */
export async function recordMonth(journal: Journal, m: JournalMonth): Promise<ReplacedRecord | null> {
  return journal.write(async (trx) => {
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

/** Every month on record (of one portfolio when given), by portfolio then oldest first. */
export async function listMonths(journal: Journal, portfolio?: string): Promise<JournalMonthSummary[]> {
  let q = journal.db.selectFrom('months').select((eb) => [
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
export async function portfoliosOf(journal: Journal, month: string): Promise<string[]> {
  const rows = await journal.db
    .selectFrom('months')
    .select('portfolio')
    .where('month', '=', month)
    .orderBy('portfolio')
    .execute();
  return rows.map((r) => r.portfolio);
}

/** The whole record of a portfolio's month (`YYYY-MM`), or undefined when there is none. */
export async function getMonth(
  journal: Journal,
  portfolio: string,
  month: string,
): Promise<JournalMonth | undefined> {
  const m = await journal.db
    .selectFrom('months')
    .selectAll()
    .where('portfolio', '=', portfolio)
    .where('month', '=', month)
    .executeTakeFirst();
  if (!m) return undefined;
  const [holdings, checks, orders] = await Promise.all([
    journal.db
      .selectFrom('holdings')
      .selectAll()
      .where('portfolio', '=', portfolio)
      .where('month', '=', month)
      .orderBy('seq')
      .execute(),
    journal.db
      .selectFrom('check_results')
      .selectAll()
      .where('portfolio', '=', portfolio)
      .where('month', '=', month)
      .orderBy('seq')
      .execute(),
    journal.db
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
export async function lastRebalance(
  journal: Journal,
  portfolio: string,
  asOf: IsoDate,
  o: { beforeMonth?: string } = {},
): Promise<IsoDate | null> {
  if (journal.pending.includes(PORTFOLIO_MIGRATION))
    return lastRebalanceBefore0003(journal, portfolio, asOf, o);
  let q = journal.db
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
function lastRebalanceBefore0003(
  journal: Journal,
  portfolio: string,
  asOf: IsoDate,
  o: { beforeMonth?: string },
): IsoDate | null {
  const rows = journal.sqlite
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
