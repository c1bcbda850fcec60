/**
 * A whole backtest comparison: the portfolio and its benchmarks on ONE prepared market (one calendar, one FX
 * conversion), each run by the same engine with the same settings, then summarised with the same statistics.
 * Pure: market data, universe and rates come in, numbers and warnings go out.
 */
import type { CurrencyCode } from '../currency.ts';
import { quoteToMajor } from '../currency.ts';
import { fromDay } from '../dates.ts';
import type { CostModel } from '../engine/cost.ts';
import { NO_COST } from '../engine/cost.ts';
import { InputError } from '../errors.ts';
import { fxRate } from '../fx.ts';
import type { MarketData } from '../market.ts';
import type { Model } from '../model.ts';
import type { MipSolver } from '../rebalance/solve/lp.ts';
import { correlation } from '../stats/moments.ts';
import { beta, dailyReturns } from '../stats/performance.ts';
import type { PerformanceSummary } from '../stats/summary.ts';
import { annualTurnover, summarize } from '../stats/summary.ts';
import type { Universe } from '../universe.ts';
import { resolveSymbol } from '../universe.ts';
import type { Warning } from '../warnings.ts';
import type { CashRates } from './cash-rate.ts';
import type { DispersionPolicy } from './dispersion-policy.ts';
import { dispersionPolicy } from './dispersion-policy.ts';
import type { RunResult } from './engine.ts';
import { runBacktest } from './engine.ts';
import type { AssetSpec, PreparedMarket } from './prepare.ts';
import { prepareMarket } from './prepare.ts';
import type { Period, Rebalance } from './schedule.ts';
import { DEFAULT_REBALANCE } from './schedule.ts';
import type { PortfolioWeights, ProxyAsset, TargetWeight } from './weights.ts';

export interface BacktestSettings {
  rebalance: Rebalance;
  fractional: boolean;
  cost: CostModel;
  initial: number;
  contribution: number;
  /** Contribution period; default the rebalancing period (monthly for none and bands). */
  contributionPeriod?: Period;
  totalReturn: boolean;
  /** Annual risk-free rate for Sharpe and Sortino (ffn's `rf`), default 0. */
  riskFree: number;
}

export const DEFAULT_SETTINGS: BacktestSettings = {
  rebalance: DEFAULT_REBALANCE,
  fractional: true,
  cost: NO_COST,
  initial: 10_000,
  contribution: 0,
  totalReturn: true,
  riskFree: 0,
};

/**
 * Round starting amounts worth about USD 10,000, so `--whole-shares` can buy lots in any base: ₩10,000 (about $7)
 * buys no share at all. Other currencies: 10,000 × the USD rate on the first day, to two significant digits.
 */
export const ROUND_INITIAL: Readonly<Partial<Record<CurrencyCode, number>>> = {
  USD: 10_000,
  KRW: 10_000_000,
  JPY: 1_000_000,
  EUR: 10_000,
  GBP: 10_000,
  CHF: 10_000,
};
const USD_INITIAL = 10_000;
/** Whole lots leaving more than this share of the portfolio in cash at the start are warned about. */
export const IDLE_CASH_WARNING = 0.1;

/** The default starting amount in `base`; `usdRate` is base per USD on the first day (undefined: no rate known). */
export function defaultInitial(base: CurrencyCode, usdRate: number | undefined): number {
  const round = ROUND_INITIAL[base];
  if (round !== undefined) return round;
  if (usdRate === undefined || !(usdRate > 0)) return USD_INITIAL;
  const raw = USD_INITIAL * usdRate;
  const unit = 10 ** (Math.floor(Math.log10(raw)) - 1);
  return Math.round(raw / unit) * unit;
}

export interface BacktestInput {
  market: MarketData;
  universe: Universe;
  base: CurrencyCode;
  rates?: CashRates;
  portfolio: PortfolioWeights;
  benchmarks?: PortfolioWeights[];
  from?: number;
  to?: number;
  settings?: Partial<BacktestSettings>;
  /**
   * `--policy dispersion`: the portfolio (not the benchmarks) is rebalanced each rebalancing day by `rebalancePortfolio`
   * with this model and solver (dispersion-policy.ts); its weights only say which assets it may hold and how flows
   * between rebalancing days are invested.
   */
  policy?: { model: Model; solver: MipSolver };
}

