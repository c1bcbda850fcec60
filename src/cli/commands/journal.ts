/**
 * `dispersion journal record|list|show`: the monthly record of the routine. `record` runs the same check as
 * `dispersion check`, then writes the month's holdings, check results and orders in one transaction; recording a
 * month again replaces that month's record and nothing else.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { LocatedOrder } from '../../adapters/orders/against-holdings.ts';
import { checkOrdersAgainstHoldings } from '../../adapters/orders/against-holdings.ts';
import { readOrdersFile } from '../../adapters/orders/orders-csv.ts';
import { journalPath, withJournal } from '../../app/journal.ts';
import type { HoldingsSource } from '../../app/workspace.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { InputError } from '../../core/errors.ts';
import type { JournalMonth, JournalOrder } from '../../core/journal.ts';
import { monthOf, parseMonthArg, portfolioOf, sleevesOutsideBand } from '../../core/journal.ts';
import type { ListDocument, RecordDocument, ShowDocument } from '../../report/journal-document.ts';
import { toListDocument, toRecordDocument, toShowDocument } from '../../report/journal-document.ts';
import { parseLang } from '../options.ts';
import { writeOut } from '../print.ts';
import { renderList, renderRecord, renderShow } from '../render/journal-text.ts';
import type { CheckOptions } from './check.ts';
import { runCheckCommand } from './check.ts';

export interface RecordOptions extends CheckOptions {
  orders?: string;
  executed?: boolean;
  /** Why the month is recorded as executed with no orders although a sleeve is outside its band. */
  note?: string;
  /** Orders already in memory (the dashboard records the orders it just showed); instead of `orders`. */
  orderRows?: Omit<JournalOrder, 'status'>[];
}

export interface JournalReadOptions {
  db?: string;
  /** Only this portfolio's months (list), or which portfolio's month (show). */
  portfolio?: string;
  lang?: string;
  json?: boolean;
}

export function registerJournal(program: Command): void {
  const journal = program
    .command('journal')
    .description('the monthly record: holdings, checklist and orders per month (SQLite, local)');

  journal
    .command('record')
    .description("run the check and record this month's holdings, checklist and orders")
    .argument('<holdings...>', 'holdings files, as for dispersion check')
    .option('--orders <file>', 'orders CSV as `dispersion rebalance --csv` writes it')
    .option('--executed', 'the orders were carried out (a rebalance happened, even with no orders)')
    .option('--note <text>', 'why: required with --executed and no orders while a sleeve is outside its band')
    .option(
      '--portfolio <name>',
      'the portfolio this record belongs to (default: named by its account names)',
    )
    .option(
      '--db <file>',
      'journal database, written to and read for its price cache (default: the per-user journal)',
    )
    .option('--model <id|file>', 'model id or model JSON file', 'great-dispersion-2026')
    .option('--base <ccy>', 'base currency for values', 'USD')
    .option('--as-of <date>', 'valuation date YYYY-MM-DD (default: today)')
    .option('--prices <dir>', 'folder of price files, as for dispersion check')
    .option('--universe <file>', 'extra instruments (JSON)')
    .option('--threshold <list>', 'override checklist thresholds, as for dispersion check')
    .option('--lang <en|ko>', 'language of the output (default: from LANG)')
    .option('--json', 'print one JSON document')
    .action(async (files: string[], o: RecordOptions) => {
      const doc = await runJournalRecord(files, o, new Date());
      print(o, doc, () => renderRecord(doc, parseLang(o.lang)));
    });

  journal
    .command('list')
    .description('the months on record, per portfolio')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .option('--portfolio <name>', 'only this portfolio’s months')
    .option('--lang <en|ko>', 'language of the output (default: from LANG)')
    .option('--json', 'print one JSON document')
    .action(async (o: JournalReadOptions) => {
      const doc = await runJournalList(o, new Date());
      print(o, doc, () => renderList(doc, parseLang(o.lang)));
    });

  journal
    .command('show')
    .description("one month's record: holdings, checklist, orders")
    .argument('<month>', 'YYYY-MM, or any date in the month')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .option('--portfolio <name>', 'which portfolio’s month (needed when several recorded it)')
    .option('--lang <en|ko>', 'language of the output (default: from LANG)')
    .option('--json', 'print one JSON document')
    .action(async (month: string, o: JournalReadOptions) => {
      const doc = await runJournalShow(month, o, new Date());
      print(o, doc, () => renderShow(doc, parseLang(o.lang)));
    });
}

/** `--note TEXT`: trimmed; null when absent; an empty note explains nothing and is refused. */
function parseNote(value: string | undefined): string | null {
  if (value === undefined) return null;
  const t = value.trim();
  if (t === '') throw new InputError({ message: '--note is empty', expected: 'a short text saying why' });
  return t;
}

