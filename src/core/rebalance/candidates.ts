/**
 * Filling an empty sleeve: the model lists candidates in order; the first ones that the universe knows and that have
 * a price on or before the as-of date (and an FX rate to the base) are bought. Pricing goes through `valueHoldings`, the
 * same valuation `check` uses, on a one-unit holding, so a candidate is priced exactly as a holding would be.
 *
 * Fresh first: a candidate whose last close is more than STALE_ERROR_DAYS trading days old would make the command
 * refuse the whole run (freshness.ts), so it is passed over for the next fresh one and reported in `stale`. Only when
 * no candidate is fresh are the stale ones picked, in order: then the refusal (or --allow-stale) is the honest answer.
 */
import type { CurrencyCode } from '../currency.ts';
import { isInputError } from '../errors.ts';
import type { MarketData } from '../market.ts';
import type { Universe } from '../universe.ts';
import { resolveSymbol } from '../universe.ts';
import { STALE_ERROR_DAYS, valueHoldings } from '../valuation.ts';
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
  /** Candidates passed over because their close is too old while a fresh one was bought instead, in order. */
  stale: StaleCandidate[];
}

export interface StaleCandidate {
  symbol: string;
  /** Date of the last close on or before the as-of date, and its age in trading days. */
  date: string;
  age: number;
}

export function pickCandidates(
  candidates: readonly string[],
  count: number,
  ctx: { universe: Universe; market: MarketData; base: CurrencyCode; asOf: number },
): CandidatePick {
  const picked: PricedListing[] = [];
  const tried: CandidateTried[] = [];
  const stale: { listing: PricedListing; age: number; entry: CandidateTried }[] = [];
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
      const listing: PricedListing = {
        symbol,
        name: inst.name,
        nameKo: inst.nameKo ?? null,
        currency: p.currency,
        price: p.price,
        priceDate: p.priceDate,
        fxRate: p.fxRate,
        lot: inst.lot,
      };
      if (p.priceAge > STALE_ERROR_DAYS) {
        const entry: CandidateTried = {
          symbol,
          reason: `last close ${p.priceDate}, ${p.priceAge} trading days old (more than ${STALE_ERROR_DAYS})`,
          stale: true,
        };
        tried.push(entry);
        stale.push({ listing, age: p.priceAge, entry });
        continue;
      }
      picked.push(listing);
      tried.push({ symbol, reason: null });
    } catch (e) {
      if (!isInputError(e)) throw e;
      tried.push({ symbol, reason: e.problem.message });
    }
  }
  if (picked.length) {
    return {
      picked,
      tried,
      stale: stale.map((s) => ({ symbol: s.listing.symbol, date: s.listing.priceDate ?? '', age: s.age })),
    };
  }
  // No fresh candidate at all: buy the stale ones as before and let the freshness check decide.
  for (const s of stale.slice(0, count)) {
    picked.push(s.listing);
    s.entry.reason = null;
    delete s.entry.stale;
  }
  return { picked, tried, stale: [] };
}
