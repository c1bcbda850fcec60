/**
 * `rebalance`: this month's orders, as a constrained integer problem handed to a real solver. The pipeline:
 *
 * 1. frame (solve/frame.ts): each sleeve's band on the WHOLE portfolio (the base `check` uses), the checklist
 *    thresholds, the concentration limits; contradictory settings are an InputError.
 * 2. placement (solve/placement.ts): which listings may be sold or bought, in which accounts (their markets).
 * 3. model (solve/model.ts): whole lots per account and listing, cash never below zero, the goals, the objective.
 * 4. solve: the MipSolver passed in (HiGHS in WebAssembly, src/adapters/highs-solver.ts).
 * 5. settlement (solve/settle.ts): orders, in-account conversions, transfers when allowed.
 * 6. verification (solve/verify.ts): the orders applied to the holdings and run through `check` itself.
 * 7. explanations (solve/explain.ts): typed notices for what could not be met and why names were chosen.
 *
 * Pure: the as-of date, market data, new money and the solver are arguments.
 */
import { checkPortfolio } from '../check.ts';
import type { CurrencyCode } from '../currency.ts';
import { fromDay } from '../dates.ts';
import { NO_COST } from '../engine/cost.ts';
import { InputError } from '../errors.ts';
import { fxRate } from '../fx.ts';
import type { Position } from '../valuation.ts';
import { valueHoldings } from '../valuation.ts';
import { chooseDepositAccount } from './accounts.ts';
import { rebalanceFreshness } from './freshness.ts';
import { explain, goalMisses } from './solve/explain.ts';
import { buildFrame, CASH_SLEEVE, OUTSIDE_KEPT } from './solve/frame.ts';
import type { LpSolution, MipSolver } from './solve/lp.ts';
import { buildModel } from './solve/model.ts';
import type { Line } from './solve/placement.ts';
import { placeLines } from './solve/placement.ts';
import { settle } from './solve/settle.ts';
import { holdingsAfter } from './solve/verify.ts';
import type { CashBalance, RebalanceInput, RebalanceResult, SleeveResult } from './types.ts';

