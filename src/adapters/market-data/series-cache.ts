/**
 * Parsed price files kept on disk between runs: a backtest of 100 symbols re-reads the same ~500,000 CSV rows on every
 * run, and parsing them was the largest share of its time. One binary file per (CSV path, parse options) in the
 * user's cache folder (`$XDG_CACHE_HOME/dispersion/series`, else `~/.cache/dispersion/series`), never beside the
 * user's files. `DISPERSION_CACHE=off` (or `0`, `no`, `false`) turns it off.
 *
 * Nothing in a cache file is trusted: it is used only when its magic, version, key (path and options), the CSV's
 * size, modification and change times, its length and a checksum all match, and its days rise strictly and its values
 * pass the parser's own checks; anything else is a miss, and the CSV is parsed and the entry rewritten. Writes go to a
 * temporary file renamed into place (concurrent runs each leave a whole file), and every failure to write (a
 * read-only or full disk, a missing home) leaves the run uncached and silent: the cache changes speed, never a result.
 *
 * Layout, little-endian: "DSPS", u32 version, u32 key bytes, u32 n, f64 size, f64 mtimeMs, f64 ctimeMs,
 * u32 checksum, key (UTF-8), zero padding to 8, n × i32 days, padding to 8, n × f64 values.
 */
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  type Stats,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Series } from '../../core/series.ts';
import type { CacheEnv } from '../cache-dir.ts';
import { userCacheDir } from '../cache-dir.ts';

const MAGIC = 0x53505344; // "DSPS" read as a little-endian u32
const VERSION = 1;
const FIXED = 48; // bytes before the key
const utf8 = new TextEncoder();

export type SeriesCacheEnv = CacheEnv;

/** The cache folder, or undefined when the cache is off (`DISPERSION_CACHE=off`) or no home is known. */
export function seriesCacheDir(o: SeriesCacheEnv = {}): string | undefined {
  return userCacheDir('series', o);
}

/** What a cache entry is for: the CSV's path and the options that change what parsing returns. */
export function seriesCacheKey(path: string, column: string, values: string, allowEmpty: boolean): string {
  return JSON.stringify([path, column.toLowerCase(), values, allowEmpty]);
}

/**
 * The entry's file name: two 32-bit FNV-1a hashes of the key's UTF-8 bytes (different offsets), as 16 hex digits.
 * Not a cryptographic hash on purpose: loading node:crypto cost a backtest ~10 ms, and nothing rests on the name
 * alone, since every entry holds its whole key and is used only when the key matches byte for byte (a collision is a
 * miss). `v2-`: the names of the sha256 era are never read again.
 */
function entryFile(dir: string, key: string): string {
  const bytes = utf8.encode(key);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return join(dir, `v2-${hex(a)}${hex(b)}.bin`);
}

function checksum(words: Int32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  return h >>> 0;
}

const pad8 = (x: number) => (x + 7) & ~7;

/** A positive double's low and high 32-bit words (unsigned), as the Float64Array of an entry holds them. */
function doubleWords(x: number): [number, number] {
  const w = new Uint32Array(Float64Array.of(x).buffer);
  return [w[0] as number, w[1] as number];
}

/**
 * The checksum of an entry's words from its days to its end (the same FNV-1a as checksum()), or -1 when a day or a
 * value breaks the parser's rules: one walk over the days and one over the values, where a separate checksum pass
 * cost as much as the checks. A function of its own, and small, so V8 optimises it after a few entries: a one-shot
 * run reads each entry once, and in the larger function around it these loops ran unoptimised for most of the run.
 * The values are checked on their two int32 words, never loaded as doubles: unoptimised code boxes every double it
 * reads (a heap number each), an int32 stays a small integer.
 */
