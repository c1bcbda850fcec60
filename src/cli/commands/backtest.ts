/**
 * `dispersion backtest`: how a model allocation (or `--weights`) would have done against benchmarks, on the bundled
 * closes and the user's price folder. `runBacktestCommand` is the whole command as a function of its options and the
 * clock; the dashboard server calls it too (with `{ curves: true }` for the charts).
 */
import type { Command } from 'commander';
import { loadModel } from '../../adapters/config/model-file.ts';
import { loadUniverse } from '../../adapters/config/universe-file.ts';
import { writeUserFile } from '../../adapters/files/user-files.ts';
import { loadRates } from '../../adapters/market-data/load.ts';
import { trimToListings } from '../../app/listing-starts.ts';
import { parseAsOf, parseBase, parseLang } from '../../app/options.ts';
import { marketFor } from '../../app/workspace.ts';
import type { BacktestOutcome, BacktestSettings } from '../../core/backtest/backtest.ts';
import { backtest } from '../../core/backtest/backtest.ts';
import type { Period } from '../../core/backtest/schedule.ts';
import { parseRebalance } from '../../core/backtest/schedule.ts';
import type { PortfolioWeights } from '../../core/backtest/weights.ts';
import { modelWeights, parseWeights, singleAsset } from '../../core/backtest/weights.ts';
import { staleDataAge } from '../../core/data-age.ts';
import { fromDay, parseIsoDay } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import { resolveSymbol } from '../../core/universe.ts';
import type { DataAgeDoc } from '../../i18n/data-age.ts';
import { dataAgeDoc } from '../../i18n/data-age.ts';
import type { BacktestCurves, BacktestDocument } from '../../report/backtest-document.ts';
import { toBacktestCurves, toBacktestDocument } from '../../report/backtest-document.ts';
import { csvHeader } from '../../report/csv.ts';
import type { HindsightDocument, HindsightRun } from '../../report/hindsight.ts';
import { toHindsightDocument } from '../../report/hindsight.ts';
import { renderBacktestText } from '../render/backtest-text.ts';

export interface BacktestOptions {
  model?: string;
  weights?: string;
  from?: string;
  to?: string;
  rebalance?: string;
  base?: string;
  priceOnly?: boolean;
  wholeShares?: boolean;
  costBps?: string;
  contribution?: string;
  initial?: string;
  benchmark?: string;
  riskFree?: string;
  prices?: string;
  universe?: string;
  /** Journal database whose price cache is read (default: the per-user journal); never created. */
  db?: string;
  json?: boolean;
  csv?: string;
  force?: boolean;
  lang?: string;
}

export const DEFAULT_MODEL = 'great-dispersion-2026';
export const DEFAULT_BENCHMARKS = 'SPY,QQQ,model:mag7-concentrated';

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description(
      'how the model allocation would have done, against SPY, QQQ and a Mag7-concentrated portfolio',
    )
    .option('--model <id|file>', `model id or model JSON file (default ${DEFAULT_MODEL})`)
    .option(
      '--weights <list>',
      'your own weights instead of a model, e.g. NVDA=0.5,TSLA=0.3 (the rest is cash)',
    )
    .option('--from <date>', 'first day YYYY-MM-DD (default: the first day every asset has a close)')
    .option('--to <date>', 'last day YYYY-MM-DD (default: today, or the last close)')
    .option(
      '--rebalance <how>',
      'monthly, quarterly, annual, none, or band:ABS/REL such as band:0.05/0.25',
      'monthly',
    )
    .option('--base <ccy>', 'base currency of the portfolio', 'USD')
    .option('--price-only', 'ignore dividends (default: reinvested on the ex-date)')
    .option('--whole-shares', 'buy whole shares in exchange lots (default: fractional)')
    .option('--cost-bps <n>', 'trading cost in basis points of each trade', '0')
    .option(
      '--contribution <amount[/period]>',
      'add (or, negative, withdraw) AMOUNT each period, e.g. 500/monthly',
    )
    .option(
      '--initial <amount>',
      'starting value in the base currency (default about USD 10,000: 10,000,000 KRW, 1,000,000 JPY, 10,000 USD/EUR/GBP/CHF)',
    )
    .option('--benchmark <list>', 'symbols and model:ID to compare with, or "none"', DEFAULT_BENCHMARKS)
    .option('--risk-free <rate>', 'annual risk-free rate for Sharpe and Sortino, e.g. 0.03', '0')
    .option(
      '--prices <dir>',
      'folder of price files <SYMBOL>.csv (date,close) and fx/<AAABBB>.csv (date,rate)',
    )
    .option('--universe <file>', 'extra instruments (JSON, same shape as data/universe.json)')
    .option('--db <file>', 'journal database whose price cache is read (default: the per-user journal)')
    .option('--json', 'print one JSON document instead of the report')
    .option('--csv <file>', 'write the daily values of the portfolio and benchmarks to a CSV file')
    .option('--force', 'let --csv overwrite an existing file')
    .option('--lang <en|ko>', 'language of the report (default: from LANG)')
    .action(async (o: BacktestOptions) => {
      const lang = parseLang(o.lang);
      const { curves, ...document } = await runBacktestCommand(o, new Date(), {
        curves: o.csv !== undefined,
      });
      if (o.csv && curves) writeCurvesCsv(o.csv, curves, o.force === true);
      process.stdout.write(
        o.json ? `${JSON.stringify(document, null, 2)}\n` : `${renderBacktestText(document, lang)}\n`,
      );
    });
}

