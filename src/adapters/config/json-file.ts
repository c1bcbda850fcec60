/**
 * Reads a JSON data file (universe, model) and validates it with a zod schema, turning every failure into an
 * InputError that names the file, the line and column where it can, and the JSON path of the bad value.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError } from '../../core/errors.ts';
import { assertRegularFile, fileErrorReason } from '../files/user-files.ts';

/** The Korean name of each kind of JSON file, for the Korean variant of its errors (an unknown kind is shown as is). */
const WHAT_KO: Readonly<Record<string, string>> = {
  scenario: '시나리오',
  universe: '종목 유니버스',
  accounts: '계좌',
  'look-through': '펀드 구성(look-through)',
  model: '모델',
  readings: '신호 판독값',
  'classification rules': '분류 규칙',
};

function whatKo(what: string): string {
  return Object.hasOwn(WHAT_KO, what) ? (WHAT_KO[what] as string) : what;
}

export function readJsonFile<T>(file: string, schema: z.ZodType<T>, what: string): T {
  assertRegularFile(file, { en: `a ${what} JSON file`, ko: `${whatKo(what)} JSON 파일` });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      file,
      message:
        code === 'ENOENT' ? `${what} file not found` : `cannot read ${what} file: ${fileErrorReason(code)}`,
      ko: {
        message:
          code === 'ENOENT'
            ? `${whatKo(what)} 파일이 없습니다`
            : `${whatKo(what)} 파일을 읽을 수 없습니다: ${fileErrorReason(code, 'ko')}`,
      },
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
      ko: { message: `${whatKo(what)} 파일이 올바른 JSON이 아닙니다`, expected: 'JSON 문서' },
    });
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : '(document)';
    throw new InputError({
      file,
      message: `${what} file: ${path}: ${issue?.message ?? 'invalid'}`,
      ko: {
        message: `${whatKo(what)} 파일: ${path}: 값이 올바르지 않습니다${issue?.message ? ` (${issue.message})` : ''}`,
      },
    });
  }
  return result.data;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}
