/**
 * Aggregation of positions into sleeves, countries and currencies: the exposures that the checklist, the drift table
 * and the dashboard read.
 */
import type { FundLookThrough, Slice } from './lookthrough.ts';
import { CASH_COUNTRY, fundCountries, fundSlices } from './lookthrough.ts';
import type { Model } from './model.ts';
import type { SleeveId, Universe } from './universe.ts';
import { LOOK_THROUGH_TYPES, MODEL_SLEEVES, OUTSIDE_SLEEVES } from './universe.ts';
import type { Position } from './valuation.ts';

export interface SleeveExposure {
  id: SleeveId;
  value: number;
  weight: number;
  /** The model's target (0 for a sleeve the model does not hold, e.g. `mag7-other` in the Great Dispersion model). */
  target: number;
  /** The model's stated range for the sleeve, or null when it states none. */
  min: number | null;
  max: number | null;
  /** weight − target. */
  drift: number;
  inModel: boolean;
}

export interface Bucket {
  id: string;
  value: number;
  weight: number;
}

/** Cash has no country; it is listed under this id. */
export { CASH_COUNTRY } from './lookthrough.ts';
/** A security the universe does not know has no known country. */
export const UNKNOWN_COUNTRY = 'unknown';

export function sleeveExposures(
  positions: readonly Pick<Position, 'sleeve' | 'value'>[],
  total: number,
  model: Model,
): SleeveExposure[] {
  const values = new Map<SleeveId, number>();
  for (const p of positions) values.set(p.sleeve, (values.get(p.sleeve) ?? 0) + p.value);
  const inModel = new Map(model.sleeves.map((s) => [s.id, s]));
  // The model's sleeves always appear (an empty sleeve is information); the rest only when something is in them.
  const outside = OUTSIDE_SLEEVES.filter((id) => inModel.has(id) || (values.get(id) ?? 0) !== 0);
  const ids: SleeveId[] = [...MODEL_SLEEVES, ...outside];
  return ids.map((id) => {
    const value = values.get(id) ?? 0;
    const weight = total > 0 ? value / total : 0;
    const m = inModel.get(id);
    const target = m?.target ?? 0;
    return {
      id,
      value,
      weight,
      target,
      min: m?.min ?? null,
      max: m?.max ?? null,
      drift: weight - target,
      inModel: m !== undefined,
    };
  });
}

/** Groups positions by a key, largest first (ties by id so output is stable). */
export function bucketBy(
  positions: readonly Position[],
  total: number,
  key: (p: Position) => string,
): Bucket[] {
  const values = new Map<string, number>();
  for (const p of positions) values.set(key(p), (values.get(key(p)) ?? 0) + p.value);
  return [...values]
    .map(([id, value]) => ({ id, value, weight: total > 0 ? value / total : 0 }))
    .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
}

export const countryOf = (p: Position): string =>
  p.kind === 'cash' ? CASH_COUNTRY : (p.country ?? UNKNOWN_COUNTRY);
export const currencyOf = (p: Position): string => p.currency;

/** Mag7 held through one fund. */
export interface Mag7Through {
  fund: string;
  /** Fraction of the portfolio total that is Mag7 held through this fund. */
  weight: number;
  value: number;
  asOf: string;
}

/** A fund position and whether its holdings were looked through. */
export interface FundExposure {
  fund: string;
  value: number;
  weight: number;
  /** Look-through data used; null when none is known (the fund is counted as a whole, in its own sleeve). */
  asOf: string | null;
  source: string | null;
  basis: string | null;
  /** The fund whose holdings stand for this one's (QQQ for a KRX Nasdaq-100 ETF), or null for its own. */
  via: string | null;
  /** A leveraged fund's multiple (its holdings count at it); 1 otherwise. */
  multiple: number;
}

/**
 * What the portfolio is exposed to once funds are looked through: the numbers `check` reports and judges, and the
 * ones rebalance and stress read from the same report. Weights are fractions of the portfolio total (cash included).
 */
export interface PortfolioExposures {
  total: number;
  /** Mag7 share: direct holdings plus what funds hold. */
  mag7: number;
  mag7Direct: number;
  mag7Through: Mag7Through[];
  sleeves: SleeveExposure[];
  countries: Bucket[];
  currencies: Bucket[];
  /** Every fund held (ETFs, index trackers), looked through or not. */
  funds: FundExposure[];
  /** Share of the portfolio in funds without look-through data: their Mag7 is not known, not zero. */
  notLookedThrough: number;
}

