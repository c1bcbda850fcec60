/**
 * Loads the essay's dated figures (`data/signals/readings.json`, or a file of the same shape), validated: every reading
 * names its source, a numeric unit has a number, a range's high end is not below its low end, one id keeps one label
 * and unit, and no id has two readings for the same period.
 */

import { z } from 'zod';
import { isIsoDate } from '../../core/dates.ts';
import type { Reading } from '../../core/signals/readings.ts';
import { packageFile } from '../package-files.ts';
import { readJsonFile } from './json-file.ts';

export const BUNDLED_READINGS = packageFile('data/signals/readings.json');

const isoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');
const bilingual = z.object({ en: z.string().min(1), ko: z.string().min(1) });

const readingSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id such as mag7-avg-pe'),
    label: bilingual,
    unit: z.enum(['percent', 'x', 'usd-billion', 'months', 'count', 'gw', 'text']),
    date: isoDate,
    period: z.string().min(1),
    value: z.number().finite().optional(),
    high: z.number().finite().optional(),
    atLeast: z.boolean().optional(),
    text: bilingual.optional(),
    note: z.string().optional(),
    source: z.object({
      title: z.string().min(1),
      titleEn: z.string().min(1).optional(),
      date: z.string().min(1),
    }),
  })
  .superRefine((r, ctx) => {
    if (r.unit === 'text' ? !r.text : r.value === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [r.unit === 'text' ? 'text' : 'value'],
        message: r.unit === 'text' ? 'a text reading needs text' : 'a numeric reading needs a value',
      });
    if (r.high !== undefined && (r.value === undefined || r.high < r.value))
      ctx.addIssue({ code: 'custom', path: ['high'], message: 'high must be at least value' });
  });

const fileSchema = z
  .object({ $comment: z.string().optional(), readings: z.array(readingSchema).min(1) })
  .superRefine((doc, ctx) => {
    const seen = new Map<string, { label: string; unit: string }>();
    const periods = new Set<string>();
    doc.readings.forEach((r, i) => {
      const first = seen.get(r.id);
      if (first && (first.label !== r.label.en || first.unit !== r.unit))
        ctx.addIssue({
          code: 'custom',
          path: ['readings', i],
          message: `${r.id} has another label or unit than its first reading`,
        });
      if (!first) seen.set(r.id, { label: r.label.en, unit: r.unit });
      const key = `${r.id}@${r.period}`;
      if (periods.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['readings', i, 'period'],
          message: `${r.id} has two readings for ${r.period}`,
        });
      periods.add(key);
    });
  });

/** The readings of a file, each marked as the essay's. */
export function loadReadings(file: string = BUNDLED_READINGS): Reading[] {
  return readJsonFile(file, fileSchema, 'readings').readings.map((r) => ({
    ...r,
    source: { kind: 'essay', ...r.source },
  }));
}
