/**
 * `check`: where a portfolio stands against a model. Values the holdings, aggregates them, runs the checklist and
 * collects what the user should know (stale prices, unclassified holdings). Pure: the as-of date, market data and
 * the journal's last rebalance come in as arguments.
 */

import { concentrationBreaches } from './concentration.ts';
import type { CurrencyCode } from './currency.ts';
import { fromDay, toDay } from './dates.ts';
import type { Bucket, PortfolioExposures, SleeveExposure } from './exposure.ts';
import { lookThroughFor, portfolioExposures } from './exposure.ts';
import { fxFreshness } from './health.ts';
import type { CheckThresholds, Model } from './model.ts';
import { DEFAULT_CONCENTRATION } from './model.ts';
import type { CheckResult } from './rules.ts';
import { runChecks } from './rules.ts';
import { STALE_ERROR_DAYS, STALE_WARN_DAYS } from './staleness.ts';
import type { SleeveId } from './universe.ts';
import type { Position, ValuationInput } from './valuation.ts';
import { valueHoldings } from './valuation.ts';
import type { Warning } from './warnings.ts';

/** What valuation needs (holdings, universe, market, base, as-of), and the model and checklist inputs. */
export interface CheckInput extends ValuationInput {
  model: Model;
  /** Day number of the last recorded rebalance; null = journal has none; undefined = no journal at all. */
  lastRebalance?: number | null;
  /** User overrides of the model's thresholds, by check id. */
  thresholds?: Partial<CheckThresholds>;
}

export interface CheckReport {
  asOf: string;
  base: CurrencyCode;
  model: string;
  total: number;
  positions: Position[];
  sleeves: SleeveExposure[];
  countries: Bucket[];
  currencies: Bucket[];
  /** Holdings classified by a rule (data/classification.json) rather than a curated entry: which rule, and why. */
  classifications: Classified[];
  /** Funds looked through: the exposures behind sleeves, countries and the Mag7 check (rebalance and stress read these). */
  exposures: PortfolioExposures;
  checks: CheckResult[];
  warnings: Warning[];
}

export interface Classified {
  symbol: string;
  rule: string;
  sleeve: SleeveId;
  country: string;
  market: string;
  sector?: string;
  industry?: string;
}

export function checkPortfolio(input: CheckInput): CheckReport {
  const { positions, total, warnings } = valueHoldings(input);
  const exposures = portfolioExposures(positions, total, input.model, input.universe);
  const { sleeves, countries, currencies } = exposures;
  const unknownFunds = exposures.funds.filter((f) => f.asOf === null);
  const thresholds: CheckThresholds = { ...input.model.checks, ...input.thresholds };
  const daysSinceRebalance =
    input.lastRebalance === undefined || input.lastRebalance === null
      ? input.lastRebalance
      : input.asOf - input.lastRebalance;
  const checks = runChecks(
    {
      mag7: exposures.mag7,
      mag7Through: exposures.mag7Through,
      notLookedThrough: exposures.notLookedThrough,
      fundsNotLookedThrough: [...new Set(unknownFunds.map((f) => f.fund))],
      sleeves: new Map(sleeves.map((s) => [s.id, s.weight])),
      countries: new Map(countries.map((c) => [c.id, c.weight])),
      daysSinceRebalance,
    },
    thresholds,
  );
  return {
    asOf: fromDay(input.asOf),
    base: input.base,
    model: input.model.id,
    total,
    positions,
    sleeves,
    countries,
    currencies,
    classifications: classifications(positions, input),
    exposures,
    checks,
    warnings: [
      ...warnings,
      ...staleness(positions, input),
      ...noLookThrough(exposures, input),
      ...oldLookThrough(exposures, input),
      ...concentration(positions, input),
    ],
  };
}

/** The deciding rule for each held symbol the curated universe does not name (once per symbol). */
function classifications(positions: readonly Position[], input: CheckInput): Classified[] {
  const out = new Map<string, Classified>();
  for (const p of positions) {
    const inst = input.universe.instruments.get(p.symbol);
    if (!inst?.classifiedBy || out.has(p.symbol)) continue;
    out.set(p.symbol, {
      symbol: p.symbol,
      rule: inst.classifiedBy,
      sleeve: inst.sleeve,
      country: inst.country,
      market: inst.listing?.market ?? inst.exchange,
      ...(inst.listing?.sector ? { sector: inst.listing.sector } : {}),
      ...(inst.listing?.industry ? { industry: inst.listing.industry } : {}),
    });
  }
  return [...out.values()];
}

