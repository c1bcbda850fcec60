#!/usr/bin/env node
/**
 * The `dispersion` command line. Thin: parse options, call the workspace loader and a core function, render text or
 * JSON. Bad input ends with one clear line on stderr and exit code 2; nothing the user gave is written to.
 */
import { Command, CommanderError, Help } from 'commander';
import { formatProblem, isInputError } from '../core/errors.ts';

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
  return new Command('dispersion')
    .description(
      'Hold your portfolio up against the Great Dispersion framework (decision support, not advice).',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
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
  const wanted = argv[0] === 'help' ? argv[1] : argv[0];
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
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isInputError(e)) {
      process.stderr.write(`dispersion: ${formatProblem(e.problem)}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`dispersion: internal error: ${err.message}\n`);
    if (process.env.DISPERSION_DEBUG) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

// Run when executed directly (bin/dispersion.js imports the compiled module; tests import run instead).
const invokedDirectly = process.argv[1] && /(?:main\.[jt]s|dispersion(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
