/** `dispersion rebalance <holdings…>`: registers the options, prints the orders, writes `--csv` (app/rebalance.ts). */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../app/errors.ts';
import { writeUserFile } from '../../app/files.ts';
import { parseLang } from '../../app/options.ts';
import type { RebalanceOptions } from '../../app/rebalance.ts';
import { runRebalanceCommand, UTF8_BOM } from '../../app/rebalance.ts';
import { toOrdersCsv } from '../../report/rebalance-document.ts';
import { writeOut } from '../print.ts';
import { renderRebalanceText } from '../render/rebalance-text.ts';
import { renderText } from '../render/table.ts';
import { holdingsDataOptions } from './data-options.ts';

/** What only the command line has: where the orders go. */
interface RebalanceOutput {
  json?: boolean;
  csv?: string;
  force?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerRebalance(program: Command): void {
  holdingsDataOptions(
    program
      .command('rebalance')
      .description(
        "this month's orders: whole lots per account, currency conversions, sleeves before and after",
      )
      .argument('<holdings...>', 'holdings files: CSV (UTF-8 or CP949) or a Ghostfolio JSON export')
      .option('--model <id|file>', 'model id or model JSON file', 'great-dispersion-2026')
      .option('--base <ccy>', 'base currency for values', 'USD')
      .option('--as-of <date>', 'pricing date YYYY-MM-DD (default: today)'),
  )
    .option('--db <file>', 'journal database whose price cache is read (default: the per-user journal)')
    .option(
      '--allow-stale',
      'give orders even when a close or rate is more than 10 trading days old (each one is a warning)',
    )
    .option(
      '--mode <full|cash-only>',
      'full: sell and buy; cash-only: spend cash and new money, sell nothing',
      'full',
    )
    .option('--band <abs[/rel]>', "band around each target, e.g. 0.02 or 0.05/0.25 (default: the model's)")
    .option(
      '--cash <amount:ccy>',
      'new money to invest, e.g. 5,000,000:KRW (repeat, or list: 5,000,000:KRW,1000:USD)',
      collect,
    )
    .option('--fractional', 'the broker allows fractional shares: do not round to lots')
    .option('--min-trade <amount:ccy>', 'skip orders worth less than this, e.g. 50,000:KRW')
    .option(
      '--candidates <n>',
      "how many of a sleeve's candidates to buy, equal parts, when the sleeve is empty (default: the model's fill, else 3)",
    )
    .option('--cost-bps <n>', 'trading cost (commission + spread) in basis points of each order, e.g. 25')
    .option(
      '--other <keep|reduce|sell>',
      'holdings outside the model: keep them (default), sell only where a limit needs it, or sell them',
      'keep',
    )
    .option(
      '--transfers',
      'allow money to move between accounts (default: each account pays for its own buys)',
    )
    .option(
      '--account-markets <name=markets>',
      'markets an account may buy in beyond those it holds, e.g. "미국주식=US" or "키움 위탁=KRX,US" (repeat)',
      collect,
    )
    .option(
      '--accounts <file>',
      'accounts file (JSON): the markets each account may buy in, as --account-markets',
    )
    .option('--json', 'print one JSON document instead of the order table')
    .option('--csv <file>', 'also write the orders as CSV (for journal record --orders)')
    .option('--force', 'let --csv overwrite an existing file')
    .option('--lang <en|ko>', 'language of the report (default: from LANG)')
    .action(async (files: string[], o: RebalanceOptions & RebalanceOutput) => {
      // Refuse before any work: a finished plan that cannot be saved where asked is worse than an early error.
      if (o.csv && existsSync(o.csv) && !o.force) {
        throw new InputError({
          file: o.csv,
          message: 'already exists; not overwritten',
          expected: 'a new file name, or --force to overwrite it',
          ko: {
            message: '파일이 이미 있어 덮어쓰지 않았습니다',
            expected: '새 파일 이름, 또는 덮어쓰려면 --force',
          },
        });
      }
      const doc = await runRebalanceCommand(files, o, new Date());
      // A byte-order mark: without it Excel (Korean Windows) reads the UTF-8 account names as CP949 and garbles them.
      if (o.csv) {
        writeUserFile(o.csv, `${UTF8_BOM}${toOrdersCsv(doc)}`, {
          overwrite: !!o.force,
          what: 'orders CSV',
          whatKo: '주문 CSV',
        });
      }
      const lang = parseLang(o.lang);
      writeOut(
        o.json
          ? `${JSON.stringify(doc, null, 2)}\n`
          : `${await renderText(() => renderRebalanceText(doc, lang))}\n`,
      );
    });
}
