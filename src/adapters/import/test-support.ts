/** Shared by the importer tests: fixture bytes, and catching an InputError to assert on its problem. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type InputProblem, isInputError } from '../../core/errors.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/import/', import.meta.url));

/** The fixture's bytes and the name a user would type for it (relative, as the error messages show it). */
export function fixture(name: string): { bytes: Uint8Array; file: string } {
  return { bytes: new Uint8Array(readFileSync(FIXTURES + name)), file: `test/fixtures/import/${name}` };
}

export function problemOf(run: () => unknown): InputProblem {
  try {
    run();
  } catch (e) {
    if (isInputError(e)) return e.problem;
    throw e;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Where a problem points, with absent parts as undefined, for exact comparison. */
export function at(p: InputProblem): { file?: string; line?: number; column?: number } {
  return { file: p.file, line: p.line, column: p.column };
}
