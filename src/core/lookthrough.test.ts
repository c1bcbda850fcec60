import { describe, expect, it } from 'vitest';
import { marketOf } from '../../test/support/market.ts';
import { inst } from '../../test/support/universe.ts';
import { noticesJson } from '../report/notice-json.ts';
import { checkPortfolio } from './check.ts';
import { toDay } from './dates.ts';
import type { Holding } from './holdings.ts';
import type { FundLookThrough } from './lookthrough.ts';
import { lookThroughByRule } from './lookthrough.ts';
import type { Model } from './model.ts';
import type { Scenario } from './stress/scenario.ts';
import { stressPortfolio } from './stress/stress.ts';
import { buildUniverse } from './universe.ts';

// A fund FND of 40% NVDA, 10% AAPL, 5% 005930.KS, the rest (45%) split 25% energy / 20% other; its businesses are
// 80% US, 20% KR. A second fund BLIND has no look-through data.
const FND: FundLookThrough = {
  fund: 'FND',
  asOf: '2026-04-30',
  source: 'test',
  holdings: [
    { symbol: 'NVDA', weight: 0.4 },
    { symbol: 'AAPL', weight: 0.1 },
    { symbol: '005930.KS', weight: 0.05 },
  ],
  rest: { energy: 0.25, other: 0.2 },
  countries: { US: 0.8, KR: 0.2 },
};
const universe = buildUniverse(
  [
    inst('NVDA', 'mag7-selected', 'US', 'USD', { mag7: true }),
    inst('AAPL', 'mag7-other', 'US', 'USD', { mag7: true }),
    inst('005930.KS', 'emerging', 'KR', 'KRW'),
    inst('FND', 'other', 'US', 'USD', { type: 'etf' }),
    inst('BLIND', 'other', 'US', 'USD', { type: 'etf' }),
  ],
  new Map([['FND', FND]]),
);
const model: Model = {
  id: 'm',
  name: 'm',
  band: 0.02,
  sleeves: [{ id: 'mag7-selected', target: 0.25, candidates: [] }],
  checks: {
    'mag7-max': { max: 0.5 },
    'physical-energy-min': { min: 0.5 },
    'regional-diversification': { min: 0.15, countries: ['KR', 'JP', 'IN'] },
    'monthly-rebalancing': { maxDays: 31 },
  },
};
const market = marketOf({
  prices: {
    NVDA: [['2026-05-28', 100]],
    FND: [['2026-05-28', 100]],
    BLIND: [['2026-05-28', 100]],
  },
});
const o = { file: 'h.csv', line: 2 };
const sec = (symbol: string, quantity: number): Holding => ({
  kind: 'security',
  account: 'A',
  symbol,
  quantity,
  origin: o,
});
const run = (hs: Holding[]) =>
  checkPortfolio({ holdings: hs, universe, market, base: 'USD', asOf: toDay('2026-05-29'), model });

