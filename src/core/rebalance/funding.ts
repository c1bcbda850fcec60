/**
 * Paying for the buys account by account. The plan is made for the whole portfolio, but each broker account can only
 * spend its own cash. After the orders, an account whose buys in a currency exceed what it has is funded in this
 * order:
 *
 * 1. Inside the account: its other currencies are converted (accounts.ts `fxOrdersFor`, the existing FX orders).
 * 2. From other accounts: transfers from the accounts with spare cash, the largest spare first.
 *
 * Which side converts: the SENDING account converts into the currency the receiver is short of, then transfers that
 * currency. Conversions happen only inside an account (a Korean broker converts within an account; money moves
 * between accounts as a plain transfer), and converting before sending means the receiver gets exactly the amount
 * its buys need, with no second conversion at a rate the plan did not see. Those conversions are listed with the
 * other FX orders, under the sending account, marked `purpose: 'transfer'`.
 *
 * Spare cash: an account keeps its share of the cash sleeve. The model wants `cashTarget` of the investable value in
 * cash and bonds; an account's share of that is `cashTarget × its investable value after the orders`, less the bond
 * funds it already holds (they fill the sleeve too). Only cash above that reserve is spare and may be sent. The rule
 * is per account and simple on purpose: it stops one account's cash buffer from being drained to fund another
 * account's buys, without trying to re-plan where the buffer should sit.
 *
 * What transfers cannot cover is returned as `short`; the rebalancer then cuts buys in that account (rebalance.ts).
 */
import type { CurrencyCode } from '../currency.ts';
import type { AccountShortfall, FxQuoteFn } from './accounts.ts';
import { fxOrdersFor } from './accounts.ts';
import type { FxOrder, Transfer } from './types.ts';

/** Amounts below a millionth of a unit are float dust from summing orders, not money to move. */
const DUST = 1e-6;

export interface FundingInput {
  /** Cash per account and currency after the account's own orders and costs; mutated to the balances after funding. */
  balances: Map<string, Map<CurrencyCode, number>>;
  /** Base-currency cash each account keeps for the cash sleeve (see the header); missing = 0. */
  reserve: ReadonlyMap<string, number>;
  quote: FxQuoteFn;
  /** Base per unit of a currency (the valuation rates). */
  baseRate: (ccy: CurrencyCode) => number;
}

export interface FundingPlan {
  /** In-account conversions for the orders, then the senders' conversions for the transfers. */
  fx: FxOrder[];
  transfers: Transfer[];
  /** Spare cash of each account that could send (base), before any transfer. */
  spare: Map<string, number>;
  /** What no conversion or transfer could cover. */
  short: AccountShortfall[];
}

export function planFunding(input: FundingInput): FundingPlan {
  const { balances, quote, baseRate } = input;
  const own = fxOrdersFor(balances, quote, baseRate);
  const fx: FxOrder[] = own.fx.map((f) => ({ ...f, purpose: 'orders' as const }));
  const short = new Map(own.short.map((s) => [`${s.account}\u0000${s.currency}`, { ...s }]));
  const shortAccounts = new Set(own.short.map((s) => s.account));

  // An account short of anything has converted all it had (step 1): it cannot send.
  const spare = new Map<string, number>();
  for (const [account, bal] of balances) {
    if (shortAccounts.has(account)) continue;
    let cash = 0;
    for (const [c, v] of bal) if (v > 0) cash += v * baseRate(c);
    spare.set(account, Math.max(0, cash - (input.reserve.get(account) ?? 0)));
  }
  const left = new Map(spare);

  const transfers: Transfer[] = [];
  // The largest shortfall first, so the largest spare goes where it covers the most; names break ties.
  const needs = [...short.values()].sort(
    (a, b) =>
      b.amount * baseRate(b.currency) - a.amount * baseRate(a.currency) || a.account.localeCompare(b.account),
  );
  for (const need of needs) {
    const to = need.currency;
    const donors = [...left]
      .filter(([, v]) => v > DUST)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([account]) => account);
    for (const donor of donors) {
      if (need.amount <= DUST) break;
      const bal = balances.get(donor) as Map<CurrencyCode, number>;
      // Capped by the donor's spare cash, counted in base at the valuation rate of the currency sent.
      let allowance = Math.min(need.amount, (left.get(donor) ?? 0) / baseRate(to));
      let sent = 0;
      // The currency needed first (no conversion), then the donor's other currencies, largest first.
      const sources = [...bal.keys()]
        .filter((c) => (bal.get(c) ?? 0) > DUST)
        .sort(
          (a, b) =>
            Number(b === to) - Number(a === to) ||
            (bal.get(b) ?? 0) * baseRate(b) - (bal.get(a) ?? 0) * baseRate(a),
        );
      for (const from of sources) {
        if (allowance <= DUST) break;
        const have = bal.get(from) ?? 0;
        if (from === to) {
          const take = Math.min(allowance, have);
          bal.set(from, have - take);
          sent += take;
          allowance -= take;
          continue;
        }
        const q = quote(from, to);
        const take = Math.min(allowance, have * q.rate);
        const amount = take / q.rate;
        fx.push({
          account: donor,
          from,
          to,
          amount,
          rate: q.rate,
          date: q.date,
          purpose: 'transfer',
          transferTo: need.account,
        });
        bal.set(from, have - amount);
        sent += take;
        allowance -= take;
      }
      if (sent <= DUST) continue;
      const recv = balances.get(need.account) as Map<CurrencyCode, number>;
      recv.set(to, (recv.get(to) ?? 0) + sent);
      transfers.push({
        from: donor,
        to: need.account,
        currency: to,
        amount: sent,
        amountBase: sent * baseRate(to),
      });
      left.set(donor, Math.max(0, (left.get(donor) ?? 0) - sent * baseRate(to)));
      need.amount -= sent;
    }
  }
  return {
    fx,
    transfers,
    spare,
    short: needs.filter((n) => n.amount > DUST),
  };
}
