/** `dispersion check <holdings…>`: where the portfolio stands against the model and the checklist. */
import type { Command } from 'commander';
import { withFilePrices } from '../../app/file-prices.ts';
import { lastRebalanceDay } from '../../app/journal.ts';
import type { HoldingsSource } from '../../app/workspace.ts';
import { loadPortfolio, openWorkspace } from '../../app/workspace.ts';
import { prependAll } from '../../core/arrays.ts';
import { checkPortfolio } from '../../core/check.ts';
import { fromDay } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import type { Holding } from '../../core/holdings.ts';
import { monthOf, portfolioOf } from '../../core/journal.ts';
import { toCheckDocument } from '../../report/check-document.ts';
import { formatOption, parseCommonOptions, parseThresholds } from '../options.ts';
import { printDocument } from '../print.ts';
import { renderCheckText } from '../render/check-text.ts';

export interface CheckOptions {
  /** `--format NAME`: the holdings files' format, instead of detecting it. */
  format?: string;
  model?: string;
  base: string;
  asOf?: string;
  prices?: string;
  universe?: string;
  lookThrough?: string;
  rules?: string;
  threshold?: string;
  lang?: string;
  json?: boolean;
  /**
   * Journal database (default: the per-user journal), read, never created: its price cache prices the holdings
   * (workspace.ts marketFor) and its record answers `monthly-rebalancing`.
   */
  db?: string;
  /** The portfolio whose journal `monthly-rebalancing` reads: default the set of account names held (portfolioName). */
  portfolio?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('classify holdings into the model sleeves and run the checklist')
    .argument(
      '<holdings...>',
      'holdings files: CSV (UTF-8 or CP949), .xlsx, a broker export (see --format) or a Ghostfolio JSON export',
    )
    .option('--model <id|file>', 'model id or model JSON file', 'great-dispersion-2026')
    .option('--base <ccy>', 'base currency for values', 'USD')
    .option('--as-of <date>', 'valuation date YYYY-MM-DD (default: today)')
    .option(
      '--format <name>',
      "holdings file format instead of detecting it (see the README's table of formats)",
    )
    .option(
      '--prices <dir>',
      'folder of price files <SYMBOL>.csv (date,close) and fx/<AAABBB>.csv (date,rate)',
    )
    .option('--universe <file>', 'extra instruments (JSON, same shape as data/universe.json)')
    .option(
      '--rules <file>',
      'classification rules tried before data/classification.json (same shape): sleeve and country by market and industry',
    )
    .option(
      '--look-through <file>',
      'fund holdings (JSON, same shape as data/lookthrough.json): adds funds, replaces bundled ones',
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
  const portfolio = await loadPortfolio(files, ws.universe, o, [], { asOf, ...formatOption(o) });
  const portfolioId = parsePortfolio(o.portfolio, portfolio.holdings);
  const lastRebalance = await lastRebalanceDay(
    o.db,
    portfolioId,
    asOf,
    extras.rebalancesBeforeThisMonth ? { beforeMonth: monthOf(fromDay(asOf)) } : undefined,
  );
  // The files' own prices, for listings nothing fresher prices (always shown with that source).
  const priced = withFilePrices(portfolio.market, portfolio.prices, ws.universe, asOf);
  const report = checkPortfolio({
    holdings: portfolio.holdings,
    universe: ws.universe,
    model: ws.model,
    market: priced.market,
    base,
    asOf,
    lastRebalance,
    thresholds,
  });
  prependAll(report.warnings, [...portfolio.warnings, ...priced.warnings]);
  return toCheckDocument(report, lang, portfolioId);
}

/** `--portfolio NAME` (not empty), else the portfolio named by its holdings' accounts. */
export function parsePortfolio(value: string | undefined, holdings: readonly Holding[]): string {
  if (value !== undefined && value.trim() === '') {
    throw new InputError({
      message: '--portfolio is empty',
      expected: 'a name for the portfolio, e.g. --portfolio family',
    });
  }
  return portfolioOf(
    value,
    holdings.map((h) => h.account),
  );
}
