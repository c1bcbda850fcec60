/** Shared by the importer tests: fixture bytes and where a problem points (test/support/errors.ts catches it). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InputProblem } from '../../core/errors.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/import/', import.meta.url));

/** The fixture's bytes and the name a user would type for it (relative, as the error messages show it). */
export function fixture(name: string): { bytes: Uint8Array; file: string } {
  return { bytes: new Uint8Array(readFileSync(FIXTURES + name)), file: `test/fixtures/import/${name}` };
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Where a problem points, with absent parts as undefined, for exact comparison. */
export function at(p: InputProblem): { file?: string; line?: number; column?: number } {
  return { file: p.file, line: p.line, column: p.column };
}
