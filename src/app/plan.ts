/**
 * `dispersion plan --months 12 [--from DATE] [--ics FILE]`: the days to run the monthly routine, printed or written
 * as an iCalendar file to import into a calendar. The dates come from src/core/plan.ts, the file text from
 * src/report/ics.ts; this use case parses the request, and writes the calendar file (never over an existing file
 * unless --force).
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { fromDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import { rebalancingDates } from '../core/plan.ts';
import { withJosa } from '../i18n/josa.ts';
import { PLAN_OUTPUT, PLAN_WORDS } from '../i18n/plan.ts';
import { planToIcs } from '../report/ics.ts';
import { parseAsOf, parseLang } from './options.ts';
import { parseRequest } from './request.ts';

export const PlanRequest = z.object({
  months: z.string().optional(),
  from: z.string().optional(),
  ics: z.string().optional(),
  force: z.boolean().optional(),
  lang: z.string().optional(),
});
export type PlanOptions = z.input<typeof PlanRequest>;

export interface PlanDocument {
  from: string;
  dates: string[];
  /** The file written, when --ics was given. */
  ics: string | null;
  note: string;
}

const MAX_MONTHS = 120;

function parseMonths(value: string | undefined): number {
  const text = value ?? '12';
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_MONTHS) {
    throw new InputError({
      message: `--months ${text} is not understood`,
      expected: `a whole number from 1 to ${MAX_MONTHS}`,
      ko: {
        message: `--months ${withJosa(text, '을/를')} 알 수 없습니다`,
        expected: `1에서 ${MAX_MONTHS} 사이의 정수`,
      },
    });
  }
  return n;
}

export function runPlanCommand(request: PlanOptions, now: Date): PlanDocument {
  const o = parseRequest(PlanRequest, request, 'plan');
  const months = parseMonths(o.months);
  const lang = parseLang(o.lang);
  let from: number;
  try {
    from = parseAsOf(o.from, now);
  } catch {
    throw new InputError({
      message: `--from ${o.from} is not a date`,
      expected: 'YYYY-MM-DD',
      ko: { message: `--from ${withJosa(o.from, '은/는')} 날짜가 아닙니다`, expected: 'YYYY-MM-DD' },
    });
  }
  const dates = rebalancingDates(from, months).map(fromDay);
  const note = PLAN_OUTPUT[lang].note;
  if (o.ics) {
    const text = planToIcs(dates, { stamp: now, text: PLAN_WORDS[lang] });
    try {
      // 'wx' fails when the file exists: a calendar the user may have edited is never replaced by accident.
      writeFileSync(o.ics, text, { flag: o.force ? 'w' : 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new InputError({
          file: o.ics,
          message: 'the file already exists',
          hint: 'pass --force to overwrite it',
          ko: { message: '파일이 이미 있습니다', hint: '덮어쓰려면 --force를 주세요' },
        });
      throw new InputError({
        file: o.ics,
        message: `cannot write the calendar file (${code})`,
        ko: { message: `캘린더 파일을 쓸 수 없습니다 (${code})` },
      });
    }
  }
  return { from: fromDay(from), dates, ics: o.ics ?? null, note };
}
