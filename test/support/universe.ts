/** Instruments for core tests, written in one line each so a test's universe reads as a table. */
import type { Instrument } from '../../src/core/universe.ts';

/** A stock named after its symbol, on exchange X, lot 1, not Mag7; `extra` overrides any field. */
export function inst(
  symbol: string,
  sleeve: Instrument['sleeve'],
  country: string,
  currency: string,
  extra: Partial<Instrument> = {},
): Instrument {
  return {
    symbol,
    name: symbol,
    type: 'stock',
    currency,
    exchange: 'X',
    country,
    sleeve,
    lot: 1,
    mag7: false,
    ...extra,
  };
}

/** Rolls-Royce on the LSE: trades in GBP, quoted in pence (GBp), the quote-unit tests' listing. */
export const ROLLS_ROYCE: Instrument = inst('RR.L', 'energy', 'GB', 'GBP', {
  name: 'Rolls-Royce',
  exchange: 'LSE',
  quoteCurrency: 'GBp',
});
