/** `dispersion serve`: the local dashboard, on 127.0.0.1 unless told otherwise. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { listBundledSymbols, loadMarketData } from '../../adapters/market-data/load.ts';
import { parseBase } from '../../app/options.ts';
import { fromDay } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import { lastDay } from '../../core/series.ts';
import { startServer } from '../../server/start.ts';

export const SAMPLE_HOLDINGS = fileURLToPath(
  new URL('../../../examples/sample-holdings.csv', import.meta.url),
);
export const WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

interface ServeOptions {
  holdings?: string[];
  port: string;
  host: string;
  db?: string;
  prices?: string;
  asOf?: string;
  base: string;
  model?: string;
  universe?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('open the local dashboard (binds 127.0.0.1 by default)')
    .option('--holdings <files...>', 'holdings files to show (default: the bundled sample)')
    .option('--port <n>', 'port', '4173')
    .option(
      '--host <host>',
      'address to bind; anything but 127.0.0.1 exposes your holdings to the network',
      '127.0.0.1',
    )
    .option('--db <file>', 'journal database')
    .option('--prices <dir>', 'price folder, as for check')
    .option('--as-of <date>', 'valuation date (default: today)')
    .option('--base <ccy>', 'base currency', 'KRW')
    .option('--model <id|file>', 'model id or file')
    .option('--universe <file>', 'extra instruments')
    .action(async (o: ServeOptions) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new InputError({
          message: `--port ${o.port} is not a port number`,
          expected: 'an integer from 1 to 65535',
        });
      }
      if (!existsSync(`${WEB_ROOT}/index.html`)) {
        throw new InputError({
          message: 'the dashboard is not built',
          hint: 'run npm run build:web (npm start does it for you)',
        });
      }
      // The bundled sample is shown as of the last bundled close, so a first look is not all "stale" warnings;
      // your own holdings are valued as of today unless you say otherwise.
      const sample = !o.holdings?.length;
      const asOf = o.asOf ?? (sample ? latestBundledClose() : undefined);
      const running = await startServer({
        host: o.host,
        port,
        holdings: o.holdings?.length ? o.holdings : [SAMPLE_HOLDINGS],
        defaults: {
          base: parseBase(o.base),
          asOf,
          prices: o.prices,
          model: o.model,
          universe: o.universe,
          db: o.db,
        },
        webRoot: WEB_ROOT,
        now: () => new Date(),
        maxUpload: 5 * 1024 * 1024,
      });
      process.stdout.write(`Dispersion dashboard: ${running.url}  (Ctrl+C to stop)\n`);
      if (sample && !o.asOf) {
        process.stdout.write(
          `Showing the bundled sample as of ${asOf}, the last date of the bundled prices.\n`,
        );
      }
      if (o.host !== '127.0.0.1' && o.host !== 'localhost' && o.host !== '::1') {
        process.stderr.write(`warning: bound to ${o.host}: anyone who can reach it can see these holdings\n`);
      }
      // Keep running until interrupted.
      await new Promise(() => {});
    });
}

/** The last date of the bundled S&P 500 ETF closes: the newest day the bundled data can value. */
function latestBundledClose(): string | undefined {
  if (!listBundledSymbols().includes('SPY')) return undefined;
  const spy = loadMarketData({ symbols: ['SPY'] }).prices.get('SPY');
  const day = spy ? lastDay(spy) : undefined;
  return day === undefined ? undefined : fromDay(day);
}
