/**
 * `rebalance`: this month's orders. Values the holdings exactly as `check` does, decides how much each model sleeve
 * should be worth (plan.ts), splits that over the sleeve's holdings or its first priced candidate (split.ts,
 * candidates.ts), turns money into whole lots (quantity.ts, rounding.ts), places each order in an account (accounts.ts),
 * funds every account's buys by conversions inside it and transfers from accounts with spare cash (funding.ts), cuts
 * the buys no account can pay for, then applies the orders to the holdings to verify where every sleeve lands.
 * Pure: the as-of date, market data and new money are arguments.
 */
import { checkPortfolio } from '../check.ts';
import type { CurrencyCode } from '../currency.ts';
import { fromDay } from '../dates.ts';
import type { Band } from '../engine/band.ts';
import type { CostModel } from '../engine/cost.ts';
import { NO_COST, tradeCost } from '../engine/cost.ts';
import { InputError } from '../errors.ts';
import { fxRate } from '../fx.ts';
import type { ModelSleeve } from '../model.ts';
import type { SleeveId } from '../universe.ts';
import type { Position } from '../valuation.ts';
import { valueHoldings } from '../valuation.ts';
import type { AccountFunds } from './accounts.ts';
import { chooseBuyAccount, chooseDepositAccount } from './accounts.ts';
import { bandWidth, withinBand } from './band.ts';
import { pickCandidates } from './candidates.ts';
import { rebalanceFreshness } from './freshness.ts';
import type { FundingPlan } from './funding.ts';
import { planFunding } from './funding.ts';
import { planSleeveValues } from './plan.ts';
import { lotValueBase, orderQuantity, ordersCost } from './quantity.ts';
import type { LotLine } from './rounding.ts';
import { improveLots, trimToCash } from './rounding.ts';
import { splitSleeveTarget } from './split.ts';
import type {
  CandidateTried,
  CashBalance,
  CutOrder,
  Order,
  RebalanceInput,
  RebalanceResult,
  RebalanceWarning,
  SkippedOrder,
  SleeveResult,
  Unresolved,
} from './types.ts';

/** Sleeves outside the model that a rebalance leaves as they are (the user's own bets and what we cannot classify). */
export const LEFT_ALONE: readonly SleeveId[] = ['other', 'unclassified'];
export const CASH_SLEEVE: SleeveId = 'cash-bonds';
/** Orders worth less than this in base are float noise, not trades. */
const DUST = 1e-6;
/**
 * Candidates bought for an empty sleeve when neither the model's sleeve (`fill`) nor the caller says: three equal
 * parts, so a 30% sleeve is not one stock (the single-name concentration the thesis warns about).
 */
export const DEFAULT_FILL = 3;

/** One listing in one account that the rebalance may trade. */
interface Line extends LotLine {
  account: string;
  symbol: string;
  name: string | null;
  nameKo: string | null;
  sleeveId: SleeveId;
  currency: CurrencyCode;
  price: number;
  priceDate: string | null;
  fxRate: number;
  held: number;
  /** Sold in full (a sleeve the model has no place for): the whole quantity, odd lots included. */
  exit: boolean;
}

