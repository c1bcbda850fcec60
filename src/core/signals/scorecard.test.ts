import { describe, expect, it } from 'vitest';
import type { BasketReturn } from './basket.ts';
import type { ShareEstimate } from './mag7-share.ts';
import type { Reading } from './readings.ts';
import type { RelativeWindow } from './relative-strength.ts';
import type { ScoreItem } from './scorecard.ts';
import { scoreCapex, scoreConcentration, scoreFlows, scoreRegions, scoreValuations } from './scorecard.ts';

const est = (date: string, share: number): ShareEstimate => ({ date, share, mag7Ratio: 1, sp500Ratio: 1 });
const essay = { kind: 'essay' as const, title: 'Mag7의 황혼: 자본의 대분산', date: '2026-02' };
const user = (id: string, date: string, value: number, recordedAt = '2026-06-01T00:00:00Z'): Reading => ({
  id,
  date,
  value,
  source: { kind: 'user', title: 'me' },
  recordedAt,
});
const READINGS: Reading[] = [
  { id: 'mag7-avg-pe', date: '2024-12-31', value: 45, source: essay },
  { id: 'mag7-avg-pe', date: '2026-02-28', value: 31, source: essay },
  { id: 'ai-capex', date: '2024-12-31', value: 300, source: essay },
  { id: 'ai-capex', date: '2026-02-28', value: 530, high: 600, source: essay },
  { id: 'ai-revenue', date: '2024-12-31', value: 50, source: essay },
  { id: 'ai-revenue', date: '2026-02-28', value: 120, source: essay },
];

describe('concentration-falling', () => {
  it('agrees when the share is below both earlier estimates, disagrees when above both, else inconclusive', () => {
    expect(scoreConcentration(est('n', 0.28), est('6', 0.29), est('12', 0.3)).verdict).toBe('agrees');
    expect(scoreConcentration(est('n', 0.31), est('6', 0.29), est('12', 0.3)).verdict).toBe('disagrees');
    const mixed = scoreConcentration(est('n', 0.295), est('6', 0.29), est('12', 0.3), {
      date: '2026-02-28',
      share: 0.285,
    });
    expect(mixed).toMatchObject({ verdict: 'inconclusive', reason: 'mixed' });
    expect(mixed.figures).toMatchObject({ share: 0.295, share6m: 0.29, share12m: 0.3, anchorShare: 0.285 });
    expect(scoreConcentration(undefined, est('6', 0.29), est('12', 0.3)).reason).toBe('no-data');
  });
});

describe('valuations-contracting', () => {
  it('is inconclusive on the essay’s figures alone (they are the claim)', () => {
    expect(scoreValuations(READINGS, '2026-05-29')).toMatchObject({
      verdict: 'inconclusive',
      reason: 'no-user-reading',
      figures: { essay: 31, essayDate: '2026-02-28' },
    });
  });
  it('uses the latest user reading after the essay and on or before the as-of date', () => {
    const rs = [
      ...READINGS,
      user('mag7-avg-pe', '2026-04-30', 29),
      user('mag7-avg-pe', '2026-05-29', 33),
      user('mag7-avg-pe', '2026-06-30', 25), // after the as-of date: not used
      user('mag7-avg-pe', '2026-01-31', 20), // before the essay: not evidence
    ];
    expect(scoreValuations(rs, '2026-05-29')).toMatchObject({
      verdict: 'disagrees',
      figures: { latest: 33, latestDate: '2026-05-29' },
    });
    expect(scoreValuations(rs, '2026-05-28')).toMatchObject({ verdict: 'agrees', figures: { latest: 29 } });
    // 31 is not below 31: the multiple stopped contracting.
    expect(scoreValuations([...READINGS, user('mag7-avg-pe', '2026-03-31', 31)], '2026-05-29').verdict).toBe(
      'disagrees',
    );
  });
  it('a later correction of the same date wins', () => {
    const rs = [
      ...READINGS,
      user('mag7-avg-pe', '2026-04-30', 35, '2026-05-01T00:00:00Z'),
      user('mag7-avg-pe', '2026-04-30', 30, '2026-05-02T00:00:00Z'),
    ];
    expect(scoreValuations(rs, '2026-05-29').figures.latest).toBe(30);
  });
});