export function rebalancePortfolio(input: RebalanceInput, solver: MipSolver): RebalanceResult {
  const { model, base, asOf, mode } = input;
  const fractional = input.fractional ?? false;
  const cost = input.cost ?? NO_COST;
  const ctx = { universe: input.universe, market: input.market, base, asOf };
  const report = checkPortfolio({ ...ctx, holdings: input.holdings, model, thresholds: input.thresholds });
  const held = report.positions;

  // New money is valued like any cash holding, in the account chosen for it.
  const cashBook = new Map<string, Map<CurrencyCode, number>>();
  for (const p of held) {
    if (p.kind !== 'cash') continue;
    const m = cashBook.get(p.account) ?? new Map<CurrencyCode, number>();
    m.set(p.currency, (m.get(p.currency) ?? 0) + p.quantity);
    cashBook.set(p.account, m);
  }
  const accountsByCurrency = [...new Set(held.map((p) => p.account))].map((account) => ({
    account,
    currencies: new Set(held.filter((p) => p.account === account).map((p) => p.currency)),
    funds: held.filter((p) => p.account === account && p.kind === 'cash').reduce((a, p) => a + p.value, 0),
  }));
  const deposits = (input.newCash ?? []).map((c) => ({
    kind: 'cash' as const,
    account: c.account ?? chooseDepositAccount(c.currency, cashBook, accountsByCurrency) ?? 'new money',
    currency: c.currency,
    amount: c.amount,
    origin: { file: '--cash', line: 0 },
  }));
  const holdings = [...input.holdings, ...deposits];
  const positions: Position[] = [
    ...held,
    ...(deposits.length ? valueHoldings({ ...ctx, holdings: deposits }).positions : []),
  ];
  const total = positions.reduce((a, p) => a + p.value, 0);

  const frame = buildFrame({
    model,
    band: input.band,
    other: input.other,
    thresholds: input.thresholds,
    fill: input.candidates,
    held: [...new Set(positions.map((p) => p.sleeve))],
  });
  const placement = placeLines({
    ...ctx,
    positions,
    model,
    frame,
    mode,
    accountMarkets: input.accountMarkets,
  });
  const { lines } = placement;

  const baseRate = (c: CurrencyCode) => rateToBase(input, c);
  const minTrade = input.minTrade ? input.minTrade.amount * baseRate(input.minTrade.currency) : 0;
  const cash = new Map<string, number>();
  for (const p of positions)
    cash.set(p.account, (cash.get(p.account) ?? 0) + (p.kind === 'cash' ? p.value : 0));

  let units = lines.map((l) => (l.exit ? -l.held : 0));
  let solved = total <= 0;
  let built: ReturnType<typeof buildModel> | undefined;
  if (total > 0) {
    built = buildModel({
      frame,
      lines,
      total,
      cash,
      costRate: cost.bps / 10_000,
      fractional,
      transfers: input.transfers === true,
      minTrade,
    });
    const sol = solveLexicographic(solver, built, lines);
    if (sol.status === 'optimal') {
      solved = true;
      const cols = built.cols;
      units = lines.map((l, i) => {
        if (l.exit) return -l.held;
        const c = cols[i];
        const get = (name: string | null) => {
          const v = name ? (sol.values.get(name) ?? 0) : 0;
          return fractional ? Math.max(0, v) : Math.max(0, Math.round(v));
        };
        const q = (get(c?.b ?? null) - get(c?.s ?? null)) * l.lot;
        // Fractional answers carry solver dust (a billionth of the portfolio) that is no order.
        return Math.abs(q * l.price * l.fxRate) < 1e-9 * total ? 0 : q;
      });
    }
  }

  const settlement = settle({
    lines,
    units,
    positions,
    cost,
    transfers: input.transfers === true,
    quote: (from, to) => quoteFx(input, from, to, baseRate),
    baseRate,
  });
  const after = holdingsAfter({ holdings, positions, lines, units, balances: settlement.balances });
  const afterReport = checkPortfolio({ ...ctx, holdings: after, model, thresholds: input.thresholds });

  // Sleeves as `check` measures them: funds with look-through data counted by what they hold.
  const sleeveResults = (r: typeof report, t: number): SleeveResult[] =>
    frame.sleeves
      .map((s) => {
        const value = r.exposures.sleeves.find((x) => x.id === s.id)?.value ?? 0;
        const weight = t > 0 ? value / t : 0;
        return {
          id: s.id,
          weight,
          target: s.target,
          within: weight >= s.lo - 1e-9 && weight <= s.hi + 1e-9,
          value,
        };
      })
      .filter((s) => s.target > 0 || s.value !== 0 || s.id === CASH_SLEEVE);
  const otherValue = positions
    .filter((p) => OUTSIDE_KEPT.includes(p.sleeve))
    .reduce((a, p) => a + p.value, 0);
  const misses = built
    ? goalMisses(built.goals, afterReport, settlement.orders, (s) => ctx.universe.instruments.get(s))
    : [];
  const cashAfter: CashBalance[] = [];
  for (const [account, m] of settlement.balances) {
    for (const [currency, amount] of m) {
      if (Math.abs(amount) > 1e-9)
        cashAfter.push({ account, currency, amount, valueBase: amount * baseRate(currency) });
    }
  }

  const warnings = [
    ...report.warnings.filter((w) => !w.code.startsWith('concentration-')),
    ...explain({
      frame,
      placement,
      misses,
      solved,
      short: settlement.short,
      otherShare: total > 0 ? otherValue / total : 0,
      mode,
      transfers: input.transfers === true,
    }),
  ];
  const freshness = rebalanceFreshness(input.market, base, asOf, {
    symbols: [...positions.filter((p) => p.kind === 'security'), ...settlement.orders].map((x) => x.symbol),
    currencies: [...positions, ...settlement.orders].map((x) => x.currency),
    conversions: settlement.fx,
  });
  return {
    asOf: fromDay(asOf),
    base,
    model: model.id,
    mode,
    band: frame.band,
    orders: settlement.orders,
    transfers: settlement.transfers,
    fx: settlement.fx,
    skipped: [],
    cuts: [],
    unresolved: [],
    before: { investable: report.total, total: report.total, sleeves: sleeveResults(report, report.total) },
    after: {
      investable: afterReport.total,
      total: afterReport.total,
      sleeves: sleeveResults(afterReport, afterReport.total),
      cash: cashAfter,
    },
    cost: settlement.cost,
    costModel: cost,
    freshness,
    warnings,
    other: { policy: frame.other, share: total > 0 ? otherValue / total : 0 },
    transfersAllowed: input.transfers === true,
    accountMarkets: [...placement.markets].map(([account, m]) => ({ account, markets: [...m].sort() })),
    misses,
    checklist: {
      checks: afterReport.checks,
      concentration: afterReport.warnings.filter((w) => w.code.startsWith('concentration-')),
    },
  };
}