export interface RunBacktestExtras {
  /** Add the daily curves (values, index, drawdowns) for charts and CSV. */
  curves?: boolean;
}

/**
 * The whole backtest as a function of its options and the clock: the JSON document, plus the daily curves when asked.
 * `--to` defaults to `now`'s date (then clipped to the last close).
 */
export async function runBacktestCommand(
  o: BacktestOptions,
  now: Date,
  extras: RunBacktestExtras = {},
): Promise<BacktestReport & { curves?: BacktestCurves }> {
  const { outcome, hindsight } = await runBacktestWithHindsight(o, now);
  const document = {
    // The run ends at the last close: when that is older than 10 trading days before today, said first.
    stale: dataAgeDoc(staleDataAge(parseAsOf(undefined, now), [outcome.to]), parseLang(o.lang)),
    ...toBacktestDocument(outcome),
    // A model's picks were made knowing how they did (issue 11): said, with how much of the lead they account for.
    hindsight: hindsight === undefined ? null : toHindsightDocument(outcome, hindsight, parseLang(o.lang)),
  };
  return extras.curves ? { ...document, curves: toBacktestCurves(outcome) } : document;
}

export type BacktestReport = BacktestDocument & { hindsight: HindsightDocument | null; stale: DataAgeDoc };

/**
 * The run, and for a model (not --weights) the same run with every name outside the selected-Mag7 sleeve replaced by
 * SPY (null when the model has no such sleeve: the caveat is said without a split). Both on the same days.
 */
async function runBacktestWithHindsight(
  o: BacktestOptions,
  now: Date,
): Promise<{ outcome: BacktestOutcome; hindsight?: HindsightRun | null }> {
  const outcome = await runBacktestOutcome(o, now);
  if (o.weights) return { outcome };
  const weights = modelWeights(loadModel(o.model ?? DEFAULT_MODEL));
  const selected = weights.assets.filter((a) => a.sleeve === 'mag7-selected');
  if (selected.length === 0) return { outcome, hindsight: null };
  const selectedWeight = selected.reduce((x, a) => x + a.weight, 0);
  // Rounded as weights.ts rounds the model's weights (sums of products like 0.3 × 0.2 leave 1e-16 dust).
  const others =
    Math.round(weights.assets.reduce((x, a) => x + (a.sleeve === 'mag7-selected' ? 0 : a.weight), 0) * 1e12) /
    1e12;
  const variant: PortfolioWeights = {
    id: `${weights.id}:picks-as-spy`,
    name: `${weights.name}: NVDA+TSLA, the rest SPY`,
    assets: [...selected.map((a) => ({ ...a })), { symbol: 'SPY', weight: others }],
    cash: weights.cash,
    proxies: [],
  };
  const run = await runBacktestOutcome(
    { ...o, from: outcome.from, to: outcome.to, benchmark: 'SPY' },
    now,
    variant,
  );
  return { outcome, hindsight: { variant: run, selectedWeight } };
}

/** The core outcome with its typed arrays (for callers that chart or post-process without JSON). */
export async function runBacktestOutcome(
  o: BacktestOptions,
  now: Date,
  override?: PortfolioWeights,
): Promise<BacktestOutcome> {
  const base = parseBase(o.base ?? 'USD');
  if (o.model && o.weights) {
    throw new InputError({ message: '--model and --weights both given', expected: 'one of them' });
  }
  const universe = loadUniverse(o.universe);
  const portfolio =
    override ?? (o.weights ? parseWeights(o.weights) : modelWeights(loadModel(o.model ?? DEFAULT_MODEL)));
  const benchmarks = parseBenchmarks(o.benchmark ?? DEFAULT_BENCHMARKS);
  const symbols = new Set<string>();
  for (const p of [portfolio, ...benchmarks]) {
    for (const a of p.assets) symbols.add(resolveSymbol(universe, a.symbol) ?? a.symbol.toUpperCase());
  }
  // Closes from before a company existed (VRT's SPAC shell) are left out: listing-starts.ts.
  const { market, warnings: listing } = trimToListings(
    await marketFor({ symbols, prices: o.prices, db: o.db }),
  );
  const today = parseAsOf(undefined, now);
  const from = o.from === undefined ? undefined : parseDate(o.from, '--from');
  const to = o.to === undefined ? today : parseDate(o.to, '--to');
  if (from !== undefined && from >= to) {
    throw new InputError({
      message: `--from ${o.from} is not before --to ${fromDay(to)}`,
      expected: 'from < to',
    });
  }
  const outcome = backtest({
    market,
    universe,
    base,
    rates: loadRates(),
    portfolio,
    benchmarks,
    from,
    to,
    settings: parseSettings(o),
  });
  const held = new Set([portfolio, ...benchmarks].flatMap((p) => p.assets.map((a) => a.symbol)));
  outcome.warnings.unshift(...listing.filter((w) => w.symbol !== undefined && held.has(w.symbol)));
  return outcome;
}

