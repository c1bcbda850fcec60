/**
 * A small world for rebalance tests: instruments in USD, KRW and JPY (a Tokyo lot of 100), the essay's six-sleeve model
 * with short candidate lists, and holdings written as plain rows. Numbers are round so expected orders can be worked
 * out by hand in the tests' comments.
 */
import type { Holding } from '../../src/core/holdings.ts';
import type { MarketData } from '../../src/core/market.ts';
import type { Model } from '../../src/core/model.ts';
import type { Instrument } from '../../src/core/universe.ts';
import { buildUniverse } from '../../src/core/universe.ts';
import { marketOf } from './market.ts';

export const inst = (
  symbol: string,
  sleeve: Instrument['sleeve'],
  currency: string,
  extra: Partial<Instrument> = {},
): Instrument => ({
  symbol,
  name: `${symbol} Inc`,
  type: 'stock',
  currency,
  exchange: 'X',
  country: currency === 'KRW' ? 'KR' : currency === 'JPY' ? 'JP' : 'US',
  sleeve,
  lot: 1,
  mag7: false,
  ...extra,
});

export const universe = buildUniverse([
  inst('NVDA', 'mag7-selected', 'USD', { mag7: true, nameKo: '엔비디아' }),
  inst('AAPL', 'mag7-other', 'USD', { mag7: true }),
  inst('6954.T', 'physical-ai', 'JPY', { lot: 100, nameKo: '화낙' }),
  inst('CEG', 'energy', 'USD'),
  inst('005930.KS', 'emerging', 'KRW', { nameKo: '삼성전자' }),
  inst('012450.KS', 'defense', 'KRW'),
  inst('LMT', 'defense', 'USD'),
  inst('QQQ', 'other', 'USD'),
]);

export const model: Model = {
  id: 'test-model',
  name: 'Test',
  band: 0.02,
  sleeves: [
    { id: 'mag7-selected', target: 0.25, min: 0.2, max: 0.25, candidates: ['NVDA'] },
    { id: 'physical-ai', target: 0.3, candidates: ['6954.T'] },
    { id: 'energy', target: 0.2, candidates: ['CEG'] },
    { id: 'emerging', target: 0.15, candidates: ['005930.KS'] },
    { id: 'defense', target: 0.05, candidates: ['012450.KS', 'LMT'] },
    { id: 'cash-bonds', target: 0.05, candidates: [] },
  ],
  checks: {
    'mag7-max': { max: 0.5 },
    'physical-energy-min': { min: 0.5 },
    'regional-diversification': { min: 0.15, countries: ['KR', 'JP', 'IN'] },
    'monthly-rebalancing': { maxDays: 31 },
  },
};

const origin = { file: 'h.csv', line: 2 };

/** `['US', 'NVDA', 110]` is a position; `['US', 'CASH', 1000, 'USD']` is cash. */
export function holdingsOf(rows: [string, string, number, string?][]): Holding[] {
  return rows.map(([account, symbol, quantity, currency]) =>
    symbol === 'CASH'
      ? { kind: 'cash', account, currency: currency as string, amount: quantity, origin }
      : { kind: 'security', account, symbol, quantity, origin },
  );
}

export const AS_OF = '2026-05-29';

/** Closes on the as-of date (JPY and KRW listings in their own currency); USDKRW 1,000 and USDJPY 100. */
export function marketWith(prices: Record<string, number> = {}): MarketData {
  const closes: Record<string, number> = {
    NVDA: 100,
    AAPL: 200,
    '6954.T': 4_000,
    CEG: 300,
    '005930.KS': 50_000,
    LMT: 500,
    QQQ: 500,
    ...prices,
  };
  return marketOf({
    prices: Object.fromEntries(Object.entries(closes).map(([s, v]) => [s, [[AS_OF, v]]])),
    fx: { USDKRW: [[AS_OF, 1_000]], USDJPY: [[AS_OF, 100]] },
  });
}
