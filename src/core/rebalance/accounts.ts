/**
 * Which account an order goes to, and the currency conversions each account needs. Sells stay where the position is.
 * A buy goes to an account that already trades in the listing's currency (holds a position or cash in it), the one
 * with the most money to spend; with none, to the account with the most money. New money goes where cash of that
 * currency already is. Conversions here happen inside one account; what an account still cannot pay for is funded by
 * transfers from other accounts (funding.ts), and what no account can spare is cut from its buys (rebalance.ts).
 */
import type { CurrencyCode } from '../currency.ts';
import type { FxOrder } from './types.ts';

export interface AccountFunds {
  account: string;
  /** Currencies the account holds a position or cash in. */
  currencies: ReadonlySet<CurrencyCode>;
  /** Cash plus planned sales minus planned buys, in base. */
  funds: number;
}

/** The account a new listing in `currency` is bought in, or undefined when there are no accounts at all. */
export function chooseBuyAccount(
  currency: CurrencyCode,
  accounts: readonly AccountFunds[],
): string | undefined {
  const trading = accounts.filter((a) => a.currencies.has(currency));
  return richest(trading.length ? trading : accounts)?.account;
}

/** The account new money in `currency` is paid into: the one with the most cash in it, else as `chooseBuyAccount`. */
export function chooseDepositAccount(
  currency: CurrencyCode,
  cash: ReadonlyMap<string, ReadonlyMap<CurrencyCode, number>>,
  accounts: readonly AccountFunds[],
): string | undefined {
  let best: { account: string; amount: number } | undefined;
  for (const [account, byCcy] of cash) {
    const amount = byCcy.get(currency) ?? 0;
    if (amount > 0 && (!best || amount > best.amount)) best = { account, amount };
  }
  return best?.account ?? chooseBuyAccount(currency, accounts);
}

function richest(accounts: readonly AccountFunds[]): AccountFunds | undefined {
  // Ties go to the account named first alphabetically, so the choice does not depend on file order.
  return [...accounts].sort((a, b) => b.funds - a.funds || a.account.localeCompare(b.account))[0];
}

export type FxQuoteFn = (from: CurrencyCode, to: CurrencyCode) => { rate: number; date: string };

export interface AccountShortfall {
  account: string;
  currency: CurrencyCode;
  /** Missing amount in `currency` after every conversion the account itself can pay for. */
  amount: number;
}

/**
 * Conversions that cover every negative balance (cash + sells − buys, per account and currency) from the same
 * account's positive balances, largest (in base) first. Mutates `balances` to the balances after conversion.
 */
export function fxOrdersFor(
  balances: Map<string, Map<CurrencyCode, number>>,
  quote: FxQuoteFn,
  baseRate: (ccy: CurrencyCode) => number,
): { fx: FxOrder[]; short: AccountShortfall[] } {
  const fx: FxOrder[] = [];
  const short: AccountShortfall[] = [];
  // Amounts below a millionth of a unit are float dust from summing orders, not money to convert.
  const DUST = 1e-6;
  for (const account of [...balances.keys()].sort()) {
    const bal = balances.get(account) as Map<CurrencyCode, number>;
    const inBase = (c: CurrencyCode) => (bal.get(c) ?? 0) * baseRate(c);
    const deficits = [...bal.keys()]
      .filter((c) => (bal.get(c) ?? 0) < -DUST)
      .sort((a, b) => inBase(a) - inBase(b));
    for (const to of deficits) {
      for (const from of [...bal.keys()]
        .filter((c) => (bal.get(c) ?? 0) > DUST)
        .sort((a, b) => inBase(b) - inBase(a))) {
        const need = -(bal.get(to) ?? 0);
        if (need <= DUST) break;
        const q = quote(from, to);
        const take = Math.min(need, (bal.get(from) ?? 0) * q.rate);
        const amount = take / q.rate;
        fx.push({ account, from, to, amount, rate: q.rate, date: q.date, purpose: 'orders' });
        bal.set(from, (bal.get(from) ?? 0) - amount);
        bal.set(to, (bal.get(to) ?? 0) + take);
      }
      const left = -(bal.get(to) ?? 0);
      if (left > DUST) short.push({ account, currency: to, amount: left });
    }
  }
  return { fx, short };
}