export function rebalancePortfolio(input: RebalanceInput): RebalanceResult {
  const { model, base, asOf, mode } = input;
  const band = input.band ?? { abs: model.band, rel: 0 };
  const fractional = input.fractional ?? false;
  const cost = input.cost ?? NO_COST;
  const ctx = { universe: input.universe, market: input.market, base, asOf };

  const report = checkPortfolio({ ...ctx, holdings: input.holdings, model });
  const warnings: RebalanceWarning[] = [...report.warnings];
  const held = report.positions;

  // New money is valued like any cash holding, in the account chosen for it.
  const deposits = (input.newCash ?? []).map((c) => ({
    ...c,
    account:
      c.account ?? chooseDepositAccount(c.currency, cashBook(held), fundsBook(held, [])) ?? 'new money',
  }));
  const depositPositions = deposits.length
    ? valueHoldings({
        ...ctx,
        holdings: deposits.map((d) => ({
          kind: 'cash' as const,
          account: d.account,
          currency: d.currency,
          amount: d.amount,
          origin: { file: '--cash', line: 0 },
        })),
      }).positions
    : [];
  const positions = [...held, ...depositPositions];

  // The sleeves the plan moves: the model's, the cash sleeve, and any other sleeve held that the model has no place
  // for (its target is 0: sold). `other` and `unclassified` are left alone unless the model names them.
  const modelTarget = new Map(model.sleeves.map((s) => [s.id, s.target]));
  const leftAlone = new Set(LEFT_ALONE.filter((id) => !modelTarget.has(id)));
  const ids: SleeveId[] = [...model.sleeves.map((s) => s.id)];
  if (!ids.includes(CASH_SLEEVE)) ids.push(CASH_SLEEVE);
  for (const p of positions) if (!leftAlone.has(p.sleeve) && !ids.includes(p.sleeve)) ids.push(p.sleeve);
  const cashIx = ids.indexOf(CASH_SLEEVE);
  const targets = ids.map((id) => modelTarget.get(id) ?? 0);
  const forced = ids.map((id) => !modelTarget.has(id) && id !== CASH_SLEEVE);
  const ix = new Map(ids.map((id, i) => [id, i]));

  const sleeveValues = (ps: readonly Position[]) => {
    const v = new Float64Array(ids.length);
    for (const p of ps) {
      const i = ix.get(p.sleeve);
      if (i !== undefined) v[i] = (v[i] as number) + p.value;
    }
    return v;
  };
  const beforeValues = sleeveValues(held);
  const current = sleeveValues(positions);
  const leftAloneValue = positions.filter((p) => leftAlone.has(p.sleeve)).reduce((s, p) => s + p.value, 0);
  const bonds = positions
    .filter((p) => p.sleeve === CASH_SLEEVE && p.kind === 'security')
    .reduce((s, p) => s + p.value, 0);

  const want = planSleeveValues({
    current: Array.from(current),
    targets,
    forced,
    cash: cashIx,
    cashFloor: bonds,
    band,
    mode,
  });

  // Instrument level: the sleeve's holdings keep their relative weights; an empty sleeve gets its first candidates.
  const lines: Line[] = [];
  const unresolved: Unresolved[] = [];
  const substitutions: { sleeve: SleeveId; passedOver: CandidateTried[]; lines: Line[] }[] = [];
  for (const [i, id] of ids.entries()) {
    if (i === cashIx) continue;
    const members = positions.filter((p) => p.sleeve === id && p.kind === 'security');
    const goal = want[i] as number;
    if (members.length) {
      const split = splitSleeveTarget(
        goal,
        members.map((p) => p.value),
      );
      members.forEach((p, k) => {
        const exit = forced[i] === true && mode === 'full';
        const delta = (split[k] as number) - p.value;
        const qty = exit ? -p.quantity : orderQuantity(delta, p.price, p.fxRate, p.lot, fractional);
        const line = lineOf(p, id, i, Math.max(qty, -p.quantity), exit, mode, forced[i] === true);
        line.nameKo = input.universe.instruments.get(p.symbol)?.nameKo ?? null;
        lines.push(line);
      });
    } else if (goal > 0) {
      const sleeve = model.sleeves.find((s) => s.id === id);
      const pick = pickCandidates(sleeve?.candidates ?? [], fillCount(sleeve, input.candidates), ctx);
      if (!pick.picked.length) {
        unresolved.push({
          sleeve: id,
          amount: goal,
          reason: pick.tried.length ? 'no-priced-candidate' : 'no-candidates',
          candidates: pick.tried,
        });
        continue;
      }
      // A candidate passed over only for a stale close gets its own warning, with its date (below), not this one.
      const passedOver = pick.tried.filter((t) => t.reason !== null && !t.stale);
      for (const st of pick.stale) {
        const instead = pick.picked.map((c) => c.symbol).join(', ');
        warnings.push({
          code: 'candidate-stale',
          message: `${id}: passed over ${st.symbol}, whose last close (${st.date}) is ${st.age} trading days old, for fresh candidates (${instead})`,
          sleeve: id,
          symbol: st.symbol,
          date: st.date,
          age: st.age,
          params: { symbol: st.symbol, date: st.date, age: st.age, instead },
        });
      }
      // Said once the orders are final: a candidate may still round to zero, be skipped or be cut.
      const substitution = passedOver.length ? { sleeve: id, passedOver, lines: [] as Line[] } : undefined;
      if (substitution) substitutions.push(substitution);
      const split = splitSleeveTarget(
        goal,
        pick.picked.map(() => 0),
      );
      const funds = fundsBook(positions, lines);
      pick.picked.forEach((c, k) => {
        const qty = orderQuantity(split[k] as number, c.price, c.fxRate, c.lot, fractional);
        const account = chooseBuyAccount(c.currency, funds) ?? 'new account';
        const f = funds.find((a) => a.account === account);
        if (f) f.funds -= qty * c.price * c.fxRate;
        const line: Line = {
          ...c,
          account,
          sleeveId: id,
          sleeve: i,
          held: 0,
          qty,
          exit: false,
          lotValue: lotValueBase(c.price, c.fxRate, c.lot),
          min: 0,
          max: Number.POSITIVE_INFINITY,
        };
        lines.push(line);
        substitution?.lines.push(line);
      });
    }
  }

  // Whole lots: search for better lots, then make sure cash covers the buys (rounding can tip it below zero).
  const cashNow = positions.filter((p) => p.kind === 'cash').reduce((s, p) => s + p.value, 0);
  const unresolvedTotal = unresolved.reduce((s, u) => s + u.amount, 0);
  // For the lot search, money no instrument could take belongs in cash: its sleeve's target moves there.
  const investable = current.reduce((s, v) => s + v, 0);
  const searchTargets = [...targets];
  for (const u of unresolved) {
    const i = ix.get(u.sleeve) as number;
    const share = investable > 0 ? u.amount / investable : 0;
    searchTargets[i] = (searchTargets[i] as number) - share;
    searchTargets[cashIx] = (searchTargets[cashIx] as number) + share;
  }
  const state = {
    values: new Float64Array(ids.length),
    targets: searchTargets,
    cash: cashIx,
    cashAvailable: 0,
    band,
  };
  const recompute = () => {
    state.values.set(current);
    let flow = 0;
    for (const l of lines) {
      const v = l.qty * l.price * l.fxRate;
      state.values[l.sleeve] = (state.values[l.sleeve] as number) + v;
      flow += v;
    }
    state.values[cashIx] = (state.values[cashIx] as number) - flow;
    // Money no instrument could take stays in cash, reported as unresolved: rounding may not spend it elsewhere.
    state.cashAvailable = cashNow - flow - ordersCost(valuesBase(lines), cost) - unresolvedTotal;
  };
  recompute();
  const tradable = lines.filter((l) => !l.exit);
  if (!fractional) improveLots(tradable, state);
  trimToCash(tradable, state, fractional);

  // Orders under the minimum are not worth the commission: skipped and listed.
  const minTradeBase = input.minTrade
    ? input.minTrade.amount * rateToBase(input, input.minTrade.currency)
    : 0;
  const skipped: SkippedOrder[] = [];
  const skippedLines = new Set<Line>();
  for (const l of lines) {
    if (l.qty !== 0 && Math.abs(l.qty * l.price * l.fxRate) < minTradeBase) {
      skipped.push({ ...orderOf(l, cost), reason: 'min-trade' });
      skippedLines.add(l);
      l.qty = 0;
      l.min = 0;
      l.max = 0;
    }
  }
  recompute();
  // A skipped sale no longer pays for the buys: trim them again if cash went below zero.
  if (trimToCash(tradable, state, fractional)) recompute();

  for (const l of lines) if (Math.abs(l.qty * l.price * l.fxRate) < DUST) l.qty = 0;

  // Each account pays for its own buys: conversions inside it, then transfers from accounts with spare cash
  // (funding.ts). What is still short is cut from that account's buys, largest first, and the funding is planned
  // again from the start, until every account can pay (or has nothing left to cut).
  const baseRates = new Map<CurrencyCode, number>();
  for (const p of positions) baseRates.set(p.currency, p.fxRate);
  for (const l of lines) baseRates.set(l.currency, l.fxRate);
  const baseRate = (c: CurrencyCode) => baseRates.get(c) ?? 1;
  const quote = (from: CurrencyCode, to: CurrencyCode) => quoteFx(input, from, to, baseRate);
  const planned = new Map<Line, number>();
  let funding: FundingPlan;
  let balances: Map<string, Map<CurrencyCode, number>>;
  // Each round cuts at least one lot (or, fractional, the exact shortfall), so it ends; the bound only guards a float
  // ping-pong between conversion and valuation rates from running away.
  for (let round = 0; ; round++) {
    balances = cashAfterOwnOrders(positions, lines, cost, baseRate);
    const reserve = cashReserves(positions, lines, balances, targets[cashIx] as number, leftAlone, baseRate);
    funding = planFunding({ balances, reserve, quote, baseRate });
    if (!funding.short.length || round >= 1_000) break;
    if (!cutBuys(lines, funding.short, baseRate, fractional, planned)) break;
  }
  for (const s of funding.short) {
    warnings.push({
      code: 'account-short',
      message: `${s.account} needs ${s.amount.toFixed(2)} ${s.currency} more than it has, and no buy in it is left to cut`,
      account: s.account,
      params: { currency: s.currency, amount: s.amount },
    });
  }
  const cuts: CutOrder[] = [];
  for (const [l, before] of planned) {
    const removed = before - Math.max(0, l.qty);
    if (removed <= 0) continue;
    cuts.push({ ...orderOf(l, cost, removed), planned: before, reason: 'account-short' });
    warnings.push({
      code: 'buy-cut',
      message: `${l.account}: buy ${Math.max(0, l.qty)} ${l.symbol} instead of ${before}: after conversions and transfers the account could not pay for ${removed} more (no other account had cash to spare above its cash reserve)`,
      account: l.account,
      symbol: l.symbol,
      sleeve: l.sleeveId,
      params: {
        account: l.account,
        symbol: l.symbol,
        quantity: Math.max(0, l.qty),
        planned: before,
        cut: removed,
      },
    });
  }

  for (const sub of substitutions) warnings.push(substitutionWarning(sub, skippedLines, planned));

  const orders = lines.filter((l) => l.qty !== 0).map((l) => orderOf(l, cost));
  orders.sort(
    (a, b) => a.account.localeCompare(b.account) || sideRank(a) - sideRank(b) || b.valueBase - a.valueBase,
  );
  const totalCost = ordersCost(
    orders.map((o) => o.valueBase),
    cost,
  );
  const fx = funding.fx;

  const cash: CashBalance[] = [];
  for (const [account, m] of [...balances].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [currency, amount] of [...m].sort(([a], [b]) => a.localeCompare(b))) {
      if (Math.abs(amount) < 1e-6) continue;
      cash.push({ account, currency, amount, valueBase: amount * baseRate(currency) });
    }
  }

  // Verify: apply the orders (and conversions) to the holdings and measure each sleeve against its band.
  const afterValues = new Float64Array(ids.length);
  for (const p of positions) {
    if (p.kind === 'cash') continue;
    const i = ix.get(p.sleeve);
    if (i !== undefined) afterValues[i] = (afterValues[i] as number) + p.value;
  }
  for (const l of lines)
    afterValues[l.sleeve] = (afterValues[l.sleeve] as number) + l.qty * l.price * l.fxRate;
  afterValues[cashIx] = (afterValues[cashIx] as number) + cash.reduce((s, c) => s + c.valueBase, 0);
  const beforeInvestable = beforeValues.reduce((s, v) => s + v, 0);
  const afterInvestable = afterValues.reduce((s, v) => s + v, 0);
  const before = sleeveResults(ids, beforeValues, targets, beforeInvestable, band);
  const after = sleeveResults(ids, afterValues, targets, afterInvestable, band);

  if (leftAloneValue > 0) {
    const share = leftAloneValue / (afterInvestable + leftAloneValue);
    const which = [...leftAlone].filter((id) => positions.some((p) => p.sleeve === id));
    warnings.push({
      code: 'left-alone',
      message: `${which.join(' and ')} holdings (${pct(share)} of the total) are left alone; the model's targets apply to the rest`,
      params: { sleeves: which.join(', '), share, investable: afterInvestable },
    });
  }
  if (mode === 'cash-only') {
    for (const [i, id] of ids.entries()) {
      if (forced[i] && (current[i] as number) > 0) {
        warnings.push({
          code: 'not-sold-cash-only',
          message: `${id} is outside the model but cash-only mode sells nothing: run --mode full to sell it`,
          sleeve: id,
        });
      }
    }
  }
  // Nothing to invest: every holding is left alone and there is no cash. One plain sentence, not a miss per sleeve.
  const nothingInvestable = afterInvestable <= DUST;
  if (nothingInvestable) {
    warnings.push({
      code: 'nothing-investable',
      message:
        'nothing to rebalance: every holding is left alone (other or unclassified) and there is no cash; add money with --cash AMOUNT:CCY',
      params: { leftAlone: leftAloneValue },
    });
  }
  warnings.push(
    ...explainMisses(nothingInvestable ? [] : after, {
      lines,
      unresolved,
      skipped,
      cuts,
      mode,
      afterInvestable,
      bondShare: afterInvestable > 0 ? bonds / afterInvestable : 0,
      cashTarget: targets[cashIx] as number,
      band,
    }),
  );

  // What the orders rest on, judged by health.ts; the command refuses on it unless --allow-stale (freshness.ts).
  const freshness = rebalanceFreshness(input.market, base, asOf, {
    symbols: [...positions.filter((p) => p.kind === 'security'), ...orders].map((x) => x.symbol),
    currencies: [...positions, ...orders].map((x) => x.currency),
    conversions: fx,
  });

  return {
    asOf: fromDay(asOf),
    base,
    model: model.id,
    mode,
    band,
    orders,
    transfers: funding.transfers,
    fx,
    skipped,
    cuts,
    unresolved,
    before: { investable: beforeInvestable, total: report.total, sleeves: before },
    after: {
      investable: afterInvestable,
      total: afterInvestable + leftAloneValue,
      sleeves: after,
      cash,
    },
    cost: totalCost,
    costModel: cost,
    freshness,
    warnings,
  };
}

