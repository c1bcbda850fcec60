import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCachedSeries, seriesCacheDir, seriesCacheKey, writeCachedSeries } from './series-cache.ts';
import { parseSeriesCsv, readSeriesFile } from './series-file.ts';

const CSV = 'date,close\n2024-01-02,100.5\n2024-01-03,101.25\n2024-01-04,99\n';
/** Same size as CSV, other closes: a cache keyed on size alone would return the old ones. */
const CSV2 = 'date,close\n2024-01-02,200.5\n2024-01-03,201.25\n2024-01-04,98\n';

let saved: NodeJS.ProcessEnv;
let cacheHome: string;
let work: string;
let run = 0;
/** Each read under a new `source`, so the in-process memo (keyed on it) never answers and the disk cache must. */
const read = (file: string) => readSeriesFile(file, { column: 'close', file, source: `t${run++}` });
const entries = () => readdirSync(join(cacheHome, 'dispersion', 'series'));

beforeEach(() => {
  saved = { ...process.env };
  cacheHome = mkdtempSync(join(tmpdir(), 'dispersion-cache-home-'));
  work = mkdtempSync(join(tmpdir(), 'dispersion-cache-csv-'));
  process.env.XDG_CACHE_HOME = cacheHome;
  delete process.env.DISPERSION_CACHE;
});
afterEach(() => {
  process.env = saved;
});

describe('seriesCacheDir', () => {
  it('is under XDG_CACHE_HOME, else ~/.cache; off with DISPERSION_CACHE=off; a relative XDG path is ignored', () => {
    expect(seriesCacheDir({ env: { XDG_CACHE_HOME: '/c' }, home: '/h' })).toBe('/c/dispersion/series');
    expect(seriesCacheDir({ env: {}, home: '/h' })).toBe('/h/.cache/dispersion/series');
    expect(seriesCacheDir({ env: { XDG_CACHE_HOME: 'rel' }, home: '/h' })).toBe(
      '/h/.cache/dispersion/series',
    );
    for (const off of ['off', '0', 'no', 'FALSE'])
      expect(seriesCacheDir({ env: { DISPERSION_CACHE: off, XDG_CACHE_HOME: '/c' } })).toBeUndefined();
  });
});

