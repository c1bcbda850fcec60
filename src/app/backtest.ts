/**
 * The backtest use case (`dispersion backtest`, /api/backtest): how a model allocation (or `--weights`) would have done against benchmarks, on the bundled
 * closes and the user's price folder. `runBacktestCommand` is the whole command as a function of its request and the
 * clock; the dashboard server calls it too (with `{ curves: true }` for the charts).
 */
import { z } from 'zod';
import { loadModel } from '../adapters/config/model-file.ts';
import { loadUniverse } from '../adapters/config/universe-file.ts';
import { loadSolver } from '../adapters/highs-solver.ts';
import { loadRates } from '../adapters/market-data/load.ts';
import type { BacktestInput, BacktestOutcome, BacktestSettings } from '../core/backtest/backtest.ts';
import { backtest } from '../core/backtest/backtest.ts';
import type { Period } from '../core/backtest/schedule.ts';
import { parseRebalance } from '../core/backtest/schedule.ts';
import type { PortfolioWeights } from '../core/backtest/weights.ts';
import { modelWeights, parseWeights, singleAsset } from '../core/backtest/weights.ts';
import { staleDataAge } from '../core/data-age.ts';
import { fromDay, parseIsoDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import { resolveSymbol } from '../core/universe.ts';
import type { DataAgeDoc } from '../i18n/data-age.ts';
import { dataAgeDoc } from '../i18n/data-age.ts';
import { particle, withJosa } from '../i18n/josa.ts';
import type { BacktestCurves, BacktestDocument } from '../report/backtest-document.ts';
import { toBacktestCurves, toBacktestDocument } from '../report/backtest-document.ts';
import type { HindsightDocument, HindsightRun } from '../report/hindsight.ts';
import { toHindsightDocument } from '../report/hindsight.ts';
import { trimToListings } from './listing-starts.ts';
import { marketFor } from './market.ts';
import { parseAsOf, parseBase, parseLang } from './options.ts';
import { parseRequest } from './request.ts';

/** The `backtest` request: what is run (a model or weights), over which days, how, against what, on which data. */
export const BacktestRequest = z.object({
  model: z.string().optional(),
  weights: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  rebalance: z.string().optional(),
  /** weights (default): back to the target weights; dispersion: the `rebalance` solver each rebalancing day. */
  policy: z.string().optional(),
  base: z.string().optional(),
  priceOnly: z.boolean().optional(),
  wholeShares: z.boolean().optional(),
  costBps: z.string().optional(),
  contribution: z.string().optional(),
  initial: z.string().optional(),
  benchmark: z.string().optional(),
  riskFree: z.string().optional(),
  prices: z.string().optional(),
  universe: z.string().optional(),
  /** Journal database whose price cache is read (default: the per-user journal); never created. */
  db: z.string().optional(),
  lang: z.string().optional(),
});
export type BacktestOptions = z.input<typeof BacktestRequest>;

export const DEFAULT_MODEL = 'great-dispersion-2026';
export const DEFAULT_BENCHMARKS = 'SPY,QQQ,model:mag7-concentrated';

export interface RunBacktestExtras {
  /** Add the daily curves (values, index, drawdowns) for charts and CSV. */
  curves?: boolean;
}

/**
 * The whole backtest as a function of its options and the clock: the JSON document, plus the daily curves when asked.
 * `--to` defaults to `now`'s date (then clipped to the last close).
 */
export async function runBacktestCommand(
  request: BacktestOptions,
  now: Date,
  extras: RunBacktestExtras = {},
): Promise<BacktestReport & { curves?: BacktestCurves }> {
  const o = parseRequest(BacktestRequest, request, 'backtest');
  const { outcome, hindsight } = await runBacktestWithHindsight(o, now);
  const document = {
    // The run ends at the last close: when that is older than 10 trading days before today, said first.
    stale: dataAgeDoc(staleDataAge(parseAsOf(undefined, now), [outcome.to]), parseLang(o.lang)),
    ...toBacktestDocument(outcome, parseLang(o.lang)),
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
  request: BacktestOptions,
  now: Date,
  override?: PortfolioWeights,
): Promise<BacktestOutcome> {
  const o = parseRequest(BacktestRequest, request, 'backtest');
  const base = parseBase(o.base ?? 'USD');
  if (o.model && o.weights) {
    throw new InputError({
      message: '--model and --weights both given',
      expected: 'one of them',
      ko: { message: '--model과 --weights를 함께 주었습니다', expected: '둘 중 하나' },
    });
  }
  const portfolio =
    override ?? (o.weights ? parseWeights(o.weights) : modelWeights(loadModel(o.model ?? DEFAULT_MODEL)));
  const benchmarks = parseBenchmarks(o.benchmark ?? DEFAULT_BENCHMARKS);
  // Only these symbols are resolved, unless the dispersion rebalancer runs (it looks for other instruments of a
  // sleeve): then the bundled listings are read only when one of them could be listed (universe-file.ts).
  const written = [portfolio, ...benchmarks].flatMap((p) => p.assets.map((a) => a.symbol));
  const dispersion = !override && (o.policy ?? 'weights').trim().toLowerCase() !== 'weights';
  const universe = loadUniverse(o.universe, undefined, dispersion ? {} : { symbols: written });
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
      ko: {
        message: `--from ${withJosa(o.from, '이/가')} --to ${fromDay(to)}보다 앞서지 않습니다`,
        expected: 'from < to',
      },
    });
  }
  const settings = parseSettings(o);
  const policy = override ? undefined : await parsePolicy(o, settings);
  const outcome = backtest({
    market,
    universe,
    base,
    rates: loadRates(),
    portfolio,
    benchmarks,
    from,
    to,
    settings,
    ...(policy ? { policy } : {}),
  });
  const held = new Set([portfolio, ...benchmarks].flatMap((p) => p.assets.map((a) => a.symbol)));
  outcome.warnings.unshift(...listing.filter((w) => held.has(w.symbol)));
  return outcome;
}

