/**
 * Where things are in a JSON text. JSON.parse gives values without positions, and on Node 20 its syntax errors
 * often carry no position either ("Unexpected token '}' … is not valid JSON"). A small recursive-descent scan of
 * the same grammar gives both: the offset of the first syntax error, and the line on which each element of a
 * top-level array (Ghostfolio's `activities`, `accounts`) starts, so holdings can point back into the file.
 */

export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

/**
 * Nesting deeper than this is refused as an error (no export nests more than a few levels): the scan is recursive,
 * and 10,000 levels would overflow the stack.
 */
export const MAX_JSON_DEPTH = 512;

/** The scanner's reasons in Korean (the fixed ones; the two with a value are matched by their start). */
const REASONS_KO: Readonly<Record<string, string>> = {
  'unexpected text after the end of the JSON document': 'JSON 문서가 끝난 뒤에 글자가 더 있습니다',
  'the JSON ends too early': 'JSON이 너무 일찍 끝납니다',
  'expected a "quoted" property name': '따옴표로 감싼 속성 이름이 있어야 합니다',
  "expected ':' after a property name": "속성 이름 뒤에 ':'가 있어야 합니다",
  'a comma after the last property of an object is not allowed in JSON':
    'JSON에서는 객체의 마지막 속성 뒤에 쉼표를 쓸 수 없습니다',
  "expected ',' or '}' after a property value (is a comma missing?)":
    "속성 값 뒤에 ',' 또는 '}'가 있어야 합니다 (쉼표가 빠졌나요?)",
  'a comma after the last element of an array is not allowed in JSON':
    'JSON에서는 배열의 마지막 원소 뒤에 쉼표를 쓸 수 없습니다',
  "expected ',' or ']' after an array element": "배열 원소 뒤에 ',' 또는 ']'가 있어야 합니다",
  'a string is never closed': '문자열이 닫히지 않습니다',
  'a control character (such as a line break) inside a string': '문자열 안에 제어 문자(줄바꿈 등)가 있습니다',
  'an invalid escape sequence in a string': '문자열 안에 잘못된 이스케이프 시퀀스가 있습니다',
  'an invalid number': '잘못된 숫자입니다',
};

/** A scan reason in Korean; the English one when it is not a reason of this scanner. */
export function jsonReasonKo(reason: string): string {
  const fixed = REASONS_KO[reason];
  if (fixed) return fixed;
  const ch = /^unexpected character (.+)$/.exec(reason);
  if (ch) return `예상하지 못한 문자 ${ch[1]}`;
  if (reason.startsWith('arrays and objects are nested'))
    return `배열과 객체가 ${MAX_JSON_DEPTH}단계보다 깊이 중첩되어 있습니다`;
  return reason;
}

export interface JsonScan {
  /** The first syntax error (or too-deep nesting), undefined when the text is valid JSON. */
  error: JsonSyntaxError | undefined;
  /** For each requested top-level key: the 1-based start line of each element of its array. */
  elementLines: Map<string, number[]>;
}

/**
 * One linear pass over `text`: its first syntax error, and the start lines of the elements of the top-level arrays
 * under `keys`. On an error the lines are what was found up to it.
 */
export function scanJson(text: string, keys: readonly string[] = []): JsonScan {
  const elementLines = new Map<string, number[]>(keys.map((k) => [k, []]));
  // Elements are met in increasing offset order, so one forward-moving counter finds every line in a single pass.
  const lineAt = forwardLineCounter(text);
  let error: JsonSyntaxError | undefined;
  try {
    new Scanner(text, (k, offset) => elementLines.get(k)?.push(lineAt(offset))).document();
  } catch (e) {
    if (!(e instanceof ScanError)) throw e;
    error = { offset: e.offset, ...lineColumnAt(text, e.offset), reason: e.reason };
  }
  return { error, elementLines };
}

/**
 * Where every value of a JSON text starts, by its path (`balanceList.balance.equityList[1].isinCode`, the root as
 * ``), so an error about a nested value can name its line and column. Meant for small documents (a broker's API
 * response): it keeps one entry per value. Undefined on a syntax error.
 */
