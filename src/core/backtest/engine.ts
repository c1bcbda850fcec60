/**
 * The backtest engine: a portfolio of fixed target weights walked day by day over a PreparedMarket. Pure arithmetic on
 * typed arrays; the same target/lot/band/cost primitives as the monthly rebalancer (src/core/engine/).
 *
 * Each calendar day t, in this order:
 *   1. cash grows by prepared.cashGrowth[t] (T-bill, actual/360, see cash-rate.ts);
 *   2. dividends with their ex-date on t are reinvested in the asset that paid them: shares × (1 + dividend/close)
 *      (total return; skipped with `totalReturn: false`); with whole shares the dividend is cash until the next trade;
 *   3. on the first day of the backtest: buy the target weights at the close;
 *      on the first trading day of a contribution period: add the contribution (or take the withdrawal);
 *      on the first trading day of a rebalancing period (if not, the flow alone is invested as under `none`):
 *      - with a policy (RunSpec.policy, `backtest --policy dispersion`): the policy trades at the close, on the first
 *        day and on every rebalancing day, whatever the schedule's kind;
 *      - periodic schedules: rebalance to target at the close;
 *      - band schedules: rebalance when some weight (cash included) is outside its band, else invest the flow;
 *      - none: invest the flow in proportion to the targets (a withdrawal sells every holding in proportion);
 *   4. value = cash + Σ quantity × close; the time-weighted index moves by (value − flow) / previous value.
 *
 * Rebalancing to target = targetQuantities(total, weights, closes, lots) (whole lots floored when not fractional, the
 * rest stays in cash). With costs, the target is computed on the value net of the cost of getting there (two passes:
 * the cost of the first pass's trades is set aside, then quantities are recomputed), and the cost is paid from cash.
 *
 * ## Agreement with Python bt (pmorissette/bt)
 * `Strategy('s', [RunMonthly(), SelectAll(), WeighSpecified(**w), Rebalance()])`, `Backtest(..., integer_positions=
 * False)`, price data only, no commissions, gives the same final value to rounding (the test checks 1e-9 relative):
 * - bt/backtest.py Backtest._process_data prepends a NaN row dated a day before the data; run() adjusts the strategy by
 *   `initial_capital` and calls update/run/update for every later date.
 * - bt/algos.py RunPeriod.__call__: index 1 (the first real date) runs when `run_on_first_date` (default True); later
 *   dates run when `compare_dates(now, previous date)` is true; RunMonthly compares year and month. So: the first day,
 *   then the first trading day of each month, at that day's close — the schedule here.
 * - bt/algos.py Rebalance.__call__: `base = target.value` before trading, then for each target weight
 *   `target.rebalance(w, child, base, update=False)`; bt/core.py StrategyBase.rebalance: `delta = weight − c.weight`,
 *   `c.allocate(delta × base)`; SecurityBase.allocate: `q = amount / price` (no rounding when integer_positions is
 *   False), transact: `position += q`, parent capital −= q × price. Without fees the strategy value is unchanged by a
 *   trade, so the new position is position + (w·V − position·price)/price = w·V/price: exactly targetQuantities'
 *   fractional result; the two differ only in float rounding (~1e-16 per step).
 *   With no commission, allocate's outlay loop (`while not np.isclose(full_outlay, amount, rtol=TOL)`, numpy's default
 *   atol 1e-8) does not move q beyond rounding either.
 * - Weights summing to less than 1 leave the rest as capital; bt's capital earns nothing, so run the comparison with
 *   weights summing to 1 or with no cash rate. bt does not reinvest dividends unless the data is adjusted closes.
 * - bt's SelectAll drops a security whose price is NaN that day (and Rebalance then closes it); here the last close is
 *   carried forward on the union calendar. The agreement therefore holds for listings sharing one calendar (US).
 * Read from pmorissette/bt at commit 002c3c071a46 (bt/algos.py, bt/core.py) and bt/backtest.py at 5368b73ef623.
 */
import type { Band } from '../engine/band.ts';
import { outsideBand } from '../engine/band.ts';
import type { CostModel } from '../engine/cost.ts';
import { NO_COST, tradeCost } from '../engine/cost.ts';
import { targetQuantities } from '../engine/target.ts';
import type { PreparedMarket } from './prepare.ts';
import type { Period, Rebalance } from './schedule.ts';
import { DEFAULT_REBALANCE, periodKeys } from './schedule.ts';

