/** `dispersion data update|status`: registers the options and prints (the use cases are in src/app/data.ts). */
import type { Command } from 'commander';
import type { DataStatusOptions, DataUpdateOptions, UpdateOutcome } from '../../app/data.ts';
import {
  BUNDLED_LISTING_DATE,
  runDataStatusCommand,
  runDataUpdateCommand,
  runListingsUpdate,
  updateExitCode,
} from '../../app/data.ts';
import { printDocument } from '../document.ts';
import { ExitCode } from '../exit.ts';
import { renderDataStatusText } from '../render/data-status-text.ts';

export function registerData(program: Command): void {
  const data = program
    .command('data')
    .description('fresh market data: fetch into the cache, and check its health');
  data
    .command('update')
    .description(
      'fetch missing or stale prices and FX rates into the cache (network: only the providers you name)',
    )
    .option(
      '--symbols <list>',
      'symbols to update, e.g. 005930.KS,NVDA,RR.L (default: the universe and the cache)',
    )
    .option('--holdings <file>', 'update the symbols held in this holdings file')
    .option('--provider <list>', 'providers in priority order: yahoo,fred')
    .option(
      '--config <file>',
      'JSON: {"providers": ["yahoo","fred"], "baseUrls": {"yahoo": URL, "fred": URL}}',
    )
    .option('--db <file>', 'the journal database holding the cache (default: the per-user journal)')
    .option('--universe <file>', 'extra instruments (JSON, same shape as data/universe.json)')
    .option(
      '--listings',
      'refresh the KRX listing (every code, name, market, industry) instead of prices; offline: give --from FILE',
    )
    .option(
      '--from <file>',
      'with --listings: a KRX listing file (code,market,name,industry; FinanceDataReader; or KIND 상장법인목록 as CSV)',
    )
    .option('--json', 'print the outcome as JSON')
    .action(async (o: DataUpdateOptions & { json?: boolean }) => {
      if (o.listings) {
        const r = runListingsUpdate(o);
        process.stdout.write(
          o.json
            ? `${JSON.stringify(r, null, 2)}\n`
            : `KRX listing: ${r.count} codes from ${r.from} written to ${r.written} (used instead of the bundled listing of ${BUNDLED_LISTING_DATE})\n`,
        );
        return;
      }
      const outcomes = await runDataUpdateCommand(o, new Date(), { progress: progressBar() });
      process.stdout.write(
        o.json ? `${JSON.stringify({ items: outcomes }, null, 2)}\n` : `${renderUpdate(outcomes)}\n`,
      );
      const code = updateExitCode(outcomes);
      if (code !== 0) throw new ExitCode(code);
    });
  data
    .command('status')
    .description('first and last date, source and staleness of every series, with split-like jumps and gaps')
    .option('--as-of <date>', 'judge staleness on this date YYYY-MM-DD (default: today)')
    .option('--symbols <list>', 'only these symbols')
    .option('--holdings <file>', 'only the symbols (and currencies) held in this holdings file')
    .option('--prices <dir>', 'your price folder, as for check')
    .option('--db <file>', 'the journal database holding the cache (default: the per-user journal)')
    .option('--universe <file>', 'extra instruments (JSON, same shape as data/universe.json)')
    .option('--lang <en|ko>', 'language of the text report (default: from LANG)')
    .option('--json', 'print one JSON document')
    .action(async (o: DataStatusOptions & { lang?: string; json?: boolean }) => {
      await printDocument(o, await runDataStatusCommand(o, new Date()), renderDataStatusText);
    });
}

function renderUpdate(outcomes: UpdateOutcome[]): string {
  const lines = outcomes.map((x) => {
    if (x.status === 'up-to-date') return `${x.item}: up to date`;
    if (x.status === 'failed') return `${x.item}: FAILED ${x.message ?? ''}`;
    const what = `${x.rows} rows ${x.from}..${x.to} from ${x.provider}`;
    return `${x.item}: ${what}${x.refetched ? ' (full history refetched after a split)' : ''}`;
  });
  const count = (st: UpdateOutcome['status']) => outcomes.filter((x) => x.status === st).length;
  const failed = count('failed');
  lines.push(
    `${count('fetched')} fetched, ${count('up-to-date')} already up to date, ${failed} failed${failed ? ' (what was cached is kept)' : ''}`,
  );
  return lines.join('\n');
}

/** `\r[12/40] 005930.KS` on stderr, only for a terminal (a log file or a pipe gets no control characters). */
function progressBar(): ((done: number, total: number, label: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total, label) => {
    const text = done >= total ? '' : `[${done + 1}/${total}] ${label}`;
    process.stderr.write(`\r${text.padEnd(40)}${done >= total ? '\r' : ''}`);
  };
}
