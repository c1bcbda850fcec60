/**
 * All the signals and the scorecard for one as-of date, from market data, the model and the readings. Pure: the
 * command loads the inputs and renders the result.
 */
import type { CurrencyCode } from '../currency.ts';
import type { IsoDate } from '../dates.ts';
import { fromDay, toDay } from '../dates.ts';
import type { MarketData } from '../market.ts';
import type { Model } from '../model.ts';
import type { BasketMember, DroppedMember, PriceContext } from './basket.ts';
import type { RegionBasket } from './baskets.ts';
import {
  MAG7_BASKET,
  pricedMembers,
  REGION_BASKETS,
  SP500_BASKET,
  SP500_SYMBOL,
  sleeveBaskets,
} from './baskets.ts';
import type { Backcheck, ShareEstimate } from './mag7-share.ts';
import { backcheck, estimateShare, shareSeries } from './mag7-share.ts';
import type { Reading } from './readings.ts';
import { latestEssayReading, numericReadings } from './readings.ts';
import type { RelativeWindow } from './relative-strength.ts';
import { relativeStrength } from './relative-strength.ts';
import type { ScoreItem } from './scorecard.ts';
import { scoreCapex, scoreConcentration, scoreFlows, scoreRegions, scoreValuations } from './scorecard.ts';
import { monthsBefore, WINDOW_MONTHS } from './window.ts';

export const SHARE_READING_ID = 'mag7-sp500-share';

export interface SignalsInput {
  market: MarketData;
  currencyOf: (symbol: string) => CurrencyCode | undefined;
  model: Model;
  readings: readonly Reading[];
  asOf: number;
  /** Add the daily paths each signal is computed from (for charts). */
  withSeries?: boolean;
}

export interface SleeveSignal {
  sleeve: string;
  members: BasketMember[];
  vsSp500: RelativeWindow[];
  vsMag7: RelativeWindow[];
}

export interface RegionSignal {
  region: RegionBasket['region'];
  members: BasketMember[];
  status: 'ok' | 'no-data';
  vsUs: RelativeWindow[];
}

export interface Mag7ShareSignal {
  status: 'ok' | 'no-data';
  /** The reading the estimate is carried from. */
  anchor?: Reading;
  /** The Mag7 weights at the anchor (equal: the essay gives no per-name caps). */
  weights: BasketMember[];
  current?: ShareEstimate;
  ago6m?: ShareEstimate;
  ago12m?: ShareEstimate;
  backcheck?: Backcheck;
  /** Why there is no estimate on the as-of date. */
  missing?: DroppedMember[];
  /** Daily estimates from the start of the back-check year to the as-of date, when series are asked for. */
  series?: ShareEstimate[];
}

export interface SignalsResult {
  asOf: IsoDate;
  base: CurrencyCode;
  readings: Reading[];
  sleeves: SleeveSignal[];
  regions: RegionSignal[];
  mag7Share: Mag7ShareSignal;
  scorecard: ScoreItem[];
}

const BASE: CurrencyCode = 'USD';