/**
 * Goals first, trades second, in tiers: the checklist, the sleeve bands and the one-company limit are brought as close
 * as they can come; then, holding those, the one-country limit; then, holding all of it, the least trading that gets
 * there. One weighted solve would let a large unavoidable miss (a country limit no priced listing can meet) buy itself
 * small avoidable misses elsewhere.
 *
 * The tiers are solved on the linear relaxation (fractional lots), which takes milliseconds where the same tier as an
 * integer program takes seconds proving that no whole-lot answer misses a goal by less; then one integer program
 * finds the least trading within those goals. A goal the relaxation meets stays met; a goal it misses may be missed by
 * a tenth of a point more in whole lots (its slack keeps its price, so the solver only spends that room when it saves
 * ten times as much trading). When whole lots cannot reach what fractional lots reach, the tiers are solved again as
 * integer programs (solveTieredMip).
 */
function solveLexicographic(
  solver: MipSolver,
  built: ReturnType<typeof buildModel>,
  lines: readonly Line[],
): LpSolution {
  const fast = solveTiers(solver, built, lines, true);
  if (fast.status === 'optimal') return fast;
  return solveTiers(solver, built, lines, false);
}

/** Room a goal missed by the relaxation gets in whole lots: a tenth of a point. */
const RELAXED_SLIP = 1e-3;
/** Room a goal missed by a tier's integer program gets in later steps: a hundredth of a point. */
const INTEGER_SLIP = 1e-4;

/**
 * The tiers one after another, each holding the goals the ones before reached, then the least trading (within 1%:
 * the last lot of turnover is not worth seconds of search). `relaxed`: tiers on the linear relaxation, reached goals
 * kept priced in the last step; otherwise tiers as integer programs (a step that runs out of time fixes nothing: its
 * goals are then priced in the last step instead). An infeasible last step under relaxed bounds is reported as such,
 * so the caller can fall back.
 */
