/**
 * The solver model. Decision variables: whole lots bought (`b`) and sold (`s`) per account and listing (fractional
 * with --fractional), and one yes/no per listing that is traded (`z`, for "fewest orders"). All values are fractions of
 * the portfolio's value before the orders, so the numbers the solver sees are of order 1.
 *
 * Hard constraints: an account's cash never goes below zero after its own trades and costs (all accounts together
 * when transfers are allowed), sells never exceed what is held. Goal constraints, each with a slack priced far above
 * any trade so the solver meets them whenever it can and otherwise misses them by as little as possible: every sleeve
 * within its band of the whole portfolio, the checklist's mag7-max, physical-energy-min and regional-diversification,
 * the one-company and one-country limits. A sleeve's buys are spread over `fill` names by a hard bound on each name
 * bought (the sleeve's target / fill).
 *
 * Objective, in that order of weight: turnover and trading cost, a preference for the essay's named instruments over
 * the user's holdings over other candidates, closeness to target (and, with a minimum trade, a small cost per order).
 */

import { UNKNOWN_COUNTRY } from '../../exposure.ts';
import type { Frame } from './frame.ts';
import { CASH_SLEEVE } from './frame.ts';
import type { LpModel, LpRow, LpVar } from './lp.ts';
import type { Line } from './placement.ts';

/** The goal constraints, by kind; `key` says which sleeve, company or country. */
export type GoalKind =
  | 'sleeve-low'
  | 'sleeve-high'
  | 'mag7-max'
  | 'physical-energy-min'
  | 'regional-diversification'
  | 'company-max'
  | 'country-max'
  | 'fill';

export interface Goal {
  kind: GoalKind;
  key: string;
  /** The threshold, as a fraction (of the whole portfolio, or of the holdings excluding cash for concentration). */
  limit: number;
  slack: string;
}

export interface BuiltModel {
  lp: LpModel;
  goals: Goal[];
  /** Column names of line i. */
  cols: { b: string | null; s: string | null; z: string | null }[];
}

export interface ModelInput {
  frame: Frame;
  lines: readonly Line[];
  /** Portfolio value before the orders (base): the scale. */
  total: number;
  /** Cash per account (base) before the orders. */
  cash: Map<string, number>;
  /** Proportional trading cost (bps / 10,000). */
  costRate: number;
  fractional: boolean;
  transfers: boolean;
  /** Smallest order (base), 0 for none. */
  minTrade: number;
}

/**
 * Weight of a goal's slack inside its tier (optimize.ts solves the tiers one after another, each holding the ones
 * before): the checklist counts ten times a sleeve band or the one-company limit.
 */
const CHECK_PENALTY = 10;
const GOAL_PENALTY = 1;
const FILL_PENALTY = 0.1;
/** Preference between named, held and other candidates, per unit of value bought. */
const RANK_COST = { named: 0, held: 0.01, candidate: 0.02 } as const;
const DEVIATION_COST = 0.05;
const ORDER_COST = 1e-5;
/** Goals are aimed inside their threshold by this much, so solver tolerances cannot land a check just outside. */
export const MARGIN = 1e-5;

type Expr = Map<string, number>;

