/**
 * Reads a JSON data file (universe, model) and validates it with a zod schema, turning every failure into an
 * InputError that names the file, the line and column where it can, and the JSON path of the bad value.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError } from '../../core/errors.ts';
import { assertRegularFile, fileErrorReason } from '../files/user-files.ts';

export function readJsonFile<T>(file: string, schema: z.ZodType<T>, what: string): T {
  assertRegularFile(file, `a ${what} JSON file`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      file,
      message:
        code === 'ENOENT' ? `${what} file not found` : `cannot read ${what} file: ${fileErrorReason(code)}`,
    });
  }
  return parseJsonText(text.replace(/^\uFEFF/, ''), file, schema, what);
}

export function parseJsonText<T>(text: string, file: string, schema: z.ZodType<T>, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    const where = pos ? lineColumn(text, Number(pos[1])) : {};
    throw new InputError({
      file,
      ...where,
      message: `${what} file is not valid JSON`,
      expected: 'a JSON document',
    });
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : '(document)';
    throw new InputError({ file, message: `${what} file: ${path}: ${issue?.message ?? 'invalid'}` });
  }
  return result.data;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}
