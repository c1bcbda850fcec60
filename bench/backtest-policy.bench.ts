/**
 * `backtest --policy dispersion` speed (issue 12: 20 years monthly, 240 solves, for a 30-name model, < 10 s): the essay's
 * model with its backtest lists widened to 30 of the universe's instruments (NVDA and TSLA, then the universe's stocks
 * of each sleeve), on 20 years of synthetic weekday closes (bench/backtest.synthetic.ts, seeded), fractional shares.
 * Every rebalancing day calls `rebalancePortfolio` with HiGHS, as `dispersion rebalance` does.
 */
import { performance } from 'node:perf_hooks';
import { loadSolver } from '../src/adapters/highs-solver.ts';
import { openWorkspace } from '../src/app/workspace.ts';
import { backtest } from '../src/core/backtest/backtest.ts';
import { modelWeights } from '../src/core/backtest/weights.ts';
import type { MarketData, PriceSeries } from '../src/core/market.ts';
import type { Model } from '../src/core/model.ts';
import type { MipSolver } from '../src/core/rebalance/solve/lp.ts';
import type { Series } from '../src/core/series.ts';
import { syntheticMarket } from './backtest.synthetic.ts';
import { fmt } from './timing.ts';

const YEARS = 20;
/** Names per sleeve: 30 in all. */
const PER_SLEEVE: Record<string, number> = {
  'mag7-selected': 2,
  'physical-ai': 9,
  energy: 8,
  emerging: 7,
  defense: 4,
};

export default async function (): Promise<void> {
  const { universe, model } = openWorkspace({});
  const picks = new Map<string, string[]>();
  for (const [sleeve, count] of Object.entries(PER_SLEEVE)) {
    const named = model.sleeves.find((s) => s.id === sleeve)?.backtest?.map((b) => b.symbol) ?? [];
    const more = [...universe.instruments.values()]
      .filter((i) => i.sleeve === sleeve && i.type === 'stock' && !named.includes(i.symbol))
      .map((i) => i.symbol)
      .sort();
    picks.set(sleeve, [...named, ...more].slice(0, count));
  }
  const names = [...picks.values()].flat();
  const wide: Model = {
    ...model,
    sleeves: model.sleeves.map((s) => {
      const list = picks.get(s.id);
      return list ? { ...s, backtest: list.map((symbol) => ({ symbol, weight: 1 / list.length })) } : s;
    }),
  };
  const synthetic = syntheticMarket(names.length, YEARS);
  const prices = new Map<string, PriceSeries>();
  const dividends = new Map<string, Series>();
  names.forEach((symbol, i) => {
    const from = synthetic.symbols[i] as string;
    const s = synthetic.market.prices.get(from) as PriceSeries;
    prices.set(symbol, { ...s, currency: 'USD' });
    const d = synthetic.market.dividends.get(from);
    if (d) dividends.set(symbol, d);
  });
  const market: MarketData = { prices, dividends, fx: new Map() };

  const highs = await loadSolver();
  let solves = 0;
  let solverMs = 0;
  const solver: MipSolver = {
    solve(m) {
      const t0 = performance.now();
      const r = highs.solve(m);
      solverMs += performance.now() - t0;
      solves++;
      return r;
    },
  };
  const t0 = performance.now();
  const outcome = backtest({
    market,
    universe,
    base: 'USD',
    portfolio: modelWeights(wide),
    benchmarks: [],
    settings: { fractional: true, initial: 1_000_000 },
    policy: { model: wide, solver },
  });
  const ms = performance.now() - t0;
  const missed = outcome.warnings.find((w) => w.code === 'policy-missed');
  console.log(
    `backtest --policy dispersion, ${names.length} names × ${YEARS} years monthly (${outcome.portfolio.rebalances + 1} rebalancing days, ${solves} LP/MIP solves): ${fmt(ms)}, of which solver ${fmt(solverMs)} (target < 10 s)${missed ? `; ${missed.days} days missed a goal` : ''}`,
  );
}
