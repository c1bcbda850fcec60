/**
 * `backtest --policy dispersion`: each rebalancing day, the portfolio is handed to the same `rebalancePortfolio` that
 * `dispersion rebalance` runs, on that day's holdings and closes, and its orders are applied. A backtest then simulates
 * following `dispersion rebalance` month after month: the checklist, the bands on the whole portfolio, the
 * concentration limits and the least turnover that meets them, instead of trading back to fixed weights.
 *
 * The portfolio is one account in the base currency. The prepared closes are already in the base currency, so each
 * day's market is one close per asset, stated in the base (no FX inside the rebalancer). The account may trade every
 * market the backtest's assets list on. The rebalancer may buy only the backtest's assets (the only ones with a
 * close): the model's backtest lists. A day whose goals cannot all hold is recorded (`missed`), never an exception.
 */
import type { CostModel } from '../engine/cost.ts';
import type { CashHolding, Holding, SecurityHolding } from '../holdings.ts';
import type { MarketData, PriceSeries } from '../market.ts';
import type { Model } from '../model.ts';
import { rebalancePortfolio } from '../rebalance/rebalance.ts';
import type { MipSolver } from '../rebalance/solve/lp.ts';
import { listingMarket } from '../rebalance/solve/placement.ts';
import type { GoalMiss, RebalanceResult } from '../rebalance/types.ts';
import type { Universe } from '../universe.ts';
import type { RebalancePolicy } from './engine.ts';
import type { PreparedMarket } from './prepare.ts';

/** The one account a policy backtest holds. */
export const BACKTEST_ACCOUNT = 'backtest';

export interface DispersionPolicyInput {
  prepared: PreparedMarket;
  universe: Universe;
  model: Model;
  solver: MipSolver;
  fractional: boolean;
  cost: CostModel;
}

export interface DispersionPolicy extends RebalancePolicy {
  /** Rebalancing days (day numbers) whose goals could not all be met, with what was missed. */
  readonly missed: { day: number; misses: GoalMiss[] }[];
  /** Rebalancing days the solver was called on. */
  readonly days: number;
}

const ORIGIN = { file: 'backtest', line: 0 };

export function dispersionPolicy(input: DispersionPolicyInput): DispersionPolicy {
  const { prepared, universe } = input;
  const base = prepared.base;
  const markets = new Set<string>();
  prepared.symbols.forEach((symbol, i) => {
    markets.add(listingMarket(universe.instruments.get(symbol), prepared.currencies[i] ?? base));
  });
  const accountMarkets = { [BACKTEST_ACCOUNT]: [...markets].sort() };
  const missed: DispersionPolicy['missed'] = [];
  let days = 0;
  return {
    missed,
    get days() {
      return days;
    },
    rebalance(t, assets, p, q, cash) {
      const day = prepared.days[t] as number;
      const result = rebalanceDay({ ...input, day, assets, p, q, cash, accountMarkets });
      days++;
      if (result.misses?.length) missed.push({ day, misses: result.misses });
      const index = new Map<string, number>();
      for (let j = 0; j < assets.length; j++) index.set(prepared.symbols[assets[j] as number] as string, j);
      for (const o of result.orders) {
        const j = index.get(o.symbol);
        if (j === undefined) continue; // not reachable: only the assets have closes
        q[j] = (q[j] as number) + (o.side === 'buy' ? o.quantity : -o.quantity);
      }
      let after = 0;
      for (const c of result.after.cash) after += c.valueBase;
      return after;
    },
  };
}

/** One day's rebalance of the backtest's account: the holdings and the one-close market it is handed. */
export function rebalanceDay(
  input: DispersionPolicyInput & {
    day: number;
    assets: ArrayLike<number>;
    p: ArrayLike<number>;
    q: ArrayLike<number>;
    cash: number;
    accountMarkets?: Readonly<Record<string, readonly string[]>>;
  },
): RebalanceResult {
  const { prepared, day, assets, p, q } = input;
  const base = prepared.base;
  const prices = new Map<string, PriceSeries>();
  const holdings: Holding[] = [];
  for (let j = 0; j < assets.length; j++) {
    const symbol = prepared.symbols[assets[j] as number] as string;
    prices.set(symbol, {
      days: Int32Array.of(day),
      values: Float64Array.of(p[j] as number),
      source: 'backtest',
      currency: base,
    });
    const quantity = q[j] as number;
    if (quantity !== 0) {
      const h: SecurityHolding = {
        kind: 'security',
        account: BACKTEST_ACCOUNT,
        symbol,
        quantity,
        currency: base,
        origin: ORIGIN,
      };
      holdings.push(h);
    }
  }
  const cash: CashHolding = {
    kind: 'cash',
    account: BACKTEST_ACCOUNT,
    currency: base,
    amount: input.cash,
    origin: ORIGIN,
  };
  holdings.push(cash);
  const market: MarketData = { prices, dividends: new Map(), fx: new Map() };
  return rebalancePortfolio(
    {
      holdings,
      universe: input.universe,
      model: input.model,
      market,
      base,
      asOf: day,
      mode: 'full',
      fractional: input.fractional,
      cost: input.cost,
      ...(input.accountMarkets ? { accountMarkets: input.accountMarkets } : {}),
    },
    input.solver,
  );
}
