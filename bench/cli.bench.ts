/**
 * Whole-process timings of the compiled CLI (issues 15 and 16): what a user waits for, start-up included, each a
 * fresh `node dist/cli/main.js` process as `npm install -g` gives it. A fresh user: XDG_DATA_HOME points at an empty
 * folder, so no journal (and no SQLite) is opened.
 *   - `dispersion --help` (target < 150 ms) and `check` on the sample in KRW (target < 500 ms), next to `node -e 0`;
 *   - `backtest` of N synthetic assets × Y years of daily closes from per-symbol CSVs (bench/price-folder.ts), equal
 *     weights, monthly, price only, no benchmark, beside two Python peers reading the same files with the same rule
 *     (bench/peers: a plain loop, and numpy when installed); all must end on the same value (1e-9). Ours twice: with
 *     the caches warm (parsed prices and compiled code: a user's second run) and off (a first run); both print the
 *     same JSON.
 *     100 × 20 years: ours ≥ 3× faster than the plain loop. 500 × 20 and 1,000 × 30 years: times and peak memory.
 *   - the engine alone on the prepared 100 × 20 market, against one pass reading every price (target ≤ 5×).
 * Medians of several runs; the machine's load moves every number, so read them side by side, not alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMarketData } from '../src/adapters/market-data/load.ts';
import { runBacktest } from '../src/core/backtest/engine.ts';
import { prepareMarket } from '../src/core/backtest/prepare.ts';
import buildCli from '../test/support/build-cli.ts';
import { priceFolder } from './price-folder.ts';
import { fmt, median, time } from './timing.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const PEERS = join(ROOT, 'bench/peers');
const PEAK = join(ROOT, 'bench/peak-rss.mjs');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'dispersion-bench-home-')),
  // Fresh caches (parsed prices, series-cache.ts; compiled code, code-cache-launcher.ts): filled by the unmeasured
  // first run of each case, as for a user's second run; the "cache off" line is a first run's cost (DISPERSION_CACHE=off).
  XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'dispersion-bench-cache-')),
  LANG: 'C',
};
const uncached: NodeJS.ProcessEnv = { ...env, DISPERSION_CACHE: 'off' };

interface Run {
  ms: number;
  stdout: string;
  peakKb?: number;
}

function once(cmd: string, args: string[], e: NodeJS.ProcessEnv = env): Run {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env: e, encoding: 'utf8', maxBuffer: 1 << 28, cwd: ROOT });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} … exited ${r.status}: ${r.stderr}`);
  const m = /peak-rss-kb (\d+)/.exec(r.stderr);
  return { ms, stdout: r.stdout, ...(m ? { peakKb: Number(m[1]) } : {}) };
}

/** Median wall time of `runs` processes, after one unmeasured run (file cache warm, as for a user's second try). */
function wall(
  cmd: string,
  args: string[],
  runs: number,
  e: NodeJS.ProcessEnv = env,
): { ms: number; last: Run } {
  once(cmd, args, e);
  const all = Array.from({ length: runs }, () => once(cmd, args, e));
  return { ms: median(all.map((r) => r.ms)), last: all[all.length - 1] as Run };
}

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
const mb = (kb: number | undefined) => (kb === undefined ? '?' : `${(kb / 1024).toFixed(0)} MB`);

