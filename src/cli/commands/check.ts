/** `dispersion check <holdings…>`: where the portfolio stands against the model and the checklist. */
import type { Command } from 'commander';
import { lastRebalanceDay } from '../../app/journal.ts';
import type { HoldingsSource } from '../../app/workspace.ts';
import { heldSymbols, importFiles, marketFor, openWorkspace } from '../../app/workspace.ts';
import { checkPortfolio } from '../../core/check.ts';
import { toCheckDocument } from '../../report/check-document.ts';
import { parseAsOf, parseBase, parseLang, parseThresholds } from '../options.ts';
import { renderCheckText } from '../render/check-text.ts';

export interface CheckOptions {
  model?: string;
  base: string;
  asOf?: string;
  prices?: string;
  universe?: string;
  threshold?: string;
  lang?: string;
  json?: boolean;
  /**
   * Journal database (default: the per-user journal), read, never created: its price cache prices the holdings
   * (workspace.ts marketFor) and its record answers `monthly-rebalancing`.
   */
  db?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('classify holdings into the model sleeves and run the checklist')
    .argument('<holdings...>', 'holdings files: CSV (UTF-8 or CP949) or a Ghostfolio JSON export')
    .option('--model <id|file>', 'model id or model JSON file', 'great-dispersion-2026')
    .option('--base <ccy>', 'base currency for values', 'USD')
    .option('--as-of <date>', 'valuation date YYYY-MM-DD (default: today)')
    .option(
      '--prices <dir>',
      'folder of price files <SYMBOL>.csv (date,close) and fx/<AAABBB>.csv (date,rate)',
    )
    .option('--universe <file>', 'extra instruments (JSON, same shape as data/universe.json)')
    .option(
      '--threshold <list>',
      'override checklist thresholds, e.g. mag7-max=0.4,regional-diversification=0.2',
    )
    .option('--lang <en|ko>', 'language of the report (default: from LANG)')
    .option(
      '--db <file>',
      'journal database: its price cache (data update) and the monthly-rebalancing check (default: the per-user journal)',
    )
    .option('--json', 'print one JSON document instead of the report')
    .action(async (files: string[], o: CheckOptions) => {
      const doc = await runCheckCommand(files, o, new Date());
      const lang = parseLang(o.lang);
      process.stdout.write(o.json ? `${JSON.stringify(doc, null, 2)}\n` : `${renderCheckText(doc, lang)}\n`);
    });
}

/** The whole check as a function of its arguments and the clock: what the server's /api/check calls too. */
export async function runCheckCommand(files: readonly HoldingsSource[], o: CheckOptions, now: Date) {
  const lang = parseLang(o.lang);
  const base = parseBase(o.base);
  const asOf = parseAsOf(o.asOf, now);
  const ws = openWorkspace(o);
  const thresholds = parseThresholds(o.threshold, ws.model.checks);
  const imported = await importFiles(files);
  const market = await marketFor({
    symbols: heldSymbols(imported.holdings, ws.universe),
    prices: o.prices,
    db: o.db,
  });
  const lastRebalance = await lastRebalanceDay(o.db, asOf);
  const report = checkPortfolio({
    holdings: imported.holdings,
    universe: ws.universe,
    model: ws.model,
    market,
    base,
    asOf,
    lastRebalance,
    thresholds,
  });
  report.warnings.unshift(...imported.warnings);
  return toCheckDocument(report, lang);
}