function lineOf(
  p: Position,
  id: SleeveId,
  i: number,
  qty: number,
  exit: boolean,
  mode: RebalanceInput['mode'],
  forced: boolean,
): Line {
  const min = mode === 'full' ? -p.quantity : 0;
  const max = forced ? 0 : Number.POSITIVE_INFINITY;
  return {
    account: p.account,
    symbol: p.symbol,
    name: p.name,
    nameKo: null,
    sleeveId: id,
    sleeve: i,
    currency: p.currency,
    price: p.price,
    priceDate: p.priceDate,
    fxRate: p.fxRate,
    lot: p.lot,
    held: p.quantity,
    // cash-only sells nothing; a sleeve the model has no place for is never added to. Fractional quantities can
    // carry float dust (1e-14 of a share) that must not become an order.
    qty: Math.abs(qty * p.price * p.fxRate) < DUST ? 0 : Math.min(max, Math.max(min, qty)),
    exit,
    lotValue: lotValueBase(p.price, p.fxRate, p.lot),
    min,
    max,
  };
}

/** The order for `line` (or for `units` of it: the part cut), with its trading cost. */
function orderOf(l: Line, cost: CostModel, units = l.qty): Order {
  const quantity = Math.abs(units);
  const value = quantity * l.price;
  return {
    account: l.account,
    symbol: l.symbol,
    name: l.name,
    nameKo: l.nameKo,
    side: units > 0 ? 'buy' : 'sell',
    quantity,
    price: l.price,
    priceDate: l.priceDate,
    currency: l.currency,
    value,
    valueBase: value * l.fxRate,
    costBase: tradeCost(value * l.fxRate, cost),
    sleeve: l.sleeveId,
  };
}