/**
 * The one place positions become exposures. Positions in a fund with look-through data are split into what the fund
 * holds (named companies by their own sleeve and Mag7 flag, the rest by the file's split); a fund without data counts
 * as a whole in its own sleeve and country, and is listed in `funds` with `asOf: null`.
 */
export function portfolioExposures(
  positions: readonly Position[],
  total: number,
  model: Model,
  universe: Universe,
): PortfolioExposures {
  const sleeveParts: { sleeve: SleeveId; value: number }[] = [];
  const countryParts: { id: string; value: number }[] = [];
  const funds: FundExposure[] = [];
  const through = new Map<string, Mag7Through>();
  let mag7Direct = 0;
  let unknown = 0;
  for (const p of positions) {
    const look = lookThroughFor(universe, p);
    if (look) {
      funds.push({
        fund: p.symbol,
        value: p.value,
        weight: share(p.value, total),
        asOf: look.data.asOf,
        source: look.data.source,
        basis: look.data.basis ?? null,
        via: look.data.via ?? null,
        multiple: look.data.multiple ?? 1,
      });
      for (const s of look.slices) {
        sleeveParts.push({ sleeve: s.sleeve, value: p.value * s.share });
        if (s.mag7) {
          const t = through.get(p.symbol) ?? { fund: p.symbol, weight: 0, value: 0, asOf: look.data.asOf };
          t.value += p.value * s.share;
          through.set(p.symbol, t);
        }
      }
      for (const [c, w] of look.countries) countryParts.push({ id: c, value: p.value * w });
      continue;
    }
    if (isFund(universe, p)) {
      unknown += p.value;
      funds.push({
        fund: p.symbol,
        value: p.value,
        weight: share(p.value, total),
        asOf: null,
        source: null,
        basis: null,
        via: null,
        multiple: 1,
      });
    }
    if (p.mag7) mag7Direct += p.value;
    sleeveParts.push({ sleeve: p.sleeve, value: p.value });
    countryParts.push({ id: countryOf(p), value: p.value });
  }
  const mag7Through = [...through.values()]
    .map((t) => ({ ...t, weight: share(t.value, total) }))
    .sort((a, b) => b.value - a.value || a.fund.localeCompare(b.fund));
  const mag7Value = mag7Direct + mag7Through.reduce((s, t) => s + t.value, 0);
  return {
    total,
    mag7: share(mag7Value, total),
    mag7Direct: share(mag7Direct, total),
    mag7Through,
    sleeves: sleeveExposuresOf(sleeveParts, total, model),
    countries: bucketParts(countryParts, total),
    currencies: bucketBy(positions, total, currencyOf),
    funds,
    notLookedThrough: share(unknown, total),
  };
}

const share = (value: number, total: number) => (total > 0 ? value / total : 0);

/** A security of a fund type (ETF, index tracker) per the universe. */
export function isFund(universe: Universe, p: Position): boolean {
  if (p.kind !== 'security') return false;
  const type = universe.instruments.get(p.symbol)?.type;
  return type !== undefined && LOOK_THROUGH_TYPES.has(type);
}

/** The look-through of a fund position, its slices and country split computed once per fund. */
export function lookThroughFor(
  universe: Universe,
  p: Position,
): { data: FundLookThrough; slices: Slice[]; countries: Map<string, number> } | undefined {
  if (p.kind !== 'security') return undefined;
  const data = universe.lookThrough.get(p.symbol);
  if (!data) return undefined;
  let cached = sliceCache.get(data);
  if (!cached) {
    const inst = universe.instruments.get(p.symbol);
    cached = {
      data,
      slices: fundSlices(data, inst, p.sleeve, universe),
      countries: fundCountries(data, p.country ?? UNKNOWN_COUNTRY, universe),
    };
    sliceCache.set(data, cached);
  }
  return cached;
}

const sliceCache = new WeakMap<
  FundLookThrough,
  { data: FundLookThrough; slices: Slice[]; countries: Map<string, number> }
>();

function sleeveExposuresOf(
  parts: readonly { sleeve: SleeveId; value: number }[],
  total: number,
  model: Model,
): SleeveExposure[] {
  return sleeveExposures(parts, total, model);
}

function bucketParts(parts: readonly { id: string; value: number }[], total: number): Bucket[] {
  const values = new Map<string, number>();
  for (const p of parts) values.set(p.id, (values.get(p.id) ?? 0) + p.value);
  return [...values]
    .map(([id, value]) => ({ id, value, weight: share(value, total) }))
    .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
}