export function buildModel(m: ModelInput): BuiltModel {
  const { frame, lines, total } = m;
  const vars: LpVar[] = [];
  const rows: LpRow[] = [];
  const goals: Goal[] = [];
  const cols: BuiltModel['cols'] = [];
  const lotValue = (l: Line) => (l.price * l.fxRate * l.lot) / total;
  const kind = m.fractional ? 'continuous' : 'integer';

  // Per line: value change (b − s)·v, turnover (b + s)·v, and the constant of an exit sale.
  const delta: { col: string; coef: number }[][] = [];
  const turnover: { col: string; coef: number }[] = [];
  const exitValue = new Map<number, number>();
  lines.forEach((l, i) => {
    const v = lotValue(l);
    const c: BuiltModel['cols'][number] = { b: null, s: null, z: null };
    const d: { col: string; coef: number }[] = [];
    if (l.exit) {
      exitValue.set(i, (l.held * l.price * l.fxRate) / total);
    } else if (v > 0) {
      const rank = l.reason ? RANK_COST[l.reason] : 0;
      if (l.buy) {
        c.b = `b${i}`;
        vars.push({
          name: c.b,
          lower: 0,
          upper: Math.ceil(1.5 / v),
          kind,
          cost: v * (1 + m.costRate + rank),
        });
        d.push({ col: c.b, coef: v });
        turnover.push({ col: c.b, coef: v });
      }
      const sellable = m.fractional ? l.held / l.lot : Math.floor(l.held / l.lot + 1e-9);
      if (l.sell && sellable > 0) {
        c.s = `s${i}`;
        vars.push({ name: c.s, lower: 0, upper: sellable, kind, cost: v * (1 + m.costRate) });
        d.push({ col: c.s, coef: -v });
        turnover.push({ col: c.s, coef: v });
      }
      // The yes/no per order is what makes the problem hard for the solver: only with a minimum trade, which needs it.
      if ((c.b || c.s) && m.minTrade > 0) {
        c.z = `z${i}`;
        vars.push({ name: c.z, lower: 0, upper: 1, kind: 'binary', cost: ORDER_COST });
        const big = Math.max(c.b ? Math.ceil(1.5 / v) : 0, c.s ? sellable : 0);
        const terms: [string, number][] = [[c.z, -big]];
        if (c.b) terms.push([c.b, 1]);
        if (c.s) terms.push([c.s, 1]);
        rows.push({ name: `ord${i}`, terms, lower: Number.NEGATIVE_INFINITY, upper: 0 });
        const mt: [string, number][] = [[c.z, -m.minTrade / total]];
        if (c.b) mt.push([c.b, v]);
        if (c.s) mt.push([c.s, v]);
        rows.push({ name: `min${i}`, terms: mt, lower: 0, upper: Number.POSITIVE_INFINITY });
      }
    }
    cols.push(c);
    delta.push(d);
  });
  const exitTotal = [...exitValue.values()].reduce((a, x) => a + x, 0);

  // Total after the orders T' = 1 − cost; cash after K = cash + sells − buys − cost (+ exits).
  const totalAfter = (): { c: number; t: Expr } => {
    const t: Expr = new Map();
    for (const x of turnover) t.set(x.col, (t.get(x.col) ?? 0) - m.costRate * x.coef);
    return { c: 1 - m.costRate * exitTotal, t };
  };
  /** Σ share(line) × line value: share 1 or 0 for a direct holding, a fund's looked-through part otherwise. */
  const groupValue = (share: (l: Line) => number): { c: number; t: Expr } => {
    const t: Expr = new Map();
    let c = 0;
    lines.forEach((l, i) => {
      const w = share(l);
      if (w === 0) return;
      if (!l.exit) c += (w * l.held * l.price * l.fxRate) / total;
      for (const d of delta[i] ?? []) t.set(d.col, (t.get(d.col) ?? 0) + w * d.coef);
    });
    return { c, t };
  };
  const is = (pred: (l: Line) => boolean) => (l: Line) => (pred(l) ? 1 : 0);
  const cashOf = (accounts: ReadonlySet<string> | null): { c: number; t: Expr } => {
    const t: Expr = new Map();
    let c = 0;
    for (const [a, v] of m.cash) if (!accounts || accounts.has(a)) c += v / total;
    lines.forEach((l, i) => {
      if (accounts && !accounts.has(l.account)) return;
      const ex = exitValue.get(i);
      if (ex !== undefined) c += ex * (1 - m.costRate);
      for (const d of delta[i] ?? []) {
        t.set(d.col, (t.get(d.col) ?? 0) - d.coef - m.costRate * Math.abs(d.coef));
      }
    });
    return { c, t };
  };
  const lin = (...parts: [number, { c: number; t: Expr }][]) => {
    const t: Expr = new Map();
    let c = 0;
    for (const [k, e] of parts) {
      c += k * e.c;
      for (const [col, x] of e.t) t.set(col, (t.get(col) ?? 0) + k * x);
    }
    return { c, t };
  };
  /** Adds `e ≥ 0` (or `e ≤ 0`) as a goal with a slack. */
  const goal = (
    kind: GoalKind,
    key: string,
    limit: number,
    e: { c: number; t: Expr },
    sense: '>=' | '<=',
    penalty = GOAL_PENALTY,
  ) => {
    const slack = `e${goals.length}`;
    vars.push({ name: slack, lower: 0, upper: Number.POSITIVE_INFINITY, kind: 'continuous', cost: penalty });
    const terms: [string, number][] = [...e.t];
    if (sense === '>=') {
      terms.push([slack, 1]);
      rows.push({ name: `g${goals.length}`, terms, lower: MARGIN - e.c, upper: Number.POSITIVE_INFINITY });
    } else {
      terms.push([slack, -1]);
      rows.push({ name: `g${goals.length}`, terms, lower: Number.NEGATIVE_INFINITY, upper: -MARGIN - e.c });
    }
    goals.push({ kind, key, limit, slack });
  };

  const T = totalAfter();
  const allCash = cashOf(null);
  const bonds = groupValue((l) => sleeveShare(l, CASH_SLEEVE));

  // Sleeves within their bands of the whole portfolio; closeness to target as a soft cost.
  for (const s of frame.sleeves) {
    const v = s.id === CASH_SLEEVE ? lin([1, bonds], [1, allCash]) : groupValue((l) => sleeveShare(l, s.id));
    goal('sleeve-low', s.id, s.lo, lin([1, v], [-s.lo, T]), '>=');
    goal('sleeve-high', s.id, s.hi, lin([1, v], [-s.hi, T]), '<=');
    if (s.inModel) {
      const d = `d${s.id.replace(/[^a-z0-9]/gi, '')}`;
      vars.push({
        name: d,
        lower: 0,
        upper: Number.POSITIVE_INFINITY,
        kind: 'continuous',
        cost: DEVIATION_COST,
      });
      const dev = lin([1, v], [-s.target, T]);
      rows.push({
        name: `${d}p`,
        terms: [[d, 1], ...[...dev.t].map(([c, x]): [string, number] => [c, -x])],
        lower: dev.c,
        upper: Number.POSITIVE_INFINITY,
      });
      rows.push({ name: `${d}n`, terms: [[d, 1], ...dev.t], lower: -dev.c, upper: Number.POSITIVE_INFINITY });
    }
  }

  // The checklist.
  const th = frame.thresholds;
  goal(
    'mag7-max',
    'mag7',
    th['mag7-max'].max,
    lin([1, groupValue(mag7Share)], [-th['mag7-max'].max, T]),
    '<=',
    CHECK_PENALTY,
  );
  const pe = groupValue((l) => sleeveShare(l, 'physical-ai') + sleeveShare(l, 'energy'));
  goal(
    'physical-energy-min',
    'physical-energy',
    th['physical-energy-min'].min,
    lin([1, pe], [-th['physical-energy-min'].min, T]),
    '>=',
    CHECK_PENALTY,
  );
  const rc = new Set(th['regional-diversification'].countries);
  const regional = groupValue((l) => countryShare(l, rc));
  goal(
    'regional-diversification',
    'regional',
    th['regional-diversification'].min,
    lin([1, regional], [-th['regional-diversification'].min, T]),
    '>=',
    CHECK_PENALTY,
  );

  // Concentration: shares of the holdings excluding cash (T' − K).
  const securities = lin([1, T], [-1, allCash]);
  const companies = new Set(lines.flatMap(companiesOf));
  for (const c of companies) {
    const v = groupValue((l) => companyShare(l, c));
    goal(
      'company-max',
      c,
      frame.limits.maxPosition,
      lin([1, v], [-frame.limits.maxPosition, securities]),
      '<=',
    );
  }
  const countries = new Set(lines.flatMap(countriesOf));
  for (const c of countries) {
    const one = new Set([c]);
    const v = groupValue((l) => countryShare(l, one));
    goal(
      'country-max',
      c,
      frame.limits.maxCountry,
      lin([1, v], [-frame.limits.maxCountry, securities]),
      '<=',
    );
  }

  // Spread: a company bought for a sleeve stays within the sleeve's target / fill.
  for (const s of frame.sleeves) {
    if (!s.inModel || s.id === CASH_SLEEVE) continue;
    const names = new Set(
      lines.filter((l) => l.sleeve === s.id && (l.buy || l.held > 0)).map((l) => l.company ?? l.symbol),
    );
    const n = Math.min(s.fill, names.size);
    if (n <= 1) continue;
    const cap = s.target / n;
    const bought = new Set(lines.filter((l) => l.sleeve === s.id && l.buy).map((l) => l.company ?? l.symbol));
    for (const c of bought) {
      const v = groupValue(is((l) => (l.company ?? l.symbol) === c && l.sleeve === s.id));
      if (v.c > cap) {
        // Already above its share: it is not bought more.
        lines.forEach((l, i) => {
          const col = cols[i];
          if (col?.b && (l.company ?? l.symbol) === c && l.sleeve === s.id) {
            const bv = vars.find((x) => x.name === col.b);
            if (bv) bv.upper = 0;
          }
        });
        continue;
      }
      // Worth less than the checklist and the bands: a sleeve with too few priced names is spread over fewer.
      goal('fill', `${s.id}\u0000${c}`, cap, lin([1, v], [-cap, T]), '<=', FILL_PENALTY);
    }
  }

  // Cash: never below zero, per account (or all together when transfers are allowed).
  const accounts = new Set([...m.cash.keys(), ...lines.map((l) => l.account)]);
  const groups = m.transfers ? [accounts] : [...accounts].map((a) => new Set([a]));
  groups.forEach((g, k) => {
    const e = cashOf(g);
    rows.push({ name: `cash${k}`, terms: [...e.t], lower: -e.c, upper: Number.POSITIVE_INFINITY });
  });

  return { lp: { vars, rows }, goals, cols };
}