export function computeSignals(input: SignalsInput): SignalsResult {
  const { market, asOf } = input;
  const asOfIso = fromDay(asOf);
  const ctx: PriceContext = { market, currencyOf: input.currencyOf, base: BASE };
  const calendar = market.prices.get(SP500_SYMBOL)?.days ?? new Int32Array();
  const longest = Math.max(...WINDOW_MONTHS);
  const path = input.withSeries ? { calendar, months: longest } : undefined;

  const sleeves = sleeveBaskets(input.model).map((b) => ({
    sleeve: b.sleeve,
    members: b.members,
    vsSp500: relativeStrength(ctx, b.members, SP500_BASKET, asOf, WINDOW_MONTHS, path),
    vsMag7: relativeStrength(ctx, b.members, MAG7_BASKET, asOf, WINDOW_MONTHS, path),
  }));

  const regions: RegionSignal[] = REGION_BASKETS.map((r) => {
    const members = pricedMembers(r, market, asOf);
    return members.length === 0
      ? { region: r.region, members: [], status: 'no-data', vsUs: [] }
      : {
          region: r.region,
          members,
          status: 'ok',
          vsUs: relativeStrength(ctx, members, SP500_BASKET, asOf, WINDOW_MONTHS, path),
        };
  });

  const readings = input.readings.filter((r) => r.date <= asOfIso);
  const mag7Share = mag7ShareSignal(ctx, input.readings, asOf, calendar, input.withSeries ?? false);
  const bySleeve = (id: string) => sleeves.find((s) => s.sleeve === id)?.vsSp500;
  const membersOf = (id: string) => sleeves.find((s) => s.sleeve === id)?.members ?? [];
  const region = (id: RegionSignal['region']) => {
    const g = regions.find((x) => x.region === id);
    const claim = `flows-${id}` as const;
    if (g?.status === 'ok') return scoreFlows(claim, g.vsUs, g.members);
    // No member priced: the verdict still names the basket it would be measured on.
    const candidates = REGION_BASKETS.find((r) => r.region === id)?.members ?? [];
    return scoreFlows(claim, undefined, candidates, true);
  };
  const byRegion = { korea: region('korea'), japan: region('japan'), india: region('india') };

  const scorecard: ScoreItem[] = [
    scoreConcentration(
      mag7Share.current,
      mag7Share.ago6m,
      mag7Share.ago12m,
      mag7Share.anchor && {
        date: mag7Share.anchor.date,
        share: (mag7Share.anchor.value as number) / 100,
      },
      mag7Share.weights,
    ),
    scoreValuations(input.readings, asOfIso),
    scoreCapex(input.readings, asOfIso),
    scoreFlows('flows-physical-ai', bySleeve('physical-ai'), membersOf('physical-ai')),
    scoreFlows('flows-energy', bySleeve('energy'), membersOf('energy')),
    scoreRegions(byRegion),
    byRegion.korea,
    byRegion.japan,
    byRegion.india,
  ];
  return { asOf: asOfIso, base: BASE, readings, sleeves, regions, mag7Share, scorecard };
}

/**
 * Anchor: the latest share reading on or before the as-of date (a user's newer reading replaces the essay's 28.5%),
 * or the essay's latest when the as-of date is before every reading. Back-check: the essay's earlier reading (32.0%,
 * the 2024 peak).
 */
function mag7ShareSignal(
  ctx: PriceContext,
  readings: readonly Reading[],
  asOf: number,
  calendar: Int32Array,
  withSeries: boolean,
): Mag7ShareSignal {
  const weights = MAG7_BASKET;
  const anchor =
    numericReadings(readings, SHARE_READING_ID, fromDay(asOf)).at(-1) ??
    latestEssayReading(readings, SHARE_READING_ID);
  if (!anchor) return { status: 'no-data', weights };
  const model = {
    ctx,
    anchor: { day: toDay(anchor.date), share: (anchor.value as number) / 100 },
    mag7: weights,
    sp500: SP500_BASKET,
  };
  const now = estimateShare(model, asOf);
  if ('missing' in now) return { status: 'no-data', anchor, weights, missing: now.missing };
  const at = (months: number) => {
    const r = estimateShare(model, monthsBefore(asOf, months));
    return 'estimate' in r ? r.estimate : undefined;
  };
  const out: Mag7ShareSignal = {
    status: 'ok',
    anchor,
    weights,
    current: now.estimate,
    ago6m: at(6),
    ago12m: at(12),
  };
  const peak = readings
    .filter((r) => r.id === SHARE_READING_ID && r.source.kind === 'essay' && r.value !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  if (peak && peak !== anchor) {
    out.backcheck = backcheck(model, calendar, {
      day: toDay(peak.date),
      share: (peak.value as number) / 100,
    });
  }
  if (withSeries) {
    const from = peak ? toDay(`${peak.date.slice(0, 4)}-01-01`) : monthsBefore(asOf, 12);
    out.series = shareSeries(model, calendar, from, asOf);
  }
  return out;
}