describe('readSeriesFile with the disk cache', () => {
  it('writes one entry on the first read, and the second read gives the very same days and values', () => {
    const file = join(work, 'AAA.csv');
    writeFileSync(file, CSV);
    const first = read(file);
    expect(entries()).toHaveLength(1);
    const before = readFileSync(join(cacheHome, 'dispersion', 'series', entries()[0] as string));
    const second = read(file);
    expect([...second.days]).toEqual([...first.days]);
    expect([...second.values]).toEqual([100.5, 101.25, 99]);
    expect(second.source).toBe(`t${run - 1}`);
    // The hit came from the entry (unchanged, not rewritten) and matches an independent parse of the text.
    expect(readFileSync(join(cacheHome, 'dispersion', 'series', entries()[0] as string))).toEqual(before);
    const direct = parseSeriesCsv(CSV, { column: 'close', file, source: 'x' });
    expect([...second.days]).toEqual([...direct.days]);
  });

  it('reads the CSV again when it changes, even to the same size and with its old modification time', () => {
    const file = join(work, 'AAA.csv');
    writeFileSync(file, CSV);
    const st = statSync(file);
    expect([...read(file).values]).toEqual([100.5, 101.25, 99]);
    writeFileSync(file, CSV2);
    utimesSync(file, st.atime, st.mtime); // the change time still moves
    expect(statSync(file).size).toBe(st.size);
    expect([...read(file).values]).toEqual([200.5, 201.25, 98]);
    expect(entries()).toHaveLength(1); // the entry for this path was replaced, not added to
    expect([...read(file).values]).toEqual([200.5, 201.25, 98]);
  });

  it('ignores and rewrites a corrupt entry (one flipped byte) or a foreign file in its place', () => {
    const file = join(work, 'AAA.csv');
    writeFileSync(file, CSV);
    read(file);
    const entry = join(cacheHome, 'dispersion', 'series', entries()[0] as string);
    const good = readFileSync(entry);
    for (const at of [0, 20, good.length - 3]) {
      const bad = Buffer.from(good);
      bad[at] = (bad[at] as number) ^ 0x40;
      writeFileSync(entry, bad);
      expect([...read(file).values]).toEqual([100.5, 101.25, 99]);
      expect(readFileSync(entry)).toEqual(good);
    }
    writeFileSync(entry, 'not a cache file at all');
    expect([...read(file).values]).toEqual([100.5, 101.25, 99]);
    expect(readFileSync(entry)).toEqual(good);
  });

  it('never uses an entry whose days do not rise or whose values break the parser rules, checksum or not', () => {
    const file = join(work, 'AAA.csv');
    writeFileSync(file, CSV);
    const st = statSync(file);
    const dir = join(cacheHome, 'dispersion', 'series');
    const key = seriesCacheKey(file, 'close', 'positive', false);
    const rules = { positive: true, max: 1e12 };
    writeCachedSeries(dir, key, st, { days: Int32Array.of(5, 5), values: Float64Array.of(1, 2) });
    expect(readCachedSeries(dir, key, st, rules)).toBeUndefined();
    writeCachedSeries(dir, key, st, { days: Int32Array.of(5, 6), values: Float64Array.of(1, -2) });
    expect(readCachedSeries(dir, key, st, rules)).toBeUndefined();
    expect(readCachedSeries(dir, key, st, { positive: false, max: 1e12 })).toBeDefined();
    // Another key (the same file read as a rate column) does not answer for this one.
    expect(readCachedSeries(dir, seriesCacheKey(file, 'rate', 'positive', false), st, rules)).toBeUndefined();
  });

  it('checks each value as the parser does, |v| < max and v > 0 unless rates, at the edges of both rules', () => {
    const file = join(work, 'AAA.csv');
    writeFileSync(file, CSV);
    const st = statSync(file);
    const dir = join(cacheHome, 'dispersion', 'series');
    const key = seriesCacheKey(file, 'close', 'positive', false);
    const max = 1e12; // 2^39.9: one unit in the last place is 2^-13 on both sides
    const edges = [
      max,
      max - 2 ** -13,
      max + 2 ** -13,
      -max,
      -(max - 2 ** -13),
      0,
      -0,
      5e-324,
      -5e-324,
      1,
      -1,
    ];
    for (const v of [...edges, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      writeCachedSeries(dir, key, st, { days: Int32Array.of(5, 6), values: Float64Array.of(1, v) });
      for (const positive of [true, false]) {
        // The parser's rule, on the doubles themselves.
        const ok = Math.abs(v) < max && (!positive || v > 0);
        expect(readCachedSeries(dir, key, st, { positive, max }) !== undefined, `${v} ${positive}`).toBe(ok);
      }
    }
  });

  it('stays silent and uncached when the cache folder cannot be written', () => {
    const blocker = join(cacheHome, 'file');
    writeFileSync(blocker, '');
    process.env.XDG_CACHE_HOME = blocker; // a file where a folder should be: mkdir fails (even for root)
    const file = join(work, 'AAA.csv');
    writeFileSync(file, CSV);
    expect([...read(file).values]).toEqual([100.5, 101.25, 99]);
    expect([...read(file).values]).toEqual([100.5, 101.25, 99]);
    expect(readdirSync(cacheHome)).toEqual(['file']);
  });

  it('writes nothing with DISPERSION_CACHE=off', () => {
    process.env.DISPERSION_CACHE = 'off';
    const file = join(work, 'AAA.csv');
    writeFileSync(file, CSV);
    expect([...read(file).values]).toEqual([100.5, 101.25, 99]);
    expect(readdirSync(cacheHome)).toEqual([]);
  });

  it('caches nothing for a file that fails to parse, and still reports its error', () => {
    const file = join(work, 'BAD.csv');
    writeFileSync(file, 'date,close\n2024-01-02,abc\n');
    expect(() => read(file)).toThrow(/BAD\.csv:2:2: close "abc" is not a number/);
    expect(() => read(file)).toThrow(/BAD\.csv:2:2: close "abc" is not a number/);
    expect(readdirSync(cacheHome)).toEqual([]);
  });
});
