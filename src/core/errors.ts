/**
 * Errors about what the user gave us. They carry where the problem is (file, line, column) and what was expected,
 * so the CLI can print one clear sentence and exit 2 without a stack trace. The core throws these as data; it never
 * formats them for a terminal.
 */
export interface InputProblem {
  /** The file the problem is in (as the user named it), or undefined for command-line values. */
  file?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column (CSV field number for CSV files). */
  column?: number;
  /** What we found, in plain words. */
  message: string;
  /** What we expected instead, in plain words. */
  expected?: string;
  /** A hint on how to fix it (e.g. how to supply a price file). */
  hint?: string;
  /** The same sentences in Korean, when the thrower wrote them (shown for `--lang ko` or a Korean locale). */
  ko?: { message: string; expected?: string; hint?: string };
}

export class InputError extends Error {
  readonly problem: InputProblem;
  constructor(problem: InputProblem) {
    super(formatProblem(problem));
    this.name = 'InputError';
    this.problem = problem;
  }
}

/** `file:line:column: message (expected …)` — the shape compilers use, so editors can jump to it. */
export function formatProblem(p: InputProblem, lang: 'en' | 'ko' = 'en'): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  if (lang === 'ko' && p.ko) {
    const expected = p.ko.expected ? `; 필요한 것: ${p.ko.expected}` : '';
    const hint = p.ko.hint ? `\n  도움말: ${p.ko.hint}` : '';
    return `${where ? `${where}: ` : ''}${p.ko.message}${expected}${hint}`;
  }
  const expected = p.expected ? `; expected ${p.expected}` : '';
  const hint = p.hint ? `\n  hint: ${p.hint}` : '';
  return `${where ? `${where}: ` : ''}${p.message}${expected}${hint}`;
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
