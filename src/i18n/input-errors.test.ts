/**
 * Every refusal in the user's language (#13): each `new InputError({...})` in src/ carries a `ko` variant, and no
 * Korean sentence writes both particles (`은(는)`, `을(를)`) where josa.ts can pick the one that fits. Found by reading
 * the source, like the warning-code scan in warnings.test.ts, so a new English-only refusal fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The index just past the string literal opening at `i` (', " or `, a template's `${…}` parts included). */
function skipString(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote) {
    if (text[j] === '\\') j += 2;
    else if (quote === '`' && text.startsWith('${', j)) j = skipBalanced(text, j + 1);
    else j++;
  }
  return j + 1;
}

/** The index just past the bracket that closes the one at `open`, strings skipped (a `)` in a message is text). */
function skipBalanced(text: string, open: number): number {
  let depth = 0;
  let j = open;
  while (j < text.length) {
    const c = text[j] as string;
    if (c === "'" || c === '"' || c === '`') {
      j = skipString(text, j);
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return j + 1;
    j++;
  }
  return j;
}

/** Each `new InputError(…)` of `text`: its 1-based line and its argument's source. */
function inputErrorCalls(text: string): { line: number; arg: string }[] {
  const calls: { line: number; arg: string }[] = [];
  const head = 'new InputError(';
  for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + head.length)) {
    const open = i + head.length - 1;
    calls.push({
      line: text.slice(0, i).split('\n').length,
      arg: text.slice(open + 1, skipBalanced(text, open) - 1),
    });
  }
  return calls;
}

/** The argument names a `ko` property: `ko: {…}`, `ko: x.ko`, or the shorthand `{ …, ko }`. */
const hasKorean = (arg: string) => /(?:^|[{,\s])ko\s*(?::|,|}|$)/.test(arg.replace(/'[^']*'|`[^`]*`/g, "''"));

describe('every input error in Korean', () => {
  const files = sourceFiles(SRC);

  it('finds the calls it checks, and tells a Korean variant from none', () => {
    const sample = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the scan reads it
      "throw new InputError({ message: 'a (b', expected: `x ${f({ y: ')' })}` });",
      "throw new InputError({ message: 'no ko: here', ko: { message: '한국어' } });",
      'throw new InputError({ message, expected, ko });',
      "throw new InputError({ message: 'token', kotlin: 1 });",
    ].join('\n');
    expect(inputErrorCalls(sample).map((c) => [c.line, hasKorean(c.arg)])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, false],
    ]);
    // The walk reaches the refusals of every layer: well over a hundred of them.
    const calls = files.flatMap((f) => inputErrorCalls(readFileSync(f, 'utf8')));
    expect(calls.length).toBeGreaterThan(150);
  });

  it('gives every InputError thrown in src/ a ko variant', () => {
    const missing = files.flatMap((f) =>
      inputErrorCalls(readFileSync(f, 'utf8'))
        .filter((c) => !hasKorean(c.arg))
        .map((c) => `${relative(SRC, f)}:${c.line}`),
    );
    expect(missing).toEqual([]);
  });

  it('writes no doubled particle such as 은(는) or 을(를): josa.ts picks the one that fits', () => {
    const doubled = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /[은을이과와으]\((?:는|를|가|과|와|로)\)|\(이\)/.test(line) && !line.trim().startsWith('//')
            ? [`${relative(SRC, f)}:${i + 1}`]
            : [],
        ),
    );
    expect(doubled).toEqual([]);
  });
});
