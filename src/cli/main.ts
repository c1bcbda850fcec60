/**
 * The `dispersion` command line. Thin: parse options, call the workspace loader and a core function, render text or
 * JSON. Bad input ends with one clear line on stderr and exit code 2; nothing the user gave is written to.
 */
import { Command, CommanderError } from 'commander';
import { fileErrorReason } from '../adapters/files/user-files.ts';
import { formatProblem, isInputError } from '../core/errors.ts';
import { registerBacktest } from './commands/backtest.ts';
import { registerCheck } from './commands/check.ts';
import { registerData } from './commands/data.ts';
import { registerRebalance } from './commands/rebalance.ts';
import { registerRoutine } from './commands/routine.ts';
import { registerServe } from './commands/serve.ts';
import { registerSignals } from './commands/signals.ts';
import { registerStress } from './commands/stress.ts';
import { writeErr } from './print.ts';

export function buildProgram(): Command {
  const program = new Command('dispersion')
    .description(
      'Hold your portfolio up against the Great Dispersion framework (decision support, not advice).',
    )
    .version('0.1.0')
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
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isInputError(e)) {
      writeErr(`dispersion: ${formatProblem(e.problem)}\n`);
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

// Run when executed directly (bin/dispersion.js imports this module; tests import buildProgram/run instead).
const invokedDirectly = process.argv[1] && /(?:main\.ts|dispersion(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
