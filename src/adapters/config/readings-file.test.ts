import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { loadReadings } from './readings-file.ts';

const FIX = 'test/fixtures/signals';

const problem = (file: string) => problemOf(() => loadReadings(file));

describe('bundled readings (data/signals/readings.json)', () => {
  const readings = loadReadings();
  const value = (id: string, period: string) => readings.find((r) => r.id === id && r.period === period);

  it('carries the essay’s headline figures (THESIS.md §4) with the essay as source', () => {
    expect(value('mag7-sp500-share', '2024')).toMatchObject({ value: 32, date: '2024-12-31', note: 'peak' });
    expect(value('mag7-sp500-share', '2026-02')).toMatchObject({ value: 28.5, date: '2026-02-28' });
    expect(value('mag7-avg-pe', '2024')?.value).toBe(45);
    expect(value('mag7-avg-pe', '2026-02')?.value).toBe(31);
    expect(value('ai-capex', '2026-02')).toMatchObject({ value: 530, high: 600 });
    expect(value('ai-revenue', '2026-02')?.value).toBe(120);
    expect(value('mag7-earnings-growth', '2026E')).toMatchObject({ value: 14.5, high: 16.8 });
    expect(value('pe-nvda', '2025')?.value).toBe(55);
    expect(value('pe-tsla', '2026E')?.value).toBe(55);
    expect(value('capex-msft', '2026E')).toMatchObject({ value: 100, atLeast: true });
    expect(value('korea-wgbi-inflow', '2026-04..2026-11')?.value).toBe(60);
    for (const r of readings) expect(r.source).toMatchObject({ kind: 'essay', date: '2026-02' });
  });

  it('has all seven per-name P/Es and four hyperscaler capex figures, for both periods', () => {
    // 7 names × 2 periods + 4 hyperscalers × 2 periods.
    expect(readings.filter((r) => r.id.startsWith('pe-')).length).toBe(14);
    expect(readings.filter((r) => r.id.startsWith('capex-')).length).toBe(8);
  });
});

describe('readings file validation', () => {
  it('accepts a well-formed file', () => {
    expect(loadReadings(`${FIX}/ok-two.json`).map((r) => r.value)).toEqual([45, 31]);
  });
  it.each([
    ['bad-date.json', 'readings.0.date: expected a date YYYY-MM-DD'],
    ['bad-range.json', 'readings.0.high: high must be at least value'],
    ['bad-duplicate-period.json', 'readings.1.period: mag7-avg-pe has two readings for 2026-02'],
    ['bad-no-value.json', 'readings.0.value: a numeric reading needs a value'],
  ])('%s is an InputError naming the file and the path', (name, message) => {
    const p = problem(`${FIX}/${name}`);
    expect(p.file).toBe(`${FIX}/${name}`);
    expect(p.message).toBe(`readings file: ${message}`);
  });
});
