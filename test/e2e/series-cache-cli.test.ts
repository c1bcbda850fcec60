/**
 * The parsed-price cache (src/adapters/market-data/series-cache.ts) changes speed, never a result: the compiled CLI's
 * backtest JSON is byte for byte the same with the cache off, on a first run (which writes it) and on a second run
 * (which reads it: its entries are left as they were, not rewritten).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ARGS = [
  'backtest',
  '--weights',
  'AAA=0.5,BBB=0.3,CCC=0.2',
  '--prices',
  'test/fixtures/backtest/three-assets',
  '--benchmark',
  'SPY,QQQ',
  '--base',
  'KRW',
  '--json',
];

function run(env: Record<string, string>): string {
  const r = spawnSync(process.execPath, ['bin/dispersion.js', ...ARGS], {
    encoding: 'utf8',
    env: {
      ...process.env,
      LANG: 'C',
      XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'dispersion-data-')),
      ...env,
    },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('backtest with and without the parsed-price cache', () => {
  it('prints identical JSON uncached, on the run that writes the cache and on the run that reads it', () => {
    const home = mkdtempSync(join(tmpdir(), 'dispersion-cache-e2e-'));
    const dir = join(home, 'dispersion', 'series');
    const off = run({ DISPERSION_CACHE: 'off', XDG_CACHE_HOME: home });
    expect(readdirSync(home)).toEqual([]);
    const writing = run({ XDG_CACHE_HOME: home });
    const entries = readdirSync(dir).sort();
    // The three user files, SPY and QQQ with their dividends, the FX and T-bill files: at least 8 entries.
    expect(entries.length).toBeGreaterThanOrEqual(8);
    const inodes = entries.map((e) => statSync(join(dir, e)).ino);
    const reading = run({ XDG_CACHE_HOME: home });
    expect(readdirSync(dir).sort()).toEqual(entries);
    expect(entries.map((e) => statSync(join(dir, e)).ino)).toEqual(inodes); // read, not rewritten
    expect(JSON.parse(off).final).toBeGreaterThan(0);
    expect(writing).toBe(off);
    expect(reading).toBe(off);
  });
});