describe('fund look-through in check', () => {
  it('counts what a fund holds in the Mag7 check, the sleeves and the countries', () => {
    // FND 60 × 100 = 6,000; NVDA 20 × 100 = 2,000; total 8,000.
    // Mag7: NVDA direct 2,000 + through FND (40% + 10%) × 6,000 = 3,000 → 5,000 / 8,000 = 62.5%, of which 37.5% via FND.
    // Sleeves: mag7-selected 2,000 + 2,400 = 4,400 (55%); mag7-other 600 (7.5%); emerging 300 (3.75%);
    // energy 1,500 (18.75%); other 1,200 (15%). Countries: US 2,000 + 4,800 = 6,800 (85%), KR 1,200 (15%).
    const r = run([sec('FND', 60), sec('NVDA', 20)]);
    const mag7 = r.checks.find((c) => c.id === 'mag7-max');
    expect(mag7?.value).toBeCloseTo(0.625, 12);
    expect(mag7?.pass).toBe(false);
    expect(mag7?.through).toEqual([{ fund: 'FND', weight: 0.375, value: 3000, asOf: '2026-04-30' }]);
    expect(r.exposures.mag7Direct).toBeCloseTo(0.25, 12);
    const w = new Map(r.sleeves.map((s) => [s.id, s.weight]));
    expect(w.get('mag7-selected')).toBeCloseTo(0.55, 12);
    expect(w.get('mag7-other')).toBeCloseTo(0.075, 12);
    expect(w.get('emerging')).toBeCloseTo(0.0375, 12);
    expect(w.get('energy')).toBeCloseTo(0.1875, 12);
    expect(w.get('other')).toBeCloseTo(0.15, 12);
    expect(r.countries.map((c) => [c.id, c.weight])).toEqual([
      ['US', 0.85],
      ['KR', 0.15],
    ]);
    // Regional diversification reads the looked-through countries: KR 15% ≥ 15%.
    expect(r.checks.find((c) => c.id === 'regional-diversification')?.pass).toBe(true);
  });

  it('counts a company held directly and through a fund as one concentration, naming the fund', () => {
    // NVDA 20 × 100 = 2,000 direct + 40% of FND 3,000 × ... FND 30 × 100 = 3,000 → 1,200; 3,200 / 5,000 = 64% > 20%.
    const r = run([sec('FND', 30), sec('NVDA', 20)]);
    const c = noticesJson(r.warnings, 'en').find(
      (x) => x.code === 'concentration-position' && x.symbol === 'NVDA',
    );
    expect(c?.weight).toBeCloseTo(0.64, 12);
    expect(c?.funds).toEqual(['FND']);
  });

  it('flags a fund without look-through data instead of counting it as 0% Mag7 silently', () => {
    // BLIND 30 × 100 = 3,000, NVDA 10 × 100 = 1,000: Mag7 counted 25%, BLIND's 75% is unknown.
    const r = run([sec('BLIND', 30), sec('NVDA', 10)]);
    const mag7 = r.checks.find((c) => c.id === 'mag7-max');
    expect(mag7?.value).toBeCloseTo(0.25, 12);
    expect(mag7?.unknownFunds).toEqual({ funds: ['BLIND'], weight: 0.75 });
    const w = r.warnings.find((x) => x.code === 'no-look-through');
    expect(w?.symbol).toBe('BLIND');
    expect(w?.weight).toBeCloseTo(0.75, 12);
    expect(r.exposures.funds).toEqual([
      {
        fund: 'BLIND',
        value: 3000,
        weight: 0.75,
        asOf: null,
        source: null,
        basis: null,
        via: null,
        multiple: 1,
      },
    ]);
  });

  it('puts the unsplit rest of a fund in the fund’s own sleeve and country', () => {
    const plain = buildUniverse(
      [
        inst('NVDA', 'mag7-selected', 'US', 'USD', { mag7: true }),
        inst('005930.KS', 'emerging', 'KR', 'KRW'),
        inst('FND', 'other', 'US', 'USD', { type: 'etf' }),
      ],
      new Map([
        [
          'FND',
          { fund: 'FND', asOf: '2026-04-30', source: 't', holdings: [{ symbol: '005930.KS', weight: 0.3 }] },
        ],
      ]),
    );
    // FND 10 × 100 = 1,000: 30% Samsung (emerging, KR), the rest 70% other / US.
    const r = checkPortfolio({
      holdings: [sec('FND', 10)],
      universe: plain,
      market,
      base: 'USD',
      asOf: toDay('2026-05-29'),
      model,
    });
    const w = new Map(r.sleeves.map((s) => [s.id, s.weight]));
    expect(w.get('emerging')).toBeCloseTo(0.3, 12);
    expect(w.get('other')).toBeCloseTo(0.7, 12);
    expect(r.countries.map((c) => [c.id, c.weight])).toEqual([
      ['US', 0.7],
      ['KR', 0.3],
    ]);
  });
});

describe('fund look-through in stress', () => {
  it('a hypothetical scenario shocks a fund part by part, as check counts it', () => {
    // FND 60 × 100 = 6,000. Shocks: mag7-selected −50%, other −10%. FND's parts: NVDA 40% (mag7-selected) → −20%;
    // other rest 20% → −2%; AAPL, Samsung and the energy rest match nothing (held flat). Move −22%: −1,320.
    const scenario: Scenario = {
      id: 's',
      name: 's',
      description: '',
      sources: [],
      origin: 'test',
      shocks: [
        { sleeve: 'mag7-selected', move: -0.5, rationale: 'a' },
        { sleeve: 'other', move: -0.1, rationale: 'b' },
      ],
    };
    const r = stressPortfolio({
      holdings: [sec('FND', 60)],
      universe,
      market,
      base: 'USD',
      asOf: toDay('2026-05-29'),
      model,
      scenarios: [scenario],
      windows: [],
      risk: false,
    });
    const fnd = r.scenarios[0]?.positions.find((p) => p.symbol === 'FND');
    expect(fnd?.rule).toBe('look-through');
    expect(fnd?.priceMove).toBeCloseTo(-0.22, 12);
    expect(r.scenarios[0]?.loss).toBeCloseTo(1320, 9);
  });
});

describe('old look-through data', () => {
  it('warns when a fund’s holdings are more than 183 days older than the as-of date', () => {
    // FND's holdings are as of 2026-04-30: 29 days before 2026-05-29 (no warning); 2026-11-30 is 214 days after.
    expect(run([sec('FND', 1)]).warnings.some((w) => w.code === 'look-through-old')).toBe(false);
    const late = checkPortfolio({
      holdings: [sec('FND', 1)],
      universe,
      market,
      base: 'USD',
      asOf: toDay('2026-11-30'),
      model,
    }).warnings.find((w) => w.code === 'look-through-old');
    expect(late).toMatchObject({ symbol: 'FND', date: '2026-04-30', age: 214 });
  });
});

