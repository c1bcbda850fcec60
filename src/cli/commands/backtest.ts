/** `dispersion backtest`: registers the options, prints the report, writes `--csv` (the use case: app/backtest.ts). */
import type { Command } from 'commander';
import type { BacktestOptions } from '../../app/backtest.ts';
import { DEFAULT_BENCHMARKS, DEFAULT_MODEL, runBacktestCommand } from '../../app/backtest.ts';
import { writeUserFile } from '../../app/files.ts';
import { parseLang } from '../../app/options.ts';
import type { BacktestCurves } from '../../report/backtest-document.ts';
import { csvHeader } from '../../report/csv.ts';
import { renderBacktestText } from '../render/backtest-text.ts';
import { renderText } from '../render/table.ts';

/** What only the command line has: where the report and the curves go. */
interface BacktestOutput {
  json?: boolean;
  csv?: string;
  force?: boolean;
}

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description(
      'how the model allocation would have done, against SPY, QQQ and a Mag7-concentrated portfolio',
    )
    .option('--model <id|file>', `model id or model JSON file (default ${DEFAULT_MODEL})`)
    .option(
      '--weights <list>',
      'your own weights instead of a model, e.g. NVDA=0.5,TSLA=0.3 (the rest is cash)',
    )
    .option('--from <date>', 'first day YYYY-MM-DD (default: the first day every asset has a close)')
    .option('--to <date>', 'last day YYYY-MM-DD (default: today, or the last close)')
    .option(
      '--rebalance <how>',
      'monthly, quarterly, annual, none, or band:ABS/REL such as band:0.05/0.25',
      'monthly',
    )
    .option(
      '--policy <weights|dispersion>',
      'weights: trade back to the target weights; dispersion: each rebalancing day, the orders `dispersion rebalance` would give',
      'weights',
    )
    .option('--base <ccy>', 'base currency of the portfolio', 'USD')
    .option('--price-only', 'ignore dividends (default: reinvested on the ex-date)')
    .option('--whole-shares', 'buy whole shares in exchange lots (default: fractional)')
    .option('--cost-bps <n>', 'trading cost in basis points of each trade', '0')
    .option(
      '--contribution <amount[/period]>',
      'add (or, negative, withdraw) AMOUNT each period, e.g. 500/monthly',
    )
    .option(
      '--initial <amount>',
      'starting value in the base currency (default about USD 10,000: 10,000,000 KRW, 1,000,000 JPY, 10,000 USD/EUR/GBP/CHF)',
    )
    .option('--benchmark <list>', 'symbols and model:ID to compare with, or "none"', DEFAULT_BENCHMARKS)
    .option('--risk-free <rate>', 'annual risk-free rate for Sharpe and Sortino, e.g. 0.03', '0')
    .option(
      '--prices <dir>',
      'folder of price files <SYMBOL>.csv (date,close) and fx/<AAABBB>.csv (date,rate)',
    )
    .option('--universe <file>', 'extra instruments (JSON, same shape as data/universe.json)')
    .option('--db <file>', 'journal database whose price cache is read (default: the per-user journal)')
    .option('--json', 'print one JSON document instead of the report')
    .option('--csv <file>', 'write the daily values of the portfolio and benchmarks to a CSV file')
    .option('--force', 'let --csv overwrite an existing file')
    .option('--lang <en|ko>', 'language of the report (default: from LANG)')
    .action(async (o: BacktestOptions & BacktestOutput) => {
      const lang = parseLang(o.lang);
      const { curves, ...document } = await runBacktestCommand(o, new Date(), {
        curves: o.csv !== undefined,
      });
      if (o.csv && curves) writeCurvesCsv(o.csv, curves, o.force === true);
      process.stdout.write(
        o.json
          ? `${JSON.stringify(document, null, 2)}\n`
          : `${await renderText(() => renderBacktestText(document, lang))}\n`,
      );
    });
}

/** The daily curves as CSV: date, then one value column per portfolio. Never overwrites without --force. */
function writeCurvesCsv(file: string, curves: BacktestCurves, force: boolean): void {
  const header = csvHeader(['date', ...curves.series.map((s) => s.id)]);
  const lines = curves.days.map((d, t) =>
    [d, ...curves.series.map((s) => (s.equity[t] as number).toFixed(6))].join(','),
  );
  writeUserFile(file, `${header}\n${lines.join('\n')}\n`, {
    overwrite: force,
    what: 'CSV file',
    whatKo: 'CSV',
  });
}
