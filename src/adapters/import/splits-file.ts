/** The bundled split table (data/splits/splits.json), read once and validated. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isIsoDate } from '../../core/dates.ts';
import type { SplitFact } from '../../core/transactions.ts';
import { packageFile } from '../package-files.ts';

const SPLITS_FILE = packageFile('data/splits/splits.json');

const schema = z.object({
  splits: z.array(
    z.object({
      symbol: z.string().min(1),
      isin: z
        .string()
        .regex(/^[A-Z]{2}[A-Z0-9]{9}\d$/)
        .optional(),
      date: z.string().refine(isIsoDate),
      ratio: z.number().positive(),
      source: z.string().min(1),
    }),
  ),
});

let cached: SplitFact[] | undefined;

export function bundledSplits(): SplitFact[] {
  cached ??= schema.parse(JSON.parse(readFileSync(SPLITS_FILE, 'utf8'))).splits;
  return cached;
}
