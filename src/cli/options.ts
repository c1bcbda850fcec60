/** Parsing of option values shared by several commands; each failure is an InputError naming the option. */

import { isCurrencyCode } from '../core/currency.ts';
import { parseIsoDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import { ownValue } from '../core/lookup.ts';
import type { CheckThresholds } from '../core/model.ts';
import type { Lang } from '../i18n/format.ts';
import { langFromLocale } from '../i18n/format.ts';

/** The options every report command takes, parsed in this order (so the first bad one is the one reported). */
export interface CommonOptions {
  lang?: string;
  base: string;
  asOf?: string;
}

export function parseCommonOptions(
  o: CommonOptions,
  today: Date,
): { lang: Lang; base: string; asOf: number } {
  return { lang: parseLang(o.lang), base: parseBase(o.base), asOf: parseAsOf(o.asOf, today) };
}

export function parseBase(value: string): string {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code)) {
    throw new InputError({
      message: `--base ${value} is not a currency code`,
      expected: 'an ISO 4217 code such as KRW or USD',
    });
  }
  return code;
}

/** `--as-of` as a day number; defaults to `today` (the shell passes the clock in, the core never reads it). */
export function parseAsOf(value: string | undefined, today: Date): number {
  const text = value ?? today.toISOString().slice(0, 10);
  const day = parseIsoDay(text);
  if (day === undefined)
    throw new InputError({ message: `--as-of ${value} is not a date`, expected: 'YYYY-MM-DD' });
  return day;
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return langFromLocale(process.env.LC_ALL || process.env.LANG);
  if (value === 'en' || value === 'ko') return value;
  throw new InputError({ message: `--lang ${value} is not supported`, expected: 'en or ko' });
}

const THRESHOLD_KEYS: Record<keyof CheckThresholds, string> = {
  'mag7-max': 'max',
  'physical-energy-min': 'min',
  'regional-diversification': 'min',
  'monthly-rebalancing': 'maxDays',
};

/** `--threshold mag7-max=0.4,regional-diversification=0.2` → partial thresholds merged over the model's. */
export function parseThresholds(value: string | undefined, base: CheckThresholds): Partial<CheckThresholds> {
  if (!value) return {};
  const out: Record<string, unknown> = {};
  for (const part of value.split(',')) {
    const [id, raw] = part.split('=').map((s) => s.trim());
    const key = ownValue<string>(THRESHOLD_KEYS, id ?? '');
    const n = Number(raw);
    if (!key || raw === undefined || raw === '' || !Number.isFinite(n)) {
      throw new InputError({
        message: `--threshold ${part} is not understood`,
        expected: `CHECK=NUMBER with CHECK one of ${Object.keys(THRESHOLD_KEYS).join(', ')}`,
      });
    }
    // Days are whole days, as the model file requires; shares are fractions, so 40 (4,000%) is refused, not clamped.
    if (key === 'maxDays' ? !Number.isInteger(n) || n <= 0 : n < 0 || n > 1) {
      throw new InputError({
        message: `--threshold ${part} is out of range`,
        expected:
          key === 'maxDays'
            ? `${id} as a whole number of days, e.g. ${id}=31`
            : `${id} as a fraction between 0 and 1, e.g. 0.4 for 40%`,
      });
    }
    out[id as string] = { ...base[id as keyof CheckThresholds], [key]: n };
  }
  return out as Partial<CheckThresholds>;
}
