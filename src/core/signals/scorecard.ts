/**
 * The thesis scorecard: for each claim of the essay, does the latest data agree, disagree, or not say? Each rule is
 * written here once; the README and the output's `rule` sentence repeat it.
 *
 * - concentration-falling: agrees when the estimated Mag7 share of the S&P 500 on the as-of date is below its
 *   estimate 6 months AND 12 months earlier; disagrees when above both; otherwise (mixed, or no estimate) inconclusive.
 * - valuations-contracting: no P/E data is bundled, and the essay's own figures (45x → 31x) are the claim, not evidence
 *   for it. Agrees when a user reading of `mag7-avg-pe` dated after the essay's latest is below that figure (31x);
 *   disagrees when at or above it; inconclusive when there is no such reading.
 * - capex-outrunning-revenue: "outrunning" = the dollar gap between AI capex and AI revenue keeps widening. The gap is
 *   capex (low end of a range) − revenue (high end of a range), the conservative side for the claim. With a user
 *   reading of `ai-capex` or `ai-revenue` dated after the essay (the other side: its latest reading), agrees when the
 *   gap is wider than the essay's latest gap ($530B − $120B = $410B), disagrees when not; inconclusive with no user
 *   reading (the essay's figures are the claim).
 * - flows-physical-ai / flows-energy: agrees when the sleeve basket's relative strength against the S&P 500 (basket
 *   return − SPY return) is above 0 over both 6 and 12 months; disagrees when below 0 over both; otherwise (mixed
 *   signs, exactly 0, or a window without data) inconclusive.
 * - flows-korea / flows-japan / flows-india: the same rule, on each region's own basket (baskets.ts REGION_BASKETS),
 *   never on the emerging sleeve (30% Taiwan, no Japan, which would say nothing about Japan or India).
 * - flows-emerging (Korea/Japan/India): judged per region: agrees only when all three regions agree, disagrees when all
 *   three disagree; otherwise (one region without data, or regions that differ) inconclusive, naming each region.
 *
 * Every item names the basket its verdict rests on (`basket`: symbols, weights, which are stand-ins, the benchmark),
 * or null when it rests on readings, not prices.
 */

import type { BasketMember } from './basket.ts';
import type { ShareEstimate } from './mag7-share.ts';
import type { Reading } from './readings.ts';
import { latestEssayReading, latestUserReadingAfter } from './readings.ts';
import type { RelativeWindow } from './relative-strength.ts';

export type Verdict = 'agrees' | 'disagrees' | 'inconclusive';

export const CLAIMS = [
  'concentration-falling',
  'valuations-contracting',
  'capex-outrunning-revenue',
  'flows-physical-ai',
  'flows-energy',
  'flows-emerging',
  'flows-korea',
  'flows-japan',
  'flows-india',
] as const;
export type ClaimId = (typeof CLAIMS)[number];

/** Why the verdict is what it is (stable codes; i18n/signals.ts turns them into sentences with the figures). */
export type ScoreReason =
  | 'fell-both'
  | 'rose-both'
  | 'mixed'
  | 'no-data'
  | 'no-user-reading'
  | 'below-essay'
  | 'not-below-essay'
  | 'gap-wider'
  | 'gap-not-wider'
  | 'ahead-both'
  | 'behind-both'
  | 'regions-agree'
  | 'regions-disagree'
  | 'regions-differ';

/** What a verdict was measured on: the basket's members (with their stand-in notes) against a benchmark. */
export interface ScoreBasket {
  members: BasketMember[];
  /** `SPY` (the S&P 500 ETF), or `readings` for a basket only used through the Mag7-share estimate. */
  benchmark: 'SPY';
  /** The Mag7-share estimate (concentration-falling) rests on price ratios, not market caps. */
  estimate?: boolean;
  /** None of the members has prices (a region the user has not priced): the candidates, not a measured basket. */
  unpriced?: boolean;
}

export interface ScoreItem {
  claim: ClaimId;
  verdict: Verdict;
  reason: ScoreReason;
  /** The numbers behind the verdict, each named (fractions for shares and returns, raw numbers for readings). */
  figures: Record<string, number | string>;
  /** The basket the verdict rests on; null for a verdict on readings (P/E, capex), which names its readings instead. */
  basket: ScoreBasket | null;
}

export function scoreConcentration(
  now: ShareEstimate | undefined,
  ago6: ShareEstimate | undefined,
  ago12: ShareEstimate | undefined,
  anchor?: { date: string; share: number },
  weights: BasketMember[] = [],
): ScoreItem {
  const claim = 'concentration-falling';
  const basket: ScoreBasket = { members: weights, benchmark: 'SPY', estimate: true };
  if (!now || !ago6 || !ago12)
    return { claim, verdict: 'inconclusive', reason: 'no-data', figures: {}, basket };
  const figures: Record<string, number | string> = {
    share: now.share,
    date: now.date,
    share6m: ago6.share,
    date6m: ago6.date,
    share12m: ago12.share,
    date12m: ago12.date,
  };
  // The anchor is context (how far the estimate has moved since the reading it starts from), not part of the rule.
  if (anchor) Object.assign(figures, { anchorShare: anchor.share, anchorDate: anchor.date });
  if (now.share < ago6.share && now.share < ago12.share)
    return { claim, verdict: 'agrees', reason: 'fell-both', figures, basket };
  if (now.share > ago6.share && now.share > ago12.share)
    return { claim, verdict: 'disagrees', reason: 'rose-both', figures, basket };
  return { claim, verdict: 'inconclusive', reason: 'mixed', figures, basket };
}

