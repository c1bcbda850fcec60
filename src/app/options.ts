/** Parsing of option values shared by several commands; each failure is an InputError naming the option. */

import { FORMAT_NAMES } from '../adapters/import/format-names.ts';
import { isCurrencyCode } from '../core/currency.ts';
import { parseIsoDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import { ownValue } from '../core/lookup.ts';
import type { CheckThresholds } from '../core/model.ts';
import type { Lang } from '../i18n/format.ts';
import { langFromLocale } from '../i18n/format.ts';
import { withJosa } from '../i18n/josa.ts';

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
      ko: {
        message: `--base ${withJosa(value, '은/는')} 통화 코드가 아닙니다`,
        expected: 'KRW나 USD 같은 ISO 4217 코드',
      },
    });
  }
  return code;
}

/**
 * The time zone "today" is read in: `--tz ZONE` when given (setTimeZone, from the program's preAction hook), else the
 * system's. Undefined = the system's, as Intl resolves it (TZ, /etc/localtime).
 */
let timeZone: string | undefined;

/** `--tz ZONE` (an IANA name such as Asia/Seoul, or UTC); refused when Intl does not know it. */
export function setTimeZone(zone: string | undefined): void {
  if (zone !== undefined) localDate(new Date(0), zone); // throws the InputError for an unknown zone
  timeZone = zone;
}

/**
 * The calendar date at `now` where the user is: `YYYY-MM-DD` in `zone` (default: the --tz zone, else the system's).
 * In Seoul at 08:00 on 2 Dec that is 2026-12-02, although it is still 1 Dec in UTC (23:00).
 */
export function localDate(now: Date, zone: string | undefined = timeZone): string {
  // The system's zone is the one Date's local fields use (TZ, /etc/localtime): 10 ms less start-up than Intl.
  if (zone === undefined) {
    const two = (x: number) => String(x).padStart(2, '0');
    return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
  } catch {
    throw new InputError({
      message: `--tz ${zone} is not a time zone`,
      expected: 'an IANA time zone such as Asia/Seoul, America/New_York or UTC',
      ko: {
        message: `--tz ${withJosa(zone, '은/는')} 시간대가 아닙니다`,
        expected: 'Asia/Seoul, America/New_York, UTC 같은 IANA 시간대',
      },
    });
  }
  const part = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `--as-of` as a day number; defaults to today where the user is (the shell passes the clock in, the core never reads it). */
export function parseAsOf(value: string | undefined, today: Date): number {
  const text = value ?? localDate(today);
  const day = parseIsoDay(text);
  if (day === undefined)
    throw new InputError({
      message: `--as-of ${value} is not a date`,
      expected: 'YYYY-MM-DD',
      ko: { message: `--as-of ${withJosa(value, '은/는')} 날짜가 아닙니다`, expected: 'YYYY-MM-DD' },
    });
  return day;
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return langFromLocale(process.env.LC_ALL || process.env.LANG);
  if (value === 'en' || value === 'ko') return value;
  throw new InputError({
    message: `--lang ${value} is not supported`,
    expected: 'en or ko',
    ko: { message: `--lang ${withJosa(value, '은/는')} 지원하지 않습니다`, expected: 'en 또는 ko' },
  });
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
        ko: {
          message: `--threshold ${withJosa(part, '을/를')} 이해할 수 없습니다`,
          expected: `CHECK=NUMBER (CHECK는 ${Object.keys(THRESHOLD_KEYS).join(', ')} 중 하나)`,
        },
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
        ko: {
          message: `--threshold ${withJosa(part, '이/가')} 범위를 벗어났습니다`,
          expected:
            key === 'maxDays'
              ? `${id}는 일 수를 정수로, 예: ${id}=31`
              : `${id}는 0과 1 사이의 비율로, 예: 40%는 0.4`,
        },
      });
    }
    out[id as string] = { ...base[id as keyof CheckThresholds], [key]: n };
  }
  return out as Partial<CheckThresholds>;
}

/**
 * `--format NAME` as import options: the name checked against the known formats here, so a typo is refused before
 * any file is read.
 */
export function formatOption(o: { format?: string }): { format?: string } {
  if (o.format === undefined) return {};
  const name = o.format.trim().toLowerCase();
  if (!FORMAT_NAMES.includes(name)) {
    throw new InputError({
      message: `--format ${o.format} is not a known format`,
      expected: `one of ${FORMAT_NAMES.join(', ')}`,
      ko: {
        message: `--format ${withJosa(o.format, '은/는')} 알 수 없는 형식입니다`,
        expected: `${FORMAT_NAMES.join(', ')} 중 하나`,
      },
    });
  }
  return { format: name };
}
