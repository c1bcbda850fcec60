/**
 * The one JSON shape of a backtest, printed by `dispersion backtest --json` and served by the dashboard. Money is in
 * `base`; returns and weights are fractions; ratios that are undefined (no variation, no drawdown) are null. The daily
 * curves are large, so they are a separate piece (`toBacktestCurves`) the dashboard asks for.
 */
import type { BacktestOutcome, PortfolioOutcome } from '../core/backtest/backtest.ts';
import { describeRebalance } from '../core/backtest/schedule.ts';
import { fromDay } from '../core/dates.ts';
import { drawdownSeries, periodReturns } from '../core/stats/performance.ts';
import { monthlyTable } from '../core/stats/summary.ts';
import type { Lang } from '../i18n/format.ts';
import { noticesJson } from './notice-json.ts';

function portfolioPart(p: PortfolioOutcome, days: Int32Array) {
  return {
    id: p.id,
    name: p.name,
    nameKo: p.nameKo ?? null,
    final: p.final,
    contributions: p.contributions,
    rebalances: p.rebalances,
    turnover: p.turnover,
    costs: p.costs,
    weights: p.weights.map((w) => ({ symbol: w.symbol, weight: w.weight, sleeve: w.sleeve ?? null })),
    cash: p.cash,
    stats: { ...p.stats, turnover: p.turnover },
    yearlyReturns: periodReturns(days, p.run.index, 'year'),
  };
}

/** The document; its notices' sentences in `lang`. */
export function toBacktestDocument(o: BacktestOutcome, lang: Lang = 'en') {
  const main = portfolioPart(o.portfolio, o.prepared.days);
  return {
    from: o.from,
    to: o.to,
    base: o.base,
    initial: o.settings.initial,
    final: main.final,
    rebalances: main.rebalances,
    settings: {
      rebalance: describeRebalance(o.settings.rebalance),
      policy: o.policy,
      totalReturn: o.settings.totalReturn,
      fractional: o.settings.fractional,
      costBps: o.settings.cost.bps,
      contribution: o.settings.contribution,
      contributionPeriod: o.settings.contributionPeriod ?? null,
      riskFree: o.settings.riskFree,
    },
    portfolio: { id: main.id, name: main.name, nameKo: main.nameKo, weights: main.weights, cash: main.cash },
    contributions: main.contributions,
    costs: main.costs,
    stats: main.stats,
    yearlyReturns: main.yearlyReturns,
    monthlyReturns: monthlyTable(o.prepared.days, o.portfolio.run.index),
    benchmarks: o.benchmarks.map((b) => {
      const part = portfolioPart(b, o.prepared.days);
      return {
        id: part.id,
        name: part.name,
        nameKo: part.nameKo,
        final: part.final,
        rebalances: part.rebalances,
        stats: part.stats,
        yearlyReturns: part.yearlyReturns,
        correlation: b.correlation ?? null,
        beta: b.beta ?? null,
      };
    }),
    proxies: o.proxies,
    warnings: noticesJson(o.warnings, lang),
  };
}

export type BacktestDocument = ReturnType<typeof toBacktestDocument>;

/** Daily curves for charts: dates once, then per portfolio its value, time-weighted index and drawdown. */
export function toBacktestCurves(o: BacktestOutcome) {
  const all = [o.portfolio, ...o.benchmarks];
  return {
    days: Array.from(o.prepared.days, (d) => fromDay(d)),
    series: all.map((p) => ({
      id: p.id,
      equity: Array.from(p.run.equity),
      index: Array.from(p.run.index),
      drawdown: Array.from(drawdownSeries(p.run.index)),
    })),
  };
}

export type BacktestCurves = ReturnType<typeof toBacktestCurves>;
