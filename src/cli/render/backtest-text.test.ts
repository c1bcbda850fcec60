import { describe, expect, it } from 'vitest';
import { benchmarkName } from './backtest-text.ts';

describe('benchmarkName', () => {
  const model = { id: 'model:mag7-concentrated', nameKo: 'Mag7 집중 (2026년 이전 방식)' };
  it('names a model benchmark by its Korean name, without the parenthesis, in Korean', () => {
    expect(benchmarkName(model, 'ko')).toBe('Mag7 집중');
  });
  it('keeps the id in English and for a symbol', () => {
    expect(benchmarkName(model, 'en')).toBe('mag7-concentrated');
    expect(benchmarkName({ id: 'SPY', nameKo: null }, 'ko')).toBe('SPY');
  });
});
