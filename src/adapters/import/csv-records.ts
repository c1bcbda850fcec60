/**
 * CSV text → records, each with the physical line it starts on. This wraps csv-parse so that the rest of the
 * importer never sees its options or its error messages: a broken file becomes an InputError with file, line and
 * field number, in words a spreadsheet user can act on.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../core/errors.ts';

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line the record starts on (a quoted field may continue onto later lines). */
  line: number;
}

export type Delimiter = ',' | '\t' | ';';

/**
 * Comma unless the header line has none: then tab (Excel's "Unicode text" and many copy-pastes) or semicolon
 * (Excel in locales whose decimal mark is a comma). Only the header decides, so a comma inside a data row can
 * never flip the delimiter.
 */
export function detectDelimiter(text: string): Delimiter {
  const headerLine = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  if (headerLine.includes(',')) return ',';
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes(';')) return ';';
  return ',';
}

export function readCsvRecords(text: string, file: string, delimiter: Delimiter): CsvRecord[] {
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      info: true,
      // Leading blank lines above the header are common in Korean broker exports; blank lines elsewhere are noise.
      skip_empty_lines: true,
      // Row lengths are checked by the importer, which can say which field is extra or missing.
      relax_column_count: true,
      // Allows `a, "b"` (a space before a quote), which csv-parse otherwise rejects.
      trim: true,
    }) as unknown as typeof parsed; // csv-parse's types do not model `info: true`
  } catch (e) {
    throw csvError(e, text, file, delimiter);
  }
  // Line numbers are counted here rather than taken from csv-parse's `info.lines`, which counts a CRLF inside a
  // quoted field as two lines and so shifts every later row. `info.bytes` (the UTF-8 offset just past the record) is
  // exact, so count line breaks up to it, then step back over the breaks inside the record's own quoted fields.
  const lineAt = lineCounter(new TextEncoder().encode(text));
  return parsed.map(({ record, info }) => ({
    fields: record,
    line: lineAt(info.bytes) - record.reduce((n, f) => n + countLineBreaks(f), 0),
  }));
}

/** For increasing byte offsets just past a record: the 1-based line the record ends on. */
function lineCounter(bytes: Uint8Array): (end: number) => number {
  let pos = 0;
  let breaks = 0;
  return (end) => {
    for (; pos < end; pos++) {
      const b = bytes[pos];
      if (b === 0x0a || (b === 0x0d && bytes[pos + 1] !== 0x0a)) breaks++;
    }
    const last = bytes[end - 1];
    const endsWithTerminator = last === 0x0a || last === 0x0d;
    return 1 + breaks - (endsWithTerminator ? 1 : 0);
  };
}

/** 1-based line of a UTF-8 byte offset (CRLF, LF and lone CR each end a line). */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

function countLineBreaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

interface CsvParseError {
  code: string;
  bytes?: unknown;
  lines?: unknown;
  column?: unknown;
}

function isCsvParseError(e: unknown): e is CsvParseError {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string';
}

function csvError(e: unknown, text: string, file: string, delimiter: Delimiter): InputError {
  if (!isCsvParseError(e)) throw e; // not the file's fault: let it surface as a bug
  // `bytes` is just past the start of the record being parsed; `lines` has the CRLF-in-quotes over-count.
  const line =
    typeof e.bytes === 'number' && e.bytes > 0
      ? lineAtByte(new TextEncoder().encode(text), e.bytes - 1)
      : typeof e.lines === 'number'
        ? e.lines
        : undefined;
  const column = typeof e.column === 'number' ? e.column + 1 : undefined;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      // csv-parse notices at the end of the file; the user needs the line where the quote was opened.
      const opened = findUnclosedQuote(text, delimiter);
      return new InputError({
        file,
        line: opened?.line ?? line,
        column: opened?.column,
        message:
          'a quoted field is opened here but never closed, so the rest of the file was read as part of it',
        expected: 'a closing double quote (") at the end of the field',
        ko: {
          message: '여기서 열린 큰따옴표가 닫히지 않아 파일의 나머지가 한 필드로 읽혔습니다',
          expected: '필드 끝의 닫는 큰따옴표(")',
        },
      });
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new InputError({
        file,
        line,
        column,
        message: 'text follows the closing quote of a quoted field',
        expected:
          'a delimiter or the end of the line right after a closing quote; write a quote inside a quoted field as ""',
        ko: {
          message: '따옴표로 감싼 필드의 닫는 따옴표 뒤에 글자가 있습니다',
          expected: '닫는 따옴표 바로 뒤에 구분 기호나 줄 끝. 따옴표 안의 따옴표는 ""로 씁니다',
        },
      });
    case 'CSV_INVALID_OPENING_QUOTE':
      return new InputError({
        file,
        line,
        column,
        message: 'a double quote appears in the middle of an unquoted field',
        expected: 'quotes only around a whole field, e.g. "Alphabet Inc., Class A"',
        ko: {
          message: '따옴표 없는 필드 중간에 큰따옴표가 있습니다',
          expected: '필드 전체를 감싸는 따옴표만. 예: "Alphabet Inc., Class A"',
        },
      });
    default:
      return new InputError({
        file,
        line,
        column,
        message: `the file could not be read as CSV (${e.code})`,
        expected: 'a comma-, tab- or semicolon-separated file with a header row',
        ko: {
          message: `파일을 CSV로 읽을 수 없습니다 (${e.code})`,
          expected: '머리글 행이 있는 쉼표·탭·세미콜론 구분 파일',
        },
      });
  }
}

/**
 * Where the quote that never closes was opened. Up to that point the file parsed, so quotes are well formed and a
 * simple walk suffices: toggle on every `"` (skipping escaped `""`), count line breaks and delimiters outside
 * quotes, and remember where the last quoted field began.
 */
export function findUnclosedQuote(
  text: string,
  delimiter: Delimiter,
): { line: number; column: number } | undefined {
  let line = 1;
  let field = 1;
  let inQuotes = false;
  let opened: { line: number; column: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && inQuotes && text[i + 1] === '"') {
      i++; // an escaped quote inside a quoted field
    } else if (c === '"') {
      inQuotes = !inQuotes;
      if (inQuotes) opened = { line, column: field };
    } else if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      if (!inQuotes) field = 1;
    } else if (!inQuotes && c === delimiter) {
      field++;
    }
  }
  return inQuotes ? opened : undefined;
}
