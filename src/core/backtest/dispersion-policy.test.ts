/**
 * `backtest --policy dispersion` against `rebalancePortfolio` itself (issue 12's cross-test): one account, one
 * currency (USD; the prepared closes are already in USD), fractional shares, no cash rate, no dividends. Two runs on the
 * bundled closes share their start: A ends the day before the first trading day of February 2024, B on that day.
 * Nothing moves cash or shares between A's last day and B's February rebalance, so B's final holdings must be A's final
 * holdings with the orders `rebalancePortfolio` gives for them on that day applied (worked out here from its orders,
 * on a market of the full USD close history rather than the policy's one-close market).
 */
import { describe, expect, it } from 'vitest';
import { loadSolver } from '../../adapters/highs-solver.ts';
import { loadMarketData } from '../../adapters/market-data/load.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { fromDay, toDay } from '../dates.ts';
import type { Holding } from '../holdings.ts';
import type { MarketData, PriceSeries } from '../market.ts';
import { rebalancePortfolio } from '../rebalance/rebalance.ts';
import { backtest } from './backtest.ts';
import { modelWeights } from './weights.ts';

describe('backtest --policy dispersion', () => {
  it('one rebalancing day equals rebalancePortfolio’s after-holdings (one account, USD, fractional)', async () => {
    const solver = await loadSolver();
    const { universe, model } = openWorkspace({});
    const portfolio = modelWeights(model);
    const market = loadMarketData({ symbols: portfolio.assets.map((a) => a.symbol) });
    const run = (to: number) =>
      backtest({
        market,
        universe,
        base: 'USD',
        portfolio,
        from: toDay('2024-01-02'),
        to,
        settings: { fractional: true, totalReturn: false, initial: 100_000 },
        policy: { model, solver },
      });
    const probe = run(toDay('2024-02-29'));
    const days = probe.prepared.days;
    const t = days.findIndex((d) => fromDay(d) >= '2024-02-01');
    const day = days[t] as number;
    const a = run(days[t - 1] as number);
    const b = run(day);
    expect(b.portfolio.rebalances).toBe(1);

    // A's holdings on the morning of the rebalancing day, and the day's closes as full USD histories.
    const symbols = a.prepared.symbols;
    const holdings: Holding[] = [
      {
        kind: 'cash',
        account: 'mine',
        currency: 'USD',
        amount: a.portfolio.run.cash,
        origin: { file: 'x', line: 1 },
      },
    ];
    symbols.forEach((symbol, i) => {
      const quantity = a.portfolio.run.quantities[i] as number;
      if (quantity > 0)
        holdings.push({
          kind: 'security',
          account: 'mine',
          symbol,
          quantity,
          origin: { file: 'x', line: i + 2 },
        });
    });
    const prices = new Map<string, PriceSeries>();
    const full = b.prepared;
    full.symbols.forEach((symbol, i) => {
      prices.set(symbol, {
        days: full.days,
        values: full.prices[i] as Float64Array,
        source: 'prepared',
        currency: 'USD',
      });
    });
    const usdMarket: MarketData = { prices, dividends: new Map(), fx: new Map() };
    const markets = [...new Set(symbols.map((s) => (s.endsWith('.KS') ? 'KRX' : 'US')))];
    const r = rebalancePortfolio(
      {
        holdings,
        universe,
        model,
        market: usdMarket,
        base: 'USD',
        asOf: day,
        mode: 'full',
        fractional: true,
        accountMarkets: { mine: markets },
      },
      solver,
    );
    expect(r.orders.length).toBeGreaterThan(0);
    const expected = new Map(symbols.map((s, i) => [s, a.portfolio.run.quantities[i] as number]));
    for (const o of r.orders) {
      expected.set(o.symbol, (expected.get(o.symbol) ?? 0) + (o.side === 'buy' ? o.quantity : -o.quantity));
    }
    symbols.forEach((s, i) => {
      expect(b.portfolio.run.quantities[i] as number, s).toBeCloseTo(expected.get(s) ?? 0, 6);
    });
    const cashAfter = r.after.cash.reduce((x, c) => x + c.amount, 0);
    expect(b.portfolio.run.cash).toBeCloseTo(cashAfter, 4);
    // The rebalancer's own checklist after the orders holds on the backtest's day too.
    const allocation = ['mag7-max', 'physical-energy-min', 'regional-diversification'];
    const checks = (r.checklist?.checks ?? []).filter((c) => allocation.includes(c.id));
    expect(checks.map((c) => [c.id, c.pass])).toEqual(allocation.map((id) => [id, true]));
  });
});