// Sells first: their proceeds pay for the buys.
const sideRank = (o: Order) => (o.side === 'sell' ? 0 : 1);

function valuesBase(lines: readonly Line[]): number[] {
  return lines.map((l) => l.qty * l.price * l.fxRate);
}

function cashBook(positions: readonly Position[]): Map<string, Map<CurrencyCode, number>> {
  const out = new Map<string, Map<CurrencyCode, number>>();
  for (const p of positions) {
    if (p.kind !== 'cash') continue;
    const m = out.get(p.account) ?? new Map<CurrencyCode, number>();
    m.set(p.currency, (m.get(p.currency) ?? 0) + p.quantity);
    out.set(p.account, m);
  }
  return out;
}

/** Per account: currencies it trades in and its cash after the orders planned so far (base). */
function fundsBook(positions: readonly Position[], lines: readonly Line[]): AccountFunds[] {
  const book = new Map<string, { currencies: Set<CurrencyCode>; funds: number }>();
  const get = (account: string) => {
    const a = book.get(account) ?? { currencies: new Set<CurrencyCode>(), funds: 0 };
    book.set(account, a);
    return a;
  };
  for (const p of positions) {
    const a = get(p.account);
    a.currencies.add(p.currency);
    if (p.kind === 'cash') a.funds += p.value;
  }
  for (const l of lines) get(l.account).funds -= l.qty * l.price * l.fxRate;
  return [...book].map(([account, a]) => ({ account, ...a }));
}

