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
import { readFileSync, statSync } from 'node:fs';
import { fromDay, parseIsoDay } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import type { Series } from '../../core/series.ts';
import { assertRegularFile } from '../files/user-files.ts';

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
  try {
    const st = statSync(path);
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
  const series = parseSeriesCsv(readText(path, options), options);
  if (key) parsed.set(key, series);
  return series;
}

function readText(path: string, options: SeriesFileOptions): string {
  assertRegularFile(path, 'a CSV file of dated values', options.file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      file: options.file,
      message: code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(e)})`,
    });
  }
  return text;
}

/** Values at or past this are refused (1e300 × a quantity is Infinity, and no real close is near it). */
export const MAX_SERIES_VALUE = 1e12;

export function parseSeriesCsv(text: string, options: SeriesFileOptions): Series {
  const { file, column } = options;
  const positive = (options.values ?? 'positive') === 'positive';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

  // The header is the first non-blank line; blank lines anywhere are skipped (editors add them at the end).
  let h = 0;
  while (h < lines.length && (lines[h] as string).trim() === '') h++;
  if (h === lines.length) {
    throw new InputError({
      file,
      line: 1,
      message: 'the file is empty',
      expected: `a header line "date,${column}"`,
    });
  }
  const header = splitLine(lines[h] as string).map((c) => c.trim().toLowerCase());
  const dateCol = header.indexOf('date');
  const valueCol = header.indexOf(column.toLowerCase());
  if (dateCol < 0 || valueCol < 0) {
    const missing = [dateCol < 0 ? 'date' : undefined, valueCol < 0 ? column : undefined].filter(Boolean);
    throw new InputError({
      file,
      line: h + 1,
      message: `the header has no ${missing.join(' and no ')} column (found: ${header.map((c) => `"${c}"`).join(', ')})`,
      expected: `a header line with columns date and ${column}, e.g. "date,${column}"`,
    });
  }
  const need = Math.max(dateCol, valueCol) + 1;

  const days: number[] = [];
  const values: number[] = [];
  let prevLine = 0;
  for (let i = h + 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    const line = i + 1;
    const cells = raw.includes('"') ? splitLine(raw) : raw.split(',');
    if (cells.length < need) {
      throw new InputError({
        file,
        line,
        column: cells.length + 1,
        message: `the row has ${cells.length} field${cells.length === 1 ? '' : 's'}`,
        expected: `at least ${need} fields, with the date in column ${dateCol + 1} and ${column} in column ${valueCol + 1}`,
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
      });
    }
    const prev = days.length ? (days[days.length - 1] as number) : undefined;
    if (prev !== undefined && day <= prev) {
      throw new InputError({
        file,
        line,
        column: dateCol + 1,
        message:
          day === prev
            ? `date ${dateText} repeats the previous row's (line ${prevLine})`
            : `date ${dateText} is not after the previous row's ${fromDay(prev)} (line ${prevLine})`,
        expected: 'dates in increasing order with no repeats',
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
      });
    }
    if (positive && value <= 0) {
      throw new InputError({
        file,
        line,
        column: valueCol + 1,
        message: `${column} ${valueText} is not positive`,
        expected: 'a number greater than 0',
      });
    }
    days.push(day);
    values.push(value);
    prevLine = line;
  }

  if (days.length === 0 && !options.allowEmpty) {
    throw new InputError({
      file,
      line: h + 1,
      message: 'the file has a header but no rows',
      expected: 'at least one row',
    });
  }
  return { days: Int32Array.from(days), values: Float64Array.from(values), source: options.source };
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
