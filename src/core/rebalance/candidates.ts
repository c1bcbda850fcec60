/**
 * Filling an empty sleeve: the model lists candidates in order; the first ones that the universe knows and that have
 * a price on or before the as-of date (and an FX rate to the base) are bought. Pricing goes through `valueHoldings`, the
 * same valuation `check` uses, on a one-unit holding, so a candidate is priced exactly as a holding would be.
 */
import type { CurrencyCode } from '../currency.ts';
import { isInputError } from '../errors.ts';
import type { MarketData } from '../market.ts';
import type { Universe } from '../universe.ts';
import { resolveSymbol } from '../universe.ts';
import { valueHoldings } from '../valuation.ts';
import type { CandidateTried } from './types.ts';

export interface PricedListing {
  symbol: string;
  name: string | null;
  nameKo: string | null;
  currency: CurrencyCode;
  /** Per unit, in `currency` (major unit). */
  price: number;
  priceDate: string | null;
  /** Base per unit of `currency`. */
  fxRate: number;
  lot: number;
}

export interface CandidatePick {
  picked: PricedListing[];
  /** Every candidate looked at, in order, with why it was passed over (null = picked). */
  tried: CandidateTried[];
}

export function pickCandidates(
  candidates: readonly string[],
  count: number,
  ctx: { universe: Universe; market: MarketData; base: CurrencyCode; asOf: number },
): CandidatePick {
  const picked: PricedListing[] = [];
  const tried: CandidateTried[] = [];
  for (const written of candidates) {
    if (picked.length >= count) break;
    const symbol = resolveSymbol(ctx.universe, written);
    const inst = symbol ? ctx.universe.instruments.get(symbol) : undefined;
    if (!symbol || !inst) {
      // Without the universe there is no lot size or currency to order in.
      tried.push({ symbol: written, reason: 'not in the instrument universe' });
      continue;
    }
    try {
      const [p] = valueHoldings({
        holdings: [
          { kind: 'security', account: '', symbol, quantity: 1, origin: { file: 'model', line: 0 } },
        ],
        universe: ctx.universe,
        market: ctx.market,
        base: ctx.base,
        asOf: ctx.asOf,
      }).positions;
      if (!p) throw new Error('valuation returned no position');
      picked.push({
        symbol,
        name: inst.name,
        nameKo: inst.nameKo ?? null,
        currency: p.currency,
        price: p.price,
        priceDate: p.priceDate,
        fxRate: p.fxRate,
        lot: inst.lot,
      });
      tried.push({ symbol, reason: null });
    } catch (e) {
      if (!isInputError(e)) throw e;
      tried.push({ symbol, reason: e.problem.message });
    }
  }
  return { picked, tried };
}
