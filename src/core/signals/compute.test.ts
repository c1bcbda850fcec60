import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
import { toDay } from '../dates.ts';
import type { Model } from '../model.ts';
import { computeSignals } from './compute.ts';
import type { Reading } from './readings.ts';

const DATES = ['2025-05-29', '2025-11-28', '2026-02-27', '2026-04-29', '2026-05-29'];
const rows = (v: number[]) => DATES.map((d, i) => [d, v[i] as number] as [string, number]);
const flat = rows([100, 100, 100, 100, 100]);
const market = marketOf({
  prices: {
    SPY: rows([100, 110, 110, 115, 120]),
    AAPL: flat,
    MSFT: flat,
    GOOGL: flat,
    AMZN: flat,
    META: flat,
    TSLA: flat,
    NVDA: rows([100, 100, 100, 150, 170]),
    AAA: rows([50, 80, 90, 95, 100]),
    BBB: rows([100, 95, 92, 91, 90]),
    '005930.KS': rows([1000, 1000, 1000, 1000, 1000]),
  },
  fx: { USDKRW: rows([1000, 1000, 1000, 1000, 1000]) },
});
const model = {
  id: 'fixture',
  name: 'fixture',
  band: 0.02,
  sleeves: [
    { id: 'physical-ai', target: 0.5, candidates: [], backtest: [{ symbol: 'AAA', weight: 1 }] },
    { id: 'energy', target: 0.3, candidates: [], backtest: [{ symbol: 'BBB', weight: 1 }] },
    { id: 'emerging', target: 0.2, candidates: [], backtest: [{ symbol: '005930.KS', weight: 1 }] },
  ],
} as unknown as Model;
const essay = { kind: 'essay' as const, title: 'Mag7의 황혼: 자본의 대분산', date: '2026-02' };
const readings: Reading[] = [
  { id: 'mag7-sp500-share', date: '2024-12-31', value: 32, source: essay },
  { id: 'mag7-sp500-share', date: '2026-02-28', value: 28.5, source: essay },
];
const result = computeSignals({
  market,
  currencyOf: (s) => (s.endsWith('.KS') ? 'KRW' : 'USD'),
  model,
  readings,
  asOf: toDay('2026-05-29'),
});

