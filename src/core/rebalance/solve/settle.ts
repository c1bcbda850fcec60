/**
 * Settlement: from the solver's lots to orders, and the money behind them. Each account pays for its own buys with
 * its sells and its cash, converting between its currencies where needed (accounts.ts); only when the user allows
 * transfers (`--transfers`) may an account with cash left send some to another (funding.ts). What is still short is
 * reported, never hidden.
 */
import type { CurrencyCode } from '../../currency.ts';
import type { CostModel } from '../../engine/cost.ts';
import { tradeCost } from '../../engine/cost.ts';
import type { Position } from '../../valuation.ts';
import type { FxQuoteFn } from '../accounts.ts';
import { planFunding } from '../funding.ts';
import type { FxOrder, Order, Transfer } from '../types.ts';
import type { Line } from './placement.ts';

export interface Settlement {
  orders: Order[];
  fx: FxOrder[];
  transfers: Transfer[];
  /** Cash per account and currency once everything is done. */
  balances: Map<string, Map<CurrencyCode, number>>;
  short: { account: string; currency: CurrencyCode; amount: number }[];
  cost: number;
}

/** Orders worth less than this in base are float noise, not trades. */
const DUST = 1e-6;

export function settle(input: {
  lines: readonly Line[];
  /** Signed units per line (+ buy, − sell). */
  units: readonly number[];
  positions: readonly Position[];
  cost: CostModel;
  transfers: boolean;
  quote: FxQuoteFn;
  baseRate: (c: CurrencyCode) => number;
}): Settlement {
  const { lines, units, cost, baseRate } = input;
  const orders: Order[] = [];
  const balances = new Map<string, Map<CurrencyCode, number>>();
  const add = (account: string, ccy: CurrencyCode, amount: number) => {
    const m = balances.get(account) ?? new Map<CurrencyCode, number>();
    m.set(ccy, (m.get(ccy) ?? 0) + amount);
    balances.set(account, m);
  };
  for (const p of input.positions) {
    if (p.kind === 'cash') add(p.account, p.currency, p.quantity);
    else if (!balances.has(p.account)) balances.set(p.account, new Map());
  }
  let total = 0;
  lines.forEach((l, i) => {
    const q = units[i] ?? 0;
    const value = Math.abs(q) * l.price;
    if (value * l.fxRate < DUST) return;
    const costBase = tradeCost(value * l.fxRate, cost);
    total += costBase;
    add(l.account, l.currency, q > 0 ? -value : value);
    if (costBase > 0) add(l.account, l.currency, -costBase / baseRate(l.currency));
    orders.push({
      account: l.account,
      symbol: l.symbol,
      name: l.name,
      nameKo: l.nameKo,
      side: q > 0 ? 'buy' : 'sell',
      quantity: Math.abs(q),
      price: l.price,
      priceDate: l.priceDate,
      currency: l.currency,
      value,
      valueBase: value * l.fxRate,
      costBase,
      sleeve: l.sleeve,
      why: q > 0 ? (l.reason ?? 'held') : l.exit ? 'exit' : 'reduce',
      ...(q > 0 && l.listingOf ? { listingOf: l.listingOf } : {}),
    });
  });
  // Sells first (their proceeds pay for the buys), then by account and value.
  orders.sort(
    (a, b) =>
      a.account.localeCompare(b.account) ||
      Number(a.side === 'buy') - Number(b.side === 'buy') ||
      b.valueBase - a.valueBase ||
      a.symbol.localeCompare(b.symbol),
  );
  const reserve = new Map<string, number>();
  if (!input.transfers) for (const a of balances.keys()) reserve.set(a, Number.POSITIVE_INFINITY);
  const funding = planFunding({ balances, reserve, quote: input.quote, baseRate });
  return {
    orders,
    fx: funding.fx,
    transfers: funding.transfers,
    balances,
    short: funding.short,
    cost: total,
  };
}
