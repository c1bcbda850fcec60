/**
 * Loads stress scenarios: the bundled ones in `data/scenarios/<id>.json` and the user's files (same shape), validated
 * with zod so a bad file names the JSON path of the bad value. Every shock must say why (a rationale) and every
 * scenario where its numbers come from (sources), because a stress number nobody can trace is worse than none.
 */
import { existsSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../core/errors.ts';
import type { Scenario } from '../../core/stress/scenario.ts';
import { packageFile } from '../package-files.ts';
import { readJsonFile } from './json-file.ts';
import { anySleeveId, countryCode, currencyCode } from './schemas.ts';

export const SCENARIOS_DIR = packageFile('data/scenarios/');

const shockSchema = z
  .object({
    instrument: z.string().min(1).optional(),
    sleeve: anySleeveId.optional(),
    country: countryCode.optional(),
    currency: currencyCode
      .refine((c) => c !== 'USD', 'USD cannot move against itself: shock the other currencies instead')
      .optional(),
    move: z
      .number()
      .gt(-1, 'a move of −100% or worse is not a price')
      .refine(Number.isFinite, 'expected a finite number'),
    rationale: z.string().min(10, 'say why this number (the analogue and the reasoning)'),
    rationaleKo: z.string().min(5).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const selectors = [s.instrument, s.sleeve, s.country, s.currency].filter((x) => x !== undefined).length;
    const ok =
      (s.currency !== undefined && selectors === 1) ||
      (s.instrument !== undefined && selectors === 1) ||
      (s.instrument === undefined && s.currency === undefined && selectors >= 1);
    if (!ok) {
      ctx.addIssue({
        code: 'custom',
        message:
          'a shock selects by instrument alone, currency alone, or sleeve and/or country (instrument > sleeve+country > sleeve > country)',
      });
    }
  });

const scenarioSchema = z
  .object({
    $comment: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes'),
    name: z.string().min(1),
    nameKo: z.string().optional(),
    description: z.string().min(1),
    descriptionKo: z.string().optional(),
    sources: z
      .array(
        z
          .object({
            label: z.string().min(1),
            figure: z.string().min(1),
            note: z.string().optional(),
            labelKo: z.string().min(1).optional(),
            figureKo: z.string().min(1).optional(),
            noteKo: z.string().optional(),
          })
          .strict(),
      )
      .min(1, 'cite at least one historical analogue'),
    shocks: z.array(shockSchema).min(1),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Map<string, number>();
    s.shocks.forEach((x, i) => {
      const key = JSON.stringify([x.instrument?.toUpperCase(), x.sleeve, x.country, x.currency]);
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['shocks', i],
          message: `selects the same holdings as shocks.${first}`,
        });
      }
      seen.set(key, i);
    });
  });

export function bundledScenarioIds(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function readScenarioFile(file: string, origin = file): Scenario {
  const data = readJsonFile(file, scenarioSchema, 'scenario');
  const { $comment: _, ...rest } = data;
  return { ...rest, origin } as Scenario;
}

/** A bundled scenario id or a path to a scenario file. */
export function loadScenario(idOrFile: string): Scenario {
  const bundled = `${SCENARIOS_DIR}${idOrFile}.json`;
  if (/^[a-z0-9-]+$/.test(idOrFile) && existsSync(bundled)) {
    return readScenarioFile(bundled, `bundled:data/scenarios/${idOrFile}.json`);
  }
  if (existsSync(idOrFile)) return readScenarioFile(idOrFile);
  throw new InputError({
    message: `unknown scenario ${idOrFile}`,
    expected: `a scenario id (${bundledScenarioIds().join(', ')}), a historical window id, "all", or a path to a scenario JSON file`,
    ko: {
      message: `알 수 없는 시나리오 ${idOrFile}`,
      expected: `시나리오 id (${bundledScenarioIds().join(', ')}), 과거 구간 id, "all", 또는 시나리오 JSON 파일 경로`,
    },
  });
}

/** The essay's order (its risks 1, 2, 3); other bundled files follow alphabetically. */
const ESSAY_ORDER = ['ai-bubble', 'protectionism', 'geopolitical'];

export function loadBundledScenarios(): Scenario[] {
  const rank = (id: string) => (ESSAY_ORDER.includes(id) ? ESSAY_ORDER.indexOf(id) : ESSAY_ORDER.length);
  const ids = bundledScenarioIds().sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return ids.map(loadScenario);
}
