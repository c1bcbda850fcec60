/**
 * `dispersion serve`: the local dashboard, on 127.0.0.1 unless told otherwise. Registers the options, starts the
 * server with what app/dashboard.ts settles, and says where it listens.
 */
import type { Command } from 'commander';
import type { ServeOptions } from '../../app/dashboard.ts';
import { dashboardSettings } from '../../app/dashboard.ts';
import { startServer } from '../../server/start.ts';

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
      const settings = dashboardSettings(o);
      const running = await startServer({
        host: settings.host,
        port: settings.port,
        holdings: settings.holdings,
        defaults: settings.defaults,
        webRoot: settings.webRoot,
        now: () => new Date(),
        maxUpload: 5 * 1024 * 1024,
      });
      process.stdout.write(`Dispersion dashboard: ${running.url}  (Ctrl+C to stop)\n`);
      if (settings.sampleAsOfLastClose) {
        process.stdout.write(
          `Showing the bundled sample as of ${settings.defaults.asOf}, the last date of the bundled prices.\n`,
        );
      }
      if (o.host !== '127.0.0.1' && o.host !== 'localhost' && o.host !== '::1') {
        process.stderr.write(`warning: bound to ${o.host}: anyone who can reach it can see these holdings\n`);
      }
      // Keep running until interrupted.
      await new Promise(() => {});
    });
}