describe('computeSignals on a fixture', () => {
  it('measures each sleeve against SPY and the Mag7 over 1, 3, 6, 12 months', () => {
    const pai = result.sleeves.find((s) => s.sleeve === 'physical-ai');
    expect(pai?.vsSp500.map((w) => w.months)).toEqual([1, 3, 6, 12]);
    // 12 months: AAA 50 → 100 = +100%, SPY 100 → 120 = +20%: excess 0.8.
    expect(pai?.vsSp500[3]?.excess).toBeCloseTo(0.8, 12);
    // 12 months vs Mag7: six flat names and NVDA 100 → 170: (6 × 0 + 0.7) / 7 = 0.1; excess 1 − 0.1 = 0.9.
    expect(pai?.vsMag7[3]?.excess).toBeCloseTo(0.9, 12);
  });

  it('scores the flows: physical AI ahead over 6 and 12 months, energy behind over both', () => {
    // Physical AI 6 months (from the 2025-11-28 close): 80 → 100 = +25% vs SPY 110 → 120 = +9.09%: ahead.
    // Energy: 95 → 90 = −5.26% vs +9.09%, and 100 → 90 = −10% vs +20%: behind over both.
    const verdicts = Object.fromEntries(result.scorecard.map((s) => [s.claim, s.verdict]));
    expect(verdicts['flows-physical-ai']).toBe('agrees');
    expect(verdicts['flows-energy']).toBe('disagrees');
    // Korea: 005930.KS flat in KRW at a flat rate, 0% vs SPY (000660.KS has no prices here): behind over both.
    expect(verdicts['flows-korea']).toBe('disagrees');
    // Japan and India have no prices here: Korea/Japan/India, judged per region, cannot say.
    expect(verdicts['flows-japan']).toBe('inconclusive');
    expect(verdicts['flows-india']).toBe('inconclusive');
    expect(verdicts['flows-emerging']).toBe('inconclusive');
    expect(verdicts['valuations-contracting']).toBe('inconclusive');
  });

  it('Japan says "no data" and India, with no bundled prices here, reports its members as missing', () => {
    const japan = result.regions.find((r) => r.region === 'japan');
    expect(japan).toMatchObject({ status: 'no-data', members: [], vsUs: [] });
    const india = result.regions.find((r) => r.region === 'india');
    expect(india?.vsUs[0]?.excess).toBeUndefined();
    expect(india?.vsUs[0]?.basket.dropped.map((d) => d.reason)).toEqual(['no-prices', 'no-prices']);
  });

  it('estimates the Mag7 share from the essay’s 28.5% anchor', () => {
    // Anchor 2026-02-28 (closes of 2026-02-27). Now: M = (6 + 1.7) / 7 = 1.1, S = 120 / 110;
    // share = 0.285 × 1.1 × 110 / 120 = 0.2873750. 6 months earlier: M = 1, S = 1 → 0.285.
    // 12 months earlier: M = 1, S = 100 / 110 → 0.285 × 1.1 = 0.3135. Below one, above the other: inconclusive.
    const m = result.mag7Share;
    expect(m.anchor?.value).toBe(28.5);
    expect(m.current?.share).toBeCloseTo((0.285 * 1.1 * 110) / 120, 12);
    expect(m.ago6m?.share).toBeCloseTo(0.285, 12);
    expect(m.ago12m?.share).toBeCloseTo(0.3135, 12);
    expect(result.scorecard[0]).toMatchObject({ claim: 'concentration-falling', verdict: 'inconclusive' });
    // The back-check has no 2024 prices in this fixture: no peak to compare.
    expect(m.backcheck?.peak).toBeUndefined();
  });

  it('a newer recorded share reading becomes the anchor', () => {
    const r = computeSignals({
      market,
      currencyOf: () => 'USD',
      model,
      readings: [
        ...readings,
        { id: 'mag7-sp500-share', date: '2026-04-29', value: 30, source: { kind: 'user', title: 'me' } },
      ],
      asOf: toDay('2026-05-29'),
    });
    // From 2026-04-29: M = (6 + 170/150) / 7, S = 120 / 115.
    expect(r.mag7Share.current?.share).toBeCloseTo((0.3 * ((6 + 170 / 150) / 7)) / (120 / 115), 12);
  });
});

describe('Japan from the Tokyo listings the user prices', () => {
  // Only 6954.T is priced (1306.T is not): it alone is the basket, weight 1. USDJPY flat at 100, so its USD return is
  // its JPY return. 1 month (from the 2026-04-29 close): 4,000 → 5,000 = +25%; SPY 115 → 120 = +4.3478%.
  const withFanuc = marketOf({
    prices: { SPY: rows([100, 110, 110, 115, 120]), '6954.T': rows([4000, 4000, 4000, 4000, 5000]) },
    fx: { USDJPY: rows([100, 100, 100, 100, 100]) },
  });
  const r = computeSignals({
    market: withFanuc,
    currencyOf: (s) => (s.endsWith('.T') ? 'JPY' : 'USD'),
    model,
    readings,
    asOf: toDay('2026-05-29'),
  });

  it('measures Japan with the priced listing only, and says "no data" only when none is priced', () => {
    const japan = r.regions.find((g) => g.region === 'japan');
    expect(japan?.status).toBe('ok');
    expect(japan?.members).toEqual([{ symbol: '6954.T', weight: 1 }]);
    expect(japan?.vsUs[0]?.months).toBe(1);
    expect(japan?.vsUs[0]?.excess).toBeCloseTo(0.25 - 5 / 115, 12);
    // Priced only after the as-of date: not measured.
    const early = computeSignals({
      market: withFanuc,
      currencyOf: (s) => (s.endsWith('.T') ? 'JPY' : 'USD'),
      model,
      readings,
      asOf: toDay('2025-05-28'),
    });
    expect(early.regions.find((g) => g.region === 'japan')).toMatchObject({ status: 'no-data', members: [] });
  });
});
