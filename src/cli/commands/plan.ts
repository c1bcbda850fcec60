/**
 * `dispersion plan --months 12 [--from DATE] [--ics FILE]`: the days to run the monthly routine, printed or written
 * as an iCalendar file to import into a calendar. The dates come from src/core/plan.ts, the file text from
 * src/report/ics.ts; this shell only parses options, reads the clock, and writes (never over an existing file
 * unless --force).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { fromDay } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import { rebalancingDates } from '../../core/plan.ts';
import { PLAN_OUTPUT, PLAN_WORDS } from '../../i18n/plan.ts';
import { planToIcs } from '../../report/ics.ts';
import { parseAsOf, parseLang } from '../options.ts';

export interface PlanOptions {
  months?: string;
  from?: string;
  ics?: string;
  force?: boolean;
  lang?: string;
  json?: boolean;
}

export interface PlanDocument {
  from: string;
  dates: string[];
  /** The file written, when --ics was given. */
  ics: string | null;
  note: string;
}

const MAX_MONTHS = 120;

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description(
      'the monthly rebalancing days (first trading day of each month), printed or as an .ics calendar',
    )
    .option('--months <n>', 'how many months', '12')
    .option('--from <date>', 'first day to consider YYYY-MM-DD (default: today)')
    .option('--ics <file>', 'write an iCalendar file to import into a calendar')
    .option('--force', 'overwrite the --ics file if it exists')
    .option('--lang <en|ko>', 'language of the calendar events (default: from LANG)')
    .option('--json', 'print one JSON document')
    .action((o: PlanOptions) => {
      const doc = runPlanCommand(o, new Date());
      if (o.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      else if (doc.ics)
        process.stdout.write(
          `${PLAN_OUTPUT[parseLang(o.lang)].wrote(doc.dates.length, doc.ics)}\n${doc.note}\n`,
        );
      else process.stdout.write(`${doc.dates.join('\n')}\n${doc.note}\n`);
    });
}

function parseMonths(value: string | undefined): number {
  const text = value ?? '12';
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_MONTHS) {
    throw new InputError({
      message: `--months ${text} is not understood`,
      expected: `a whole number from 1 to ${MAX_MONTHS}`,
    });
  }
  return n;
}

export function runPlanCommand(o: PlanOptions, now: Date): PlanDocument {
  const months = parseMonths(o.months);
  const lang = parseLang(o.lang);
  let from: number;
  try {
    from = parseAsOf(o.from, now);
  } catch {
    throw new InputError({ message: `--from ${o.from} is not a date`, expected: 'YYYY-MM-DD' });
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
        });
      throw new InputError({ file: o.ics, message: `cannot write the calendar file (${code})` });
    }
  }
  return { from: fromDay(from), dates, ics: o.ics ?? null, note };
}
