/**
 * A mixed-integer linear program as plain data, its CPLEX LP-format text, and the solver it is handed to. The core
 * builds the model and reads the answer; the solver itself (HiGHS compiled to WebAssembly, loaded asynchronously) is an
 * adapter passed in, so the rebalancer stays pure and synchronous.
 */

export interface LpVar {
  name: string;
  lower: number;
  /** Infinity for none. */
  upper: number;
  kind: 'continuous' | 'integer' | 'binary';
  /** Objective coefficient (minimised). */
  cost: number;
}

export interface LpRow {
  name: string;
  terms: [string, number][];
  /** −Infinity / Infinity for an open side. */
  lower: number;
  upper: number;
}

export interface LpModel {
  vars: LpVar[];
  rows: LpRow[];
  /** Relative gap at which the solver may stop (default: the adapter's). */
  relGap?: number;
  /** Solve the linear relaxation: integer and binary columns taken as continuous within their bounds. */
  relax?: boolean;
}

export type LpStatus = 'optimal' | 'infeasible' | 'failed';

export interface LpSolution {
  status: LpStatus;
  /** Column values by name (0 for a column the solver did not report). */
  values: ReadonlyMap<string, number>;
  /** Solver's own status text, for the message when it failed. */
  detail: string;
}

/** What the rebalancer needs from a solver: solve one model, synchronously. */
export interface MipSolver {
  solve(model: LpModel): LpSolution;
}

/** Coefficients smaller than this are float noise and would only slow the solver. */
const TINY = 1e-12;

const num = (x: number) => {
  // LP format wants plain decimals; 17 significant digits keep the value exact.
  const s = Number(x.toPrecision(15)).toString();
  return s.includes('e') ? x.toFixed(15) : s;
};

function expr(terms: readonly [string, number][]): string {
  const parts: string[] = [];
  for (const [name, c] of terms) {
    if (Math.abs(c) < TINY) continue;
    parts.push(`${c < 0 ? '-' : '+'} ${num(Math.abs(c))} ${name}`);
  }
  return parts.length ? parts.join(' ') : '';
}

/** CPLEX LP format, the text HiGHS reads. Names must be LP identifiers (the builder makes them so). */
export function toLpText(model: LpModel): string {
  const out: string[] = ['Minimize'];
  const objective = expr(model.vars.map((v) => [v.name, v.cost]));
  // An objective must name at least one column: 0 times the first keeps an all-zero objective legal.
  out.push(` obj: ${objective || `0 ${model.vars[0]?.name ?? 'x'}`}`);
  out.push('Subject To');
  for (const r of model.rows) {
    let e = expr(r.terms);
    if (!e) continue;
    e = e.replace(/^\+ /, '');
    if (Number.isFinite(r.lower) && Number.isFinite(r.upper) && r.lower === r.upper) {
      out.push(` ${r.name}: ${e} = ${num(r.lower)}`);
      continue;
    }
    if (Number.isFinite(r.lower)) out.push(` ${r.name}_lo: ${e} >= ${num(r.lower)}`);
    if (Number.isFinite(r.upper)) out.push(` ${r.name}_hi: ${e} <= ${num(r.upper)}`);
  }
  out.push('Bounds');
  for (const v of model.vars) {
    const up = Number.isFinite(v.upper) ? num(v.upper) : '+inf';
    out.push(` ${num(v.lower)} <= ${v.name} <= ${up}`);
  }
  if (model.relax) {
    out.push('End');
    return `${out.join('\n')}\n`;
  }
  const ints = model.vars.filter((v) => v.kind === 'integer').map((v) => v.name);
  if (ints.length) out.push('General', ` ${ints.join(' ')}`);
  const bins = model.vars.filter((v) => v.kind === 'binary').map((v) => v.name);
  if (bins.length) out.push('Binary', ` ${bins.join(' ')}`);
  out.push('End');
  return `${out.join('\n')}\n`;
}
