import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
import { inst } from '../../../test/support/universe.ts';
import { toDay } from '../dates.ts';
import type { Holding } from '../holdings.ts';
import type { Instrument } from '../universe.ts';
import { buildUniverse } from '../universe.ts';
import { valueHoldings } from '../valuation.ts';
import type { Scenario } from './scenario.ts';
import { applyScenario, fxFactor, priceShockFor } from './scenario.ts';

const universe = buildUniverse([
  inst('AAA', 'emerging', 'KR', 'KRW'),
  inst('BBB', 'emerging', 'KR', 'KRW'),
  inst('CCC', 'emerging', 'JP', 'JPY'),
  inst('DDD', 'energy', 'KR', 'KRW'),
  inst('EEE', 'energy', 'US', 'USD'),
  inst('FFF', 'defense', 'US', 'USD'),
]);

const scenario: Scenario = {
  id: 'test',
  name: 'Test',
  description: 'test',
  sources: [{ label: 'none', figure: '0' }],
  origin: 'test',
  shocks: [
    { country: 'KR', move: -0.1, rationale: 'country rule' },
    { sleeve: 'emerging', move: -0.2, rationale: 'sleeve rule' },
    { sleeve: 'emerging', country: 'KR', move: -0.3, rationale: 'sleeve and country rule' },
    { instrument: 'AAA', move: -0.4, rationale: 'instrument rule' },
    { currency: 'KRW', move: -0.2, rationale: 'won falls 20% against USD' },
    { currency: 'JPY', move: 0.1, rationale: 'yen rises 10% against USD' },
  ],
};

const pos = (symbol: string, sleeve: Instrument['sleeve'], country: string | null) => ({
  symbol,
  sleeve,
  country,
  kind: 'security' as const,
});

describe('priceShockFor: the most specific shock wins', () => {
  it('instrument beats sleeve+country beats sleeve beats country', () => {
    expect(priceShockFor(scenario, pos('AAA', 'emerging', 'KR'))).toMatchObject({
      rule: 'instrument',
      move: -0.4,
    });
    expect(priceShockFor(scenario, pos('BBB', 'emerging', 'KR'))).toMatchObject({
      rule: 'sleeve+country',
      move: -0.3,
    });
    expect(priceShockFor(scenario, pos('CCC', 'emerging', 'JP'))).toMatchObject({
      rule: 'sleeve',
      move: -0.2,
    });
    expect(priceShockFor(scenario, pos('DDD', 'energy', 'KR'))).toMatchObject({
      rule: 'country',
      move: -0.1,
    });
    expect(priceShockFor(scenario, pos('EEE', 'energy', 'US'))).toBeUndefined();
  });

  it('never shocks the price of cash', () => {
    expect(
      priceShockFor(scenario, { symbol: 'CASH', sleeve: 'cash-bonds', country: null, kind: 'cash' }),
    ).toBe(undefined);
  });
});

describe('fxFactor: currency moves against USD, seen from the base', () => {
  it('a won investor: dollars gain when the won falls, yen gain on both legs', () => {
    // USD in KRW: (1 + 0) / (1 − 0.2) = 1.25. JPY in KRW: (1 + 0.1) / (1 − 0.2) = 1.375.
    expect(fxFactor(scenario, 'USD', 'KRW')).toBeCloseTo(1.25, 12);
    expect(fxFactor(scenario, 'JPY', 'KRW')).toBeCloseTo(1.375, 12);
    expect(fxFactor(scenario, 'KRW', 'KRW')).toBe(1);
  });
  it('a dollar investor: won holdings lose 20%', () => {
    // KRW in USD: (1 − 0.2) / (1 + 0) = 0.8. EUR is not shocked: 1.
    expect(fxFactor(scenario, 'KRW', 'USD')).toBeCloseTo(0.8, 12);
    expect(fxFactor(scenario, 'EUR', 'USD')).toBe(1);
  });
});

describe('applyScenario on a hand-valued portfolio (base USD, USDKRW 1,000, USDJPY 100)', () => {
  const market = marketOf({
    prices: {
      AAA: [['2026-05-29', 10_000]],
      BBB: [['2026-05-29', 20_000]],
      CCC: [['2026-05-29', 1_000]],
      EEE: [['2026-05-29', 50]],
    },
    fx: { USDKRW: [['2026-05-29', 1000]], USDJPY: [['2026-05-29', 100]] },
  });
  const origin = { file: 'test.csv', line: 1 };
  const holdings: Holding[] = [
    { kind: 'security', account: 'a', symbol: 'AAA', quantity: 10, origin }, // 100,000 KRW = 100 USD
    { kind: 'security', account: 'a', symbol: 'BBB', quantity: 10, origin }, // 200,000 KRW = 200 USD
    { kind: 'security', account: 'a', symbol: 'CCC', quantity: 30, origin }, // 30,000 JPY = 300 USD
    { kind: 'security', account: 'a', symbol: 'EEE', quantity: 4, origin }, // 200 USD
    { kind: 'cash', account: 'a', currency: 'KRW', amount: 200_000, origin }, // 200 USD
  ];
  const v = valueHoldings({ holdings, universe, market, base: 'USD', asOf: toDay('2026-05-29') });
  const r = applyScenario(scenario, v.positions, v.total, 'USD');

  it('moves each position by price and currency', () => {
    const after = Object.fromEntries(
      r.positions.map((p) => [p.symbol === 'CASH' ? 'CASH' : p.symbol, p.after]),
    );
    // AAA: 100 × (1 − 0.4) × 0.8 = 48; BBB: 200 × 0.7 × 0.8 = 112; CCC: 300 × 0.8 × 1.1 = 264;
    // EEE: unshocked, USD: 200; KRW cash: 200 × 0.8 = 160.
    expect(after.AAA).toBeCloseTo(48, 9);
    expect(after.BBB).toBeCloseTo(112, 9);
    expect(after.CCC).toBeCloseTo(264, 9);
    expect(after.EEE).toBeCloseTo(200, 9);
    expect(after.CASH).toBeCloseTo(160, 9);
  });

  it('sums the loss, by sleeve and overall, and lists the worst positions', () => {
    // Total 1,000 → after 48 + 112 + 264 + 200 + 160 = 784: loss 216 = 21.6%.
    expect(r.total).toBeCloseTo(1000, 9);
    expect(r.loss).toBeCloseTo(216, 9);
    expect(r.lossPct).toBeCloseTo(0.216, 12);
    // emerging: 600 → 424, loss 176 (29.33% of the sleeve, 17.6% of the total); cash-bonds: loss 40; energy: 0.
    const bySleeve = Object.fromEntries(r.bySleeve.map((s) => [s.id, s]));
    expect(bySleeve.emerging?.loss).toBeCloseTo(176, 9);
    expect(bySleeve.emerging?.lossPct).toBeCloseTo(176 / 600, 12);
    expect(bySleeve.emerging?.ofTotal).toBeCloseTo(0.176, 12);
    expect(bySleeve['cash-bonds']?.loss).toBeCloseTo(40, 9);
    expect(bySleeve.energy?.loss).toBeCloseTo(0, 9);
    // Losses: BBB 88, AAA 52, CASH 40, CCC 36; EEE 0 is not a loss, so only four are listed.
    expect(r.worst.map((w) => w.symbol)).toEqual(['BBB', 'AAA', 'CASH', 'CCC']);
    expect(r.unshocked).toEqual(['EEE']);
  });
});
