/** `dispersion check <holdings…>`: where the portfolio stands against the model and the checklist. */
import type { Command } from 'commander';
import { lastRebalanceDay } from '../../app/journal.ts';
import type { HoldingsSource } from '../../app/workspace.ts';
import { loadPortfolio, openWorkspace } from '../../app/workspace.ts';
import { prependAll } from '../../core/arrays.ts';
import { checkPortfolio } from '../../core/check.ts';
import { fromDay } from '../../core/dates.ts';
import { monthOf } from '../../core/journal.ts';
import { toCheckDocument } from '../../report/check-document.ts';
import { parseCommonOptions, parseThresholds } from '../options.ts';
import { printDocument } from '../print.ts';
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
      printDocument(o, await runCheckCommand(files, o, new Date()), renderCheckText);
    });
}

/** The whole check as a function of its arguments and the clock: what the server's /api/check calls too. */
export interface CheckRunExtras {
  /**
   * Count only rebalances recorded before the as-of date's month (journal record: the month being recorded, or the
   * record it replaces, is not "the last rebalance").
   */
  rebalancesBeforeThisMonth?: boolean;
}

export async function runCheckCommand(
  files: readonly HoldingsSource[],
  o: CheckOptions,
  now: Date,
  extras: CheckRunExtras = {},
) {
  const { lang, base, asOf } = parseCommonOptions(o, now);
  const ws = openWorkspace(o);
  const thresholds = parseThresholds(o.threshold, ws.model.checks);
  const portfolio = await loadPortfolio(files, ws.universe, o, [], { asOf });
  const lastRebalance = await lastRebalanceDay(
    o.db,
    asOf,
    extras.rebalancesBeforeThisMonth ? { beforeMonth: monthOf(fromDay(asOf)) } : undefined,
  );
  const report = checkPortfolio({
    holdings: portfolio.holdings,
    universe: ws.universe,
    model: ws.model,
    market: portfolio.market,
    base,
    asOf,
    lastRebalance,
    thresholds,
  });
  prependAll(report.warnings, portfolio.warnings);
  return toCheckDocument(report, lang);
}
