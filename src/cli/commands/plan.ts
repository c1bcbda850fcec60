/** `dispersion plan`: registers the options, prints the dates or says which calendar file was written. */
import type { Command } from 'commander';
import { parseLang } from '../../app/options.ts';
import type { PlanOptions } from '../../app/plan.ts';
import { runPlanCommand } from '../../app/plan.ts';
import { PLAN_OUTPUT } from '../../i18n/plan.ts';

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
    .action((o: PlanOptions & { json?: boolean }) => {
      const doc = runPlanCommand(o, new Date());
      if (o.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      else if (doc.ics)
        process.stdout.write(
          `${PLAN_OUTPUT[parseLang(o.lang)].wrote(doc.dates.length, doc.ics)}\n${doc.note}\n`,
        );
      else process.stdout.write(`${doc.dates.join('\n')}\n${doc.note}\n`);
    });
}