/** Share of a line's value in a sleeve: all or nothing for a direct holding, the looked-through part for a fund. */
function sleeveShare(l: Line, sleeve: string): number {
  if (!l.through) return l.sleeve === sleeve ? 1 : 0;
  let w = 0;
  for (const s of l.through.slices) if (s.sleeve === sleeve) w += s.share;
  return w;
}

function mag7Share(l: Line): number {
  if (!l.through) return l.mag7 ? 1 : 0;
  let w = 0;
  for (const s of l.through.slices) if (s.mag7) w += s.share;
  return w;
}

/** Share of a line's value in businesses of these countries (a fund: by its country split, as `check` counts). */
function countryShare(l: Line, countries: ReadonlySet<string>): number {
  if (!l.through) return l.country !== null && countries.has(l.country) ? 1 : 0;
  let w = 0;
  for (const [c, x] of l.through.countries) if (c !== UNKNOWN_COUNTRY && countries.has(c)) w += x;
  return w;
}

function companyShare(l: Line, company: string): number {
  if (!l.through) return l.company === company ? 1 : 0;
  let w = 0;
  for (const s of l.through.slices) if (s.company === company) w += s.share; // keyed by placement.ts
  return w;
}

function companiesOf(l: Line): string[] {
  if (!l.through) return l.company === null ? [] : [l.company];
  return l.through.slices.flatMap((s) => (s.company ? [s.company] : []));
}

function countriesOf(l: Line): string[] {
  if (!l.through) return l.country === null ? [] : [l.country];
  return [...l.through.countries.keys()].filter((c) => c !== UNKNOWN_COUNTRY);
}
