/** `dispersion journal record|list|show`: registers the options and prints the documents (src/app/journal-months.ts). */
import type { Command } from 'commander';
import type { JournalReadOptions, RecordOptions } from '../../app/journal-months.ts';
import { runJournalList, runJournalRecord, runJournalShow } from '../../app/journal-months.ts';
import { parseLang } from '../../app/options.ts';
import { writeOut } from '../print.ts';
import { renderList, renderRecord, renderShow } from '../render/journal-text.ts';
import { renderText } from '../render/table.ts';

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
    .action(async (files: string[], o: RecordOptions & { json?: boolean }) => {
      const doc = await runJournalRecord(files, o, new Date());
      await print(o, doc, () => renderRecord(doc, parseLang(o.lang)));
    });

  journal
    .command('list')
    .description('the months on record, per portfolio')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .option('--portfolio <name>', 'only this portfolio’s months')
    .option('--lang <en|ko>', 'language of the output (default: from LANG)')
    .option('--json', 'print one JSON document')
    .action(async (o: JournalReadOptions & { json?: boolean }) => {
      const doc = await runJournalList(o, new Date());
      await print(o, doc, () => renderList(doc, parseLang(o.lang)));
    });

  journal
    .command('show')
    .description("one month's record: holdings, checklist, orders")
    .argument('<month>', 'YYYY-MM, or any date in the month')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .option('--portfolio <name>', 'which portfolio’s month (needed when several recorded it)')
    .option('--lang <en|ko>', 'language of the output (default: from LANG)')
    .option('--json', 'print one JSON document')
    .action(async (month: string, o: JournalReadOptions & { json?: boolean }) => {
      const doc = await runJournalShow(month, o, new Date());
      await print(o, doc, () => renderShow(doc, parseLang(o.lang)));
    });
}

async function print(o: { json?: boolean }, doc: unknown, text: () => string): Promise<void> {
  writeOut(o.json ? `${JSON.stringify(doc, null, 2)}\n` : `${await renderText(text)}\n`);
}
