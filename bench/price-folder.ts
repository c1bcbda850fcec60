/**
 * A `--prices` folder of synthetic per-symbol CSVs for the whole-process benches: `n` assets (S0000, S0001, …) ×
 * `years` of weekday closes ending 2025-12-31, a seeded geometric random walk written with 4 decimals (so Python and
 * JavaScript read the very same doubles). Written once per (n, years) under the OS temp folder and reused.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromDay, toDay } from '../src/core/dates.ts';
import { prng } from '../test/support/random.ts';

export interface PriceFolder {
  dir: string;
  symbols: string[];
  /** `S0000=0.01,…`: equal weights written as decimals, the same text every peer reads. */
  weights: string;
  days: number;
}

export function priceFolder(n: number, years: number, seed = 42): PriceFolder {
  const symbols = Array.from({ length: n }, (_, i) => `S${String(i).padStart(4, '0')}`);
  const w = (1 / n).toPrecision(12).replace(/0+$/, '');
  const weights = symbols.map((s) => `${s}=${w}`).join(',');
  const last = toDay('2025-12-31');
  const first = last - Math.round(years * 365.25) + 1;
  const dates: string[] = [];
  for (let d = first; d <= last; d++) {
    const wd = (d + 4) % 7;
    if (wd !== 0 && wd !== 6) dates.push(fromDay(d));
  }
  const dir = join(tmpdir(), `dispersion-bench-prices-${n}x${years}y-${seed}`);
  if (!existsSync(join(dir, '.complete'))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    mkdirSync(tmp, { recursive: true });
    const rand = prng(seed);
    for (const s of symbols) {
      let p = 20 + 180 * rand();
      const drift = 0.0003 * (rand() - 0.3);
      const rows = ['date,close'];
      for (const date of dates) {
        p *= Math.exp(drift + 0.02 * (rand() + rand() + rand() - 1.5));
        rows.push(`${date},${p.toFixed(4)}`);
      }
      writeFileSync(join(tmp, `${s}.csv`), `${rows.join('\n')}\n`);
    }
    writeFileSync(join(tmp, '.complete'), '');
    renameSync(tmp, dir);
  }
  return { dir, symbols, weights, days: dates.length };
}