/** How many candidates fill an empty sleeve: the caller's override, else the model sleeve's `fill`, else 3. */
function fillCount(sleeve: ModelSleeve | undefined, override: number | undefined): number {
  if (override !== undefined) return Math.max(1, Math.floor(override));
  // The model loader validates `fill`; a model built in code is checked here.
  const fill = sleeve?.fill;
  if (fill === undefined) return DEFAULT_FILL;
  if (!Number.isInteger(fill) || fill < 1) {
    throw new InputError({
      message: `model sleeve ${sleeve?.id}: fill ${String(fill)} is not a number of candidates`,
      expected: 'fill: a whole number of 1 or more',
    });
  }
  return fill;
}

/** Cash per account and currency once the account's own orders (and their costs) are paid, before any funding. */
function cashAfterOwnOrders(
  positions: readonly Position[],
  lines: readonly Line[],
  cost: CostModel,
  baseRate: (c: CurrencyCode) => number,
): Map<string, Map<CurrencyCode, number>> {
  const balances = new Map<string, Map<CurrencyCode, number>>();
  const add = (account: string, ccy: CurrencyCode, amount: number) => {
    const m = balances.get(account) ?? new Map<CurrencyCode, number>();
    m.set(ccy, (m.get(ccy) ?? 0) + amount);
    balances.set(account, m);
  };
  for (const p of positions) if (p.kind === 'cash') add(p.account, p.currency, p.quantity);
  for (const l of lines) {
    if (l.qty === 0) continue;
    const value = l.qty * l.price;
    add(l.account, l.currency, -value);
    const c = tradeCost(value * l.fxRate, cost);
    if (c > 0) add(l.account, l.currency, -c / baseRate(l.currency));
  }
  return balances;
}