export interface PortfolioOutcome {
  id: string;
  name: string;
  nameKo?: string;
  weights: TargetWeight[];
  cash: number;
  final: number;
  contributions: number;
  rebalances: number;
  /** Annual turnover (see summary.ts). */
  turnover: number;
  costs: number;
  stats: PerformanceSummary;
  run: RunResult;
  /** Set on benchmarks: correlation and beta of the portfolio's daily returns to this benchmark's. */
  correlation?: number | null;
  beta?: number | null;
}

export interface BacktestOutcome {
  from: string;
  to: string;
  base: CurrencyCode;
  settings: BacktestSettings;
  /** How the portfolio was rebalanced: back to its target weights, or by the dispersion rebalancer. */
  policy: 'weights' | 'dispersion';
  portfolio: PortfolioOutcome;
  benchmarks: PortfolioOutcome[];
  proxies: ProxyAsset[];
  warnings: Warning[];
  prepared: PreparedMarket;
}

export function backtest(input: BacktestInput): BacktestOutcome {
  const warnings: Warning[] = [];
  const portfolios = [input.portfolio, ...(input.benchmarks ?? [])].map((p) =>
    resolvePortfolio(p, input.universe),
  );

  // One asset list for every portfolio: the union calendar and the FX conversion are computed once.
  const order: string[] = [];
  const specs = new Map<string, AssetSpec>();
  for (const p of portfolios) {
    for (const a of p.assets) {
      if (specs.has(a.symbol)) continue;
      specs.set(a.symbol, assetSpec(a.symbol, input, warnings));
      order.push(a.symbol);
    }
  }
  if (order.length === 0) {
    throw new InputError({
      message: 'the portfolio holds no asset, only cash',
      expected: 'at least one symbol',
      ko: { message: '포트폴리오에 현금만 있고 종목이 없습니다', expected: '종목 하나 이상' },
    });
  }
  const prepared = prepareMarket({
    market: input.market,
    assets: order.map((s) => specs.get(s) as AssetSpec),
    base: input.base,
    rates: input.rates,
    from: input.from,
    to: input.to,
  });
  warnings.push(...prepared.warnings);
  const first = prepared.days[0] as number;
  const settings: BacktestSettings = {
    ...DEFAULT_SETTINGS,
    ...input.settings,
    initial:
      input.settings?.initial ??
      defaultInitial(input.base, fxRate(input.market, 'USD', input.base, first)?.rate),
  };
  const position = new Map(order.map((s, i) => [s, i]));

  let policy: DispersionPolicy | undefined;
  const outcomes = portfolios.map((p, pi) => {
    if (pi === 0 && input.policy) {
      policy = dispersionPolicy({
        prepared,
        universe: input.universe,
        model: input.policy.model,
        solver: input.policy.solver,
        fractional: settings.fractional,
        cost: settings.cost,
      });
    }
    const weights = new Float64Array(order.length);
    for (const a of p.assets) {
      const i = position.get(a.symbol) as number;
      weights[i] = (weights[i] as number) + a.weight;
    }
    const run = runBacktest(prepared, {
      weights,
      rebalance: settings.rebalance,
      fractional: settings.fractional,
      cost: settings.cost,
      initial: settings.initial,
      contribution: settings.contribution,
      contributionPeriod: settings.contributionPeriod,
      totalReturn: settings.totalReturn,
      ...(pi === 0 && policy ? { policy } : {}),
    });
    let contributions = 0;
    for (const f of run.flows) contributions += f;
    const outcome: PortfolioOutcome = {
      id: p.id,
      name: p.name,
      ...(p.nameKo ? { nameKo: p.nameKo } : {}),
      weights: p.assets,
      cash: p.cash,
      final: run.equity[run.equity.length - 1] as number,
      contributions,
      rebalances: run.rebalances,
      turnover: annualTurnover(run.turnover, prepared.days),
      costs: run.costs,
      stats: summarize(prepared.days, run.index, settings.riskFree),
      run,
    };
    return outcome;
  });

  if (!settings.fractional) {
    for (const o of outcomes) {
      const start = o.run.equity[0] as number;
      const share = start > 0 ? o.run.startCash / start : 0;
      // Cash the weights ask for is not idle; lots that cannot be bought are.
      if (share > IDLE_CASH_WARNING && share > o.cash + 1e-9) {
        warnings.push({
          code: 'whole-shares-cash',
          portfolio: o.name,
          left: o.run.startCash,
          initial: settings.initial,
          weight: share,
          currency: input.base,
        });
      }
    }
  }

  if (policy && policy.missed.length > 0) {
    const first = policy.missed[0] as DispersionPolicy['missed'][number];
    const goals = [...new Set(policy.missed.flatMap((m) => m.misses.map((x) => x.kind)))];
    warnings.push({
      code: 'policy-missed',
      date: fromDay(first.day),
      days: policy.missed.length,
      of: policy.days,
      goals,
    });
  }

  const main = outcomes[0] as PortfolioOutcome;
  const mainReturns = dailyReturns(main.run.index);
  const benchmarks = outcomes.slice(1).map((b) => {
    const br = dailyReturns(b.run.index);
    const be = beta(mainReturns, br);
    return { ...b, correlation: correlation(mainReturns, br), beta: Number.isFinite(be) ? be : null };
  });

  if (input.portfolio.cash > 0 || benchmarks.some((b) => b.cash > 0)) {
    if (!input.rates) {
      warnings.push({ code: 'cash-rate' });
    } else if (input.base !== 'USD') {
      warnings.push({ code: 'cash-rate', currency: input.base });
    }
  }

  return {
    from: fromDay(prepared.days[0] as number),
    to: fromDay(prepared.days[prepared.days.length - 1] as number),
    base: input.base,
    settings,
    policy: input.policy ? 'dispersion' : 'weights',
    portfolio: main,
    benchmarks,
    proxies: input.portfolio.proxies,
    warnings,
    prepared,
  };
}

