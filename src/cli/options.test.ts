import { describe, expect, it } from 'vitest';
import type { CheckThresholds } from '../core/model.ts';
import { parseThresholds } from './options.ts';

const base: CheckThresholds = {
  'mag7-max': { max: 0.5 },
  'physical-energy-min': { min: 0.5 },
  'regional-diversification': { min: 0.15, countries: ['KR', 'JP', 'IN'] },
  'monthly-rebalancing': { maxDays: 31 },
};

describe('parseThresholds', () => {
  it('merges fractions and whole days over the model', () => {
    expect(
      parseThresholds('mag7-max=0.4, regional-diversification=0.2,monthly-rebalancing=45', base),
    ).toEqual({
      'mag7-max': { max: 0.4 },
      'regional-diversification': { min: 0.2, countries: ['KR', 'JP', 'IN'] },
      'monthly-rebalancing': { maxDays: 45 },
    });
    expect(parseThresholds('physical-energy-min=1', base)).toEqual({ 'physical-energy-min': { min: 1 } });
  });

  it('refuses a percentage written as a whole number (40 would be 4,000%)', () => {
    expect(() => parseThresholds('mag7-max=40', base)).toThrow(
      '--threshold mag7-max=40 is out of range; expected mag7-max as a fraction between 0 and 1, e.g. 0.4 for 40%',
    );
    expect(() => parseThresholds('regional-diversification=-0.1', base)).toThrow(/out of range/);
  });

  it('takes monthly-rebalancing in whole days only', () => {
    expect(() => parseThresholds('monthly-rebalancing=0.5', base)).toThrow(
      'expected monthly-rebalancing as a whole number of days, e.g. monthly-rebalancing=31',
    );
    expect(() => parseThresholds('monthly-rebalancing=0', base)).toThrow(/whole number of days/);
  });

  it('names an unknown check', () => {
    expect(() => parseThresholds('concentration=0.2', base)).toThrow(
      /--threshold concentration=0.2 is not understood/,
    );
  });
});

describe('parseThresholds: inherited keys', () => {
  it('refuses __proto__, constructor and toString as check names', () => {
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect(() => parseThresholds(`${id}=0.5`, base), id).toThrow(`--threshold ${id}=0.5 is not understood`);
    }
  });
});