function solveTiers(
  solver: MipSolver,
  built: ReturnType<typeof buildModel>,
  lines: readonly Line[],
  relaxed: boolean,
): LpSolution {
  const tierOf = new Map(built.goals.map((g) => [g.slack, g.kind === 'country-max' ? 1 : 0]));
  const fixed = new Set<number>();
  let vars = built.lp.vars;
  let best: LpSolution | undefined;
  let previous: LpSolution | undefined;
  for (const tier of [0, 1]) {
    // A step whose goals the step before already meets (all its slacks zero there) has nothing left to improve.
    const met =
      previous !== undefined &&
      [...tierOf].every(([slack, t]) => t !== tier || (previous?.values.get(slack) ?? 0) <= 1e-9);
    const step =
      met && previous
        ? previous
        : solver.solve({
            rows: built.lp.rows,
            vars: vars.map((v) => (tierOf.get(v.name) === tier ? v : { ...v, cost: 0 })),
            relax: relaxed,
          });
    previous = step;
    if (step.status !== 'optimal') continue;
    if (!relaxed) best = step;
    fixed.add(tier);
    const slip = relaxed ? RELAXED_SLIP : INTEGER_SLIP;
    vars = vars.map((v) => {
      if (tierOf.get(v.name) !== tier) return v;
      const reached = step.values.get(v.name) ?? 0;
      return { ...v, upper: reached > 1e-9 ? reached + slip : 1e-9, cost: relaxed ? v.cost : 0 };
    });
  }
  const priced = vars.map((v) => {
    const t = tierOf.get(v.name);
    return t !== undefined && !fixed.has(t) ? { ...v, cost: v.cost * 1000 } : v;
  });
  // Fractional lots and no minimum trade: the program has no integer column, the last step is one linear program.
  const integral = priced.some((v) => v.kind !== 'continuous');
  if (relaxed && integral) {
    // The integer program over the listings the relaxation trades: whole lots near the fractional answer, a fraction
    // of the columns. When whole lots of those cannot hold the goals, the full program below decides.
    const lp = solver.solve({ rows: built.lp.rows, vars: priced, relax: true });
    if (lp.status === 'optimal') {
      const used = (c: string | null) => c !== null && (lp.values.get(c) ?? 0) > 1e-9;
      const bought = new Set<string>();
      built.cols.forEach((c, i) => {
        const l = lines[i];
        if (l && used(c.b)) bought.add(`${l.account}\u0000${l.sleeve}`).add(l.symbol);
      });
      const open = new Set<string>();
      built.cols.forEach((c, i) => {
        const l = lines[i];
        if (!l) return;
        if (c.s && used(c.s)) open.add(c.s);
        if (c.b && (bought.has(`${l.account}\u0000${l.sleeve}`) || bought.has(l.symbol))) open.add(c.b);
      });
      const trades = new Set(built.cols.flatMap((c) => [c.b, c.s].filter((x): x is string => x !== null)));
      const near = priced.map((v) => (trades.has(v.name) && !open.has(v.name) ? { ...v, upper: 0 } : v));
      const narrow = solver.solve({ rows: built.lp.rows, vars: near, relGap: 0.01 });
      if (narrow.status === 'optimal') return narrow;
    }
  }
  const last = solver.solve({ rows: built.lp.rows, vars: priced, relGap: 0.01 });
  return last.status === 'optimal' || relaxed ? last : (best ?? last);
}

function rateToBase(input: RebalanceInput, currency: CurrencyCode): number {
  if (currency === input.base) return 1;
  const q = fxRate(input.market, currency, input.base, input.asOf);
  if (!q) {
    throw new InputError({
      message: `no ${currency}→${input.base} exchange rate on or before ${fromDay(input.asOf)}`,
      expected: `a rate for ${currency} (a --prices fx/ file)`,
      ko: {
        message: `${fromDay(input.asOf)} 또는 그 이전의 ${currency}→${input.base} 환율이 없습니다`,
        expected: `${currency} 환율 (--prices 폴더의 fx/ 파일)`,
      },
    });
  }
  return q.rate;
}

/** The market's rate for a conversion; through the base rates used for valuation when the market has no such pair. */
function quoteFx(
  input: RebalanceInput,
  from: CurrencyCode,
  to: CurrencyCode,
  baseRate: (c: CurrencyCode) => number,
): { rate: number; date: string } {
  const q = fxRate(input.market, from, to, input.asOf);
  if (q) return { rate: q.rate, date: fromDay(q.day) };
  return { rate: baseRate(from) / baseRate(to), date: fromDay(input.asOf) };
}
