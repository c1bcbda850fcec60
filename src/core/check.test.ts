import { describe, expect, it } from 'vitest';
import { marketOf } from '../../test/support/market.ts';
import { inst } from '../../test/support/universe.ts';
import { noticesJson } from '../report/notice-json.ts';
import { type CheckInput, checkPortfolio } from './check.ts';
import { toDay } from './dates.ts';
import type { Holding } from './holdings.ts';
import type { Model } from './model.ts';
import { buildUniverse } from './universe.ts';

const universe = buildUniverse([
  inst('NVDA', 'mag7-selected', 'US', 'USD', { mag7: true }),
  inst('AAPL', 'mag7-other', 'US', 'USD', { mag7: true }),
  inst('005930.KS', 'emerging', 'KR', 'KRW'),
  inst('CEG', 'energy', 'US', 'USD'),
  inst('RR.L', 'energy', 'GB', 'GBP', { quoteCurrency: 'GBp' }),
]);

const model: Model = {
  id: 'test-model',
  name: 'Test',
  band: 0.02,
  sleeves: [
    { id: 'mag7-selected', target: 0.25, min: 0.2, max: 0.25, candidates: [] },
    { id: 'physical-ai', target: 0.3, candidates: [] },
    { id: 'energy', target: 0.2, candidates: [] },
    { id: 'emerging', target: 0.15, candidates: [] },
    { id: 'defense', target: 0.05, candidates: [] },
    { id: 'cash-bonds', target: 0.05, candidates: [] },
  ],
  checks: {
    'mag7-max': { max: 0.5 },
    'physical-energy-min': { min: 0.5 },
    'regional-diversification': { min: 0.15, countries: ['KR', 'JP', 'IN'] },
    'monthly-rebalancing': { maxDays: 31 },
  },
};

const market = marketOf({
  prices: {
    NVDA: [
      ['2026-05-27', 90],
      ['2026-05-28', 100],
    ],
    AAPL: [['2026-05-28', 200]],
    '005930.KS': [['2026-05-28', 50_000]],
    CEG: [['2026-05-01', 300]],
    'RR.L': [['2026-05-28', 1_000]], // pence
  },
  fx: {
    USDKRW: [['2026-05-28', 1_250]],
    GBPUSD: [['2026-05-28', 1.3]],
  },
});

const o = { file: 'h.csv', line: 2 };
const holdings: Holding[] = [
  { kind: 'security', account: 'A', symbol: 'nvda', quantity: 10, origin: o },
  { kind: 'security', account: 'A', symbol: 'AAPL', quantity: 5, origin: o },
  { kind: 'security', account: 'B', symbol: 'A005930', quantity: 100, origin: o },
  { kind: 'cash', account: 'B', currency: 'KRW', amount: 1_000_000, origin: o },
  { kind: 'cash', account: 'A', currency: 'USD', amount: 500, origin: o },
];

/** checkPortfolio on this file's universe, model and market, in USD as of 2026-05-29; `extra` overrides any input. */
const check = (hs: Holding[], extra: Partial<CheckInput> = {}) =>
  checkPortfolio({ holdings: hs, universe, model, market, base: 'USD', asOf: toDay('2026-05-29'), ...extra });