describe('a leveraged fund looked through as the fund of its index', () => {
  // LEV tracks FND's index at 2× (a KRX 레버리지 ETF whose rule names FND): lookThroughByRule gives it FND's holdings
  // and date at multiple 2.
  const lev = inst('LEV', 'other', 'US', 'USD', {
    type: 'etf',
    lookThroughVia: { fund: 'FND', multiple: 2 },
  });
  const one = inst('ONE', 'other', 'US', 'USD', {
    type: 'etf',
    lookThroughVia: { fund: 'FND', multiple: 1 },
  });
  const base = [
    inst('NVDA', 'mag7-selected', 'US', 'USD', { mag7: true }),
    inst('AAPL', 'mag7-other', 'US', 'USD', { mag7: true }),
    inst('005930.KS', 'emerging', 'KR', 'KRW'),
    inst('FND', 'other', 'US', 'USD', { type: 'etf' }),
  ];
  const own = new Map([['FND', FND]]);
  const derived = lookThroughByRule([...base, lev, one], own);
  const u = buildUniverse([...base, lev, one], new Map([...own, ...derived]));
  const m = marketOf({ prices: { LEV: [['2026-05-28', 100]], NVDA: [['2026-05-28', 100]] } });
  const runLev = (hs: Holding[]) =>
    checkPortfolio({ holdings: hs, universe: u, market: m, base: 'USD', asOf: toDay('2026-05-29'), model });

  it('derives the look-through from the named fund, dated as that fund, with the multiple', () => {
    expect(derived.get('LEV')).toMatchObject({ fund: 'LEV', asOf: '2026-04-30', via: 'FND', multiple: 2 });
    expect(derived.get('ONE')?.multiple).toBeUndefined();
    // A fund with its own look-through keeps it.
    expect(lookThroughByRule([lev], new Map([...own, ['LEV', { ...FND, fund: 'LEV' }]])).size).toBe(0);
  });

  it('counts what it holds at 2× its value, and the borrowing as negative cash', () => {
    // LEV 50 × 100 = 5,000; NVDA 30 × 100 = 3,000; total 8,000.
    // LEV's parts at 2×: NVDA 80% = 4,000, AAPL 20% = 1,000, Samsung 10% = 500, energy 50% = 2,500, other 40% =
    // 2,000 (together 10,000 = 2 × 5,000), borrowing −5,000 in cash-bonds.
    // Mag7: 3,000 direct + (4,000 + 1,000) through LEV = 8,000 / 8,000 = 100%, of which 62.5% through LEV.
    // Sleeves: mag7-selected 3,000 + 4,000 = 7,000 (87.5%); mag7-other 1,000 (12.5%); emerging 500 (6.25%);
    // energy 2,500 (31.25%); other 2,000 (25%); cash-bonds −5,000 (−62.5%): they add up to 100%.
    // Countries (FND: 80% US, 20% KR): US 3,000 + 2 × 4,000 = 11,000 (137.5%), KR 2 × 1,000 = 2,000 (25%),
    // CASH −5,000 (−62.5%).
    const r = runLev([sec('LEV', 50), sec('NVDA', 30)]);
    expect(r.checks.find((c) => c.id === 'mag7-max')?.value).toBeCloseTo(1, 12);
    expect(r.exposures.mag7Through).toEqual([
      { fund: 'LEV', weight: 0.625, value: 5000, asOf: '2026-04-30' },
    ]);
    const w = new Map(r.sleeves.map((s) => [s.id, s.weight]));
    expect(w.get('mag7-selected')).toBeCloseTo(0.875, 12);
    expect(w.get('mag7-other')).toBeCloseTo(0.125, 12);
    expect(w.get('emerging')).toBeCloseTo(0.0625, 12);
    expect(w.get('energy')).toBeCloseTo(0.3125, 12);
    expect(w.get('other')).toBeCloseTo(0.25, 12);
    expect(w.get('cash-bonds')).toBeCloseTo(-0.625, 12);
    expect([...w.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(r.countries.map((c) => [c.id, c.weight])).toEqual([
      ['US', 1.375],
      ['KR', 0.25],
      ['CASH', -0.625],
    ]);
    expect(r.exposures.funds).toEqual([
      expect.objectContaining({ fund: 'LEV', via: 'FND', multiple: 2, asOf: '2026-04-30' }),
    ]);
    expect(r.warnings.some((x) => x.code === 'no-look-through')).toBe(false);
  });
});
