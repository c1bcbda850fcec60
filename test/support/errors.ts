/** Catching the InputError a call must throw, so a test can assert on its problem (file, line, column, wording). */
import { type InputProblem, isInputError } from '../../src/core/errors.ts';

/** The problem of the InputError `run` throws; any other error is rethrown, and no error at all fails the test. */
export function problemOf(run: () => unknown): InputProblem {
  try {
    run();
  } catch (e) {
    if (isInputError(e)) return e.problem;
    throw e;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** `problemOf` for an async call. */
export async function problemOfAsync(run: () => Promise<unknown>): Promise<InputProblem> {
  try {
    await run();
  } catch (e) {
    if (isInputError(e)) return e.problem;
    throw e;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}