describe('checkPortfolio — a two-account USD/KRW portfolio valued by hand', () => {
  // NVDA 10 × 100 = 1,000 USD; AAPL 5 × 200 = 1,000; Samsung 100 × 50,000 KRW / 1,250 = 4,000;
  // KRW cash 1,000,000 / 1,250 = 800; USD cash 500. Total 7,300 USD.
  const r = check(holdings);

  it('values every position in the base currency', () => {
    expect(r.total).toBeCloseTo(7300, 9);
    expect(r.positions.map((p) => [p.symbol, p.value])).toEqual([
      ['NVDA', 1000],
      ['AAPL', 1000],
      ['005930.KS', 4000],
      ['CASH', 800],
      ['CASH', 500],
    ]);
    const samsung = r.positions[2];
    expect(samsung?.fxRate).toBeCloseTo(1 / 1250, 15);
    expect(samsung?.priceDate).toBe('2026-05-28');
    expect(samsung?.fxDate).toBe('2026-05-28');
  });

  it('uses the close on or before the as-of date, and says which', () => {
    expect(r.positions[0]?.price).toBe(100);
    expect(r.positions[0]?.priceDate).toBe('2026-05-28');
  });

  it('aggregates sleeves with targets and drift', () => {
    const s = Object.fromEntries(r.sleeves.map((x) => [x.id, x]));
    expect(s['mag7-selected']?.weight).toBeCloseTo(1000 / 7300, 12);
    expect(s['mag7-selected']?.min).toBe(0.2);
    expect(s['mag7-other']?.weight).toBeCloseTo(1000 / 7300, 12);
    expect(s['mag7-other']?.target).toBe(0);
    expect(s.emerging?.weight).toBeCloseTo(4000 / 7300, 12);
    expect(s.emerging?.drift).toBeCloseTo(4000 / 7300 - 0.15, 12);
    expect(s['cash-bonds']?.weight).toBeCloseTo(1300 / 7300, 12);
    expect(s['physical-ai']?.weight).toBe(0);
    // The six model sleeves always appear; mag7-other only because something is in it; no `other`/`unclassified`.
    expect(r.sleeves.map((x) => x.id)).toEqual([
      'mag7-selected',
      'physical-ai',
      'energy',
      'emerging',
      'defense',
      'cash-bonds',
      'mag7-other',
    ]);
  });

  it('lists countries with cash as CASH, and currencies', () => {
    expect(r.countries).toEqual([
      { id: 'KR', value: 4000, weight: 4000 / 7300 },
      { id: 'US', value: 2000, weight: 2000 / 7300 },
      { id: 'CASH', value: 1300, weight: 1300 / 7300 },
    ]);
    expect(r.currencies.map((c) => [c.id, c.value])).toEqual([
      ['KRW', 4800],
      ['USD', 2500],
    ]);
  });

  it('runs the four checks with the numbers behind them', () => {
    const c = Object.fromEntries(r.checks.map((x) => [x.id, x]));
    expect(c['mag7-max']).toMatchObject({ pass: true, threshold: 0.5 });
    expect(c['mag7-max']?.value).toBeCloseTo(2000 / 7300, 12);
    expect(c['physical-energy-min']).toMatchObject({ pass: false, value: 0, threshold: 0.5 });
    expect(c['regional-diversification']?.pass).toBe(true);
    expect(c['regional-diversification']?.value).toBeCloseTo(4000 / 7300, 12);
    expect(c['monthly-rebalancing']).toMatchObject({ pass: false, value: null, reason: 'no-journal' });
  });

  it('values the same portfolio in KRW by the same rate', () => {
    const k = check(holdings, { base: 'KRW' });
    expect(k.total).toBeCloseTo(7300 * 1250, 6);
  });

  it('applies user threshold overrides', () => {
    const t = check(holdings, { thresholds: { 'mag7-max': { max: 0.25 } } });
    expect(t.checks[0]).toMatchObject({ id: 'mag7-max', pass: false, threshold: 0.25 });
  });

  it('says which countries of business the regional check counted', () => {
    expect(r.checks[2]).toMatchObject({ id: 'regional-diversification', countries: ['KR', 'JP', 'IN'] });
  });

  it('warns of the one company and the one country above the concentration limits, cash excluded', () => {
    // Invested (cash excluded): NVDA 1,000 + AAPL 1,000 + Samsung 4,000 = 6,000 USD.
    // Samsung 4,000 / 6,000 = 66.7% > 20%; NVDA, AAPL 16.7% each ≤ 20%. KR 66.7% > 60%; US 33.3%.
    const c = r.warnings.filter((w) => w.code.startsWith('concentration'));
    expect(noticesJson(c, 'en')).toEqual([
      {
        code: 'concentration-position',
        message:
          '005930.KS is 66.7% of the holdings excluding cash, above the 20.0% limit for one company: a portfolio concentrated in one stock will not weather 2026',
        symbol: '005930.KS',
        symbols: ['005930.KS'],
        weight: expect.closeTo(4000 / 6000, 12),
        limit: 0.2,
      },
      {
        code: 'concentration-country',
        message:
          'KR businesses are 66.7% of the holdings excluding cash, above the 60.0% limit for one country: a portfolio concentrated in one country will not weather 2026',
        country: 'KR',
        weight: expect.closeTo(4000 / 6000, 12),
        limit: 0.6,
      },
    ]);
  });

  it("reads the concentration limits from the model (Samsung's 66.7% passes a 70% limit)", () => {
    const loose = { ...model, concentration: { maxPosition: 0.7, maxCountry: 0.7 } };
    expect(
      check(holdings, { model: loose }).warnings.filter((w) => w.code.startsWith('concentration')),
    ).toEqual([]);
  });

  it('passes monthly-rebalancing when the last rebalance is within the window', () => {
    const t = check(holdings, { lastRebalance: toDay('2026-05-04') });
    expect(t.checks[3]).toMatchObject({ pass: true, value: 25 });
  });
});

