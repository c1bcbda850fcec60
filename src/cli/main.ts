#!/usr/bin/env node
/**
 * The `dispersion` command line. Thin: register options, call the use case in src/app, render text or JSON, write
 * files. Bad input ends with one clear line on stderr and exit code 2; nothing the user gave is written to.
 */
import { Command, CommanderError, Help } from 'commander';
import { type Lang, langFromLocale } from '../i18n/format.ts';
import { commandWords } from './argv.ts';
import { ExitCode } from './exit.ts';
import { writeErr } from './print.ts';

type Register = (program: Command) => void;

/**
 * Every top-level command, in help order: how `dispersion --help` lists it, and the module that registers it. A run
 * loads only the module of the command it runs (`dispersion --help` loads none), so start-up does not pay for
 * SQLite, the query builder or the market-data code of the other commands. main.test.ts checks that `term` and
 * `description` are what the module itself registers.
 */
export const COMMANDS: readonly {
  name: string;
  term: string;
  description: string;
  load: () => Promise<Register>;
}[] = [
  {
    name: 'backtest',
    term: 'backtest [options]',
    description:
      'how the model allocation would have done, against SPY, QQQ and a Mag7-concentrated portfolio',
    load: async () => (await import('./commands/backtest.ts')).registerBacktest,
  },
  {
    name: 'check',
    term: 'check [options] <holdings...>',
    description: 'classify holdings into the model sleeves and run the checklist',
    load: async () => (await import('./commands/check.ts')).registerCheck,
  },
  {
    name: 'data',
    term: 'data',
    description: 'fresh market data: fetch into the cache, and check its health',
    load: async () => (await import('./commands/data.ts')).registerData,
  },
  {
    name: 'rebalance',
    term: 'rebalance [options] <holdings...>',
    description:
      "this month's orders: whole lots per account, currency conversions, sleeves before and after",
    load: async () => (await import('./commands/rebalance.ts')).registerRebalance,
  },
  {
    name: 'journal',
    term: 'journal',
    description: 'the monthly record: holdings, checklist and orders per month (SQLite, local)',
    load: async () => (await import('./commands/journal.ts')).registerJournal,
  },
  {
    name: 'plan',
    term: 'plan [options]',
    description:
      'the monthly rebalancing days (first trading day of each month), printed or as an .ics calendar',
    load: async () => (await import('./commands/plan.ts')).registerPlan,
  },
  {
    name: 'serve',
    term: 'serve [options]',
    description: 'open the local dashboard (binds 127.0.0.1 by default)',
    load: async () => (await import('./commands/serve.ts')).registerServe,
  },
  {
    name: 'signals',
    term: 'signals [options]',
    description:
      'is the Great Dispersion happening? signals from prices and readings, and a thesis scorecard',
    load: async () => (await import('./commands/signals.ts')).registerSignals,
  },
  {
    name: 'stress',
    term: 'stress [options] <holdings...>',
    description:
      'what the AI-bubble, protectionism and geopolitical scenarios and past crashes would do to you',
    load: async () => (await import('./commands/stress.ts')).registerStress,
  },
];

function rootProgram(): Command {
  return (
    new Command('dispersion')
      .description(
        'Hold your portfolio up against the Great Dispersion framework (decision support, not advice).',
      )
      .version('0.1.0')
      .option(
        '--tz <zone>',
        'time zone of "today" (default: the system’s), e.g. Asia/Seoul: before 09:00 in Seoul it is already tomorrow in UTC+9',
      )
      // Every run sets the zone afresh (tests call run() more than once in one process); options.ts is loaded here,
      // not at start-up, so `--help` does not pay for the importers it refers to.
      .hook('preAction', async (cmd) => {
        const { setTimeZone } = await import('../app/options.ts');
        setTimeZone(cmd.opts<{ tz?: string }>().tz);
      })
      .showHelpAfterError()
      .exitOverride()
  );
}

/** The whole program, every command fully registered (what the tests and the help check use). */
export async function buildProgram(): Promise<Command> {
  const program = rootProgram();
  for (const c of COMMANDS) (await c.load())(program);
  return program;
}

/**
 * The program for one run: the command named in `argv` (or by `help NAME`) fully registered, every other one as a
 * name and description for the help listing and commander's "did you mean".
 */
export async function programFor(argv: readonly string[]): Promise<Command> {
  const program = rootProgram();
  const words = commandWords(argv);
  const wanted = words[0] === 'help' ? words[1] : words[0];
  const terms = new Map<Command, string>();
  for (const c of COMMANDS) {
    if (c.name === wanted) {
      (await c.load())(program);
    } else {
      terms.set(program.command(c.name).description(c.description), c.term);
    }
  }
  const help = new Help();
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd) ?? help.subcommandTerm(cmd) });
  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    const program = await programFor(argv);
    // Korean help and commander errors; the table loads only in Korean, so English `--help` does not pay for it.
    if (errorLang(argv) === 'ko') (await import('./help-ko.ts')).applyKoreanHelp(program);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ExitCode) return e.code;
    const { fileErrorReason, formatProblem, isInputError } = await import('../app/errors.ts');
    if (isInputError(e)) {
      writeErr(`dispersion: ${formatProblem(e.problem, errorLang(argv))}\n`);
      return 2;
    }
    // A file-system error with a path (a folder that vanished, a disk that filled up) is the environment's, not a
    // bug: say it in words, exit 2, no stack.
    const fsError = e as NodeJS.ErrnoException;
    if (typeof fsError?.code === 'string' && typeof fsError.path === 'string') {
      writeErr(`dispersion: ${fsError.path}: ${fileErrorReason(fsError.code)}\n`);
      return 2;
    }
    const err = e as Error;
    writeErr(`dispersion: internal error: ${err.message}\n`);
    if (process.env.DISPERSION_DEBUG) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

/** The language of an error message: `--lang` when given and valid, else the locale (as the reports choose). */
function errorLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  if (value === 'ko' || value === 'en') return value;
  return langFromLocale(process.env.LC_ALL || process.env.LANG);
}

// Run when executed directly (bin/dispersion.js imports the compiled module; tests import run instead).
const invokedDirectly = process.argv[1] && /(?:main\.[jt]s|dispersion(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