function parseDate(text: string, option: string): number {
  const day = parseIsoDay(text.trim());
  if (day === undefined)
    throw new InputError({ message: `${option} ${text} is not a date`, expected: 'YYYY-MM-DD' });
  return day;
}

function parseNumber(text: string, option: string, expected: string, ok: (x: number) => boolean): number {
  const x = Number(text.replace(/_/g, '').replace(/,/g, ''));
  if (text.trim() === '' || !Number.isFinite(x) || !ok(x)) {
    throw new InputError({ message: `${option} ${text} is not understood`, expected });
  }
  return x;
}

const PERIOD_WORDS: Record<string, Period> = {
  month: 'monthly',
  monthly: 'monthly',
  quarter: 'quarterly',
  quarterly: 'quarterly',
  year: 'annual',
  yearly: 'annual',
  annual: 'annual',
};

function parseSettings(o: BacktestOptions): Partial<BacktestSettings> {
  const rebalance = parseRebalance(o.rebalance ?? 'monthly');
  if (!rebalance) {
    throw new InputError({
      message: `--rebalance ${o.rebalance} is not understood`,
      expected: 'monthly, quarterly, annual, none, or band:ABS/REL such as band:0.05/0.25 (fractions)',
    });
  }
  const settings: Partial<BacktestSettings> = {
    rebalance,
    fractional: o.wholeShares !== true,
    totalReturn: o.priceOnly !== true,
    cost: {
      bps: parseNumber(
        o.costBps ?? '0',
        '--cost-bps',
        'basis points between 0 and 1000, e.g. 10',
        (x) => x >= 0 && x <= 1000,
      ),
      min: 0,
    },
    // Without --initial the core picks a round amount worth about USD 10,000 in the base (backtest.ts defaultInitial).
    ...(o.initial === undefined
      ? {}
      : { initial: parseNumber(o.initial, '--initial', 'a positive amount', (x) => x > 0) }),
    riskFree: parseNumber(
      o.riskFree ?? '0',
      '--risk-free',
      'an annual rate as a fraction, e.g. 0.03',
      (x) => x > -1 && x < 1,
    ),
  };
  if (o.contribution !== undefined) {
    const [amount, period] = o.contribution.split('/').map((s) => s.trim());
    settings.contribution = parseNumber(
      amount ?? '',
      '--contribution',
      'AMOUNT or AMOUNT/PERIOD, e.g. 500/monthly',
      () => true,
    );
    if (period !== undefined) {
      const p = PERIOD_WORDS[period.toLowerCase()];
      if (!p) {
        throw new InputError({
          message: `--contribution period "${period}" is not understood`,
          expected: 'monthly, quarterly or annual',
        });
      }
      settings.contributionPeriod = p;
    }
  }
  return settings;
}

/** `SPY,QQQ,model:mag7-concentrated`: a symbol is held 100%; `model:ID|FILE` is a model's backtest weights. */
export function parseBenchmarks(text: string): PortfolioWeights[] {
  if (text.trim().toLowerCase() === 'none' || text.trim() === '') return [];
  return text.split(',').map((raw) => {
    const item = raw.trim();
    if (item.startsWith('model:')) {
      const weights = modelWeights(loadModel(item.slice(6)));
      return { ...weights, id: item };
    }
    if (!/^[A-Za-z0-9^][A-Za-z0-9.\-=^&]{0,23}$/.test(item)) {
      throw new InputError({
        message: `--benchmark "${item}" is not a symbol or model`,
        expected: 'symbols and model:ID separated by commas, e.g. SPY,QQQ,model:mag7-concentrated',
      });
    }
    return singleAsset(item.toUpperCase());
  });
}

/** The daily curves as CSV: date, then one value column per portfolio. Never overwrites without --force. */
function writeCurvesCsv(file: string, curves: BacktestCurves, force: boolean): void {
  const header = csvHeader(['date', ...curves.series.map((s) => s.id)]);
  const lines = curves.days.map((d, t) =>
    [d, ...curves.series.map((s) => (s.equity[t] as number).toFixed(6))].join(','),
  );
  writeUserFile(file, `${header}\n${lines.join('\n')}\n`, { overwrite: force, what: 'CSV file' });
}