/**
 * The cash each account keeps for the cash sleeve (base): the model's cash target times the account's investable
 * value after its own orders (securities outside the left-alone sleeves, plus its cash), less the bond funds it holds.
 * Only cash above this may be sent to another account (funding.ts).
 */
function cashReserves(
  positions: readonly Position[],
  lines: readonly Line[],
  balances: ReadonlyMap<string, ReadonlyMap<CurrencyCode, number>>,
  cashTarget: number,
  leftAlone: ReadonlySet<SleeveId>,
  baseRate: (c: CurrencyCode) => number,
): Map<string, number> {
  const value = new Map<string, number>();
  const bonds = new Map<string, number>();
  const add = (m: Map<string, number>, account: string, v: number) =>
    m.set(account, (m.get(account) ?? 0) + v);
  for (const p of positions) {
    if (p.kind !== 'security' || leftAlone.has(p.sleeve)) continue;
    add(value, p.account, p.value);
    if (p.sleeve === CASH_SLEEVE) add(bonds, p.account, p.value);
  }
  for (const l of lines) add(value, l.account, l.qty * l.price * l.fxRate);
  for (const [account, m] of balances) for (const [c, v] of m) add(value, account, v * baseRate(c));
  const out = new Map<string, number>();
  for (const [account, v] of value) out.set(account, Math.max(0, cashTarget * v - (bonds.get(account) ?? 0)));
  return out;
}

