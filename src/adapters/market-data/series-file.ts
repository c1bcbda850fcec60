/**
 * One `date,<value>` CSV (closes, FX rates, dividends, interest rates) → a validated Series. Hand-written rather than
 * csv-parse because these files are simple, and the ~55 bundled price files (~360k rows) are read on every run: a line
 * split and a binary search beat a general parser here.
 *
 * Everything a later calculation silently relies on is checked once, here: real ISO dates, strictly increasing (so
 * lookups can binary-search and a repeated day never double-counts), finite values, and values > 0 for prices, FX
 * and dividends (a 0 close would divide by zero in a return). Any violation is an InputError pointing at
 * file:line:column, because a user price file is user input and a broken bundled file is worth the same precision.
 */

import { readFileSync, type Stats, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { dayFromCivil, daysInMonth, fromDay, parseIsoDay } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import type { Series } from '../../core/series.ts';
import { particle, withJosa } from '../../i18n/josa.ts';
import { assertRegularFile, fileErrorReason } from '../files/user-files.ts';
import { readCachedSeries, seriesCacheDir, seriesCacheKey, writeCachedSeries } from './series-cache.ts';

export interface SeriesFileOptions {
  /** The value column's header (`close`, `rate`, `dividend`, …), matched case-insensitively. Extra columns are ignored. */
  column: string;
  /** The file as errors should name it (`prices/NVDA.csv`, or the path the user gave). */
  file: string;
  /** Provenance carried by the series, e.g. `bundled:prices/NVDA.csv`. */
  source: string;
  /**
   * `positive` (default): every value finite and > 0 (prices, FX, dividends). `finite`: any finite number (interest
   * rates, which were exactly 0 on some days and can be negative elsewhere).
   */
  values?: 'positive' | 'finite';
  /** Whether a header-only file is valid (dividends: "no dividends"); otherwise it is an error. */
  allowEmpty?: boolean;
}

/** A plain decimal, optionally with an exponent (FRED and Yahoo never write more than that). */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A spreadsheet-formatted number with thousands separators (`"4,012"`, quoted in the CSV). */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Parsed files by path, size and modification time: the dashboard server answers many requests from one process,
 * and re-parsing 6,600-row CSVs for each would dominate its response time. A changed file has a new mtime or size
 * and is read again; series are never mutated after parsing, so sharing them is safe.
 */
const parsed = new Map<string, Series>();

export function readSeriesFile(path: string, options: SeriesFileOptions): Series {
  let key: string | undefined;
  let st: Stats | undefined;
  try {
    st = statSync(path);
    key = [
      path,
      st.size,
      st.mtimeMs,
      options.column,
      options.values,
      options.allowEmpty,
      options.file,
      options.source,
    ].join('|');
    const hit = parsed.get(key);
    if (hit) return hit;
  } catch {
    // Fall through: reading the file below reports the problem in the user's words.
  }
  // Then the parsed copy on disk from an earlier run (series-cache.ts), checked before it is used.
  const dir = st?.isFile() ? seriesCacheDir() : undefined;
  const diskKey =
    dir === undefined
      ? undefined
      : seriesCacheKey(
          resolve(path),
          options.column,
          options.values ?? 'positive',
          options.allowEmpty === true,
        );
  const cached =
    dir && diskKey && st
      ? readCachedSeries(dir, diskKey, st, {
          positive: (options.values ?? 'positive') === 'positive',
          max: MAX_SERIES_VALUE,
        })
      : undefined;
  let series: Series;
  if (cached && (cached.days.length > 0 || options.allowEmpty)) {
    series = { ...cached, source: options.source };
  } else {
    series = parseSeriesBytes(readBytes(path, options), options);
    if (dir && diskKey && st) writeCachedSeries(dir, diskKey, st, series);
  }
  if (key) parsed.set(key, series);
  return series;
}

function readBytes(path: string, options: SeriesFileOptions): Uint8Array {
  assertRegularFile(path, { en: 'a CSV file of dated values', ko: '날짜별 값이 든 CSV 파일' }, options.file);
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      file: options.file,
      message: code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(e)})`,
      ko: {
        message:
          code === 'ENOENT'
            ? '파일이 없습니다'
            : `읽을 수 없습니다: ${code ? fileErrorReason(code, 'ko') : String(e)}`,
      },
    });
  }
}

/** Values at or past this are refused (1e300 × a quantity is Infinity, and no real close is near it). */
export const MAX_SERIES_VALUE = 1e12;

export function parseSeriesCsv(text: string, options: SeriesFileOptions): Series {
  return parseSeriesBytes(new TextEncoder().encode(text), options);
}

const LF = 10;
const CR = 13;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const ZERO = 48;
const utf8 = new TextDecoder();
/** Exact powers of ten: an integer below 2^53 divided by one of these is the correctly rounded decimal (= Number). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The file's bytes, scanned once. A row written `YYYY-MM-DD,digits[.digits]` with the date and value columns first
 * (every bundled file, most user files) is read straight from the bytes: no line strings, no split, no regex. Any
 * other row (quotes, spaces, signs, exponents, more columns, more than 15 digits, or something wrong) is decoded
 * and read by `generalRow`, which also words every error; so the fast path changes speed, never a result.
 */
export function parseSeriesBytes(input: Uint8Array, options: SeriesFileOptions): Series {
  const { file, column } = options;
  // A plain Uint8Array view (a Buffer is a subclass): one element kind for the JIT however the bytes arrived.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const positive = (options.values ?? 'positive') === 'positive';
  const len = bytes.length;
  let pos = len >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let lineNo = 0;
  // The header is the first non-blank line; blank lines anywhere are skipped (editors add them at the end).
  let headerText = '';
  while (pos < len) {
    const end = lineEnd(bytes, pos);
    lineNo++;
    headerText = utf8.decode(bytes.subarray(pos, end));
    pos = afterLine(bytes, end);
    if (headerText.trim() !== '') break;
    headerText = '';
  }
  if (headerText === '') {
    throw new InputError({
      file,
      line: 1,
      message: 'the file is empty',
      expected: `a header line "date,${column}"`,
      ko: { message: '빈 파일입니다', expected: `머리글 줄 "date,${column}"` },
    });
  }
  const headerLine = lineNo;
  const header = splitLine(headerText).map((c) => c.trim().toLowerCase());
  const dateCol = header.indexOf('date');
  const valueCol = header.indexOf(column.toLowerCase());
  if (dateCol < 0 || valueCol < 0) {
    const missing = [dateCol < 0 ? 'date' : undefined, valueCol < 0 ? column : undefined].filter(Boolean);
    throw new InputError({
      file,
      line: headerLine,
      message: `the header has no ${missing.join(' and no ')} column (found: ${header.map((c) => `"${c}"`).join(', ')})`,
      expected: `a header line with columns date and ${column}, e.g. "date,${column}"`,
      ko: {
        message: `머리글에 ${missing.join(', ')} 열이 없습니다 (있는 열: ${header.map((c) => `"${c}"`).join(', ')})`,
        expected: `date와 ${column} 열이 있는 머리글 줄, 예: "date,${column}"`,
      },
    });
  }
  const need = Math.max(dateCol, valueCol) + 1;
  const simple = dateCol === 0 && valueCol === 1;
  const ctx: RowContext = { file, column, need, dateCol, valueCol, positive };
  // Without a \r anywhere, a line ends at the next \n: found by the native indexOf rather than a loop.
  const lfOnly = bytes.indexOf(CR, pos) < 0;

  // A row is at least 12 bytes (`YYYY-MM-DD,1` and a line end), so this bounds the row count.
  let cap = Math.ceil((len - pos) / 12) + 1;
  let days = new Int32Array(cap);
  let values = new Float64Array(cap);
  let n = 0;
  let prevLine = 0;
  while (pos < len) {
    const a = pos;
    let b: number;
    if (lfOnly) {
      b = bytes.indexOf(LF, a);
      if (b < 0) b = len;
      pos = b + 1;
    } else {
      b = lineEnd(bytes, a);
      pos = afterLine(bytes, b);
    }
    lineNo++;
    if (a === b) continue;
    if (n === cap) {
      // Rows shorter than 12 bytes can only be general-path rows (`2026-1-5,1`); grow for them.
      cap *= 2;
      const d2 = new Int32Array(cap);
      d2.set(days);
      days = d2;
      const v2 = new Float64Array(cap);
      v2.set(values);
      values = v2;
    }
    if (simple && b - a > 11 && bytes[a + 10] === COMMA) {
      const day = dayAt(bytes, a);
      const value = day === undefined ? Number.NaN : plainNumberAt(bytes, a + 11, b);
      if (
        day !== undefined &&
        (n === 0 || day > (days[n - 1] as number)) &&
        value > 0 &&
        value < MAX_SERIES_VALUE
      ) {
        days[n] = day;
        values[n] = value;
        n++;
        prevLine = lineNo;
        continue;
      }
    }
    const raw = utf8.decode(bytes.subarray(a, b));
    if (raw.trim() === '') continue;
    const row = generalRow(ctx, raw, lineNo, n ? (days[n - 1] as number) : undefined, prevLine);
    days[n] = row.day;
    values[n] = row.value;
    n++;
    prevLine = lineNo;
  }

  if (n === 0 && !options.allowEmpty) {
    throw new InputError({
      file,
      line: headerLine,
      message: 'the file has a header but no rows',
      expected: 'at least one row',
      ko: { message: '머리글만 있고 데이터 행이 없습니다', expected: '데이터 행 하나 이상' },
    });
  }
  return { days: days.slice(0, n), values: values.slice(0, n), source: options.source };
}

interface RowContext {
  file: string;
  column: string;
  need: number;
  dateCol: number;
  valueCol: number;
  positive: boolean;
}

/** Any row, from its text: split, trimmed, every check with its error. */
function generalRow(
  c: RowContext,
  raw: string,
  line: number,
  prev: number | undefined,
  prevAt: number,
): { day: number; value: number } {
  const { file, column, need, dateCol, valueCol, positive } = c;
  const cells = raw.includes('"') ? splitLine(raw) : raw.split(',');
  if (cells.length < need) {
    throw new InputError({
      file,
      line,
      column: cells.length + 1,
      message: `the row has ${cells.length} field${cells.length === 1 ? '' : 's'}`,
      expected: `at least ${need} fields, with the date in column ${dateCol + 1} and ${column} in column ${valueCol + 1}`,
      ko: {
        message: `이 행의 필드는 ${cells.length}개입니다`,
        expected: `필드 ${need}개 이상 (${dateCol + 1}번째 열에 날짜, ${valueCol + 1}번째 열에 ${column})`,
      },
    });
  }
  const dateText = (cells[dateCol] as string).trim();
  const day = parseIsoDay(dateText);
  if (day === undefined) {
    throw new InputError({
      file,
      line,
      column: dateCol + 1,
      message: dateText === '' ? 'the date is empty' : `"${dateText}" is not a date`,
      expected: 'a real calendar date written YYYY-MM-DD',
      ko: {
        message:
          dateText === ''
            ? '날짜가 비어 있습니다'
            : `"${dateText}"${particle(dateText, '은/는')} 날짜가 아닙니다`,
        expected: 'YYYY-MM-DD로 쓴 실제 날짜',
      },
    });
  }
  if (prev !== undefined && day <= prev) {
    throw new InputError({
      file,
      line,
      column: dateCol + 1,
      message:
        day === prev
          ? `date ${dateText} repeats the previous row's (line ${prevAt})`
          : `date ${dateText} is not after the previous row's ${fromDay(prev)} (line ${prevAt})`,
      expected: 'dates in increasing order with no repeats',
      ko: {
        message:
          day === prev
            ? `날짜 ${withJosa(dateText, '이/가')} 앞 행(${prevAt}행)과 같습니다`
            : `날짜 ${withJosa(dateText, '이/가')} 앞 행(${prevAt}행)의 ${fromDay(prev)}보다 뒤가 아닙니다`,
        expected: '중복 없이 오름차순인 날짜',
      },
    });
  }
  const valueText = (cells[valueCol] as string).trim();
  const value = parseNumber(valueText);
  if (value === undefined || !Number.isFinite(value)) {
    throw new InputError({
      file,
      line,
      column: valueCol + 1,
      message: valueText === '' ? `the ${column} is empty` : `${column} "${valueText}" is not a number`,
      expected: positive ? 'a number greater than 0, such as 123.45' : 'a number, such as 3.25',
      ko: {
        message:
          valueText === ''
            ? `${column} 값이 비어 있습니다`
            : `${column} 값 "${valueText}"${particle(valueText, '은/는')} 숫자가 아닙니다`,
        expected: positive ? '0보다 큰 숫자, 예: 123.45' : '숫자, 예: 3.25',
      },
    });
  }
  // No price, rate or index level reaches a trillion; past it a value times a holding overflows to Infinity.
  if (Math.abs(value) >= MAX_SERIES_VALUE) {
    throw new InputError({
      file,
      line,
      column: valueCol + 1,
      message: `${column} "${valueText}" is implausibly large`,
      expected: `a ${column} below 1,000,000,000,000`,
      ko: {
        message: `${column} 값 "${valueText}"${particle(valueText, '이/가')} 믿기 어려울 만큼 큽니다`,
        expected: `1,000,000,000,000 미만의 ${column} 값`,
      },
    });
  }
  if (positive && value <= 0) {
    throw new InputError({
      file,
      line,
      column: valueCol + 1,
      message: `${column} ${valueText} is not positive`,
      expected: 'a number greater than 0',
      ko: {
        message: `${column} 값 ${withJosa(valueText, '이/가')} 양수가 아닙니다`,
        expected: '0보다 큰 숫자',
      },
    });
  }
  return { day, value };
}