describe('capex-outrunning-revenue', () => {
  it('essay gap = capex low end − revenue = 530 − 120 = 410; inconclusive without a user reading', () => {
    expect(scoreCapex(READINGS, '2026-05-29')).toMatchObject({
      verdict: 'inconclusive',
      reason: 'no-user-reading',
      figures: { essayCapex: 530, essayRevenue: 120, essayGap: 410 },
    });
  });
  it('agrees when the gap widened: 650 − 120 = 530 > 410', () => {
    expect(scoreCapex([...READINGS, user('ai-capex', '2026-05-01', 650)], '2026-05-29')).toMatchObject({
      verdict: 'agrees',
      figures: { capex: 650, revenue: 120, gap: 530 },
    });
  });
  it('disagrees when revenue caught up: 530 − 200 = 330 ≤ 410', () => {
    expect(scoreCapex([...READINGS, user('ai-revenue', '2026-05-01', 200)], '2026-05-29')).toMatchObject({
      verdict: 'disagrees',
      figures: { capex: 530, revenue: 200, gap: 330 },
    });
  });
});

describe('flows', () => {
  const ret = (r: number): BasketReturn => ({ return: r, members: [], dropped: [] });
  const win = (months: number, basket: number, bench: number): RelativeWindow => ({
    months,
    start: 's',
    end: 'e',
    basket: ret(basket),
    benchmark: ret(bench),
    excess: basket - bench,
    ratio: (1 + basket) / (1 + bench),
  });
  it('agrees when ahead over 6 and 12 months, disagrees when behind over both, else inconclusive', () => {
    expect(scoreFlows('flows-energy', [win(6, 0.2, 0.1), win(12, 0.5, 0.3)], [])).toMatchObject({
      verdict: 'agrees',
      figures: { excess6m: 0.2 - 0.1, excess12m: 0.5 - 0.3 },
    });
    expect(scoreFlows('flows-energy', [win(6, 0.0, 0.1), win(12, 0.1, 0.3)], []).verdict).toBe('disagrees');
    expect(scoreFlows('flows-energy', [win(6, 0.2, 0.1), win(12, 0.1, 0.3)], []).verdict).toBe(
      'inconclusive',
    );
    // Exactly level is not "ahead".
    expect(scoreFlows('flows-energy', [win(6, 0.1, 0.1), win(12, 0.5, 0.3)], []).verdict).toBe(
      'inconclusive',
    );
    expect(scoreFlows('flows-energy', [win(6, 0.2, 0.1)], [])).toMatchObject({
      verdict: 'inconclusive',
      reason: 'no-data',
    });
  });
});

describe('Korea/Japan/India, judged per region', () => {
  const item = (verdict: 'agrees' | 'disagrees' | 'inconclusive', reason = 'ahead-both'): ScoreItem => ({
    claim: 'flows-korea',
    verdict,
    reason: reason as ScoreItem['reason'],
    figures: {},
    basket: null,
  });
  it('agrees only when each region agrees; a region without data or one behind keeps it inconclusive', () => {
    const up = item('agrees');
    expect(scoreRegions({ korea: up, japan: up, india: up })).toMatchObject({ verdict: 'agrees' });
    expect(scoreRegions({ korea: up, japan: item('inconclusive', 'no-data'), india: up })).toMatchObject({
      verdict: 'inconclusive',
      figures: { korea: 'agrees', japan: 'no-data', india: 'agrees' },
    });
    expect(scoreRegions({ korea: up, japan: up, india: item('disagrees') }).verdict).toBe('inconclusive');
    const down = item('disagrees');
    expect(scoreRegions({ korea: down, japan: down, india: down }).verdict).toBe('disagrees');
  });
});
