/**
 * Backtest speed (issue 4): 50 assets × 20 years of daily closes, monthly rebalancing, dividends reinvested, cash at a
 * T-bill rate.
 *   (a) the engine on a prepared market (calendar + base-currency closes built once);
 *   (b) the floor: one pass that only reads every price once (a sum), and the ratio (a)/(b), target < 5;
 *   (c) 1,000 variants of the backtest (different weights) across worker_threads, one worker per core, next to the
 *       same 1,000 on this thread.
 * Synthetic prices from a seeded PRNG (bench/backtest.synthetic.ts), so every run times the same numbers.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { runBacktest } from '../src/core/backtest/engine.ts';
import type { PreparedMarket } from '../src/core/backtest/prepare.ts';
import { prepareMarket } from '../src/core/backtest/prepare.ts';
import { prng } from '../test/support/random.ts';
import { syntheticMarket } from './backtest.synthetic.ts';
import { fmt, time } from './timing.ts';

const ASSETS = 50;
const YEARS = 20;
const VARIANTS = 1_000;
const WORKER_URL = new URL('./backtest.worker.ts', import.meta.url).href;
const WORKER_BOOT = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL)}); })`;

export default async function (): Promise<void> {
  const { market, symbols } = syntheticMarket(ASSETS, YEARS);
  const t0 = performance.now();
  const prepared = prepareMarket({
    market,
    assets: symbols.map((symbol) => ({ symbol, currency: 'USD', quoteFactor: 1, lot: 1 })),
    base: 'USD',
    rates: { daily: { days: Int32Array.of(0), values: Float64Array.of(3), source: 'flat 3%' } },
  });
  const prepMs = performance.now() - t0;
  const T = prepared.days.length;
  const equal = new Float64Array(ASSETS).fill(0.95 / ASSETS);

  const engineMs = await time(100, () => runBacktest(prepared, { weights: equal, initial: 1_000_000 }), 10);
  let sink = 0;
  const floorMs = await time(
    100,
    () => {
      sink += readEveryPrice(prepared.prices, T);
    },
    10,
  );
  const check = runBacktest(prepared, { weights: equal, initial: 1_000_000 });
  console.log(
    `prepare (union calendar, alignment, dividends, cash rate) ${ASSETS} assets × ${T} days: ${fmt(prepMs)} (once)`,
  );
  console.log(
    `(a) engine, ${ASSETS} assets × ${YEARS} years daily, monthly rebalancing (${check.rebalances} rebalances): ${fmt(engineMs)} (median of 100)`,
  );
  console.log(
    `(b) floor, read every price once: ${fmt(floorMs)}  → ratio (a)/(b) = ${(engineMs / floorMs).toFixed(2)}`,
  );

  const variants = makeVariants(VARIANTS);
  const s0 = performance.now();
  for (const w of variants) runBacktest(prepared, { weights: w, initial: 1_000_000 });
  const serialMs = performance.now() - s0;

  const cores = availableParallelism();
  const w0 = performance.now();
  const workers = await startWorkers(cores);
  const startMs = performance.now() - w0;
  await runInWorkers(workers, prepared, makeVariants(2 * cores)); // warm the workers' JIT like the serial run's
  const p0 = performance.now();
  const finals = await runInWorkers(workers, prepared, variants);
  const parallelMs = performance.now() - p0;
  await Promise.all(workers.map((w) => w.terminate()));
  const same = runBacktest(prepared, { weights: variants[7] as Float64Array, initial: 1_000_000 });
  const agree = Math.abs((finals[7] as number) - (same.equity[T - 1] as number)) < 1e-6;
  console.log(
    `(c) ${VARIANTS} variants: ${fmt(parallelMs)} on ${cores} worker(s) (copying the prepared market included; starting the workers took ${fmt(startMs)} more, once), ${fmt(serialMs)} on one thread; results agree: ${agree}`,
  );
  if (sink === 42) console.log(''); // keep the floor's sum alive
}

/** The floor: touch every close of every asset once, nothing else. */
function readEveryPrice(prices: readonly Float64Array[], days: number): number {
  let s = 0;
  for (let i = 0; i < prices.length; i++) {
    const p = prices[i] as Float64Array;
    for (let t = 0; t < days; t++) s += p[t] as number;
  }
  return s;
}

/** Random long-only weights summing to 0.95 (5% cash), one vector per variant. */
function makeVariants(n: number): Float64Array[] {
  const rand = prng(7);
  return Array.from({ length: n }, () => {
    const w = new Float64Array(ASSETS);
    let s = 0;
    for (let i = 0; i < ASSETS; i++) {
      w[i] = rand();
      s += w[i] as number;
    }
    for (let i = 0; i < ASSETS; i++) w[i] = ((w[i] as number) / s) * 0.95;
    return w;
  });
}

/** Starts one worker per core and waits until each has loaded the engine (tsx transpiles it on the way). */
async function startWorkers(count: number): Promise<Worker[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Worker>((resolve, reject) => {
          // Node 20 does not apply `--import tsx` to a worker's own loader, so the entry is a one-line script that
          // registers tsx's ESM loader through its API, then imports the TypeScript worker.
          const w = new Worker(WORKER_BOOT, { eval: true });
          w.once('message', () => resolve(w));
          w.once('error', reject);
        }),
    ),
  );
}

/** Splits the variants evenly over the workers; each gets the prepared market once with its share. */
async function runInWorkers(
  workers: Worker[],
  prepared: PreparedMarket,
  variants: Float64Array[],
): Promise<Float64Array> {
  const chunk = Math.ceil(variants.length / workers.length);
  const parts = await Promise.all(
    workers.map(
      (w, k) =>
        new Promise<Float64Array>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.postMessage({ prepared, variants: variants.slice(k * chunk, (k + 1) * chunk) });
        }),
    ),
  );
  const out = new Float64Array(variants.length);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
