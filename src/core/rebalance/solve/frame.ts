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
      throw settingError(`model sleeve ${s.id}: range ${pct(s.min)}–${pct(s.max)} is empty`, 'min ≤ max', {
        message: `모델 슬리브 ${s.id}: 범위 ${pct(s.min)}–${pct(s.max)}가 비어 있습니다`,
        expected: 'min ≤ max',
      });
    }
    if (
      (s.min !== undefined && s.target < s.min - 1e-12) ||
      (s.max !== undefined && s.target > s.max + 1e-12)
    ) {
      throw settingError(
        `model sleeve ${s.id}: target ${pct(s.target)} is outside its own range ${pct(s.min ?? 0)}–${pct(s.max ?? 1)}`,
        'a target inside the sleeve’s min–max range',
        {
          message: `모델 슬리브 ${s.id}: 목표 비중 ${pct(s.target)}가 자체 범위 ${pct(s.min ?? 0)}–${pct(s.max ?? 1)} 밖에 있습니다`,
          expected: '슬리브의 min–max 범위 안의 목표 비중',
        },
      );
    }
    const fill = input.fill ?? s.fill ?? DEFAULT_FILL;
    if (!Number.isInteger(fill) || fill < 1) {
      throw settingError(
        `model sleeve ${s.id}: fill ${String(fill)} is not a number of names`,
        'fill: a whole number of 1 or more',
        {
          message: `모델 슬리브 ${s.id}: fill 값이 종목 수가 아닙니다: ${String(fill)}`,
          expected: 'fill: 1 이상의 정수',
        },
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
      {
        message: `슬리브 하한의 합계가 ${pct(lowSum)}로 포트폴리오 전체보다 큽니다`,
        expected: '하한 합계가 100% 이하가 되는 목표 비중, 범위, 밴드',
      },
    );
  }
  if (highSum < 1 - 1e-9 && other === 'sell') {
    throw settingError(
      `the sleeves' upper bounds add up to ${pct(highSum)}, less than the whole portfolio`,
      'targets, ranges and band whose upper ends sum to at least 100%',
      {
        message: `슬리브 상한의 합계가 ${pct(highSum)}로 포트폴리오 전체보다 작습니다`,
        expected: '상한 합계가 100% 이상이 되는 목표 비중, 범위, 밴드',
      },
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
      {
        message: `집중 한도 ${pct(limits.maxPosition)}(한 기업)과 ${pct(limits.maxCountry)}(한 국가)가 포트폴리오의 비율이 아닙니다`,
        expected: '0%보다 크고 100% 이하인 한도',
      },
    );
  }
  const mag7 = sleeves.find((s) => s.id === 'mag7-selected');
  if (mag7 && mag7.lo > thresholds['mag7-max'].max + 1e-12) {
    throw settingError(
      `mag7-selected must be at least ${pct(mag7.lo)} but the mag7-max check allows at most ${pct(thresholds['mag7-max'].max)}`,
      'a mag7-max threshold at or above the mag7-selected range',
      {
        message: `mag7-selected는 최소 ${pct(mag7.lo)}여야 하지만 mag7-max 점검은 최대 ${pct(thresholds['mag7-max'].max)}까지만 허용합니다`,
        expected: 'mag7-selected 범위 이상인 mag7-max 기준',
      },
    );
  }
  const pe = sleeves.filter((s) => s.id === 'physical-ai' || s.id === 'energy').reduce((a, s) => a + s.hi, 0);
  if (pe < thresholds['physical-energy-min'].min - 1e-12) {
    throw settingError(
      `physical AI and energy may reach at most ${pct(pe)} within their bands, below the physical-energy-min threshold of ${pct(thresholds['physical-energy-min'].min)}`,
      'a physical-energy-min threshold within reach of the two sleeves’ bands',
      {
        message: `피지컬 AI와 에너지는 밴드 안에서 최대 ${pct(pe)}까지만 갈 수 있어 physical-energy-min 기준 ${pct(thresholds['physical-energy-min'].min)}에 못 미칩니다`,
        expected: '두 슬리브의 밴드로 닿을 수 있는 physical-energy-min 기준',
      },
    );
  }
  return { band, sleeves, thresholds, limits, other };
}

function settingError(
  message: string,
  expected: string,
  ko: { message: string; expected: string },
): InputError {
  return new InputError({ message, expected, ko });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