/**
 * A policy that decides the trades itself (`backtest --policy dispersion`: the monthly rebalancer on that day's
 * holdings and closes), called instead of "rebalance to target". It gets the day index, the prepared asset index of
 * each held asset, today's closes of those assets (base currency) and their quantities, which it updates in place, and
 * the cash; it returns the cash after its trades and costs. The engine counts turnover from the quantities and takes
 * the costs as what the cash fell by beyond the trades' value.
 */
export interface RebalancePolicy {
  rebalance(t: number, assets: Int32Array, p: Float64Array, q: Float64Array, cash: number): number;
}

export interface RunSpec {
  /** Target weight per prepared asset (0 = not held); cash is 1 − Σ weights. With a policy: the assets it may hold. */
  weights: ArrayLike<number>;
  /** Trades on the first day and each rebalancing day instead of the target weights (flows still follow them). */
  policy?: RebalancePolicy;
  rebalance?: Rebalance;
  /** Fractional shares (default) or whole exchange lots. */
  fractional?: boolean;
  cost?: CostModel;
  /** Starting value in the base currency. */
  initial: number;
  /** Added (or, negative, withdrawn) on the first trading day of each contribution period, in the base currency. */
  contribution?: number;
  /** Default: the rebalancing period (monthly for `none` and bands). */
  contributionPeriod?: Period;
  /** Reinvest dividends (default true). */
  totalReturn?: boolean;
}

export interface RunResult {
  /** Portfolio value in the base currency per calendar day. */
  equity: Float64Array;
  /** Time-weighted index (1 before the first purchase): returns net of contributions and withdrawals. */
  index: Float64Array;
  /** Contribution (+) or withdrawal (−) per day. */
  flows: Float64Array;
  /** Days the portfolio was brought back to target (the initial purchase not counted). */
  rebalances: number;
  /** Σ over trading days of min(bought, sold) ÷ value: bt's Backtest.turnover summed. */
  turnover: number;
  /** Trading costs paid, base currency. */
  costs: number;
  /** Final quantities per prepared asset, and final cash. */
  quantities: Float64Array;
  cash: number;
  /** Cash left right after the first purchase (whole lots leave some; backtest.ts warns when it is a large share). */
  startCash: number;
}