/** Holdings older than this (calendar days before the as-of date) are called old: a fund's weights drift. */
export const LOOK_THROUGH_OLD_DAYS = 183;

/**
 * One warning per fund whose named holdings are more than LOOK_THROUGH_OLD_DAYS older than the as-of date. Funds
 * looked through by index rules alone (no named holdings: KOSPI 200, TOPIX) do not age.
 */
function oldLookThrough(exposures: PortfolioExposures, input: CheckInput): Warning[] {
  const out = new Map<string, Warning>();
  for (const f of exposures.funds) {
    const data = input.universe.lookThrough.get(f.fund);
    if (!data || data.holdings.length === 0 || out.has(f.fund)) continue;
    const age = input.asOf - toDay(data.asOf);
    if (age <= LOOK_THROUGH_OLD_DAYS) continue;
    out.set(f.fund, {
      code: 'look-through-old',
      symbol: f.fund,
      date: data.asOf,
      age,
    });
  }
  return [...out.values()];
}

/**
 * One warning per fund held whose holdings are not known: its Mag7, sleeves and countries are not looked through. An
 * ETN (a note, holding nothing) is said to be one.
 */
function noLookThrough(exposures: PortfolioExposures, input: CheckInput): Warning[] {
  const seen = new Map<string, number>();
  for (const f of exposures.funds) if (f.asOf === null) seen.set(f.fund, (seen.get(f.fund) ?? 0) + f.weight);
  return [...seen].map(([fund, weight]) => ({
    code: 'no-look-through' as const,
    symbol: fund,
    weight,
    ...(input.universe.instruments.get(fund)?.type === 'etn' ? { etn: true as const } : {}),
  }));
}

/** One warning per company or country above the model's concentration limits (THESIS.md §2, the risk rule). */
function concentration(positions: readonly Position[], input: CheckInput): Warning[] {
  const limits = input.model.concentration ?? DEFAULT_CONCENTRATION;
  const instrumentOf = (symbol: string) => input.universe.instruments.get(symbol);
  const look = (p: Position) => lookThroughFor(input.universe, p);
  return concentrationBreaches(positions, limits, instrumentOf, look).map((b): Warning => {
    if (b.kind === 'position') {
      return {
        code: 'concentration-position',
        ...(b.via.length ? { funds: b.via } : {}),
        symbol: b.ids[0] as string,
        symbols: b.ids,
        weight: b.weight,
        limit: b.limit,
      };
    }
    const country = b.ids[0] as string;
    return {
      code: 'concentration-country',
      country,
      weight: b.weight,
      limit: b.limit,
    };
  });
}

/**
 * One warning per stale price or rate (older than STALE_WARN_DAYS trading days). Rates are reported once per
 * currency, since every position in that currency shares the same rate, and judged by health.ts `fxStaleness`: last
 * month's average is at worst a warning, however many trading days it is behind.
 */
function staleness(positions: readonly Position[], input: CheckInput): Warning[] {
  const out: Warning[] = [];
  const rates = new Map(
    fxFreshness(
      input.market,
      positions.map((p) => ({ from: p.currency, to: input.base })),
      input.asOf,
    ).map((f) => [f.from, f]),
  );
  const seenFx = new Set<string>();
  for (const p of positions) {
    if (p.priceDate && p.priceAge > STALE_WARN_DAYS) {
      out.push({
        code: p.priceAge > STALE_ERROR_DAYS ? 'stale-price-error' : 'stale-price',
        symbol: p.symbol,
        account: p.account,
        date: p.priceDate,
        age: p.priceAge,
      });
    }
    const fx = rates.get(p.currency);
    if (
      p.fxDate &&
      fx &&
      (fx.staleness === 'warning' || fx.staleness === 'error') &&
      !seenFx.has(p.currency)
    ) {
      seenFx.add(p.currency);
      out.push({
        code: fx.staleness === 'error' ? 'stale-fx-error' : 'stale-fx',
        date: p.fxDate,
        age: p.fxAge,
        currency: p.currency,
        monthlyAverage: fx.kind === 'monthly-average',
      });
    }
  }
  return out;
}
