import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
import { modelOf } from '../../../test/support/model.ts';
import { inst } from '../../../test/support/universe.ts';
import { toDay } from '../dates.ts';
import type { Holding } from '../holdings.ts';
import { buildUniverse } from '../universe.ts';
import { valueHoldings } from '../valuation.ts';
import { replayWindow } from './historical.ts';

const universe = buildUniverse([
  inst('OLD', 'mag7-selected', 'US', 'USD'),
  inst('NEW', 'mag7-selected', 'US', 'USD'),
  inst('MEGA', 'mag7-other', 'US', 'USD'),
  inst('KOR', 'emerging', 'KR', 'KRW'),
  inst('BOND', 'cash-bonds', 'US', 'USD'),
  inst('P1', 'mag7-selected', 'US', 'USD'),
  inst('P2', 'mag7-selected', 'US', 'USD'),
  inst('SPY', 'other', 'US', 'USD'),
]);
const model = modelOf([
  {
    id: 'mag7-selected',
    target: 1,
    candidates: [],
    // P1 has no history before the window; P2 does, so P2 is the proxy.
    backtest: [
      { symbol: 'P1', weight: 0.5 },
      { symbol: 'P2', weight: 0.5 },
    ],
  },
  { id: 'cash-bonds', target: 0, candidates: [], backtest: [] },
]);
const market = marketOf({
  prices: {
    // FROM 2020-01-10 (a Friday; OLD's last close on or before it is 2020-01-09), TO 2020-03-31.
    OLD: [
      ['2020-01-09', 50],
      ['2020-03-31', 40],
      ['2026-05-29', 100],
    ],
    NEW: [
      ['2021-01-04', 10],
      ['2026-05-29', 20],
    ],
    MEGA: [
      ['2024-01-02', 10],
      ['2026-05-29', 50],
    ],
    KOR: [
      ['2020-01-10', 1000],
      ['2020-03-31', 1500],
      ['2026-05-29', 2000],
    ],
    BOND: [
      ['2023-01-03', 90],
      ['2026-05-29', 100],
    ],
    P1: [
      ['2020-02-03', 5],
      ['2026-05-29', 5],
    ],
    P2: [
      ['2020-01-10', 80],
      ['2020-03-31', 60],
      ['2026-05-29', 90],
    ],
    SPY: [
      ['2020-01-10', 300],
      ['2020-03-31', 240],
      ['2026-05-29', 600],
    ],
  },
  fx: {
    USDKRW: [
      ['2020-01-10', 1100],
      ['2020-03-31', 1210],
      ['2026-05-29', 1400],
    ],
  },
});
const origin = { file: 'f', line: 1 };
const holdings: Holding[] = [
  { kind: 'security', account: 'a', symbol: 'OLD', quantity: 1, origin }, // 100 USD = 140,000 KRW
  { kind: 'security', account: 'a', symbol: 'NEW', quantity: 5, origin }, // 100 USD = 140,000 KRW
  { kind: 'security', account: 'a', symbol: 'MEGA', quantity: 2, origin }, // 100 USD = 140,000 KRW
  { kind: 'security', account: 'a', symbol: 'KOR', quantity: 70, origin }, // 140,000 KRW
  { kind: 'security', account: 'a', symbol: 'BOND', quantity: 1, origin }, // 100 USD = 140,000 KRW
  { kind: 'cash', account: 'a', currency: 'USD', amount: 100, origin }, // 140,000 KRW
];
const v = valueHoldings({ holdings, universe, market, base: 'KRW', asOf: toDay('2026-05-29') });
const r = replayWindow({
  positions: v.positions,
  total: v.total,
  base: 'KRW',
  market,
  model,
  window: { id: 'w', from: toDay('2020-01-10'), to: toDay('2020-03-31') },
});
const by = Object.fromEntries(r.positions.map((p) => [p.symbol, p]));

describe('replayWindow', () => {
  it('applies own history and the currency move over the window', () => {
    // USD in KRW: 1,210 / 1,100 = 1.1. OLD: 40 / 50 = 0.8 → 140,000 × 0.8 × 1.1 = 123,200.
    expect(by.OLD?.priceMove).toBeCloseTo(-0.2, 12);
    expect(by.OLD?.fxMove).toBeCloseTo(0.1, 12);
    expect(by.OLD?.after).toBeCloseTo(123_200, 6);
    // KOR in KRW, base KRW: 1,500 / 1,000 → 210,000, no FX.
    expect(by.KOR?.after).toBeCloseTo(210_000, 6);
    expect(by.KOR?.rule).toBe('history');
  });

  it('replays a holding without history with its sleeve proxy, SPY outside the model, bonds flat', () => {
    // NEW (mag7-selected): P1 starts after FROM, P2 has history: 60 / 80 = 0.75 → 140,000 × 0.75 × 1.1 = 115,500.
    expect(by.NEW).toMatchObject({ rule: 'proxy', proxy: 'P2' });
    expect(by.NEW?.after).toBeCloseTo(115_500, 6);
    // MEGA (mag7-other, not in the model): SPY 240 / 300 = 0.8 → 123,200.
    expect(by.MEGA).toMatchObject({ rule: 'proxy', proxy: 'SPY' });
    expect(by.MEGA?.after).toBeCloseTo(123_200, 6);
    // BOND: cash-bonds has no proxy; held flat in price, FX still moves it: 140,000 × 1.1 = 154,000.
    expect(by.BOND).toMatchObject({ rule: 'flat', proxy: null });
    expect(by.BOND?.after).toBeCloseTo(154_000, 6);
    expect(r.proxies).toEqual([
      { symbol: 'NEW', proxy: 'P2', sleeve: 'mag7-selected', reason: 'no-history' },
      { symbol: 'MEGA', proxy: 'SPY', sleeve: 'mag7-other', reason: 'no-history' },
      { symbol: 'BOND', proxy: null, sleeve: 'cash-bonds', reason: 'no-history' },
    ]);
  });

  it('moves cash by FX only and totals the loss', () => {
    // USD cash: 140,000 × 1.1 = 154,000.
    expect(by.CASH?.after).toBeCloseTo(154_000, 6);
    // After: 123,200 + 115,500 + 123,200 + 210,000 + 154,000 + 154,000 = 879,900; before 840,000: loss −39,900.
    expect(r.total).toBeCloseTo(840_000, 6);
    expect(r.loss).toBeCloseTo(-39_900, 6);
    expect(r.lossPct).toBeCloseTo(-39_900 / 840_000, 12);
    // Losers: NEW 140,000 − 115,500 = 24,500; OLD and MEGA 16,800 each (ties keep holdings order); KOR, BOND, cash gain.
    expect(r.worst.map((w) => [w.symbol, Math.round(w.loss)])).toEqual([
      ['NEW', 24_500],
      ['OLD', 16_800],
      ['MEGA', 16_800],
    ]);
  });
});
