/**
 * Verification: the orders applied to the holdings (trades, conversions, transfers, costs) and the result run
 * through `check` itself, so the checklist and the concentration warnings printed after a rebalance are exactly what
 * `check` will say once the orders are filled.
 */
import type { CheckReport } from '../../check.ts';
import { checkPortfolio } from '../../check.ts';
import type { CurrencyCode } from '../../currency.ts';
import type { Holding } from '../../holdings.ts';
import type { MarketData } from '../../market.ts';
import type { CheckThresholds, Model } from '../../model.ts';
import type { Universe } from '../../universe.ts';
import type { Position } from '../../valuation.ts';
import type { Line } from './placement.ts';

/** The holdings once the orders are done: held rows with their quantities changed, new rows for new listings. */
export function holdingsAfter(input: {
  holdings: readonly Holding[];
  positions: readonly Position[];
  lines: readonly Line[];
  units: readonly number[];
  balances: ReadonlyMap<string, ReadonlyMap<CurrencyCode, number>>;
}): Holding[] {
  const change = new Map<string, number>();
  input.lines.forEach((l, i) => {
    const q = input.units[i] ?? 0;
    if (q !== 0) change.set(`${l.account}\u0000${l.symbol}`, q);
  });
  const out: Holding[] = [];
  const done = new Set<string>();
  input.holdings.forEach((h, i) => {
    if (h.kind === 'cash') return;
    const p = input.positions[i];
    const key = `${h.account}\u0000${p?.symbol ?? h.symbol}`;
    let quantity = h.quantity;
    if (!done.has(key)) {
      quantity += change.get(key) ?? 0;
      done.add(key);
    }
    // A position sold in full is gone; float dust of a fractional sale too.
    if (Math.abs(quantity) > 1e-9) out.push({ ...h, quantity });
  });
  input.lines.forEach((l, i) => {
    const key = `${l.account}\u0000${l.symbol}`;
    const q = input.units[i] ?? 0;
    if (done.has(key) || q === 0) return;
    done.add(key);
    out.push({
      kind: 'security',
      account: l.account,
      symbol: l.symbol,
      quantity: q,
      origin: { file: 'orders', line: 0 },
    });
  });
  for (const [account, m] of input.balances) {
    for (const [currency, amount] of m) {
      if (Math.abs(amount) > 1e-9)
        out.push({ kind: 'cash', account, currency, amount, origin: { file: 'orders', line: 0 } });
    }
  }
  return out;
}

export function verifyAfter(input: {
  holdings: readonly Holding[];
  universe: Universe;
  market: MarketData;
  base: CurrencyCode;
  asOf: number;
  model: Model;
  thresholds?: Partial<CheckThresholds>;
}): CheckReport {
  return checkPortfolio({ ...input, holdings: input.holdings });
}
