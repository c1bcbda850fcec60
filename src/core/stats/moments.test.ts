import { describe, expect, it } from 'vitest';
import { covariance, mean, sampleSd } from './moments.ts';

describe('moments', () => {
  it('uses n − 1', () => {
    // [1, 2, 3, 4]: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / 3.
    expect(covariance([1, 2, 3, 4], [1, 2, 3, 4])).toBeCloseTo(5 / 3, 12);
    expect(sampleSd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
    // cov with [2, 0, 2, 0]: deviations (−1.5, −0.5, 0.5, 1.5)·(1, −1, 1, −1) = −1.5 + 0.5 + 0.5 − 1.5 = −2, / 3.
    expect(covariance([1, 2, 3, 4], [2, 0, 2, 0])).toBeCloseTo(-2 / 3, 12);
  });
  it('answers 0 where there is nothing to measure', () => {
    expect(mean([])).toBe(0);
    // One observation: no n − 1 to divide by, and no spread.
    expect(covariance([3], [4])).toBe(0);
    expect(sampleSd([3])).toBe(0);
  });
});
