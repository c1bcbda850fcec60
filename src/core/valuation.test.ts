/**
 * Quote units: a close from a file without a currency (bundled, --prices) is in the listing's quote unit (RR.L: pence,
 * per the universe); a close from a series that states its currency (the fetched cache) is already in that major unit
 * and gets no minor-unit factor. Both must give the same value for the same price.
 */
import { describe, expect, it } from 'vitest';
import { series } from '../../test/support/market.ts';
import { ROLLS_ROYCE } from '../../test/support/universe.ts';
import { noticesJson } from '../report/notice-json.ts';
import { toDay } from './dates.ts';
import type { Holding } from './holdings.ts';
import type { FxSeries, MarketData, PriceSeries } from './market.ts';
import { buildUniverse } from './universe.ts';
import { valueHoldings } from './valuation.ts';

const universe = buildUniverse([ROLLS_ROYCE]);

const gbpusd: FxSeries = {
  ...series([['2026-11-20', 1.25]], 'test:GBPUSD'),
  base: 'GBP',
  quote: 'USD',
  kind: 'daily',
};

function marketWith(rr: PriceSeries): MarketData {
  return { prices: new Map([['RR.L', rr]]), dividends: new Map(), fx: new Map([['GBPUSD', [gbpusd]]]) };
}

const holding: Holding = {
  kind: 'security',
  account: 'ISA',
  symbol: 'RR.L',
  quantity: 100,
  origin: { file: 'h.csv', line: 2 },
};
const asOf = toDay('2026-11-20');

describe('valuation — quote units', () => {
  it('reads a file close without a currency in the universe quote unit (pence)', () => {
    // 1,186 GBp = 11.86 GBP; 100 × 11.86 = 1,186 GBP; × 1.25 = 1,482.50 USD.
    const v = valueHoldings({
      holdings: [holding],
      universe,
      market: marketWith(series([['2026-11-20', 1186]], 'user:RR.L.csv')),
      base: 'USD',
      asOf,
    });
    expect(v.positions[0]).toMatchObject({ currency: 'GBP', localValue: 1186, fxRate: 1.25 });
    expect(v.positions[0]?.price).toBeCloseTo(11.86, 12);
    expect(v.total).toBeCloseTo(1482.5, 9);
    expect(v.warnings).toEqual([]);
  });

  it('reads a cached close in GBP as pounds: no pence factor', () => {
    // 11.86 GBP as fetched; 100 × 11.86 = 1,186 GBP; × 1.25 = 1,482.50 USD (the same as the pence file).
    const v = valueHoldings({
      holdings: [holding],
      universe,
      market: marketWith({ ...series([['2026-11-20', 11.86]], 'cache:yahoo'), currency: 'GBP' }),
      base: 'USD',
      asOf,
    });
    expect(v.positions[0]).toMatchObject({ currency: 'GBP', price: 11.86, priceSource: 'cache:yahoo' });
    expect(v.positions[0]?.localValue).toBeCloseTo(1186, 9);
    expect(v.total).toBeCloseTo(1482.5, 9);
    expect(v.warnings).toEqual([]);
  });

  it('values a series in another currency than the universe says in that currency, and says so', () => {
    // A provider answering in USD for RR.L: 14.80 USD × 100 = 1,480 USD, no FX; the universe's GBP is not applied.
    const v = valueHoldings({
      holdings: [holding],
      universe,
      market: marketWith({ ...series([['2026-11-20', 14.8]], 'cache:other'), currency: 'USD' }),
      base: 'USD',
      asOf,
    });
    expect(v.positions[0]).toMatchObject({ currency: 'USD', price: 14.8, fxRate: 1 });
    expect(v.total).toBeCloseTo(1480, 9);
    expect(noticesJson(v.warnings, 'en')).toEqual([
      expect.objectContaining({
        code: 'currency-mismatch',
        symbol: 'RR.L',
        message: "RR.L's closes from cache:other are in USD but the universe lists GBP; valued in USD",
      }),
    ]);
  });

  it('prices a symbol outside the universe from a cached series by its stated currency', () => {
    // No universe entry and no currency on the row: the cache's EUR is enough. 10 × 231.4 EUR × 1.1 = 2,545.40 USD.
    const eurusd: FxSeries = { ...series([['2026-11-20', 1.1]]), base: 'EUR', quote: 'USD', kind: 'daily' };
    const v = valueHoldings({
      holdings: [{ ...holding, symbol: 'SIE.DE', quantity: 10 }],
      universe,
      market: {
        prices: new Map([['SIE.DE', { ...series([['2026-11-20', 231.4]], 'cache:yahoo'), currency: 'EUR' }]]),
        dividends: new Map(),
        fx: new Map([['EURUSD', [eurusd]]]),
      },
      base: 'USD',
      asOf,
    });
    expect(v.positions[0]).toMatchObject({ currency: 'EUR', price: 231.4, sleeve: 'unclassified' });
    expect(v.total).toBeCloseTo(2545.4, 9);
  });
});
