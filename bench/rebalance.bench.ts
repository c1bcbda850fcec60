/**
 * Rebalances as the CLI runs them (parse the CSV, load the series, value, place, build the integer program, solve it
 * with HiGHS, settle, verify with `check`): 30 holdings in 3 accounts and 2 currencies (issue 12's target: < 200 ms of
 * solving), and 500 holdings in 10 accounts (< 2 s); then the core alone on data already in memory, with the time
 * spent inside the solver (LP text, HiGHS) and the number of solves.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSolver } from '../src/adapters/highs-solver.ts';
import { listBundledSymbols, loadMarketData } from '../src/adapters/market-data/load.ts';
import { runRebalanceCommand } from '../src/app/rebalance.ts';
import { importFiles, openWorkspace } from '../src/app/workspace.ts';
import { toDay } from '../src/core/dates.ts';
import { rebalancePortfolio } from '../src/core/rebalance/rebalance.ts';
import type { MipSolver } from '../src/core/rebalance/solve/lp.ts';
import { fmt, median, time } from './timing.ts';

const highs = await loadSolver();
/** The solver with a stopwatch: milliseconds and solves of the current rebalance. */
const clock = { ms: 0, solves: 0 };
const solver: MipSolver = {
  solve(model) {
    const t0 = performance.now();
    const r = highs.solve(model);
    clock.ms += performance.now() - t0;
    clock.solves++;
    return r;
  },
};

/** The core alone on data in memory: median wall time, median solver time, solves per rebalance. */
async function core(input: Parameters<typeof rebalancePortfolio>[0], runs: number) {
  const solverMs: number[] = [];
  let solves = 0;
  const ms = await time(runs, () => {
    clock.ms = 0;
    clock.solves = 0;
    rebalancePortfolio(input, solver);
    solverMs.push(clock.ms);
    solves = clock.solves;
  });
  return { ms, solverMs: median(solverMs.slice(-runs)), solves };
}

export default async function (): Promise<void> {
  const symbols = listBundledSymbols();
  {
    const small = ['account,symbol,quantity,currency'];
    for (let i = 0; i < 30; i++)
      small.push(`account-${i % 3},${symbols[i % symbols.length]},${1 + (i % 17)},`);
    small.push('account-0,CASH,5000000,KRW', 'account-1,CASH,3000,USD', 'account-2,CASH,2000,USD');
    const dir = mkdtempSync(join(tmpdir(), 'dispersion-bench-'));
    const file = join(dir, 'holdings-30.csv');
    writeFileSync(file, `${small.join('\n')}\n`);
    let orders = 0;
    const ms = await time(5, async () => {
      const doc = await runRebalanceCommand(
        [file],
        { base: 'KRW', asOf: '2026-05-29', lang: 'en' },
        new Date(),
      );
      orders = doc.orders.length;
    });
    console.log(
      `rebalance (full) of 30 holdings (3 accounts, KRW + USD) → ${orders} orders, import → JSON: ${fmt(ms)} (median of 5)`,
    );
    const c = await core(await coreInput(file), 5);
    console.log(
      `rebalance core (full, 30 holdings, data in memory): ${fmt(c.ms)}, of which solver ${fmt(c.solverMs)} in ${c.solves} solves (median of 5; target < 200 ms of solving)`,
    );
  }
  const lines = ['account,symbol,quantity,currency'];
  for (let i = 0; i < 500; i++) {
    lines.push(`account-${i % 10},${symbols[i % symbols.length]},${1 + (i % 37)},`);
  }
  // Cash in each account, unevenly, so the conversions, the transfers between accounts and the cuts have work to do.
  for (let a = 0; a < 10; a++) lines.push(`account-${a},CASH,${(a + 1) * 1_000_000},KRW`);
  const dir = mkdtempSync(join(tmpdir(), 'dispersion-bench-'));
  const file = join(dir, 'holdings-500.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const now = new Date('2026-05-29T12:00:00Z');
  for (const mode of ['full', 'cash-only'] as const) {
    let orders = 0;
    let transfers = 0;
    let cuts = 0;
    const ms = await time(3, async () => {
      const doc = await runRebalanceCommand(
        [file],
        {
          base: 'KRW',
          asOf: '2026-05-29',
          lang: 'en',
          mode,
          cash: mode === 'cash-only' ? ['50000000:KRW'] : [],
        },
        now,
      );
      orders = doc.orders.length;
      transfers = doc.transfers.length;
      cuts = doc.cuts.length;
    });
    console.log(
      `rebalance (${mode}) of 500 holdings (${symbols.length} symbols, 10 accounts) → ${orders} orders, ${transfers} transfers, ${cuts} buys cut, import → JSON: ${fmt(ms)} (median of 3)`,
    );
  }

  // The core alone (valuation, placement, the solver, settlement, verification) on data already loaded: what a backtest or the
  // server pays per rebalance once files are read.
  const c = await core({ ...(await coreInput(file)), mode: 'full' }, 3);
  console.log(
    `rebalance core alone (full, 500 holdings, data in memory): ${fmt(c.ms)}, of which solver ${fmt(c.solverMs)} in ${c.solves} solves (median of 3)`,
  );
}

async function coreInput(file: string): Promise<Parameters<typeof rebalancePortfolio>[0]> {
  const ws = openWorkspace({});
  const { holdings } = await importFiles([file]);
  return {
    holdings,
    universe: ws.universe,
    model: ws.model,
    market: loadMarketData({}),
    base: 'KRW',
    asOf: toDay('2026-05-29'),
    mode: 'full',
  };
}
