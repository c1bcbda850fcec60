/** `dispersion check <holdings…>`: registers the options and prints the document (src/app/check.ts). */
import type { Command } from 'commander';
import type { CheckOptions } from '../../app/check.ts';
import { runCheckCommand } from '../../app/check.ts';
import { printDocument } from '../document.ts';
import { renderCheckText } from '../render/check-text.ts';
import { holdingsDataOptions } from './data-options.ts';

export function registerCheck(program: Command): void {
  holdingsDataOptions(
    program
      .command('check')
      .description('classify holdings into the model sleeves and run the checklist')
      .argument(
        '<holdings...>',
        'holdings files: CSV (UTF-8 or CP949), .xlsx, a broker export (see --format) or a Ghostfolio JSON export',
      )
      .option('--model <id|file>', 'model id or model JSON file', 'great-dispersion-2026')
      .option('--base <ccy>', 'base currency for values', 'USD')
      .option('--as-of <date>', 'valuation date YYYY-MM-DD (default: today)'),
  )
    .option(
      '--threshold <list>',
      'override checklist thresholds, e.g. mag7-max=0.4,regional-diversification=0.2',
    )
    .option('--lang <en|ko>', 'language of the report (default: from LANG)')
    .option(
      '--db <file>',
      'journal database: its price cache (data update) and the monthly-rebalancing check (default: the per-user journal)',
    )
    .option(
      '--portfolio <name>',
      'the portfolio whose journal months count (default: named by its account names)',
    )
    .option('--json', 'print one JSON document instead of the report')
    .action(async (files: string[], o: CheckOptions & { json?: boolean }) => {
      await printDocument(o, await runCheckCommand(files, o, new Date()), renderCheckText);
    });
}