/** `--policy dispersion`: the model's rebalancer and the solver; it needs a model and a periodic schedule. */
async function parsePolicy(
  o: BacktestOptions,
  settings: Partial<BacktestSettings>,
): Promise<BacktestInput['policy']> {
  const name = (o.policy ?? 'weights').trim().toLowerCase();
  if (name === 'weights') return undefined;
  if (name !== 'dispersion') {
    throw new InputError({
      message: `--policy ${o.policy} is not understood`,
      expected: 'weights or dispersion',
      ko: {
        message: `--policy ${withJosa(o.policy, '을/를')} 알 수 없습니다`,
        expected: 'weights 또는 dispersion',
      },
    });
  }
  if (o.weights) {
    throw new InputError({
      message: '--policy dispersion rebalances a model, and --weights gives none',
      expected: '--model ID|FILE (or no --weights)',
      ko: {
        message: '--policy dispersion은 모델을 리밸런싱하는데 --weights에는 모델이 없습니다',
        expected: '--model ID|FILE (또는 --weights 없이)',
      },
    });
  }
  if (settings.rebalance?.kind !== 'periodic') {
    throw new InputError({
      message: `--policy dispersion rebalances on a schedule, and --rebalance ${o.rebalance} gives none`,
      expected: '--rebalance monthly, quarterly or annual (the rebalancer applies its own bands)',
      ko: {
        message: `--policy dispersion은 정해진 주기로 리밸런싱하는데 --rebalance ${withJosa(o.rebalance, '은/는')} 주기가 아닙니다`,
        expected: '--rebalance monthly, quarterly 또는 annual (밴드는 리밸런서가 직접 적용합니다)',
      },
    });
  }
  return { model: loadModel(o.model ?? DEFAULT_MODEL), solver: await loadSolver() };
}

function parseDate(text: string, option: string): number {
  const day = parseIsoDay(text.trim());
  if (day === undefined)
    throw new InputError({
      message: `${option} ${text} is not a date`,
      expected: 'YYYY-MM-DD',
      ko: { message: `${option} ${withJosa(text, '은/는')} 날짜가 아닙니다`, expected: 'YYYY-MM-DD' },
    });
  return day;
}

function parseNumber(
  text: string,
  option: string,
  expected: { en: string; ko: string },
  ok: (x: number) => boolean,
): number {
  const x = Number(text.replace(/_/g, '').replace(/,/g, ''));
  if (text.trim() === '' || !Number.isFinite(x) || !ok(x)) {
    throw new InputError({
      message: `${option} ${text} is not understood`,
      expected: expected.en,
      ko: { message: `${option} ${withJosa(text, '을/를')} 알 수 없습니다`, expected: expected.ko },
    });
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
      ko: {
        message: `--rebalance ${withJosa(o.rebalance, '을/를')} 알 수 없습니다`,
        expected: 'monthly, quarterly, annual, none 또는 band:0.05/0.25 같은 band:절대/상대 (소수)',
      },
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
        { en: 'basis points between 0 and 1000, e.g. 10', ko: '0에서 1000 사이의 베이시스 포인트, 예: 10' },
        (x) => x >= 0 && x <= 1000,
      ),
      min: 0,
    },
    // Without --initial the core picks a round amount worth about USD 10,000 in the base (backtest.ts defaultInitial).
    ...(o.initial === undefined
      ? {}
      : {
          initial: parseNumber(
            o.initial,
            '--initial',
            { en: 'a positive amount', ko: '0보다 큰 금액' },
            (x) => x > 0,
          ),
        }),
    riskFree: parseNumber(
      o.riskFree ?? '0',
      '--risk-free',
      { en: 'an annual rate as a fraction, e.g. 0.03', ko: '소수로 쓴 연 이율, 예: 0.03' },
      (x) => x > -1 && x < 1,
    ),
  };
  if (o.contribution !== undefined) {
    const [amount, period] = o.contribution.split('/').map((s) => s.trim());
    settings.contribution = parseNumber(
      amount ?? '',
      '--contribution',
      { en: 'AMOUNT or AMOUNT/PERIOD, e.g. 500/monthly', ko: '금액 또는 금액/주기, 예: 500/monthly' },
      () => true,
    );
    if (period !== undefined) {
      const p = PERIOD_WORDS[period.toLowerCase()];
      if (!p) {
        throw new InputError({
          message: `--contribution period "${period}" is not understood`,
          expected: 'monthly, quarterly or annual',
          ko: {
            message: `--contribution의 주기 "${period}"${particle(period, '을/를')} 알 수 없습니다`,
            expected: 'monthly, quarterly 또는 annual',
          },
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
        ko: {
          message: `--benchmark "${item}"${particle(item, '은/는')} 종목도 모델도 아닙니다`,
          expected: '쉼표로 구분한 종목과 model:ID, 예: SPY,QQQ,model:mag7-concentrated',
        },
      });
    }
    return singleAsset(item.toUpperCase());
  });
}
