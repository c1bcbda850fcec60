/**
 * `dispersion signals`: is the Great Dispersion happening? `signals add` records a reading in the journal, `signals
 * list` lists the readings. Registers the options and prints; the use cases are in src/app/signals.ts.
 */
import type { Command } from 'commander';
import type { SignalsAddOptions, SignalsOptions, SignalsRemoveOptions } from '../../app/signals.ts';
import { runSignalsAdd, runSignalsCommand, runSignalsList, runSignalsRemove } from '../../app/signals.ts';
import { printDocument } from '../document.ts';
import { renderReadingsText, renderSignalsText } from '../render/signals-text.ts';

export function registerSignals(program: Command): void {
  const signals = program
    .command('signals')
    .description(
      'is the Great Dispersion happening? signals from prices and readings, and a thesis scorecard',
    )
    .option('--as-of <date>', 'YYYY-MM-DD (default: the latest S&P 500 close on or before today)')
    .option('--model <id|file>', 'model whose sleeve baskets are measured', 'great-dispersion-2026')
    .option('--prices <dir>', 'folder of price files <SYMBOL>.csv and fx/<AAABBB>.csv')
    .option('--universe <file>', 'extra instruments (JSON, same shape as data/universe.json)')
    .option(
      '--db <file>',
      'journal database: recorded readings and the price cache (default: the per-user journal)',
    )
    .option('--lang <en|ko>', 'language of the report (default: from LANG)')
    .option('--json', 'print one JSON document instead of the report')
    .option('--series', 'with --json: add the daily series each signal is computed from (for charts)')
    .action(async (o: SignalsOptions & { json?: boolean }) => {
      await printDocument(o, await runSignalsCommand(o, new Date()), renderSignalsText);
    });

  signals
    .command('add')
    .description('record a new reading of a signal in the journal (e.g. the Mag7 average P/E this month)')
    .argument('<id>', 'reading id, e.g. mag7-avg-pe, mag7-sp500-share, ai-capex (see `signals list`)')
    .argument('<value>', 'the number in the reading’s unit (28.5 for 28.5%, 31 for 31x, 530 for $530B)')
    .requiredOption('--date <date>', 'the date the figure stands, YYYY-MM-DD')
    .option('--source <text>', 'where the figure comes from', 'user')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .action(async (id: string, value: string, _o: SignalsAddOptions, cmd: Command) => {
      // The parent `signals` also has --db: commander gives it to whichever command comes first, so read both.
      const r = await runSignalsAdd(id, value, cmd.optsWithGlobals<SignalsAddOptions>(), new Date());
      const was = r.replaced === null ? '' : ` (replaced ${r.replaced})`;
      process.stdout.write(
        `recorded ${r.id} = ${r.value} on ${r.date} (source: ${r.source}) in ${r.file}${was}\n`,
      );
    });

  signals
    .command('remove')
    .description('delete a reading recorded with `signals add` (the essay’s bundled readings stay)')
    .argument('<id>', 'reading id, e.g. mag7-avg-pe')
    .requiredOption('--date <date>', 'the date of the reading, YYYY-MM-DD')
    .option('--source <text>', 'only the reading from this source (default: every source on that date)')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .action(async (id: string, _o: SignalsRemoveOptions, cmd: Command) => {
      const r = await runSignalsRemove(id, cmd.optsWithGlobals<SignalsRemoveOptions>(), new Date());
      for (const x of r.removed)
        process.stdout.write(
          `removed ${x.id} = ${x.value} on ${x.date} (source: ${x.source}) from ${r.file}\n`,
        );
    });

  signals
    .command('list')
    .description('list the readings: the essay’s (bundled) and the ones recorded in the journal')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .option('--lang <en|ko>', 'language (default: from LANG)')
    .option('--json', 'print JSON')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ db?: string; lang?: string; json?: boolean }>();
      await printDocument(o, await runSignalsList(o), renderReadingsText);
    });
}
