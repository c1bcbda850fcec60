/**
 * Aggregation of positions into sleeves, countries and currencies: the exposures that the checklist, the drift table
 * and the dashboard read.
 */
import type { Model } from './model.ts';
import type { SleeveId } from './universe.ts';
import { MODEL_SLEEVES, OUTSIDE_SLEEVES } from './universe.ts';
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
export const CASH_COUNTRY = 'CASH';
/** A security the universe does not know has no known country. */
export const UNKNOWN_COUNTRY = 'unknown';

export function sleeveExposures(
  positions: readonly Position[],
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
