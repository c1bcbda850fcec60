import { describe, expect, it } from 'vitest';
import { historicalVar, overlappingReturns } from './stats.ts';

describe('historicalVar', () => {
  // 20 returns; at 90% k = ⌈20 × 10 / 100⌉ = 2: the two worst are −0.05 and −0.04.
  const r = [
    0.01, -0.05, 0.02, 0.0, -0.01, 0.03, -0.04, 0.01, 0.02, -0.02, 0.01, 0.0, 0.005, -0.015, 0.02, 0.01,
    -0.03, 0.0, 0.01, 0.02,
  ];
  it('takes the k-th worst return as VaR and the mean of the k worst as CVaR', () => {
    expect(historicalVar(r, 90)).toEqual({ var: 0.04, cvar: 0.045, k: 2 });
    // 95%: k = ⌈20 × 5 / 100⌉ = 1 → the worst alone.
    expect(historicalVar(r, 95)).toEqual({ var: 0.05, cvar: 0.05, k: 1 });
  });
  it('counts the tail with integer arithmetic (700 returns at 99% → 7, not 8)', () => {
    const many = Array.from({ length: 700 }, (_, i) => i / 1000 - 0.5); // −0.5, −0.499, …
    const v = historicalVar(many, 99);
    expect(v.k).toBe(7);
    // 7th worst = −0.5 + 6/1000 = −0.494; mean of −0.5 … −0.494 = −0.497.
    expect(v.var).toBeCloseTo(0.494, 12);
    expect(v.cvar).toBeCloseTo(0.497, 12);
  });
});

describe('overlappingReturns', () => {
  it('compounds every run of h periods', () => {
    // [0.1, −0.1, 0.2] with h = 2: 1.1 × 0.9 − 1 = −0.01; 0.9 × 1.2 − 1 = 0.08.
    const out = overlappingReturns([0.1, -0.1, 0.2], 2);
    expect(out).toHaveLength(2);
    expect(out[0]).toBeCloseTo(-0.01, 12);
    expect(out[1]).toBeCloseTo(0.08, 12);
  });
});
