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
import { InputError } from '../../core/errors.ts';
import type { JournalMonth, JournalOrder } from '../../core/journal.ts';
import { monthOf, parseMonthArg } from '../../core/journal.ts';
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
  /** Orders already in memory (the dashboard records the orders it just showed); instead of `orders`. */
  orderRows?: Omit<JournalOrder, 'status'>[];
}

export interface JournalReadOptions {
  db?: string;
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
    .description('the months on record')
    .option('--db <file>', 'journal database (default: the per-user journal)')
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
    .option('--lang <en|ko>', 'language of the output (default: from LANG)')
    .option('--json', 'print one JSON document')
    .action(async (month: string, o: JournalReadOptions) => {
      const doc = await runJournalShow(month, o, new Date());
      print(o, doc, () => renderShow(doc, parseLang(o.lang)));
    });
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
  const check = await runCheckCommand(files, o, now, { rebalancesBeforeThisMonth: true });
  checkOrdersAgainstHoldings(located, check.positions, o.orders);
  const orders: JournalOrder[] = located.map((l) => l.order);
  const month: JournalMonth = {
    month: monthOf(check.asOf),
    asOf: check.asOf,
    base: check.base,
    model: check.model,
    total: check.total,
    executed,
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
  return toRecordDocument(file, month, replaced, check.warnings);
}

/** Lists the months on record; a missing journal is an empty list (and is not created). */
export async function runJournalList(o: JournalReadOptions, now: Date): Promise<ListDocument> {
  const file = journalPath(o.db);
  if (!existsSync(file)) return toListDocument(file, false, []);
  const months = await withJournal(o.db, now, (j) => j.listMonths());
  return toListDocument(file, true, months);
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
  const m = await withJournal(o.db, now, (j) => j.getMonth(month));
  if (!m)
    throw new InputError({
      file,
      message: `the journal has no record of ${month}`,
      hint: 'see the months on record with `dispersion journal list`',
    });
  return toShowDocument(file, m);
}
