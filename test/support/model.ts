/** Models for core tests that need a Model but do not exercise the checklist (stress, risk): only the sleeves vary. */
import type { Model } from '../../src/core/model.ts';

/** Model `m` with these sleeves, band 0.02, and a checklist that no test here reads. */
export function modelOf(sleeves: Model['sleeves']): Model {
  return {
    id: 'm',
    name: 'm',
    band: 0.02,
    sleeves,
    checks: {
      'mag7-max': { max: 0.5 },
      'physical-energy-min': { min: 0.5 },
      'regional-diversification': { min: 0.15, countries: ['KR'] },
      'monthly-rebalancing': { maxDays: 31 },
    },
  };
}
