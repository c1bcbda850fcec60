/**
 * Data health: whether a price series can be trusted for a decision on a given day. Pure (series and day in, findings
 * out), so `data status`, `check` and the rebalancer all judge the same way.
 *
 * - Staleness: trading days (Mon–Fri) from the last close to the as-of day, classified by staleness.ts (the limits
 *   `check` uses for priced positions too).
 * - Split-like jumps: a one-day move that is really a missing split adjustment (or a bad tick) would be read as a
 *   crash or a windfall. Flagged when the move is beyond ±45% and the next close reverts to within 20% of the level
 *   before it (a bad tick), or when the move matches a round split ratio (2:1 … 100:1 either way) within 2%.
 * - Gaps: more than 7 calendar days between consecutive closes (a long weekend plus a holiday is at most 5; more is
 *   missing data, a suspension or a delisting), each listed with its dates.
 * - FX rates: staleness.ts (a monthly average of the previous month is at worst a warning).
 */
import type { CurrencyCode } from './currency.ts';
import type { IsoDate } from './dates.ts';
import { fromDay, weekdaysBetween } from './dates.ts';
import type { FxLeg } from './fx.ts';
import { fxRate } from './fx.ts';
import type { FxKind, MarketData } from './market.ts';
import type { Series } from './series.ts';
import type { Staleness } from './staleness.ts';
import { classifyStaleness, fxStaleness } from './staleness.ts';

export const JUMP_THRESHOLD = 0.45;
export const REVERT_TOLERANCE = 0.2;
export const RATIO_TOLERANCE = 0.02;
export const GAP_DAYS = 7;
/** Share-count ratios seen in real splits and reverse splits. */
export const SPLIT_RATIOS: readonly number[] = [2, 3, 4, 5, 8, 10, 15, 20, 25, 30, 40, 50, 100];

export interface Jump {
  /** The day of the suspicious close, and the close before it. */
  date: IsoDate;
  previousDate: IsoDate;
  from: number;
  to: number;
  /** to / from. */
  move: number;
  reason: 'reverts' | 'split-ratio';
  /** `2:1` for a halving (a 2-for-1 split not adjusted), `1:10` for a tenfold rise (a 1-for-10 reverse split). */
  ratio?: string;
}

export interface Gap {
  /** The last close before the gap and the first after it. */
  from: IsoDate;
  to: IsoDate;
  calendarDays: number;
}

export interface SeriesHealth {
  first: IsoDate | null;
  last: IsoDate | null;
  /** Trading days from `last` to the as-of day (closes after the as-of day are ignored). */
  age: number | null;
  staleness: Staleness;
  jumps: Jump[];
  gaps: Gap[];
}

/** Health of one series as of `asOf` (a day number). Only closes on or before `asOf` count: no look-ahead. */
export function seriesHealth(series: Series | undefined, asOf: number): SeriesHealth {
  const days: number[] = [];
  const values: number[] = [];
  if (series) {
    for (let i = 0; i < series.days.length; i++) {
      const d = series.days[i] as number;
      if (d > asOf) break;
      days.push(d);
      values.push(series.values[i] as number);
    }
  }
  if (days.length === 0)
    return { first: null, last: null, age: null, staleness: 'missing', jumps: [], gaps: [] };
  const lastDay = days[days.length - 1] as number;
  const age = weekdaysBetween(lastDay, asOf);
  return {
    first: fromDay(days[0] as number),
    last: fromDay(lastDay),
    age,
    staleness: classifyStaleness(age),
    jumps: findJumps(days, values),
    gaps: findGaps(days),
  };
}

export function findJumps(days: readonly number[], values: readonly number[]): Jump[] {
  const out: Jump[] = [];
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1] as number;
    const cur = values[i] as number;
    const move = cur / prev;
    if (Math.abs(move - 1) <= JUMP_THRESHOLD) continue;
    const base = {
      date: fromDay(days[i] as number),
      previousDate: fromDay(days[i - 1] as number),
      from: prev,
      to: cur,
      move,
    };
    const ratio = roundRatio(move);
    if (ratio) {
      out.push({ ...base, reason: 'split-ratio', ratio });
      continue;
    }
    const next = values[i + 1];
    if (next !== undefined && Math.abs(next / prev - 1) <= REVERT_TOLERANCE) {
      out.push({ ...base, reason: 'reverts' });
    }
  }
  return out;
}