/**
 * Takes lots off the buys of each account still short after funding: one lot at a time from the account's largest buy
 * (by value), so the cut falls on the biggest positions first and spreads as they shrink, until the freed value covers
 * the shortfall (valued in base; the funding is re-planned afterwards, so a rate difference only costs another round).
 * With fractional shares the largest buy is cut by exactly what is missing. Records each line's quantity before its
 * first cut in `planned`. Returns false when there was nothing to cut.
 */
function cutBuys(
  lines: Line[],
  short: readonly { account: string; currency: CurrencyCode; amount: number }[],
  baseRate: (c: CurrencyCode) => number,
  fractional: boolean,
  planned: Map<Line, number>,
): boolean {
  let cut = false;
  for (const s of short) {
    let need = s.amount * baseRate(s.currency);
    const buys = lines.filter((l) => l.account === s.account && l.qty > 0 && !l.exit);
    while (need > DUST) {
      const line = buys
        .filter((l) => l.qty > 0)
        .reduce<Line | undefined>(
          (a, l) => (!a || l.qty * l.price * l.fxRate > a.qty * a.price * a.fxRate ? l : a),
          undefined,
        );
      if (!line) break;
      const perUnit = line.price * line.fxRate;
      const units = fractional ? Math.min(line.qty, need / perUnit) : Math.min(line.lot, line.qty);
      if (!planned.has(line)) planned.set(line, line.qty);
      line.qty -= units;
      // Whole lots: a float remainder of a lot is no position.
      if (line.qty * perUnit < DUST) line.qty = 0;
      need -= units * perUnit;
      cut = true;
    }
  }
  return cut;
}