describe('checkPortfolio — quote units, staleness and missing prices', () => {
  it('converts a London close in pence to pounds before FX', () => {
    // 20 × 1,000 GBp = 20 × 10 GBP = 200 GBP × 1.3 = 260 USD.
    const r = check([{ kind: 'security', account: 'A', symbol: 'RR.L', quantity: 20, origin: o }]);
    expect(r.positions[0]?.price).toBeCloseTo(10, 12);
    expect(r.positions[0]?.currency).toBe('GBP');
    expect(r.total).toBeCloseTo(260, 9);
  });

  it('flags a price older than 3 trading days', () => {
    // CEG last close Fri 2026-05-01; as of Fri 2026-05-29 that is 20 weekdays old: beyond 10, an error-level warning.
    const r = check([{ kind: 'security', account: 'A', symbol: 'CEG', quantity: 1, origin: o }]);
    expect(r.warnings.filter((w) => w.code.startsWith('stale'))).toEqual([
      expect.objectContaining({ code: 'stale-price-error', symbol: 'CEG', age: 20 }),
    ]);
    expect(r.positions[0]?.sleeve).toBe('energy');
  });

  it('refuses to price a holding with no close on or before the as-of date', () => {
    expect(() =>
      check(
        [{ kind: 'security', account: 'A', symbol: 'NVDA', quantity: 1, origin: { file: 'x.csv', line: 7 } }],
        { asOf: toDay('2026-05-01') },
      ),
    ).toThrow(/x\.csv:7: no price for NVDA on or before 2026-05-01/);
  });

  it('names a symbol the data does not know, with how to supply it', () => {
    expect(() =>
      check([
        { kind: 'security', account: 'A', symbol: 'ZZZZ', quantity: 1, origin: { file: 'x.csv', line: 3 } },
      ]),
    ).toThrow(/no price for ZZZZ[\s\S]*--prices/);
  });

  it('counts a user-priced symbol outside the universe as unclassified, in the row currency', () => {
    const m = marketOf({ prices: { XYZ: [['2026-05-28', 10]] }, fx: { USDKRW: [['2026-05-28', 1_250]] } });
    const r = check(
      [{ kind: 'security', account: 'A', symbol: 'XYZ', quantity: 3, currency: 'KRW', origin: o }],
      {
        market: m,
      },
    );
    expect(r.positions[0]).toMatchObject({ sleeve: 'unclassified', currency: 'KRW' });
    expect(r.total).toBeCloseTo(30 / 1250, 15);
    expect(r.warnings.map((w) => w.code)).toContain('unclassified');
    expect(r.sleeves.map((s) => s.id)).toContain('unclassified');
  });

  it('names the missing leg when a cross through USD has one', () => {
    // KRW→BRL: no KRWBRL; USDKRW is there (KRW→USD works), USDBRL is not: that is the file to add.
    expect(() =>
      check([{ kind: 'cash', account: 'A', currency: 'KRW', amount: 100, origin: o }], { base: 'BRL' }),
    ).toThrow(/hint: put a file fx\/KRWBRL\.csv \(or fx\/USDBRL\.csv, to cross through USD\)/);
    // INR→BRL: neither leg exists.
    expect(() =>
      check([{ kind: 'cash', account: 'A', currency: 'INR', amount: 100, origin: o }], { base: 'BRL' }),
    ).toThrow(/fx\/INRBRL\.csv \(or fx\/USDINR\.csv and fx\/USDBRL\.csv, to cross through USD\)/);
    // GBP→KRW: GBPUSD is there (the from leg, in its inverse spelling), USDKRW too, so a cross works: no error at all.
    const r = check([{ kind: 'cash', account: 'A', currency: 'GBP', amount: 100, origin: o }], {
      base: 'KRW',
    });
    expect(r.total).toBeCloseTo(100 * 1.3 * 1250, 9);
  });

  it('fails when no FX rate reaches the base currency', () => {
    expect(() => check([{ kind: 'cash', account: 'A', currency: 'INR', amount: 100, origin: o }])).toThrow(
      /no INR→USD exchange rate/,
    );
  });
});
