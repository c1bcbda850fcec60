/** Loads a model by id (bundled `data/models/<id>.json`) or from a user's file path, validated. */
import { existsSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../core/errors.ts';
import type { Model } from '../../core/model.ts';
import { DEFAULT_CONCENTRATION } from '../../core/model.ts';
import { packageFile } from '../package-files.ts';
import { readJsonFile } from './json-file.ts';
import { classifiedSleeveId, fraction } from './schemas.ts';

export const MODELS_DIR = packageFile('data/models/');
export const DEFAULT_MODEL = 'great-dispersion-2026';

const modelSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    nameKo: z.string().optional(),
    description: z.string().optional(),
    source: z.string().optional(),
    band: fraction.default(0.02),
    sleeves: z
      .array(
        z.object({
          id: classifiedSleeveId,
          target: fraction,
          min: fraction.optional(),
          max: fraction.optional(),
          candidates: z.array(z.string()).default([]),
          fill: z.number().int().min(1).optional(),
          backtest: z
            .array(
              z.object({
                symbol: z.string(),
                weight: fraction,
                note: z.string().optional(),
                noteKo: z.string().optional(),
              }),
            )
            .optional(),
        }),
      )
      .min(1),
    checks: z.object({
      'mag7-max': z.object({ max: fraction }),
      'physical-energy-min': z.object({ min: fraction }),
      'regional-diversification': z.object({ min: fraction, countries: z.array(z.string()).min(1) }),
      'monthly-rebalancing': z.object({ maxDays: z.number().int().positive() }),
    }),
    concentration: z
      .object({
        maxPosition: fraction.default(DEFAULT_CONCENTRATION.maxPosition),
        maxCountry: fraction.default(DEFAULT_CONCENTRATION.maxCountry),
        note: z.string().optional(),
      })
      .default({ ...DEFAULT_CONCENTRATION }),
  })
  .superRefine((m, ctx) => {
    const sum = m.sleeves.reduce((s, x) => s + x.target, 0);
    if (Math.abs(sum - 1) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['sleeves'],
        message: `sleeve targets sum to ${sum}, expected 1`,
      });
    }
    const seen = new Set<string>();
    m.sleeves.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['sleeves', i, 'id'], message: `sleeve ${s.id} twice` });
      seen.add(s.id);
      // A range the target does not sit in cannot be rebalanced to: say which number is wrong.
      if (s.min !== undefined && s.max !== undefined && s.min > s.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['sleeves', i, 'min'],
          message: `min ${s.min} is above max ${s.max}`,
        });
      } else if (s.min !== undefined && s.target < s.min) {
        ctx.addIssue({
          code: 'custom',
          path: ['sleeves', i, 'target'],
          message: `target ${s.target} is below the sleeve's min ${s.min}`,
        });
      } else if (s.max !== undefined && s.target > s.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['sleeves', i, 'target'],
          message: `target ${s.target} is above the sleeve's max ${s.max}`,
        });
      }
      const bt = s.backtest?.reduce((a, b) => a + b.weight, 0);
      if (bt !== undefined && s.backtest?.length && Math.abs(bt - 1) > 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['sleeves', i, 'backtest'],
          message: `weights sum to ${bt}, expected 1`,
        });
      }
    });
  });

export function bundledModelIds(): string[] {
  return readdirSync(MODELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** `idOrFile` is a bundled model id, or a path to a model JSON file. */
export function loadModel(idOrFile: string = DEFAULT_MODEL): Model {
  const bundled = `${MODELS_DIR}${idOrFile}.json`;
  if (/^[a-z0-9-]+$/.test(idOrFile) && existsSync(bundled))
    return readJsonFile(bundled, modelSchema, 'model') as Model;
  if (existsSync(idOrFile)) return readJsonFile(idOrFile, modelSchema, 'model') as Model;
  throw new InputError({
    message: `unknown model ${idOrFile}`,
    expected: `a model id (${bundledModelIds().join(', ')}) or a path to a model JSON file`,
    ko: {
      message: `알 수 없는 모델 ${idOrFile}`,
      expected: `모델 id (${bundledModelIds().join(', ')}) 또는 모델 JSON 파일 경로`,
    },
  });
}
