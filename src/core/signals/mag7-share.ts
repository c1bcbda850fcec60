/**
 * The Mag7 share of the S&P 500's market cap, ESTIMATED (no market caps are bundled): anchored on a dated reading and
 * carried through time by relative price moves,
 *
 *   share(t) = share(t0) × (M(t) / M(t0)) / (S(t) / S(t0))
 *
 * where t0 is the anchor reading's date, M is a Mag7 cap-weighted price index and S the S&P 500 (SPY closes). With
 * the weights w_i of the seven at t0, M(t)/M(t0) = Σ w_i P_i(t)/P_i(t0): a cap-weighted index whose share counts do
 * not change. The essay gives no per-name caps, so the caller passes the weights; equal weights (1/7) are what the
 * command uses, and it says so. Share buybacks, issuance and index changes are outside the estimate; so is the
 * difference between Alphabet's two share classes (GOOGL stands for both).
 */

import type { IsoDate } from '../dates.ts';
import { fromDay, toDay } from '../dates.ts';
import type { BasketMember, DroppedMember, PriceContext } from './basket.ts';
import { basketReturn } from './basket.ts';

export interface ShareAnchor {
  day: number;
  /** Fraction (0.285 for 28.5%). */
  share: number;
}

export interface ShareEstimate {
  date: IsoDate;
  share: number;
  /** M(t)/M(t0) and S(t)/S(t0). */
  mag7Ratio: number;
  sp500Ratio: number;
}

export interface ShareModel {
  ctx: PriceContext;
  anchor: ShareAnchor;
  /** The Mag7 weights at the anchor date, summing to 1. */
  mag7: readonly BasketMember[];
  sp500: readonly BasketMember[];
}

/** The estimate on `day`, or the members without a usable close (all seven and the index are required). */
export function estimateShare(
  model: ShareModel,
  day: number,
): { estimate: ShareEstimate } | { missing: DroppedMember[] } {
  const m = basketReturn(model.ctx, model.mag7, model.anchor.day, day);
  const s = basketReturn(model.ctx, model.sp500, model.anchor.day, day);
  const missing = [...m.dropped, ...s.dropped];
  // Dropping a name would re-weight the rest and change what the index means: no estimate rather than a wrong one.
  if (missing.length > 0 || m.return === undefined || s.return === undefined) return { missing };
  const mag7Ratio = 1 + m.return;
  const sp500Ratio = 1 + s.return;
  return {
    estimate: {
      date: fromDay(day),
      share: (model.anchor.share * mag7Ratio) / sp500Ratio,
      mag7Ratio,
      sp500Ratio,
    },
  };
}

/** The estimate on every day of `calendar` from `fromDay` to `toDay` (days without an estimate are skipped). */
export function shareSeries(
  model: ShareModel,
  calendar: Int32Array,
  fromDayN: number,
  toDayN: number,
): ShareEstimate[] {
  const out: ShareEstimate[] = [];
  for (const day of calendar) {
    if (day < fromDayN) continue;
    if (day > toDayN) break;
    const r = estimateShare(model, day);
    if ('estimate' in r) out.push(r.estimate);
  }
  return out;
}

export interface Backcheck {
  /** The reading checked against (fraction) and its date. */
  reading: number;
  readingDate: IsoDate;
  /** The estimate's highest value in the reading's calendar year, and the day it was reached. */
  peak?: ShareEstimate;
  /** peak − reading, in fraction points (−0.012 = the estimate's peak is 1.2 points below the reading). */
  peakDifference?: number;
  /** The estimate on the reading's own date, and its difference from the reading. */
  atDate?: ShareEstimate;
  atDateDifference?: number;
}

/**
 * Checks the estimate backward against an earlier reading that the essay calls a peak (32.0% in 2024): the estimate's
 * maximum over that reading's calendar year is compared with it, and so is the estimate on the reading's date.
 */
export function backcheck(
  model: ShareModel,
  calendar: Int32Array,
  reading: { day: number; share: number },
): Backcheck {
  const year = fromDay(reading.day).slice(0, 4);
  const series = shareSeries(model, calendar, toDay(`${year}-01-01`), toDay(`${year}-12-31`));
  const out: Backcheck = { reading: reading.share, readingDate: fromDay(reading.day) };
  const peak = series.reduce<ShareEstimate | undefined>(
    (best, e) => (!best || e.share > best.share ? e : best),
    undefined,
  );
  if (peak) {
    out.peak = peak;
    out.peakDifference = peak.share - reading.share;
  }
  const at = estimateShare(model, reading.day);
  if ('estimate' in at) {
    out.atDate = at.estimate;
    out.atDateDifference = at.estimate.share - reading.share;
  }
  return out;
}