export function runBacktest(m: PreparedMarket, spec: RunSpec): RunResult {
  const n = m.symbols.length;
  const T = m.days.length;
  if (spec.weights.length !== n) throw new RangeError(`expected ${n} weights, got ${spec.weights.length}`);
  const schedule = spec.rebalance ?? DEFAULT_REBALANCE;
  const fractional = spec.fractional ?? true;
  const cost = spec.cost ?? NO_COST;
  const withCost = cost.bps > 0 || cost.min > 0;
  const contribution = spec.contribution ?? 0;
  const totalReturn = spec.totalReturn ?? true;
  const band: Band | undefined = schedule.kind === 'band' ? schedule.band : undefined;
  const keys = periodKeys(m.months, schedule);
  const flowKeys = spec.contributionPeriod
    ? periodKeys(m.months, { kind: 'periodic', period: spec.contributionPeriod })
    : keys;

  // Only the held assets take part in the hot loop.
  const active: number[] = [];
  for (let i = 0; i < n; i++) if ((spec.weights[i] as number) !== 0) active.push(i);
  const k = active.length;
  const w = new Float64Array(k);
  const lots = new Float64Array(k);
  let cashTarget = 1;
  for (let j = 0; j < k; j++) {
    const i = active[j] as number;
    w[j] = spec.weights[i] as number;
    lots[j] = m.lots[i] as number;
    cashTarget -= w[j] as number;
  }
  const col = Int32Array.from(active);
  // Every asset held (the usual case): the day's row is read straight through, no column indirection.
  const dense = k === n;
  const rows = m.rows;
  const assetToActive = new Int32Array(n).fill(-1);
  for (let j = 0; j < k; j++) assetToActive[active[j] as number] = j;

  const b: Book = {
    k,
    q: new Float64Array(k),
    tq: new Float64Array(k),
    p: new Float64Array(k),
    w,
    lots,
    fractional,
    cost,
    withCost,
    cash: spec.initial,
    turnover: 0,
    costs: 0,
  };
  const { q, p } = b;
  const equity = new Float64Array(T);
  const index = new Float64Array(T);
  const flows = new Float64Array(T);
  let rebalances = 0;
  let ev = 0;
  const nEv = m.divDay.length;
  let prevValue = spec.initial;
  let prevIndex = 1;
  let startCash = spec.initial;
  const policy = spec.policy;

  // Skip dividend events on or before the first day (the first purchase is at its close, after the ex-date).
  while (ev < nEv && (m.divDay[ev] as number) <= 0) ev++;

  for (let t = 0; t < T; t++) {
    if (t > 0) b.cash *= m.cashGrowth[t] as number;
    if (totalReturn) {
      while (ev < nEv && (m.divDay[ev] as number) === t) {
        const j = assetToActive[m.divAsset[ev] as number] as number;
        if (j >= 0) {
          const ratio = m.divRatio[ev] as number;
          // Fractional: new shares at the ex-date close. Whole shares: the cash waits for the next rebalance.
          if (fractional) q[j] = (q[j] as number) * (1 + ratio);
          else b.cash += (q[j] as number) * ratio * (rows[t * n + (col[j] as number)] as number);
        }
        ev++;
      }
    }
    const periodStart = t === 0 || keys[t] !== keys[t - 1];
    const flowStart = t > 0 && contribution !== 0 && flowKeys[t] !== flowKeys[t - 1];
    let flow = 0;
    if (periodStart || flowStart) {
      for (let j = 0; j < k; j++) p[j] = rows[t * n + (col[j] as number)] as number;
      if (flowStart) {
        flow = contribution;
        b.cash += flow;
        flows[t] = flow;
      }
      let value = b.cash;
      for (let j = 0; j < k; j++) value += (q[j] as number) * (p[j] as number);
      if (t === 0) {
        if (policy) rebalanceBy(b, policy, t, col, value);
        else rebalanceTo(b, value);
        startCash = b.cash;
      } else if (!periodStart) {
        applyFlow(b, flow, value);
      } else if (policy) {
        rebalanceBy(b, policy, t, col, value);
        rebalances++;
      } else if (schedule.kind === 'periodic') {
        rebalanceTo(b, value);
        rebalances++;
      } else if (band && breached(q, p, w, b.cash, value, cashTarget, band)) {
        rebalanceTo(b, value);
        rebalances++;
      } else if (flow !== 0) {
        applyFlow(b, flow, value);
      }
    }
    const value = b.cash + holdingsValue(q, rows, t * n, col, dense);
    equity[t] = value;
    const idx =
      t === 0 ? value / spec.initial : prevValue > 0 ? (prevIndex * (value - flow)) / prevValue : prevIndex;
    index[t] = idx;
    prevIndex = idx;
    prevValue = value;
  }

  const quantities = new Float64Array(n);
  for (let j = 0; j < k; j++) quantities[active[j] as number] = q[j] as number;
  return {
    equity,
    index,
    flows,
    rebalances,
    turnover: b.turnover,
    costs: b.costs,
    quantities,
    cash: b.cash,
    startCash,
  };
}

/** The portfolio's mutable state during a run, plus what trading needs; plain fields so the JIT keeps them fast. */
interface Book {
  k: number;
  /** Quantities held, target quantities (scratch), today's closes of the held assets. */
  q: Float64Array;
  tq: Float64Array;
  p: Float64Array;
  w: Float64Array;
  lots: Float64Array;
  fractional: boolean;
  cost: CostModel;
  withCost: boolean;
  cash: number;
  turnover: number;
  costs: number;
}