export default async function (): Promise<void> {
  buildCli();
  const node = wall(process.execPath, ['-e', '0'], 9).ms;
  const help = wall(process.execPath, [CLI, '--help'], 9).ms;
  const check = wall(process.execPath, [CLI, 'check', 'examples/sample-holdings.csv', '--base', 'KRW'], 7).ms;
  console.log(`node -e 0 (the floor): ${fmt(node)}`);
  console.log(`dispersion --help: ${fmt(help)} (target < 150 ms)`);
  console.log(`dispersion check examples/sample-holdings.csv --base KRW: ${fmt(check)} (target < 500 ms)`);

  for (const [n, years, runs] of [
    [100, 20, 5],
    [500, 20, 3],
    [1000, 30, 1],
  ] as const) {
    const f = priceFolder(n, years);
    const args = [
      CLI,
      'backtest',
      '--weights',
      f.weights,
      '--prices',
      f.dir,
      '--price-only',
      '--benchmark',
      'none',
      '--initial',
      '10000',
      '--json',
    ];
    const ours = wall(process.execPath, args, runs);
    const oursPeak = once(process.execPath, ['--import', PEAK, ...args]).peakKb;
    const cold = wall(process.execPath, args, runs, uncached);
    const coldPeak = once(process.execPath, ['--import', PEAK, ...args], uncached).peakKb;
    if (cold.last.stdout !== ours.last.stdout)
      throw new Error('cached and uncached runs printed different JSON');
    const final = JSON.parse(ours.last.stdout).final as number;
    const peers: { name: string; ms: number; peakKb: number; final: number }[] = [];
    for (const [name, script] of [
      ['plain Python loop', 'backtest_loop.py'],
      ...(hasNumpy ? [['numpy', 'backtest_numpy.py']] : []),
    ] as const) {
      const r = wall('python3', [join(PEERS, script), f.dir, f.weights, '10000'], runs);
      const out = JSON.parse(r.last.stdout) as { final: number; maxRssKb: number };
      peers.push({ name, ms: r.ms, peakKb: out.maxRssKb, final: out.final });
    }
    const agree = peers.every((p) => Math.abs(p.final / final - 1) < 1e-9);
    console.log(
      `\nbacktest ${n} assets × ${years} years (${f.days} days), monthly, price only, whole process:`,
    );
    console.log(
      `  dispersion          ${fmt(ours.ms).padStart(10)}  peak ${mb(oursPeak)}  (caches warm: parsed prices, compiled code)`,
    );
    console.log(
      `  dispersion, no cache ${fmt(cold.ms).padStart(9)}  peak ${mb(coldPeak)}  (DISPERSION_CACHE=off)`,
    );
    for (const p of peers) {
      console.log(
        `  ${p.name.padEnd(19)} ${fmt(p.ms).padStart(10)}  peak ${mb(p.peakKb)}  → ours is ${(p.ms / ours.ms).toFixed(2)}× faster (${(p.ms / cold.ms).toFixed(2)}× without the cache)`,
      );
    }
    console.log(`  same final value (1e-9): ${agree} (${final})`);
    if (n === 100) {
      const withBench = wall(
        process.execPath,
        args.map((a) => (a === 'none' ? 'SPY,QQQ,model:mag7-concentrated' : a)),
        runs,
      ).ms;
      console.log(`  with the default benchmarks (SPY, QQQ, Mag7 model; bundled data): ${fmt(withBench)}`);
      await engineAgainstFloor(f.dir, f.symbols);
    }
  }
}

/** The engine on the prepared market against one pass that reads every price once. */
async function engineAgainstFloor(dir: string, symbols: string[]): Promise<void> {
  const market = loadMarketData({ symbols, userDir: dir });
  const prepared = prepareMarket({
    market,
    assets: symbols.map((symbol) => ({ symbol, currency: 'USD', quoteFactor: 1, lot: 1 })),
    base: 'USD',
  });
  const w = new Float64Array(symbols.length).fill(1 / symbols.length);
  const engine = await time(
    30,
    () => runBacktest(prepared, { weights: w, initial: 10_000, totalReturn: false }),
    5,
  );
  let sink = 0;
  const floor = await time(
    30,
    () => {
      const rows = prepared.rows;
      let s = 0;
      for (let i = 0; i < rows.length; i++) s += rows[i] as number;
      sink += s;
    },
    5,
  );
  console.log(
    `  engine alone: ${fmt(engine)}; one pass over the ${prepared.rows.length.toLocaleString('en-US')} prices: ${fmt(floor)} → ${(engine / floor).toFixed(2)}× (target ≤ 5)${sink === 42 ? ' ' : ''}`,
  );
}
