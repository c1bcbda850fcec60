/**
 * A model allocation: sleeve targets, the checklist's thresholds, and which instruments fill a sleeve. Loaded from
 * `data/models/<id>.json` or a user file and validated by an adapter.
 */
import type { SleeveId } from './universe.ts';

export interface ModelSleeve {
  id: SleeveId;
  /** Point target as a fraction of the portfolio (0.25 = 25%). */
  target: number;
  /** The model's own stated range, when it gives one (the essay: Mag7 20–25%). */
  min?: number;
  max?: number;
  /** Instruments bought, in order, when the sleeve is empty (the first one with a price). */
  candidates: string[];
  /** How many of the first priced candidates share an empty sleeve's target (default 3: one name is concentration). */
  fill?: number;
  /**
   * Instruments that stand in for the sleeve in backtests where the named listings have no history, with weights
   * inside the sleeve summing to 1, and why each was chosen.
   */
  backtest?: { symbol: string; weight: number; note?: string; noteKo?: string }[];
}

export interface CheckThresholds {
  /** All seven Mag7 names together at most this fraction. */
  'mag7-max': { max: number };
  /** physical-ai + energy at least this fraction. */
  'physical-energy-min': { min: number };
  /** Holdings whose business is in these countries at least this fraction. */
  'regional-diversification': { min: number; countries: string[] };
  /** A rebalance recorded within this many days of the as-of date. */
  'monthly-rebalancing': { maxDays: number };
}

/**
 * The risk section's rule ("a portfolio concentrated in one country or one stock will not weather 2026") as numbers.
 * The essay gives none: these are the product's reading of it, stated in the model file.
 */
export interface ConcentrationLimits {
  /** One company (all its share classes, across accounts) at most this fraction of the holdings excluding cash. */
  maxPosition: number;
  /** One country of business at most this fraction of the holdings excluding cash. */
  maxCountry: number;
  /** Why these numbers (free text, shown to nobody but the model's reader). */
  note?: string;
}

/**
 * Used when a model states no limits. 20%: the Great Dispersion model never holds one name above 12.5% (NVDA or TSLA,
 * half of the 25% Mag7 sleeve; 13.2% of the holdings excluding cash), so 20% is a position that has outgrown it. 60%:
 * filled from the essay's own first three names per sleeve, the model has about 44% of its non-cash holdings in US
 * businesses, so 60% is well past the model's own reach. Not the essay's figures: it gives none.
 */
export const DEFAULT_CONCENTRATION: ConcentrationLimits = { maxPosition: 0.2, maxCountry: 0.6 };

export interface Model {
  id: string;
  name: string;
  nameKo?: string;
  description?: string;
  source?: string;
  sleeves: ModelSleeve[];
  checks: CheckThresholds;
  /** Single-company and single-country limits; DEFAULT_CONCENTRATION when absent (the loader always fills it). */
  concentration?: ConcentrationLimits;
  /** Default rebalancing band (absolute fraction) around each target. */
  band: number;
}