/** Trade to target at today's closes `b.p` (see the module comment for the cost rule). */
function rebalanceTo(b: Book, value: number): void {
  const { k, q, tq, p, w, lots, fractional, cost, withCost } = b;
  let total = value;
  if (withCost) {
    targetQuantities({ total, weights: w, prices: p, lots, fractional }, tq);
    let c = 0;
    for (let j = 0; j < k; j++)
      c += tradeCost(((tq[j] as number) - (q[j] as number)) * (p[j] as number), cost);
    total = value - c;
  }
  targetQuantities({ total, weights: w, prices: p, lots, fractional }, tq);
  let bought = 0;
  let sold = 0;
  let c = 0;
  let cash = b.cash;
  for (let j = 0; j < k; j++) {
    const dq = (tq[j] as number) - (q[j] as number);
    if (dq === 0) continue;
    const v = dq * (p[j] as number);
    if (v > 0) bought += v;
    else sold -= v;
    if (withCost) c += tradeCost(v, cost);
    cash -= v;
    q[j] = tq[j] as number;
  }
  b.cash = cash - c;
  b.costs += c;
  if (value > 0) b.turnover += Math.min(bought, sold) / value;
}

/** Let the policy trade at today's closes `b.p`; turnover and costs are read from what it changed. */
function rebalanceBy(b: Book, policy: RebalancePolicy, t: number, col: Int32Array, value: number): void {
  const { k, q, tq, p } = b;
  for (let j = 0; j < k; j++) tq[j] = q[j] as number;
  const cash = policy.rebalance(t, col, p, q, b.cash);
  let bought = 0;
  let sold = 0;
  let spent = 0;
  for (let j = 0; j < k; j++) {
    const v = ((q[j] as number) - (tq[j] as number)) * (p[j] as number);
    if (v > 0) bought += v;
    else sold -= v;
    spent += v;
  }
  const c = b.cash - spent - cash;
  // Float dust of the policy's own arithmetic is no cost.
  if (Math.abs(c) > 1e-9 * Math.max(1, value)) b.costs += c;
  b.cash = cash;
  if (value > 0) b.turnover += Math.min(bought, sold) / value;
}

/** A contribution invested in proportion to the targets, or a withdrawal taken from every holding in proportion. */
function applyFlow(b: Book, amount: number, value: number): void {
  const { k, q, tq, p, w, lots, fractional, cost, withCost } = b;
  let c = 0;
  if (amount > 0) {
    targetQuantities({ total: amount, weights: w, prices: p, lots, fractional }, tq);
    for (let j = 0; j < k; j++) {
      const v = (tq[j] as number) * (p[j] as number);
      if (v === 0) continue;
      q[j] = (q[j] as number) + (tq[j] as number);
      b.cash -= v;
      if (withCost) c += tradeCost(v, cost);
    }
  } else if (amount < 0 && value > 0) {
    // `value` already includes the withdrawal taken from cash; sell this fraction of every holding to cover it.
    const f = Math.min(1, -amount / (value - amount));
    for (let j = 0; j < k; j++) {
      const sell = Math.min(q[j] as number, ceilToLot((q[j] as number) * f, lots[j] as number, fractional));
      if (sell === 0) continue;
      const v = sell * (p[j] as number);
      q[j] = (q[j] as number) - sell;
      b.cash += v;
      if (withCost) c += tradeCost(v, cost);
    }
  }
  b.cash -= c;
  b.costs += c;
}

/** Σ quantity × close over the held assets on the row starting at `row`. */
function holdingsValue(
  q: Float64Array,
  rows: Float64Array,
  row: number,
  col: Int32Array,
  dense: boolean,
): number {
  let v = 0;
  const k = q.length;
  if (dense) {
    for (let j = 0; j < k; j++) v += (q[j] as number) * (rows[row + j] as number);
  } else {
    for (let j = 0; j < k; j++) v += (q[j] as number) * (rows[row + (col[j] as number)] as number);
  }
  return v;
}

function breached(
  q: Float64Array,
  p: Float64Array,
  w: Float64Array,
  cash: number,
  value: number,
  cashTarget: number,
  band: Band,
): boolean {
  if (!(value > 0)) return false;
  for (let j = 0; j < q.length; j++) {
    if (outsideBand(((q[j] as number) * (p[j] as number)) / value, w[j] as number, band)) return true;
  }
  return cashTarget > 1e-12 && outsideBand(cash / value, cashTarget, band);
}

/** Units to sell for a withdrawal: whole lots rounded UP so the withdrawal is covered (the caller caps at holdings). */
function ceilToLot(units: number, lot: number, fractional: boolean): number {
  if (fractional) return units;
  return Math.ceil(units / lot - 1e-9) * lot;
}
