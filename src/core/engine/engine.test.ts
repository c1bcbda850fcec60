import { describe, expect, it } from 'vitest';
import { outsideBand, parseBand } from './band.ts';
import { tradeCost } from './cost.ts';
import { floorToLot, roundToLot } from './lots.ts';
import { targetQuantities } from './target.ts';

describe('lots', () => {
  it('floors to whole lots', () => {
    expect(floorToLot(257, 100)).toBe(200);
    expect(floorToLot(99.99, 1)).toBe(99);
    expect(floorToLot(-257, 100)).toBe(-200);
    // 0.3 / 0.1 is 2.9999999999999996 in floats: still 3 lots.
    expect(floorToLot(0.3, 0.1)).toBeCloseTo(0.3, 12);
    expect(floorToLot(12.7, 1, true)).toBe(12.7);
  });
  it('rounds to the nearest lot', () => {
    expect(roundToLot(250, 100)).toBe(300);
    expect(roundToLot(249, 100)).toBe(200);
    expect(roundToLot(-250, 100)).toBe(-300);
  });
  it('rejects a non-positive lot', () => {
    expect(() => floorToLot(1, 0)).toThrow(/lot must be positive/);
  });
});

describe('bands', () => {
  it('absolute: 27.1% against 25% ± 2 is outside, 26.9% is inside', () => {
    expect(outsideBand(0.271, 0.25, { abs: 0.02, rel: 0 })).toBe(true);
    expect(outsideBand(0.269, 0.25, { abs: 0.02, rel: 0 })).toBe(false);
    expect(outsideBand(0.27, 0.25, { abs: 0.02, rel: 0 })).toBe(false);
  });
  it('relative: 5% target ± 25% relative = ±1.25 points', () => {
    expect(outsideBand(0.0626, 0.05, { abs: 0.05, rel: 0.25 })).toBe(true);
    expect(outsideBand(0.062, 0.05, { abs: 0.05, rel: 0.25 })).toBe(false);
  });
  it('no band: any deviation', () => {
    expect(outsideBand(0.2500001, 0.25, { abs: 0, rel: 0 })).toBe(true);
    expect(outsideBand(0.5, 0.5, { abs: 0, rel: 0 })).toBe(false);
  });
  it('parses 0.02 and 0.05/0.25', () => {
    expect(parseBand('0.02')).toEqual({ abs: 0.02, rel: 0 });
    expect(parseBand('0.05/0.25')).toEqual({ abs: 0.05, rel: 0.25 });
    expect(parseBand('5%')).toBeUndefined();
    expect(parseBand('2')).toBeUndefined();
    expect(parseBand('0.05/')).toBeUndefined();
    expect(parseBand('')).toBeUndefined();
  });
});

describe('costs and targets', () => {
  it('charges bps of the traded value with a minimum', () => {
    expect(tradeCost(-10_000, { bps: 10, min: 0 })).toBe(10);
    expect(tradeCost(100, { bps: 10, min: 1 })).toBe(1);
    expect(tradeCost(0, { bps: 10, min: 1 })).toBe(0);
  });
  it('turns weights into whole-lot quantities that never overspend', () => {
    // 1,000,000 × 0.6 / 4,071 = 147.38 → 100 (lot 100); 1,000,000 × 0.4 / 217.85 = 1,836.1 → 1,836.
    const q = targetQuantities(
      { total: 1_000_000, weights: [0.6, 0.4], prices: [4071, 217.85], lots: [100, 1], fractional: false },
      new Float64Array(2),
    );
    expect(Array.from(q)).toEqual([100, 1836]);
    const f = targetQuantities(
      { total: 1000, weights: [0.5, 0.5], prices: [3, 7], lots: [1, 1], fractional: true },
      new Float64Array(2),
    );
    expect(f[0]).toBeCloseTo(500 / 3, 12);
    expect(f[1]).toBeCloseTo(500 / 7, 12);
  });
});