function checkedHash(
  words: Int32Array,
  n: number,
  valuesWord: number,
  maxLo: number,
  maxHi: number,
  positive: boolean,
): number {
  let h = 0x811c9dc5;
  let prev = -2147483649; // below every int32 day
  for (let w = 0; w < n; w++) {
    const d = words[w] as number;
    h = Math.imul(h ^ d, 0x01000193);
    if (d <= prev) return -1; // the parser's rule: strictly rising days
    prev = d;
  }
  for (let w = n; w < valuesWord; w++) h = Math.imul(h ^ (words[w] as number), 0x01000193); // the padding
  for (let w = valuesWord; w < words.length; w += 2) {
    const lo = words[w] as number;
    const hi = words[w + 1] as number;
    h = Math.imul(Math.imul(h ^ lo, 0x01000193) ^ hi, 0x01000193);
    // The parser's rules, |v| < max (so finite), and v > 0 unless rates. Without the sign bit a double's bits order
    // as its magnitude (NaN above Infinity), so |v| < max is (hi, lo) below max's words; v > 0 is the sign bit clear
    // and not +0 (all words zero).
    const mag = hi & 0x7fffffff;
    if (!(mag < maxHi || (mag === maxHi && lo >>> 0 < maxLo))) return -1;
    if (positive && (hi < 0 || (hi === 0 && lo === 0))) return -1;
  }
  return h >>> 0;
}

/**
 * The cached days and values of the CSV whose stat is `st`, or undefined (no entry, or one that fails any check).
 * `positive` and `max` are the parser's value rules, re-checked on every hit.
 */
export function readCachedSeries(
  dir: string,
  key: string,
  st: Stats,
  rules: { positive: boolean; max: number },
): Pick<Series, 'days' | 'values'> | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(entryFile(dir, key), 'r');
    const size = fstatSync(fd).size;
    if (size < FIXED || size > 1 << 30) return undefined;
    const buf = new ArrayBuffer(size);
    const bytes = new Uint8Array(buf);
    let got = 0;
    while (got < size) {
      const r = readSync(fd, bytes, got, size - got, null);
      if (r <= 0) return undefined;
      got += r;
    }
    const view = new DataView(buf);
    if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return undefined;
    const keyBytes = view.getUint32(8, true);
    const n = view.getUint32(12, true);
    if (
      view.getFloat64(16, true) !== st.size ||
      view.getFloat64(24, true) !== st.mtimeMs ||
      view.getFloat64(32, true) !== st.ctimeMs
    )
      return undefined;
    const daysAt = pad8(FIXED + keyBytes);
    const valuesAt = pad8(daysAt + 4 * n);
    if (size !== valuesAt + 8 * n) return undefined;
    const wanted = utf8.encode(key);
    if (wanted.length !== keyBytes) return undefined;
    for (let i = 0; i < keyBytes; i++) if (bytes[FIXED + i] !== wanted[i]) return undefined;
    const [maxLo, maxHi] = doubleWords(rules.max);
    const words = new Int32Array(buf, daysAt, (size - daysAt) >> 2);
    const h = checkedHash(words, n, (valuesAt - daysAt) >> 2, maxLo, maxHi, rules.positive);
    if (h < 0 || h !== view.getUint32(40, true)) return undefined;
    const days = new Int32Array(buf, daysAt, n);
    const values = new Float64Array(buf, valuesAt, n);
    return { days, values };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Stores a parsed series; silent on any failure (the run stays uncached). */
export function writeCachedSeries(
  dir: string,
  key: string,
  st: Stats,
  series: Pick<Series, 'days' | 'values'>,
): void {
  const n = series.days.length;
  const keyBytes = utf8.encode(key);
  const daysAt = pad8(FIXED + keyBytes.length);
  const valuesAt = pad8(daysAt + 4 * n);
  const buf = new ArrayBuffer(valuesAt + 8 * n);
  const view = new DataView(buf);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, keyBytes.length, true);
  view.setUint32(12, n, true);
  view.setFloat64(16, st.size, true);
  view.setFloat64(24, st.mtimeMs, true);
  view.setFloat64(32, st.ctimeMs, true);
  new Uint8Array(buf, FIXED, keyBytes.length).set(keyBytes);
  new Int32Array(buf, daysAt, n).set(series.days);
  new Float64Array(buf, valuesAt, n).set(series.values);
  view.setUint32(40, checksum(new Int32Array(buf, daysAt, (buf.byteLength - daysAt) >> 2)), true);
  const file = entryFile(dir, key);
  const tmp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, new Uint8Array(buf), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}
