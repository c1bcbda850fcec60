/** `dispersion stress <holdings…>`: registers the options and prints the document (src/app/stress.ts). */
import type { Command } from 'commander';
import type { StressOptions } from '../../app/stress.ts';
import { runStressCommand } from '../../app/stress.ts';
import { printDocument } from '../document.ts';
import { renderStressText } from '../render/stress-text.ts';
import { holdingsDataOptions } from './data-options.ts';

export function registerStress(program: Command): void {
  holdingsDataOptions(
    program
      .command('stress')
      .description(
        'what the AI-bubble, protectionism and geopolitical scenarios and past crashes would do to you',
      )
      .argument('<holdings...>', 'holdings files: CSV (UTF-8 or CP949) or a Ghostfolio JSON export')
      .option(
        '--scenario <list>',
        'comma-separated scenario ids (ai-bubble, protectionism, geopolitical, dotcom, gfc, covid, rates-2022), scenario JSON files, or "all"',
      )
      .option(
        '--window <from:to>',
        'replay your own historical window YYYY-MM-DD:YYYY-MM-DD (repeatable)',
        (v: string, prev: string[] = []) => [...prev, v],
      )
      .option(
        '--model <id|file>',
        'model id or model JSON file (for sleeve proxies)',
        'great-dispersion-2026',
      )
      .option('--base <ccy>', 'base currency for values', 'USD')
      .option('--as-of <date>', 'valuation date YYYY-MM-DD (default: today)'),
  )
    .option('--db <file>', 'journal database whose price cache is read (default: the per-user journal)')
    .option('--lang <en|ko>', 'language of the report (default: from LANG)')
    .option('--json', 'print one JSON document instead of the report')
    .action(async (files: string[], o: StressOptions & { json?: boolean }) => {
      await printDocument(o, await runStressCommand(files, o, new Date()), renderStressText);
    });
}
