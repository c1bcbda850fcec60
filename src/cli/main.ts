/**
 * The `dispersion` command line. Thin: parse options, call the workspace loader and a core function, render text or
 * JSON. Bad input ends with one clear line on stderr and exit code 2; nothing the user gave is written to.
 */
import { Command, CommanderError } from 'commander';
import { fileErrorReason } from '../adapters/files/user-files.ts';
import { formatProblem, isInputError } from '../core/errors.ts';
import { type Lang, langFromLocale } from '../i18n/format.ts';
import { registerBacktest } from './commands/backtest.ts';
import { registerCheck } from './commands/check.ts';
import { registerData } from './commands/data.ts';
import { registerRebalance } from './commands/rebalance.ts';
import { registerRoutine } from './commands/routine.ts';
import { registerServe } from './commands/serve.ts';
import { registerSignals } from './commands/signals.ts';
import { registerStress } from './commands/stress.ts';
import { ExitCode } from './exit.ts';
import { setTimeZone } from './options.ts';
import { writeErr } from './print.ts';

export function buildProgram(): Command {
  const program = new Command('dispersion')
    .description(
      'Hold your portfolio up against the Great Dispersion framework (decision support, not advice).',
    )
    .version('0.1.0')
    .option(
      '--tz <zone>',
      'time zone of "today" (default: the system’s), e.g. Asia/Seoul: before 09:00 in Seoul it is already tomorrow in UTC+9',
    )
    .hook('preAction', (cmd) => setTimeZone(cmd.opts<{ tz?: string }>().tz))
    .showHelpAfterError()
    .exitOverride();
  registerBacktest(program);
  registerCheck(program);
  registerData(program);
  registerRebalance(program);
  registerRoutine(program);
  registerServe(program);
  registerSignals(program);
  registerStress(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  setTimeZone(undefined); // each run reads --tz afresh (tests call run() more than once in one process)
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ExitCode) return e.code;
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

// Run when executed directly (bin/dispersion.js imports this module; tests import buildProgram/run instead).
const invokedDirectly = process.argv[1] && /(?:main\.ts|dispersion(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
