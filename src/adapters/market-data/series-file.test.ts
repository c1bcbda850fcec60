import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { toDay } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import { onOrBefore } from '../../core/series.ts';
import { parseSeriesCsv, readSeriesFile, type SeriesFileOptions } from './series-file.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/market/', import.meta.url));
const opts: SeriesFileOptions = { column: 'close', file: 'prices/X.csv', source: 'test:X' };

describe('parseSeriesCsv', () => {
  it('reads dates and values into typed arrays, with the source', () => {
    const s = parseSeriesCsv('date,close\n2026-01-05,100\n2026-01-06,101.5\n', opts);
    expect(Array.from(s.days)).toEqual([toDay('2026-01-05'), toDay('2026-01-06')]);
    expect(Array.from(s.values)).toEqual([100, 101.5]);
    expect(s.days).toBeInstanceOf(Int32Array);
    expect(s.values).toBeInstanceOf(Float64Array);
    expect(s.source).toBe('test:X');
  });

  it('finds the value column by header, ignores extra columns, CRLF, a BOM, blank lines and quotes', () => {
    const text = '\uFEFFDate,Open,Close,Volume\r\n2026-01-05,9,"1,234.5",100\r\n\r\n2026-01-06,9,1e3,100\r\n';
    const s = parseSeriesCsv(text, opts);
    expect(Array.from(s.values)).toEqual([1234.5, 1000]);
  });

  it('reports an unsorted date at its line and column, naming both dates', () => {
    const p = problemOf(() => parseSeriesCsv('date,close\n2020-01-02,1\n2020-01-05,1\n2020-01-03,1\n', opts));
    expect(p).toMatchObject({ file: 'prices/X.csv', line: 4, column: 1 });
    expect(new InputError(p).message).toBe(
      "prices/X.csv:4:1: date 2020-01-03 is not after the previous row's 2020-01-05 (line 3); expected dates in increasing order with no repeats",
    );
  });

  it('reports a repeated date', () => {
    const p = problemOf(() => parseSeriesCsv('date,close\n2020-01-02,1\n2020-01-02,2\n', opts));
    expect(p).toMatchObject({ line: 3, column: 1, expected: 'dates in increasing order with no repeats' });
    expect(p.message).toContain('repeats');
  });

  it('points at the date column wherever it is', () => {
    const p = problemOf(() => parseSeriesCsv('close,date\n1,2020-01-02\n1,2020-01-01\n', opts));
    expect(p).toMatchObject({ line: 3, column: 2 });
  });

  it.each([
    ['0', 'is not positive'],
    ['-3.5', 'is not positive'],
    ['abc', 'is not a number'],
    ['', 'is empty'],
    ['1e999', 'is not a number'],
  ])('refuses the close %j at line/column of the value', (cell, words) => {
    const p = problemOf(() => parseSeriesCsv(`date,close\n2020-01-02,1\n2020-01-03,${cell}\n`, opts));
    expect(p).toMatchObject({ file: 'prices/X.csv', line: 3, column: 2 });
    expect(p.message).toContain(words);
  });

  it.each(['2020-02-30', '2020/01/03', '03-01-2020', '2020-1-3', ''])('refuses the date %j', (cell) => {
    const p = problemOf(() => parseSeriesCsv(`date,close\n${cell},1\n`, opts));
    expect(p).toMatchObject({ line: 2, column: 1, expected: 'a real calendar date written YYYY-MM-DD' });
  });

  it('refuses a row too short to hold the value', () => {
    const p = problemOf(() => parseSeriesCsv('date,close\n2020-01-02\n', opts));
    expect(p).toMatchObject({ line: 2, column: 2 });
  });

  it('refuses a header without the expected column, naming what it found', () => {
    const p = problemOf(() => parseSeriesCsv('date,price\n2020-01-02,1\n', opts));
    expect(p).toMatchObject({ file: 'prices/X.csv', line: 1 });
    expect(p.column).toBeUndefined(); // a missing column has no field to point at
    expect(p.message).toBe('the header has no close column (found: "date", "price")');
    const q = problemOf(() => parseSeriesCsv('day,close\n', opts));
    expect(q.message).toContain('no date column');
  });

  it('refuses an empty file and a header-only price file, but accepts a header-only dividends file', () => {
    expect(problemOf(() => parseSeriesCsv('', opts))).toMatchObject({
      line: 1,
      message: 'the file is empty',
    });
    expect(problemOf(() => parseSeriesCsv('\n\n', opts))).toMatchObject({ message: 'the file is empty' });
    expect(problemOf(() => parseSeriesCsv('date,close\n', opts))).toMatchObject({ line: 1 });
    const d = parseSeriesCsv('date,dividend\n', { ...opts, column: 'dividend', allowEmpty: true });
    expect(d.days.length).toBe(0);
    expect(d.values.length).toBe(0);
  });

  it('accepts zero and negative values only when asked (interest rates), never non-numbers', () => {
    const r = parseSeriesCsv('date,rate\n2020-01-02,0.00\n2020-01-03,-0.05\n', {
      ...opts,
      column: 'rate',
      values: 'finite',
    });
    expect(Array.from(r.values)).toEqual([0, -0.05]);
    expect(
      problemOf(() =>
        parseSeriesCsv('date,rate\n2020-01-02,.\n', { ...opts, column: 'rate', values: 'finite' }),
      ),
    ).toMatchObject({ line: 2, column: 2 });
  });
});