/** End (exclusive) of the line starting at `from`: the next \r or \n, or the end of the bytes. */
function lineEnd(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && bytes[i] !== LF && bytes[i] !== CR) i++;
  return i;
}

/** Where the next line starts after a line ending at `end` (\r\n, \r or \n, as split(/\r\n|\r|\n/) reads them). */
function afterLine(bytes: Uint8Array, end: number): number {
  return bytes[end] === CR && bytes[end + 1] === LF ? end + 2 : end + 1;
}

/** `YYYY-MM-DD` at `at` as a day number (parseIsoDay's rules), or undefined. */
function dayAt(bytes: Uint8Array, at: number): number | undefined {
  if (bytes[at + 4] !== DASH || bytes[at + 7] !== DASH) return undefined;
  const y0 = (bytes[at] as number) - ZERO;
  const y1 = (bytes[at + 1] as number) - ZERO;
  const y2 = (bytes[at + 2] as number) - ZERO;
  const y3 = (bytes[at + 3] as number) - ZERO;
  const m0 = (bytes[at + 5] as number) - ZERO;
  const m1 = (bytes[at + 6] as number) - ZERO;
  const d0 = (bytes[at + 8] as number) - ZERO;
  const d1 = (bytes[at + 9] as number) - ZERO;
  // `x >>> 0 > 9` is "not a digit" for a byte minus '0' (a negative one turns huge).
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return undefined;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return undefined;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return dayFromCivil(y, m, d);
}

/**
 * `digits[.digits]` filling [from, to) with at most 15 digits, as Number would read it (an exact integer over an exact
 * power of ten rounds once, correctly); NaN for anything else, which sends the row to the general path.
 */
function plainNumberAt(bytes: Uint8Array, from: number, to: number): number {
  let mantissa = 0;
  let digits = 0;
  let dot = -1;
  for (let i = from; i < to; i++) {
    const c = bytes[i] as number;
    if (c === DOT) {
      if (dot >= 0) return Number.NaN;
      dot = i;
      continue;
    }
    const v = c - ZERO;
    if (v < 0 || v > 9) return Number.NaN;
    mantissa = mantissa * 10 + v;
    digits++;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  return dot < 0 ? mantissa : mantissa / (POW10[to - dot - 1] as number);
}

function parseNumber(s: string): number | undefined {
  if (PLAIN_NUMBER.test(s)) return Number(s);
  if (GROUPED_NUMBER.test(s)) return Number(s.replace(/,/g, ''));
  return undefined;
}

/** Splits one line on commas, honouring double quotes (`"4,012"`, `""` for a literal quote). No multi-line fields. */
function splitLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