function print(o: { json?: boolean }, doc: unknown, text: () => string): void {
  writeOut(o.json ? `${JSON.stringify(doc, null, 2)}\n` : `${text()}\n`);
}

export async function runJournalRecord(
  files: readonly HoldingsSource[],
  o: RecordOptions,
  now: Date,
): Promise<RecordDocument> {
  const executed = o.executed ?? false;
  const status = executed ? ('executed' as const) : ('proposed' as const);
  // The orders file is read (and its rows validated) before anything is checked or written.
  const located: LocatedOrder[] = o.orders
    ? await readOrdersFile(o.orders, status)
    : (o.orderRows ?? []).map((r) => ({ order: { ...r, status } }));
  const note = parseNote(o.note);
  const check = await runCheckCommand(files, o, now, { rebalancesBeforeThisMonth: true });
  checkOrdersAgainstHoldings(located, check.positions, o.orders);
  const orders: JournalOrder[] = located.map((l) => l.order);
  // "Rebalanced" with nothing traded while a sleeve is outside its band would pass monthly-rebalancing on a
  // portfolio that was not rebalanced: refused unless the user says why.
  if (executed && orders.length === 0 && note === null) {
    const outside = sleevesOutsideBand(check.sleeves, openWorkspace(o).model.band);
    if (outside.length > 0) {
      const list = outside
        .map((x) => `${x.id} ${(x.weight * 100).toFixed(1)}% (target ${(x.target * 100).toFixed(1)}%)`)
        .join(', ');
      throw new InputError({
        message: `--executed with no orders, but ${list} ${outside.length === 1 ? 'is' : 'are'} outside the band`,
        expected: '--orders FILE with the orders carried out, or --note TEXT saying why no order was needed',
        hint: 'e.g. --note "kept the overweight on purpose this month"',
      });
    }
  }
  const month: JournalMonth = {
    portfolio:
      check.portfolio ??
      portfolioOf(
        o.portfolio,
        check.positions.map((p) => p.account),
      ),
    month: monthOf(check.asOf),
    asOf: check.asOf,
    base: check.base,
    model: check.model,
    total: check.total,
    executed,
    note,
    createdAt: now.toISOString(),
    holdings: check.positions.map((p) => ({
      account: p.account,
      symbol: p.symbol,
      name: p.name,
      quantity: p.quantity,
      currency: p.currency,
      price: p.price,
      priceDate: p.priceDate,
      fxRate: p.fxRate,
      fxDate: p.fxDate,
      value: p.value,
      sleeve: p.sleeve,
      country: p.country,
    })),
    checks: check.checks.map((c) => ({ id: c.id, pass: c.pass, value: c.value, threshold: c.threshold })),
    orders,
  };
  const file = journalPath(o.db);
  const replaced = await withJournal(o.db, now, (j) => j.recordMonth(month));
  return toRecordDocument(file, month, replaced, check.warnings, check.stale);
}

/** Lists the months on record; a missing journal is an empty list (and is not created). */
export async function runJournalList(o: JournalReadOptions, now: Date): Promise<ListDocument> {
  const file = journalPath(o.db);
  const portfolio = o.portfolio?.trim() || null;
  if (!existsSync(file)) return toListDocument(file, false, [], portfolio);
  const months = await withJournal(o.db, now, (j) => j.listMonths(portfolio ?? undefined));
  return toListDocument(file, true, months, portfolio);
}

export async function runJournalShow(
  monthArg: string,
  o: JournalReadOptions,
  now: Date,
): Promise<ShowDocument> {
  const month = parseMonthArg(monthArg);
  if (!month)
    throw new InputError({
      message: `month ${monthArg} is not understood`,
      expected: 'YYYY-MM or YYYY-MM-DD',
    });
  const file = journalPath(o.db);
  if (!existsSync(file))
    throw new InputError({
      file,
      message: 'there is no journal here yet',
      hint: 'record a month with `dispersion journal record`',
    });
  const m = await withJournal(o.db, now, async (j) => {
    const wanted = o.portfolio?.trim();
    if (wanted) return j.getMonth(wanted, month);
    const portfolios = await j.portfoliosOf(month);
    if (portfolios.length > 1) {
      throw new InputError({
        file,
        message: `${portfolios.length} portfolios have a record of ${month}: ${portfolios.map((p) => `"${p}"`).join(', ')}`,
        expected: '--portfolio NAME to say which one',
      });
    }
    return portfolios[0] === undefined ? undefined : j.getMonth(portfolios[0], month);
  });
  if (!m)
    throw new InputError({
      file,
      message: `the journal has no record of ${month}${o.portfolio?.trim() ? ` for portfolio "${o.portfolio.trim()}"` : ''}`,
      hint: 'see the months on record with `dispersion journal list`',
    });
  return toShowDocument(file, m);
}
