import { describe, expect, it } from 'vitest';
import { model } from '../../../../test/support/rebalance.ts';
import { loadSolver } from '../../../adapters/highs-solver.ts';
import { buildFrame, sleeveBounds } from './frame.ts';

describe('frame', () => {
  it("intersects target ± band with the model's own range: Mag7 25% ± 2 within 20–25% is 23–25%", () => {
    const b = sleeveBounds(0.25, { abs: 0.02, rel: 0 }, { min: 0.2, max: 0.25 });
    expect(b.lo).toBeCloseTo(0.23, 12);
    expect(b.hi).toBeCloseTo(0.25, 12);
  });
  it('refuses a range that excludes its target, naming the sleeve', () => {
    const m = {
      ...model,
      sleeves: model.sleeves.map((s, i) => (i === 0 ? { ...s, min: 0.3, max: 0.4 } : s)),
    };
    expect(() => buildFrame({ model: m, held: [] })).toThrow(/outside its own range/);
  });
});

describe('HiGHS solver adapter', () => {
  it('solves a small integer program: min x + y, 3x + 2y ≥ 7, integers → x = 1, y = 2 (cost 3)', async () => {
    const solver = await loadSolver();
    const r = solver.solve({
      vars: [
        { name: 'x', lower: 0, upper: 10, kind: 'integer', cost: 1 },
        { name: 'y', lower: 0, upper: 10, kind: 'integer', cost: 1 },
      ],
      rows: [
        {
          name: 'c',
          terms: [
            ['x', 3],
            ['y', 2],
          ],
          lower: 7,
          upper: Number.POSITIVE_INFINITY,
        },
      ],
    });
    expect(r.status).toBe('optimal');
    // By hand: x + y = 2 needs 3x + 2y ≥ 7 → (2,0)=6, (1,1)=5, (0,2)=4: none; so 3, e.g. (1,2)=7 or (3,0)=9 or (2,1)=8.
    expect((r.values.get('x') ?? 0) + (r.values.get('y') ?? 0)).toBeCloseTo(3, 9);
  });
  it('solves the linear relaxation when asked: the same program with fractional x, y costs 7/3', async () => {
    const solver = await loadSolver();
    const r = solver.solve({
      relax: true,
      vars: [
        { name: 'x', lower: 0, upper: 10, kind: 'integer', cost: 1 },
        { name: 'y', lower: 0, upper: 10, kind: 'integer', cost: 1 },
      ],
      rows: [
        {
          name: 'c',
          terms: [
            ['x', 3],
            ['y', 2],
          ],
          lower: 7,
          upper: Number.POSITIVE_INFINITY,
        },
      ],
    });
    expect(r.status).toBe('optimal');
    // By hand: x is the cheaper way to cover (3 per unit cost against 2), so x = 7/3, y = 0.
    expect(r.values.get('x') ?? 0).toBeCloseTo(7 / 3, 6);
    expect(r.values.get('y') ?? 0).toBeCloseTo(0, 9);
  });
});
