import { describe, expect, it } from 'vitest';
import { marketOf } from '../../test/support/market.ts';
import { inst } from '../../test/support/universe.ts';
import { concentrationBreaches } from './concentration.ts';
import { toDay } from './dates.ts';
import type { Holding } from './holdings.ts';
import { buildUniverse } from './universe.ts';
import { valueHoldings } from './valuation.ts';

const universe = buildUniverse([
  inst('GOOGL', 'mag7-other', 'US', 'USD', { mag7: true }),
  inst('GOOG', 'mag7-other', 'US', 'USD', { mag7: true, company: 'GOOGL' }),
  inst('NVDA', 'mag7-selected', 'US', 'USD', { mag7: true }),
  inst('005930.KS', 'emerging', 'KR', 'KRW'),
  inst('SPY', 'other', 'US', 'USD', { type: 'etf' }),
]);
const market = marketOf({
  prices: {
    GOOGL: [['2026-05-28', 100]],
    GOOG: [['2026-05-28', 100]],
    NVDA: [['2026-05-28', 100]],
    '005930.KS': [['2026-05-28', 100_000]],
    SPY: [['2026-05-28', 100]],
  },
  fx: { USDKRW: [['2026-05-28', 1_000]] },
});
const o = { file: 'h.csv', line: 2 };
const sec = (symbol: string, quantity: number, account = 'A'): Holding => ({
  kind: 'security',
  account,
  symbol,
  quantity,
  origin: o,
});
const positionsOf = (hs: Holding[]) =>
  valueHoldings({ holdings: hs, universe, market, base: 'USD', asOf: toDay('2026-05-29') }).positions;
const instrumentOf = (s: string) => universe.instruments.get(s);
const limits = { maxPosition: 0.2, maxCountry: 0.6 };

describe('concentrationBreaches', () => {
  it('counts GOOGL and GOOG as one company, across accounts, of the holdings excluding cash', () => {
    // GOOGL 15 × 100 = 1,500 (account A) + GOOG 10 × 100 = 1,000 (account B) = 2,500 USD of Alphabet;
    // NVDA 20 × 100 = 2,000; Samsung 60 × 100,000 KRW / 1,000 = 6,000 USD; cash 5,000 USD is left out.
    // Invested 10,500: Alphabet 2,500 / 10,500 = 23.81% > 20%; NVDA 19.05% ≤ 20%; Samsung 57.14% > 20%.
    // Countries: KR 6,000 / 10,500 = 57.14% ≤ 60%; US 4,500 / 10,500 = 42.86%: no country breach.
    const p = positionsOf([
      sec('GOOGL', 15),
      sec('GOOG', 10, 'B'),
      sec('NVDA', 20),
      sec('005930.KS', 60),
      { kind: 'cash', account: 'A', currency: 'USD', amount: 5_000, origin: o },
    ]);
    const b = concentrationBreaches(p, limits, instrumentOf);
    expect(b.map((x) => [x.kind, x.ids])).toEqual([
      ['position', ['005930.KS']],
      ['position', ['GOOG', 'GOOGL']],
    ]);
    expect(b[0]?.weight).toBeCloseTo(6000 / 10500, 12);
    expect(b[1]?.weight).toBeCloseTo(2500 / 10500, 12);
    expect(b[1]?.limit).toBe(0.2);
  });

  it('flags one country above the limit, and does not call a fund one stock', () => {
    // SPY 70 × 100 = 7,000 (a fund: not a single company); NVDA 10 × 100 = 1,000; Samsung 20 × 100,000 / 1,000 = 2,000.
    // Invested 10,000: US 8,000 / 10,000 = 80% > 60%; NVDA 10%; Samsung 20% (at the limit, not above).
    const b = concentrationBreaches(
      positionsOf([sec('SPY', 70), sec('NVDA', 10), sec('005930.KS', 20)]),
      limits,
      instrumentOf,
    );
    expect(b).toEqual([{ kind: 'country', ids: ['US'], via: [], weight: 0.8, limit: 0.6 }]);
  });

  it('finds nothing in an all-cash portfolio', () => {
    const p = positionsOf([{ kind: 'cash', account: 'A', currency: 'USD', amount: 100, origin: o }]);
    expect(concentrationBreaches(p, limits, instrumentOf)).toEqual([]);
  });
});

describe('concentrationBreaches: one company on two exchanges', () => {
  it('counts an ADR with its home listing (the universe’s `company`)', () => {
    // Sony in Tokyo (6758.T: 10 × 3,000 JPY / 100 = 300 USD) and its ADR (SONY: 2 × 100 = 200 USD) are 500 of
    // 1,500 invested = 33.3% > 20%; NVDA 10 × 100 = 1,000 is 66.7% (also above). Each listing alone (20.0%, 13.3%)
    // would be at or under the limit: only counted together is Sony a breach.
    const u = buildUniverse([
      inst('NVDA', 'mag7-selected', 'US', 'USD', { mag7: true }),
      inst('6758.T', 'physical-ai', 'JP', 'JPY', { lot: 100 }),
      inst('SONY', 'physical-ai', 'JP', 'USD', { company: '6758.T' }),
    ]);
    const p = valueHoldings({
      holdings: [sec('NVDA', 10), sec('6758.T', 10, 'B'), sec('SONY', 2)],
      universe: u,
      market: marketOf({
        prices: {
          NVDA: [['2026-05-28', 100]],
          '6758.T': [['2026-05-28', 3_000]],
          SONY: [['2026-05-28', 100]],
        },
        fx: { USDJPY: [['2026-05-28', 100]] },
      }),
      base: 'USD',
      asOf: toDay('2026-05-29'),
    }).positions;
    const b = concentrationBreaches(p, { maxPosition: 0.2, maxCountry: 1 }, (s) => u.instruments.get(s));
    expect(b.map((x) => [x.ids, x.weight])).toEqual([
      [['NVDA'], 1000 / 1500],
      [['6758.T', 'SONY'], 500 / 1500],
    ]);
  });
});

describe('concentrationBreaches: a country of business not known', () => {
  it('does not judge "unknown" as one country', () => {
    const u = buildUniverse([inst('VT', 'other', 'unknown', 'USD', { type: 'etf' })]);
    const p = valueHoldings({
      holdings: [sec('VT', 10)],
      universe: u,
      market: marketOf({ prices: { VT: [['2026-05-28', 100]] } }),
      base: 'USD',
      asOf: toDay('2026-05-29'),
    }).positions;
    expect(concentrationBreaches(p, limits, (s) => u.instruments.get(s))).toEqual([]);
  });
});