describe('readSeriesFile', () => {
  it('names the file as given in the error', () => {
    const file = `${FIXTURES}bad/unsorted.csv`;
    const p = problemOf(() => readSeriesFile(file, { ...opts, file }));
    expect(p).toMatchObject({ file, line: 4, column: 1 });
  });

  it('says when the file does not exist', () => {
    const p = problemOf(() => readSeriesFile(`${FIXTURES}bad/nope.csv`, { ...opts, file: 'nope.csv' }));
    expect(p).toMatchObject({ file: 'nope.csv', message: 'file not found' });
  });
});

describe('on-or-before lookups on a loaded series', () => {
  // test/fixtures/market/bundled/prices/AAA.csv: Mon 01-05 100, Tue 01-06 101.5, Wed 01-07 99.25, Fri 01-09 102.
  const s = readSeriesFile(`${FIXTURES}bundled/prices/AAA.csv`, opts);

  it('is undefined before the first date', () => {
    expect(onOrBefore(s, toDay('2026-01-04'))).toBeUndefined();
  });

  it('uses the exact date when there is a row', () => {
    expect(onOrBefore(s, toDay('2026-01-06'))).toEqual({ value: 101.5, day: toDay('2026-01-06') });
  });

  it('falls back to the last earlier row on a missing weekday and on a weekend', () => {
    expect(onOrBefore(s, toDay('2026-01-08'))).toEqual({ value: 99.25, day: toDay('2026-01-07') });
    expect(onOrBefore(s, toDay('2026-01-11'))).toEqual({ value: 102, day: toDay('2026-01-09') });
  });
});

describe('parseSeriesCsv: values that overflow', () => {
  it('refuses 1e300 (it would make every value Infinity) at its line and column', () => {
    const p = problemOf(() => parseSeriesCsv('date,close\n2026-01-05,100\n2026-01-06,1e300\n', opts));
    expect(p).toMatchObject({
      file: 'prices/X.csv',
      line: 3,
      column: 2,
      message: 'close "1e300" is implausibly large',
    });
  });

  it('keeps large real values: a Berkshire A share and a dong rate', () => {
    const s = parseSeriesCsv('date,close\n2026-01-05,745000\n2026-01-06,26350.5\n', opts);
    expect([...s.values]).toEqual([745000, 26350.5]);
  });
});