/** Canonical symbols (broker spellings such as `005930` resolve through the universe), duplicates merged. */
function resolvePortfolio(p: PortfolioWeights, universe: Universe): PortfolioWeights {
  const merged = new Map<string, TargetWeight>();
  for (const a of p.assets) {
    const symbol = resolveSymbol(universe, a.symbol) ?? a.symbol.trim().toUpperCase();
    const prev = merged.get(symbol);
    if (prev) prev.weight += a.weight;
    else merged.set(symbol, { ...a, symbol });
  }
  return { ...p, assets: [...merged.values()] };
}

/**
 * Currency, quote unit and lot. A series that states its currency (the fetched cache) is in that major unit, as in
 * valuation.ts; otherwise the universe's quote unit applies; a symbol known only from a price file is taken as base
 * currency.
 */
function assetSpec(symbol: string, input: BacktestInput, warnings: Warning[]): AssetSpec {
  const inst = input.universe.instruments.get(symbol);
  const stated = input.market.prices.get(symbol)?.currency;
  if (stated) return { symbol, currency: stated, quoteFactor: 1, lot: inst?.lot ?? 1 };
  const quote = inst?.quoteCurrency ?? inst?.currency;
  if (!quote) {
    warnings.push({
      code: 'currency-assumed',
      symbol,
      currency: input.base,
    });
    return { symbol, currency: input.base, quoteFactor: 1, lot: 1 };
  }
  const unit = quoteToMajor(quote);
  if (!unit) {
    throw new InputError({
      message: `unknown quote currency ${quote} for ${symbol}`,
      ko: { message: `${symbol}의 호가 통화를 알 수 없습니다: ${quote}` },
    });
  }
  return { symbol, currency: unit.currency, quoteFactor: unit.factor, lot: inst?.lot ?? 1 };
}
