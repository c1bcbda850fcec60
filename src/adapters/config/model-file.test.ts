import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCENTRATION } from '../../core/model.ts';
import { loadModel } from './model-file.ts';

const F = 'test/fixtures/models';

describe('loadModel — sleeve ranges and concentration limits', () => {
  it('rejects a sleeve whose min is above its max, naming the JSON path', () => {
    // sleeves[0] (mag7-selected): min 0.3, max 0.2.
    expect(() => loadModel(`${F}/min-above-max.json`)).toThrow(
      'model file: sleeves.0.min: min 0.3 is above max 0.2',
    );
  });

  it('rejects a target outside its own range, naming the JSON path', () => {
    // sleeves[0]: target 0.25, range 0.1–0.2.
    expect(() => loadModel(`${F}/target-above-max.json`)).toThrow(
      "model file: sleeves.0.target: target 0.25 is above the sleeve's max 0.2",
    );
    // sleeves[3] (emerging): target 0.15, min 0.2.
    expect(() => loadModel(`${F}/target-below-min.json`)).toThrow(
      "model file: sleeves.3.target: target 0.15 is below the sleeve's min 0.2",
    );
  });

  it('reads the bundled limits, and defaults them (20% one company, 60% one country) when a model has none', () => {
    expect(loadModel('great-dispersion-2026').concentration).toMatchObject({
      maxPosition: 0.2,
      maxCountry: 0.6,
    });
    expect(loadModel(`${F}/no-concentration.json`).concentration).toEqual({
      maxPosition: 0.2,
      maxCountry: 0.6,
    });
    expect(DEFAULT_CONCENTRATION).toEqual({ maxPosition: 0.2, maxCountry: 0.6 });
  });
});
