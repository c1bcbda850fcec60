/**
 * Worker for the backtest bench's variant sweep: says "ready" once loaded, then receives the prepared market (a
 * structured clone of its typed arrays) with a list of weight vectors, runs them all and posts back the final values.
 */
import { parentPort } from 'node:worker_threads';
import { runBacktest } from '../src/core/backtest/engine.ts';
import type { PreparedMarket } from '../src/core/backtest/prepare.ts';

parentPort?.on(
  'message',
  ({ prepared, variants }: { prepared: PreparedMarket; variants: Float64Array[] }) => {
    const finals = new Float64Array(variants.length);
    variants.forEach((weights, i) => {
      const r = runBacktest(prepared, { weights, initial: 1_000_000 });
      finals[i] = r.equity[r.equity.length - 1] as number;
    });
    parentPort?.postMessage(finals, [finals.buffer]);
  },
);
parentPort?.postMessage('ready');
