import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { MODEL_SLEEVES, OUTSIDE_SLEEVES } from '../../core/universe.ts';
import { loadBundledScenarios, loadScenario } from './scenario-file.ts';

const BAD = 'test/fixtures/stress/bad';

function problem(file: string): string {
  const p = problemOf(() => loadScenario(file));
  return `${p.file}: ${p.message}`;
}

describe('bundled scenarios', () => {
  const all = loadBundledScenarios();
  it('ships the essay three risks, in the essay order', () => {
    expect(all.map((s) => s.id)).toEqual(['ai-bubble', 'protectionism', 'geopolitical']);
    expect(all.every((s) => s.nameKo && s.descriptionKo)).toBe(true);
    expect(all[0]?.origin).toBe('bundled:data/scenarios/ai-bubble.json');
  });
  it('says every reason and source in Korean too, with the same percentages (`stress --lang ko` prints no English)', () => {
    const pcts = (x: string) => [...x.matchAll(/[+-]?\d+(?:\.\d+)?%/g)].map((m) => m[0]).sort();
    for (const s of all) {
      for (const x of s.shocks) {
        expect(x.rationaleKo, `${s.id} ${x.instrument ?? x.currency ?? x.sleeve}`).toMatch(/[가-힣]/);
        // A yield change written "1%p" in Korean is "1 point" in English; every other percentage is the same.
        expect(pcts((x.rationaleKo ?? '').replace(/\d+(?:\.\d+)?%p/g, ''))).toEqual(pcts(x.rationale));
      }
      for (const src of s.sources) {
        expect(src.labelKo, `${s.id} ${src.label}`).toMatch(/[가-힣]/);
        if (src.note) expect(src.noteKo, `${s.id} ${src.label}`).toBeDefined();
      }
    }
  });
  it('moves KRW and TWD down against USD in all three (the essay: Asia carries the risk)', () => {
    for (const s of all) {
      const krw = s.shocks.find((x) => x.currency === 'KRW');
      const twd = s.shocks.find((x) => x.currency === 'TWD');
      expect(krw?.move, s.id).toBeLessThan(0);
      expect(twd?.move, s.id).toBeLessThan(0);
    }
  });
  it('gives every one of the eight sleeves a shock, so no classified holding is left flat by accident', () => {
    // The model's six, the two classified ones outside it, and unclassified: nine in all.
    const sleeves = [...MODEL_SLEEVES, ...OUTSIDE_SLEEVES];
    expect(sleeves).toHaveLength(9);
    for (const s of all) {
      const covered = new Set(s.shocks.filter((x) => x.sleeve && !x.country).map((x) => x.sleeve));
      for (const id of sleeves) expect(covered.has(id as never), `${s.id} ${id}`).toBe(true);
    }
  });
});

describe('bad scenario files', () => {
  it('requires a rationale for every shock', () => {
    expect(problem(`${BAD}/no-rationale.json`)).toBe(
      `${BAD}/no-rationale.json: scenario file: shocks.0.rationale: Invalid input: expected string, received undefined`,
    );
  });
  it('rejects an instrument shock that also names a sleeve', () => {
    expect(problem(`${BAD}/instrument-and-sleeve.json`)).toMatch(
      /shocks\.0: a shock selects by instrument alone, currency alone, or sleeve and\/or country/,
    );
  });
  it('rejects two shocks for the same holdings', () => {
    expect(problem(`${BAD}/duplicate.json`)).toMatch(/shocks\.1: selects the same holdings as shocks\.0/);
  });
  it('rejects a USD currency shock and a move of −100% or worse', () => {
    expect(problem(`${BAD}/usd-shock.json`)).toMatch(/shocks\.0\.currency: USD cannot move against itself/);
    expect(problem(`${BAD}/total-loss.json`)).toMatch(
      /shocks\.0\.move: a move of −100% or worse is not a price/,
    );
  });
  it('names the bundled ids when an id is unknown', () => {
    expect(() => loadScenario('no-such-scenario')).toThrow(/ai-bubble, geopolitical, protectionism/);
  });
});
