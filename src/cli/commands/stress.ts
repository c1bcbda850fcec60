/** `dispersion stress <holdings…>`: what the essay's three risks and past crashes would do to the portfolio. */
import type { Command } from 'commander';
import { loadBundledScenarios, loadScenario } from '../../adapters/config/scenario-file.ts';
import type { HoldingsSource } from '../../app/workspace.ts';
import { loadPortfolio, openWorkspace } from '../../app/workspace.ts';
import { prependAll } from '../../core/arrays.ts';
import { parseIsoDay } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import type { HistoricalWindow } from '../../core/stress/historical.ts';
import { HISTORICAL_WINDOWS } from '../../core/stress/historical.ts';
import { proxyCandidates } from '../../core/stress/proxy.ts';
import type { Scenario } from '../../core/stress/scenario.ts';
import { stressPortfolio } from '../../core/stress/stress.ts';
import { toStressDocument } from '../../report/stress-document.ts';
import { formatOption, parseCommonOptions } from '../options.ts';
import { printDocument } from '../print.ts';
import { renderStressText } from '../render/stress-text.ts';

export interface StressOptions {
  /** `--format NAME`: the holdings files' format, instead of detecting it. */
  format?: string;
  scenario?: string;
  window?: string[];
  model?: string;
  base: string;
  asOf?: string;
  prices?: string;
  universe?: string;
  lookThrough?: string;
  rules?: string;
  /** Journal database whose price cache is read (default: the per-user journal); never created. */
  db?: string;
  lang?: string;
  json?: boolean;
}

export function registerStress(program: Command): void {
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
    .option('--model <id|file>', 'model id or model JSON file (for sleeve proxies)', 'great-dispersion-2026')
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
    .option('--db <file>', 'journal database whose price cache is read (default: the per-user journal)')
    .option('--lang <en|ko>', 'language of the report (default: from LANG)')
    .option('--json', 'print one JSON document instead of the report')
    .action(async (files: string[], o: StressOptions) => {
      printDocument(o, await runStressCommand(files, o, new Date()), renderStressText);
    });
}

/** The whole stress test as a function of its arguments and the clock: what the dashboard calls too. */
export async function runStressCommand(files: readonly HoldingsSource[], o: StressOptions, now: Date) {
  const { lang, base, asOf } = parseCommonOptions(o, now);
  const ws = openWorkspace(o);
  const { scenarios, windows } = selectScenarios(o.scenario, o.window ?? []);
  // The held symbols plus every symbol a proxy may come from: the loader reads only what it is asked for.
  const portfolio = await loadPortfolio(files, ws.universe, o, proxyCandidates(ws.model), {
    asOf,
    ...formatOption(o),
  });
  const report = stressPortfolio({
    holdings: portfolio.holdings,
    universe: ws.universe,
    model: ws.model,
    market: portfolio.market,
    base,
    asOf,
    scenarios,
    windows,
  });
  prependAll(report.warnings, portfolio.warnings);
  return toStressDocument(report, lang);
}

/**
 * With neither option: the three bundled scenarios and the four historical windows. Otherwise exactly what was
 * asked: `--scenario` items (bundled ids, historical window ids, files, or `all`) and each `--window`.
 */
export function selectScenarios(
  spec: string | undefined,
  windowSpecs: readonly string[],
): { scenarios: Scenario[]; windows: HistoricalWindow[] } {
  const windows = windowSpecs.map(parseWindow);
  if (spec === undefined && windows.length > 0) return { scenarios: [], windows };
  const items = (spec ?? 'all')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const scenarios: Scenario[] = [];
  const named: HistoricalWindow[] = [];
  for (const item of items) {
    if (item === 'all') {
      scenarios.push(...loadBundledScenarios());
      named.push(...HISTORICAL_WINDOWS);
      continue;
    }
    const w = HISTORICAL_WINDOWS.find((x) => x.id === item);
    if (w) named.push(w);
    else scenarios.push(loadScenario(item));
  }
  const seen = new Set<string>();
  const unique = <T extends { id: string }>(xs: T[]) =>
    xs.filter((x) => {
      if (seen.has(x.id)) return false;
      seen.add(x.id);
      return true;
    });
  return { scenarios: unique(scenarios), windows: unique([...named, ...windows]) };
}

/** `2008-09-01:2009-03-09` → a window with that text as its id. */
export function parseWindow(text: string): HistoricalWindow {
  const m = /^(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  const from = m ? parseIsoDay(m[1] as string) : undefined;
  const to = m ? parseIsoDay(m[2] as string) : undefined;
  if (from === undefined || to === undefined || from >= to) {
    throw new InputError({
      message: `--window ${text} is not a window`,
      expected: 'FROM:TO as two dates YYYY-MM-DD with FROM before TO, e.g. 2008-09-01:2009-03-09',
    });
  }
  return { id: text.trim(), from, to };
}
