/**
 * Frame: what the rebalance aims at, measured on the WHOLE portfolio exactly as `check` measures it (cash and the
 * holdings outside the model included in the total). For each sleeve the band it must end in (the model's target ±
 * the band, intersected with the model's own stated range such as the essay's Mag7 20–25%), the checklist thresholds
 * in force and the concentration limits. Contradictory settings are an InputError naming the setting (exit 2).
 */
import type { Band } from '../../engine/band.ts';
import { InputError } from '../../errors.ts';
import type { CheckThresholds, ConcentrationLimits, Model } from '../../model.ts';
import { DEFAULT_CONCENTRATION } from '../../model.ts';
import type { SleeveId } from '../../universe.ts';
import { bandWidth } from '../band.ts';

/** What a rebalance does with the holdings outside the model (`other`, `unclassified`). */
export type OtherPolicy = 'keep' | 'reduce' | 'sell';

export const OUTSIDE_KEPT: readonly SleeveId[] = ['other', 'unclassified'];
export const CASH_SLEEVE: SleeveId = 'cash-bonds';

export interface SleeveFrame {
  id: SleeveId;
  target: number;
  /** Where the sleeve must end, as fractions of the whole portfolio. */
  lo: number;
  hi: number;
  inModel: boolean;
  /** Names a sleeve's buys are spread over at least (the model's `fill`, default 3). */
  fill: number;
}

export interface Frame {
  band: Band;
  sleeves: SleeveFrame[];
  thresholds: CheckThresholds;
  limits: ConcentrationLimits;
  other: OtherPolicy;
}

export const DEFAULT_FILL = 3;

/**
 * The band a sleeve must end in: target ± the band, within the model's own range. A sleeve outside the model (Mag7
 * names other than Nvidia and Tesla) has target 0 and ends within the band of 0.
 */
export function sleeveBounds(
  target: number,
  band: Band,
  range: { min?: number; max?: number } = {},
): { lo: number; hi: number } {
  const w = bandWidth(target, band);
  return {
    lo: Math.max(0, target - w, range.min ?? 0),
    hi: Math.min(1, target + w, range.max ?? 1),
  };
}

export function buildFrame(input: {
  model: Model;
  band?: Band;
  other?: OtherPolicy;
  thresholds?: Partial<CheckThresholds>;
  /** Override of every sleeve's fill (--candidates). */
  fill?: number;
  /** Sleeves held that the model has no place for. */
  held: readonly SleeveId[];
}): Frame {
  const { model } = input;
  const band = input.band ?? { abs: model.band, rel: 0 };
  const sleeves: SleeveFrame[] = model.sleeves.map((s) => {
    const { lo, hi } = sleeveBounds(s.target, band, s);
    if (s.min !== undefined && s.max !== undefined && s.min > s.max) {
      throw settingError(`model sleeve ${s.id}: range ${pct(s.min)}–${pct(s.max)} is empty`, 'min ≤ max');
    }
    if (
      (s.min !== undefined && s.target < s.min - 1e-12) ||
      (s.max !== undefined && s.target > s.max + 1e-12)
    ) {
      throw settingError(
        `model sleeve ${s.id}: target ${pct(s.target)} is outside its own range ${pct(s.min ?? 0)}–${pct(s.max ?? 1)}`,
        'a target inside the sleeve’s min–max range',
      );
    }
    const fill = input.fill ?? s.fill ?? DEFAULT_FILL;
    if (!Number.isInteger(fill) || fill < 1) {
      throw settingError(
        `model sleeve ${s.id}: fill ${String(fill)} is not a number of names`,
        'fill: a whole number of 1 or more',
      );
    }
    return { id: s.id, target: s.target, lo, hi, inModel: true, fill };
  });
  if (!sleeves.some((s) => s.id === CASH_SLEEVE)) {
    sleeves.push({ id: CASH_SLEEVE, target: 0, ...sleeveBounds(0, band), inModel: false, fill: 1 });
  }
  const other = input.other ?? 'keep';
  for (const id of input.held) {
    if (sleeves.some((s) => s.id === id) || OUTSIDE_KEPT.includes(id)) continue;
    sleeves.push({ id, target: 0, ...sleeveBounds(0, band), inModel: false, fill: 1 });
  }
  const lowSum = sleeves.reduce((a, s) => a + s.lo, 0);
  const highSum = sleeves.reduce((a, s) => a + s.hi, 0);
  if (lowSum > 1 + 1e-9) {
    throw settingError(
      `the sleeves' lower bounds add up to ${pct(lowSum)}, more than the whole portfolio`,
      'targets, ranges and band whose lower ends sum to at most 100%',
    );
  }
  if (highSum < 1 - 1e-9 && other === 'sell') {
    throw settingError(
      `the sleeves' upper bounds add up to ${pct(highSum)}, less than the whole portfolio`,
      'targets, ranges and band whose upper ends sum to at least 100%',
    );
  }
  const thresholds: CheckThresholds = { ...model.checks, ...input.thresholds };
  const limits = model.concentration ?? DEFAULT_CONCENTRATION;
  if (
    !(limits.maxPosition > 0 && limits.maxPosition <= 1) ||
    !(limits.maxCountry > 0 && limits.maxCountry <= 1)
  ) {
    throw settingError(
      `concentration limits ${pct(limits.maxPosition)} (one company) and ${pct(limits.maxCountry)} (one country) are not fractions of the portfolio`,
      'limits above 0% and at most 100%',
    );
  }
  const mag7 = sleeves.find((s) => s.id === 'mag7-selected');
  if (mag7 && mag7.lo > thresholds['mag7-max'].max + 1e-12) {
    throw settingError(
      `mag7-selected must be at least ${pct(mag7.lo)} but the mag7-max check allows at most ${pct(thresholds['mag7-max'].max)}`,
      'a mag7-max threshold at or above the mag7-selected range',
    );
  }
  const pe = sleeves.filter((s) => s.id === 'physical-ai' || s.id === 'energy').reduce((a, s) => a + s.hi, 0);
  if (pe < thresholds['physical-energy-min'].min - 1e-12) {
    throw settingError(
      `physical AI and energy may reach at most ${pct(pe)} within their bands, below the physical-energy-min threshold of ${pct(thresholds['physical-energy-min'].min)}`,
      'a physical-energy-min threshold within reach of the two sleeves’ bands',
    );
  }
  return { band, sleeves, thresholds, limits, other };
}

function settingError(message: string, expected: string): InputError {
  return new InputError({ message, expected });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