export function scoreValuations(readings: readonly Reading[], asOf: string): ScoreItem {
  const claim = 'valuations-contracting';
  const essay = latestEssayReading(readings, 'mag7-avg-pe');
  if (!essay) return { claim, verdict: 'inconclusive', reason: 'no-data', figures: {}, basket: null };
  const figures: Record<string, number | string> = { essay: essay.value as number, essayDate: essay.date };
  const user = latestUserReadingAfter(readings, 'mag7-avg-pe', essay.date, asOf);
  if (!user) return { claim, verdict: 'inconclusive', reason: 'no-user-reading', figures, basket: null };
  figures.latest = user.value as number;
  figures.latestDate = user.date;
  return (user.value as number) < (essay.value as number)
    ? { claim, verdict: 'agrees', reason: 'below-essay', figures, basket: null }
    : { claim, verdict: 'disagrees', reason: 'not-below-essay', figures, basket: null };
}

export function scoreCapex(readings: readonly Reading[], asOf: string): ScoreItem {
  const claim = 'capex-outrunning-revenue';
  const essayCapex = latestEssayReading(readings, 'ai-capex');
  const essayRevenue = latestEssayReading(readings, 'ai-revenue');
  if (!essayCapex || !essayRevenue)
    return { claim, verdict: 'inconclusive', reason: 'no-data', figures: {}, basket: null };
  const low = (r: Reading) => r.value as number;
  const high = (r: Reading) => r.high ?? (r.value as number);
  const essayGap = low(essayCapex) - high(essayRevenue);
  const figures: Record<string, number | string> = {
    essayCapex: low(essayCapex),
    essayRevenue: high(essayRevenue),
    essayGap,
    essayDate: essayCapex.date,
  };
  const userCapex = latestUserReadingAfter(readings, 'ai-capex', essayCapex.date, asOf);
  const userRevenue = latestUserReadingAfter(readings, 'ai-revenue', essayRevenue.date, asOf);
  if (!userCapex && !userRevenue)
    return { claim, verdict: 'inconclusive', reason: 'no-user-reading', figures, basket: null };
  const capex = userCapex ?? essayCapex;
  const revenue = userRevenue ?? essayRevenue;
  const gap = low(capex) - high(revenue);
  Object.assign(figures, {
    capex: low(capex),
    capexDate: capex.date,
    revenue: high(revenue),
    revenueDate: revenue.date,
    gap,
  });
  return gap > essayGap
    ? { claim, verdict: 'agrees', reason: 'gap-wider', figures, basket: null }
    : { claim, verdict: 'disagrees', reason: 'gap-not-wider', figures, basket: null };
}

export function scoreFlows(
  claim: 'flows-physical-ai' | 'flows-energy' | 'flows-korea' | 'flows-japan' | 'flows-india',
  windows: readonly RelativeWindow[] | undefined,
  members: BasketMember[],
  unpriced = false,
): ScoreItem {
  const basket: ScoreBasket = { members, benchmark: 'SPY', ...(unpriced ? { unpriced } : {}) };
  const six = windows?.find((w) => w.months === 6);
  const twelve = windows?.find((w) => w.months === 12);
  if (six?.excess === undefined || twelve?.excess === undefined)
    return { claim, verdict: 'inconclusive', reason: 'no-data', figures: {}, basket };
  const figures = {
    excess6m: six.excess,
    basket6m: six.basket.return as number,
    benchmark6m: six.benchmark.return as number,
    start6m: six.start,
    excess12m: twelve.excess,
    basket12m: twelve.basket.return as number,
    benchmark12m: twelve.benchmark.return as number,
    start12m: twelve.start,
    end: six.end,
  };
  if (six.excess > 0 && twelve.excess > 0)
    return { claim, verdict: 'agrees', reason: 'ahead-both', figures, basket };
  if (six.excess < 0 && twelve.excess < 0)
    return { claim, verdict: 'disagrees', reason: 'behind-both', figures, basket };
  return { claim, verdict: 'inconclusive', reason: 'mixed', figures, basket };
}

/**
 * Korea/Japan/India as the essay names it: one verdict per region, combined without averaging them away. `figures`
 * holds each region's verdict (korea, japan, india) and 6-month excess when it has one.
 */
export function scoreRegions(regions: { korea: ScoreItem; japan: ScoreItem; india: ScoreItem }): ScoreItem {
  const claim = 'flows-emerging';
  const all = [regions.korea, regions.japan, regions.india];
  const figures: Record<string, number | string> = {};
  for (const [name, item] of Object.entries(regions)) {
    figures[name] = item.reason === 'no-data' ? 'no-data' : item.verdict;
    if (typeof item.figures.excess6m === 'number') figures[`${name}6m`] = item.figures.excess6m;
  }
  if (all.every((x) => x.verdict === 'agrees'))
    return { claim, verdict: 'agrees', reason: 'regions-agree', figures, basket: null };
  if (all.every((x) => x.verdict === 'disagrees'))
    return { claim, verdict: 'disagrees', reason: 'regions-disagree', figures, basket: null };
  return { claim, verdict: 'inconclusive', reason: 'regions-differ', figures, basket: null };
}