export function jsonValuePlaces(text: string): Map<string, { line: number; column: number }> | undefined {
  const places = new Map<string, { line: number; column: number }>();
  let line = 1;
  let lineStart = 0;
  let pos = 0;
  const at = (offset: number) => {
    for (; pos < offset && pos < text.length; pos++) {
      if (text.charCodeAt(pos) === 10) {
        line++;
        lineStart = pos + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
  try {
    new Scanner(text, undefined, (path, offset) => places.set(path, at(offset))).document();
  } catch (e) {
    if (!(e instanceof ScanError)) throw e;
    return undefined;
  }
  return places;
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return scanJson(text).error;
}

/**
 * 1-based start line of each element of the array under top-level key `key` (empty if there is none). Meant for
 * text that JSON.parse accepted; on a syntax error it returns what it found up to the error.
 */
export function topLevelArrayElementLines(text: string, key: string): number[] {
  return scanJson(text, [key]).elementLines.get(key) ?? [];
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** For offsets given in increasing order: the 1-based line of each, counting only the text since the last call. */
function forwardLineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset) => {
    for (; pos < offset && pos < text.length; pos++) if (text.charCodeAt(pos) === 10) line++;
    return line;
  };
}

/** A JSON number at `lastIndex` (sticky, so it never searches ahead). */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class ScanError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

class Scanner {
  private pos = 0;
  private depth = 0;
  /** The path of the value being read, kept only when `onValue` wants it. */
  private readonly path: string[] = [];

  constructor(
    private readonly text: string,
    /** Called with (top-level key, offset) for each element of a top-level array. */
    private readonly onTopLevelElement?: (key: string, offset: number) => void,
    /** Called with (path, offset) for every value. */
    private readonly onValue?: (path: string, offset: number) => void,
  ) {}

  document(): void {
    this.skipSpace();
    this.value(undefined);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON document');
  }

  private value(topKey: string | undefined): void {
    this.skipSpace();
    this.onValue?.(this.path.join(''), this.pos);
    const c = this.text[this.pos];
    if (c === '{') this.object();
    else if (c === '[') this.array(topKey);
    else if (c === '"') this.string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else if (!this.literal('true') && !this.literal('false') && !this.literal('null')) {
      this.fail(c === undefined ? 'the JSON ends too early' : `unexpected character ${JSON.stringify(c)}`);
    }
  }

  private enter(): void {
    if (++this.depth > MAX_JSON_DEPTH) {
      this.fail(`arrays and objects are nested more than ${MAX_JSON_DEPTH} levels deep`, this.pos - 1);
    }
  }

  private object(): void {
    this.pos++; // {
    this.enter();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      this.depth--;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('expected a "quoted" property name');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail("expected ':' after a property name");
      this.pos++;
      if (this.onValue) this.path.push(this.path.length === 0 ? key : `.${key}`);
      this.value(this.depth === 1 ? key : undefined);
      if (this.onValue) this.path.pop();
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        const comma = this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === '}')
          this.fail('a comma after the last property of an object is not allowed in JSON', comma);
        continue;
      }
      if (c === '}') {
        this.pos++;
        this.depth--;
        return;
      }
      this.fail("expected ',' or '}' after a property value (is a comma missing?)");
    }
  }

  private array(topKey: string | undefined): void {
    this.pos++; // [
    this.enter();
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      this.depth--;
      return;
    }
    for (let index = 0; ; index++) {
      this.skipSpace();
      if (topKey !== undefined) this.onTopLevelElement?.(topKey, this.pos);
      if (this.onValue) this.path.push(`[${index}]`);
      this.value(undefined);
      if (this.onValue) this.path.pop();
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        const comma = this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === ']')
          this.fail('a comma after the last element of an array is not allowed in JSON', comma);
        continue;
      }
      if (c === ']') {
        this.pos++;
        this.depth--;
        return;
      }
      this.fail("expected ',' or ']' after an array element");
    }
  }

  private string(): string {
    const start = this.pos;
    let escaped = false;
    this.pos++; // opening quote
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (Number.isNaN(c)) this.fail('a string is never closed', start);
      if (c === 34) break; // "
      if (c === 92) {
        // backslash: the next character is escaped
        escaped = true;
        this.pos++;
      } else if (c < 32) this.fail('a control character (such as a line break) inside a string');
      this.pos++;
    }
    this.pos++; // closing quote
    if (!escaped) return this.text.slice(start + 1, this.pos - 1);
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      return this.fail('an invalid escape sequence in a string', start);
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail('an invalid number');
    this.pos += m[0].length;
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    this.pos += word.length;
    return true;
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      this.pos++;
    }
  }

  private fail(reason: string, offset = this.pos): never {
    throw new ScanError(offset, reason);
  }
}
