/**
 * Whole lots after the fact. Rounding every order toward zero can leave a sleeve just outside its band (a Tokyo lot of
 * 100 shares can be several percent of a small portfolio). This search adds or removes one lot at a time, or swaps one
 * lot out of the most overweight sleeve for one into the most underweight, taking the move that most reduces how far
 * the sleeves are outside their bands, and stops when no move helps. Cash may never go negative.
 */
import type { Band } from '../engine/band.ts';
import { bandExcess } from './band.ts';

export interface LotLine {
  /** Index of the line's sleeve in `values`. */
  sleeve: number;
  /** Value of one lot in base. */
  lotValue: number;
  /** Planned change in units (signed); the search changes it by whole lots. */
  qty: number;
  lot: number;
  /** Bounds on `qty` (e.g. −held … 0 for a position that may only be sold). */
  min: number;
  max: number;
}

export interface LotState {
  /** Value of each sleeve after the planned orders, base; `cash` indexes the cash sleeve. */
  values: Float64Array;
  targets: readonly number[];
  cash: number;
  /** Spendable cash after the planned orders, base. */
  cashAvailable: number;
  band: Band;
}

const GAIN = 1e-12;

export function bandBadness(values: ArrayLike<number>, targets: readonly number[], band: Band): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  if (!(total > 0)) return 0;
  let bad = 0;
  for (let i = 0; i < values.length; i++)
    bad += bandExcess((values[i] as number) / total, targets[i] as number, band);
  return bad;
}

/** Moves one lot of `line` (dir +1 buy, −1 sell) in `state`. */
function apply(state: LotState, line: LotLine, dir: number): void {
  line.qty += dir * line.lot;
  state.values[line.sleeve] = (state.values[line.sleeve] as number) + dir * line.lotValue;
  state.values[state.cash] = (state.values[state.cash] as number) - dir * line.lotValue;
  state.cashAvailable -= dir * line.lotValue;
}

function canMove(state: LotState, line: LotLine, dir: number): boolean {
  const q = line.qty + dir * line.lot;
  if (q < line.min - 1e-9 || q > line.max + 1e-9) return false;
  return dir < 0 || state.cashAvailable - line.lotValue >= -1e-9;
}

/** Greedy one-lot search; mutates `lines[].qty` and `state`. Bounded by `maxSteps`. */
export function improveLots(lines: LotLine[], state: LotState, maxSteps = 1000): void {
  const score = () => bandBadness(state.values, state.targets, state.band);
  let current = score();
  for (let step = 0; step < maxSteps && current > GAIN; step++) {
    let best: { moves: [LotLine, number][]; score: number } | undefined;
    const tryMoves = (moves: [LotLine, number][]) => {
      for (const [l, d] of moves) apply(state, l, d);
      const ok = state.cashAvailable >= -1e-9;
      const s = score();
      for (const [l, d] of [...moves].reverse()) apply(state, l, -d);
      if (ok && s < current - GAIN && (!best || s < best.score)) best = { moves, score: s };
    };
    for (const line of lines) {
      for (const dir of [1, -1]) if (canMove(state, line, dir)) tryMoves([[line, dir]]);
    }
    if (!best) {
      // A swap: one lot out of the sleeve furthest above target into the one furthest below.
      const total = state.values.reduce((s, v) => s + v, 0);
      const drift = (i: number) => (state.values[i] as number) / total - (state.targets[i] as number);
      let over = -1;
      let under = -1;
      for (let i = 0; i < state.values.length; i++) {
        if (i === state.cash) continue;
        if (over < 0 || drift(i) > drift(over)) over = i;
        if (under < 0 || drift(i) < drift(under)) under = i;
      }
      const sells = lines.filter((l) => l.sleeve === over && canMove(state, l, -1));
      const buys = lines.filter((l) => l.sleeve === under && l.qty + l.lot <= l.max + 1e-9);
      for (const s of sells)
        for (const b of buys)
          tryMoves([
            [s, -1],
            [b, 1],
          ]);
    }
    if (!best) return;
    for (const [l, d] of best.moves) apply(state, l, d);
    current = best.score;
  }
}

/**
 * When rounding (or a skipped sale) left cash below zero, removes bought lots one at a time (the one whose removal
 * hurts the bands least) until it is not; with fractional shares, trims the largest buy by just the shortfall.
 * Returns false when no buy is left to remove.
 */
export function trimToCash(lines: LotLine[], state: LotState, fractional = false): boolean {
  while (state.cashAvailable < -1e-9) {
    if (fractional) {
      const buys = lines.filter((l) => l.qty > 0);
      const line = buys.reduce<LotLine | undefined>(
        (a, l) => (!a || l.qty * l.lotValue > a.qty * a.lotValue ? l : a),
        undefined,
      );
      if (!line) return false;
      const perUnit = line.lotValue / line.lot;
      const units = Math.min(line.qty, -state.cashAvailable / perUnit);
      // Reuse apply's bookkeeping with a fractional "lot" of exactly the units removed.
      apply(state, { ...line, lot: units, lotValue: units * perUnit }, -1);
      line.qty -= units;
      continue;
    }
    let best: { line: LotLine; score: number } | undefined;
    for (const line of lines) {
      if (line.qty <= 0 || !canMove(state, line, -1)) continue;
      apply(state, line, -1);
      const s = bandBadness(state.values, state.targets, state.band);
      apply(state, line, 1);
      if (!best || s < best.score) best = { line, score: s };
    }
    if (!best) return false;
    apply(state, best.line, -1);
  }
  return true;
}