/** `0.5` → `2:1`, `10` → `1:10`; undefined when the move is not within RATIO_TOLERANCE of a split ratio. */
export function roundRatio(move: number): string | undefined {
  for (const n of SPLIT_RATIOS) {
    if (Math.abs(move * n - 1) <= RATIO_TOLERANCE) return `${n}:1`;
    if (Math.abs(move / n - 1) <= RATIO_TOLERANCE) return `1:${n}`;
  }
  return undefined;
}

export function findGaps(days: readonly number[]): Gap[] {
  const out: Gap[] = [];
  for (let i = 1; i < days.length; i++) {
    const span = (days[i] as number) - (days[i - 1] as number);
    if (span > GAP_DAYS) {
      out.push({ from: fromDay(days[i - 1] as number), to: fromDay(days[i] as number), calendarDays: span });
    }
  }
  return out;
}

export interface PriceFreshness {
  symbol: string;
  last: IsoDate | null;
  age: number | null;
  staleness: Staleness;
}

/**
 * Freshness of the closes a decision would use, worst first. For a command that must not act on old prices (the
 * rebalancer): refuse when any entry is `error` or `missing`, unless the user said `--allow-stale`.
 */
export function priceFreshness(
  market: MarketData,
  symbols: Iterable<string>,
  asOf: number,
): PriceFreshness[] {
  const out: PriceFreshness[] = [];
  for (const symbol of new Set(symbols)) {
    const h = seriesHealth(market.prices.get(symbol), asOf);
    out.push({ symbol, last: h.last, age: h.age, staleness: h.staleness });
  }
  return out.sort(
    (a, b) =>
      RANK[a.staleness] - RANK[b.staleness] ||
      (b.age ?? 0) - (a.age ?? 0) ||
      a.symbol.localeCompare(b.symbol),
  );
}

/** Worst first: what a refusal names first. */
const RANK: Record<Staleness, number> = { missing: 0, error: 1, warning: 2, fresh: 3 };

export interface FxFreshness {
  from: CurrencyCode;
  to: CurrencyCode;
  /** Effective date of the leg that decides the staleness (the worst; on a tie the older); null when missing. */
  last: IsoDate | null;
  age: number | null;
  kind: FxKind | null;
  source: string | null;
  staleness: Staleness;
}

/**
 * Freshness of the rate each conversion would use on `asOf` (fx.ts picks it: direct pair, or a cross through USD, whose
 * worst leg counts), worst first. Same-currency pairs are skipped: they need no rate.
 */
export function fxFreshness(
  market: MarketData,
  pairs: Iterable<{ from: CurrencyCode; to: CurrencyCode }>,
  asOf: number,
): FxFreshness[] {
  const out: FxFreshness[] = [];
  const seen = new Set<string>();
  for (const { from, to } of pairs) {
    // USD→JPY and JPY→USD read the same series (fx.ts tries both orientations): one entry for both.
    const key = [from, to].sort().join('');
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    const q = fxRate(market, from, to, asOf);
    if (!q) {
      out.push({ from, to, last: null, age: null, kind: null, source: null, staleness: 'missing' });
      continue;
    }
    let worst: { leg: FxLeg; staleness: Staleness } | undefined;
    for (const leg of q.legs) {
      const staleness = fxStaleness(leg.kind, leg.day, asOf);
      if (
        !worst ||
        RANK[staleness] < RANK[worst.staleness] ||
        (RANK[staleness] === RANK[worst.staleness] && leg.day < worst.leg.day)
      )
        worst = { leg, staleness };
    }
    if (!worst) continue; // no legs: same currency, handled above
    out.push({
      from,
      to,
      last: fromDay(worst.leg.day),
      age: weekdaysBetween(worst.leg.day, asOf),
      kind: worst.leg.kind,
      source: worst.leg.source,
      staleness: worst.staleness,
    });
  }
  return out.sort(
    (a, b) =>
      RANK[a.staleness] - RANK[b.staleness] ||
      (b.age ?? 0) - (a.age ?? 0) ||
      `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`),
  );
}