function rateToBase(input: RebalanceInput, currency: CurrencyCode): number {
  const q = fxRate(input.market, currency, input.base, input.asOf);
  if (!q) {
    throw new InputError({
      message: `no ${currency}→${input.base} exchange rate on or before ${fromDay(input.asOf)} to convert the minimum trade`,
      expected: `a minimum trade in ${input.base} or a currency with a rate`,
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

function sleeveResults(
  ids: readonly SleeveId[],
  values: Float64Array,
  targets: readonly number[],
  investable: number,
  band: Band,
): SleeveResult[] {
  return ids.map((id, i) => {
    const value = values[i] as number;
    const weight = investable > 0 ? value / investable : 0;
    const target = targets[i] as number;
    return { id, weight, target, within: withinBand(weight, target, band), value };
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * An empty sleeve bought from later candidates because the first had no price: names only the candidates that got an
 * order, and says which rounded to zero units (too little money for one lot), were skipped (under --min-trade) or
 * were cut to nothing (the account could not pay).
 */
function substitutionWarning(
  sub: { sleeve: SleeveId; passedOver: readonly CandidateTried[]; lines: readonly Line[] },
  skipped: ReadonlySet<Line>,
  planned: ReadonlyMap<Line, number>,
): RebalanceWarning {
  const names = (f: (l: Line) => boolean) =>
    sub.lines
      .filter(f)
      .map((l) => l.symbol)
      .join(', ');
  const bought = names((l) => l.qty > 0);
  const skippedNames = names((l) => l.qty === 0 && skipped.has(l));
  const cut = names((l) => l.qty === 0 && !skipped.has(l) && planned.has(l));
  const rounded = names((l) => l.qty === 0 && !skipped.has(l) && !planned.has(l));
  const passed = sub.passedOver.map((t) => t.symbol).join(', ');
  const parts = [
    bought ? `bought ${bought}` : 'bought nothing',
    ...(rounded ? [`${rounded} rounded to zero units`] : []),
    ...(skippedNames ? [`${skippedNames} skipped (under the minimum trade)`] : []),
    ...(cut ? [`${cut} cut (the account could not pay)`] : []),
  ];
  return {
    code: 'candidate-substituted',
    message: `${sub.sleeve}: ${parts.join('; ')}; passed over ${sub.passedOver
      .map((t) => `${t.symbol} (${t.reason})`)
      .join(', ')}`,
    sleeve: sub.sleeve,
    params: { bought, passed, rounded, skipped: skippedNames, cut },
  };
}

/**
 * One warning per sleeve that ends outside its band, saying why: no priced candidate, a skipped small order, nothing
 * sold or not enough new money in cash-only mode, or the size of one lot.
 */
function explainMisses(
  after: readonly SleeveResult[],
  ctx: {
    lines: readonly Line[];
    unresolved: readonly Unresolved[];
    skipped: readonly SkippedOrder[];
    cuts: readonly CutOrder[];
    mode: RebalanceInput['mode'];
    afterInvestable: number;
    /** Bond funds in the cash sleeve as a share of the investable value: never traded. */
    bondShare: number;
    cashTarget: number;
    band: Band;
  },
): RebalanceWarning[] {
  const out: RebalanceWarning[] = [];
  for (const s of after) {
    if (s.within) continue;
    const base = { code: 'sleeve-outside-band', sleeve: s.id };
    const params = { weight: s.weight, target: s.target };
    const head = `${s.id} ends at ${pct(s.weight)} against a target of ${pct(s.target)}`;
    const lotShare = (l: Line) => (ctx.afterInvestable > 0 ? l.lotValue / ctx.afterInvestable : 0);
    const inSleeve = ctx.lines.filter((l) => l.sleeveId === s.id);
    const biggest = inSleeve.reduce<Line | undefined>(
      (a, l) => (!a || l.lotValue > a.lotValue ? l : a),
      undefined,
    );
    const allBiggest = ctx.lines.reduce<Line | undefined>(
      (a, l) => (!a || l.lotValue > a.lotValue ? l : a),
      undefined,
    );
    if (s.id === CASH_SLEEVE && ctx.unresolved.length && s.weight > s.target) {
      out.push({
        ...base,
        message: `${head}: it holds the money no candidate could take (see unresolved)`,
        params: { ...params, reason: 'holds-unresolved' },
      });
    } else if (
      ctx.bondShare > ctx.cashTarget + bandWidth(ctx.cashTarget, ctx.band) &&
      (s.id === CASH_SLEEVE || s.weight < s.target)
    ) {
      out.push({
        ...base,
        message: `${head}: bond funds alone are ${pct(ctx.bondShare)} of the portfolio, above the cash sleeve's band, and are not traded`,
        params: { ...params, reason: 'bond-funds', bondShare: ctx.bondShare },
      });
    } else if (ctx.unresolved.some((u) => u.sleeve === s.id)) {
      out.push({
        ...base,
        message: `${head}: no candidate for it has a price (see unresolved)`,
        params: { ...params, reason: 'unresolved' },
      });
    } else if (
      ctx.cuts.some((k) => k.sleeve === s.id) ||
      (s.id === CASH_SLEEVE && ctx.cuts.length > 0 && s.weight > s.target)
    ) {
      out.push({
        ...base,
        message: `${head}: buys were cut because their account could not pay for them (see cut)`,
        params: { ...params, reason: 'account-short' },
      });
    } else if (
      ctx.skipped.some((k) => k.sleeve === s.id) ||
      // Skipped buys leave their money in cash, skipped sales take it away: the skip, not a lot, moved cash.
      (s.id === CASH_SLEEVE && ctx.skipped.some((k) => (k.side === 'buy') === s.weight > s.target))
    ) {
      out.push({
        ...base,
        message: `${head}: its orders are smaller than the minimum trade and were skipped`,
        params: { ...params, reason: 'min-trade' },
      });
    } else if (ctx.mode === 'cash-only' && (s.id !== CASH_SLEEVE || s.weight < s.target)) {
      const above = s.weight > s.target;
      out.push({
        ...base,
        message: above
          ? `${head}: cash-only mode sells nothing`
          : `${head}: the cash available does not reach it (cash-only mode sells nothing)`,
        params: { ...params, reason: above ? 'cash-only-no-sell' : 'cash-only-short' },
      });
    } else {
      const l = s.id === CASH_SLEEVE ? allBiggest : (biggest ?? allBiggest);
      const share = l ? lotShare(l) : 0;
      out.push({
        ...base,
        message: l
          ? `${head}: orders come in whole lots, and one lot of ${l.symbol} costs ${pct(share)} of the portfolio`
          : `${head}: nothing in it can be traded`,
        symbol: l?.symbol,
        params: {
          ...params,
          reason: l ? 'lot' : 'untradable',
          ...(l ? { symbol: l.symbol, lotShare: share } : {}),
        },
      });
    }
  }
  return out;
}
