/**
 * The checklist as rules that declare themselves (after Ghostfolio's X-ray rules): each has an id, reads plain numbers
 * from the portfolio's exposures, and returns pass/fail with the number behind the verdict and the threshold used.
 * Wording lives in i18n; thresholds come from the model and can be overridden by the user.
 */
import type { CheckThresholds } from './model.ts';

/** What the rules look at: weights as fractions of the portfolio total (cash included). */
export interface Exposures {
  /** Mag7 share, funds looked through. */
  mag7: number;
  /** The part of `mag7` held through each fund, with the date of the fund's holdings. */
  mag7Through?: readonly { fund: string; weight: number; asOf: string }[];
  /** Share of the portfolio in funds whose holdings are not known (their Mag7 is not counted). */
  notLookedThrough?: number;
  /** Those funds. */
  fundsNotLookedThrough?: readonly string[];
  sleeves: ReadonlyMap<string, number>;
  countries: ReadonlyMap<string, number>;
  /** Days since the last recorded rebalance; null when none is on record; undefined when there is no journal. */
  daysSinceRebalance: number | null | undefined;
}

export type CheckId = keyof CheckThresholds;

export interface CheckResult {
  id: CheckId;
  pass: boolean;
  /** The number behind the verdict (a weight, or days); null when there is nothing to measure. */
  value: number | null;
  threshold: number;
  /** The countries of business counted (regional-diversification only), so its title and message can name them. */
  countries?: string[];
  /** mag7-max: the part held through funds (look-through), and the funds whose holdings are not known. */
  through?: { fund: string; weight: number; asOf: string }[];
  unknownFunds?: { funds: string[]; weight: number };
  /** Why it failed when the reason is not the number itself (e.g. no journal). */
  reason?: 'no-journal' | 'no-rebalance';
}

interface Rule<K extends CheckId> {
  id: K;
  evaluate(x: Exposures, t: CheckThresholds[K]): Omit<CheckResult, 'id'>;
}

const sum = (m: ReadonlyMap<string, number>, keys: readonly string[]) =>
  keys.reduce((s, k) => s + (m.get(k) ?? 0), 0);

// A tiny tolerance so a portfolio at exactly 50.00% is not failed by the last bit of a float sum.
const EPS = 1e-12;

const mag7Max: Rule<'mag7-max'> = {
  id: 'mag7-max',
  evaluate: (x, t) => ({
    pass: x.mag7 <= t.max + EPS,
    value: x.mag7,
    threshold: t.max,
    ...(x.mag7Through?.length ? { through: [...x.mag7Through] } : {}),
    ...(x.notLookedThrough && x.notLookedThrough > 0
      ? { unknownFunds: { funds: [...(x.fundsNotLookedThrough ?? [])], weight: x.notLookedThrough } }
      : {}),
  }),
};

const physicalEnergyMin: Rule<'physical-energy-min'> = {
  id: 'physical-energy-min',
  evaluate: (x, t) => {
    const v = sum(x.sleeves, ['physical-ai', 'energy']);
    return { pass: v + EPS >= t.min, value: v, threshold: t.min };
  },
};

const regional: Rule<'regional-diversification'> = {
  id: 'regional-diversification',
  evaluate: (x, t) => {
    const v = sum(x.countries, t.countries);
    return { pass: v + EPS >= t.min, value: v, threshold: t.min, countries: [...t.countries] };
  },
};

const monthly: Rule<'monthly-rebalancing'> = {
  id: 'monthly-rebalancing',
  evaluate: (x, t) => {
    const d = x.daysSinceRebalance;
    if (d === undefined) return { pass: false, value: null, threshold: t.maxDays, reason: 'no-journal' };
    if (d === null) return { pass: false, value: null, threshold: t.maxDays, reason: 'no-rebalance' };
    return { pass: d <= t.maxDays, value: d, threshold: t.maxDays };
  },
};

export function runChecks(x: Exposures, thresholds: CheckThresholds): CheckResult[] {
  return [
    { id: mag7Max.id, ...mag7Max.evaluate(x, thresholds['mag7-max']) },
    { id: physicalEnergyMin.id, ...physicalEnergyMin.evaluate(x, thresholds['physical-energy-min']) },
    { id: regional.id, ...regional.evaluate(x, thresholds['regional-diversification']) },
    { id: monthly.id, ...monthly.evaluate(x, thresholds['monthly-rebalancing']) },
  ];
}
