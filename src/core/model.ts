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
  backtest?: { symbol: string; weight: number; note?: string }[];
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

export interface Model {
  id: string;
  name: string;
  nameKo?: string;
  description?: string;
  source?: string;
  sleeves: ModelSleeve[];
  checks: CheckThresholds;
  /** Default rebalancing band (absolute fraction) around each target. */
  band: number;
}
