/**
 * What every use case's request is made of, and how it is checked. A request is what a command line or a query
 * string gives: strings (parsed and range-checked by the use case itself, so each error names its option), a few flags
 * and lists. The CLI passes commander's options, the server its query string, a library caller a plain object; a
 * value of the wrong type (a number for `base`, two `asOf` in one query) is refused here, naming the field.
 */
import { z } from 'zod';
import { InputError } from '../core/errors.ts';

/** The options every report command takes (parseCommonOptions reads them in this order). */
export const CommonRequest = z.object({
  lang: z.string().optional(),
  base: z.string(),
  asOf: z.string().optional(),
});

/** Where the model, universe and prices come from (openWorkspace, marketFor). */
export const WorkspaceRequest = z.object({
  model: z.string().optional(),
  prices: z.string().optional(),
  universe: z.string().optional(),
  lookThrough: z.string().optional(),
  rules: z.string().optional(),
  /** Journal database whose price cache is read (default: the per-user journal); never created. */
  db: z.string().optional(),
});

/** `--format NAME`: the holdings files' format, instead of detecting it. */
export const HoldingsRequest = z.object({ format: z.string().optional() });

/** `value` checked against `schema`: the data, or an InputError naming the first bad field. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(request)';
  throw new InputError({
    message: `${what}: ${field}: ${issue?.message ?? 'invalid'}`,
    expected: `the ${what} request's fields as strings, flags and lists (see \`dispersion ${what} --help\`)`,
    ko: {
      message: `${what}: ${field}: 값이 올바르지 않습니다${issue?.message ? ` (${issue.message})` : ''}`,
      expected: `${what} 요청의 필드 (문자열, 플래그, 목록; \`dispersion ${what} --help\` 참고)`,
    },
  });
}
