/**
 * The rebalancer's solver: HiGHS (MIT licence, https://highs.dev) compiled to WebAssembly by the `highs` package.
 * Loading the WebAssembly module is asynchronous and done once per process; each solve is synchronous and starts a
 * fresh native solver, so nothing is shared between calls.
 */

import type { Highs } from 'highs';
import type { LpModel, LpSolution, MipSolver } from '../core/rebalance/solve/lp.ts';
import { toLpText } from '../core/rebalance/solve/lp.ts';

/**
 * The package is CommonJS with ES-module typings: the default import is the loader itself at run time. Imported on
 * first use, so a command that never solves (a `--weights` backtest) does not parse its 170 kB of glue.
 */
async function loadHighs(): Promise<Highs> {
  const highsModule = (await import('highs')).default as unknown as () => Promise<Highs>;
  return highsModule();
}

let loading: Promise<Highs> | undefined;

/** Seconds one solve may take before the best solution found so far is used. */
const TIME_LIMIT_S = 5;

export async function loadSolver(): Promise<MipSolver> {
  loading ??= loadHighs();
  const highs = await loading;
  return {
    solve(model: LpModel): LpSolution {
      const text = toLpText(model);
      const r = highs.solve(text, {
        time_limit: TIME_LIMIT_S,
        output_flag: false,
        mip_rel_gap: model.relGap ?? 1e-4,
      } as Parameters<Highs['solve']>[1]);
      const values = new Map<string, number>();
      for (const [name, col] of Object.entries(r.Columns)) {
        const v = (col as { Primal?: number }).Primal;
        if (typeof v === 'number') values.set(name, v);
      }
      const ok =
        r.Status === 'Optimal' || (r.Status === 'Time limit reached' && Number.isFinite(r.ObjectiveValue));
      return {
        status: ok ? 'optimal' : r.Status === 'Infeasible' ? 'infeasible' : 'failed',
        values,
        detail: r.Status,
      };
    },
  };
}
