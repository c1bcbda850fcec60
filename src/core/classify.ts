/**
 * Classification rules: how a listing that the curated universe does not name (any KRX code, any S&P 500 company) gets
 * a sleeve and a country of business. Rules come from `data/classification.json` (and the user's `--rules` file,
 * tried first); the first rule that matches decides, and its id travels with the instrument so `check` can say why
 * NAVER is KR/other and Hyundai Rotem is defense.
 */
import type { CurrencyCode } from './currency.ts';
import type { Instrument, InstrumentType, SleeveId } from './universe.ts';

/** One row of a bundled listing: what the exchange (or index list) says about a security. */
export interface Listing {
  /** Canonical symbol (`035420.KS`, `NVDA`). */
  symbol: string;
  /** The exchange's own code (`035420`) or the ticker. */
  code: string;
  name: string;
  nameKo?: string;
  /**
   * `KOSPI`, `KOSDAQ`, `KOSDAQ GLOBAL`, `KONEX`, `ETF`, `ETF inverse`, `ETF active` (KRX ETFs), `ETN`, `ETN inverse`,
   * `ETN leveraged` (KRX ETNs), `S&P 500`.
   */
  market: string;
  /** GICS sector (US), when known. */
  sector?: string;
  /** KSIC industry (KRX), GICS sub-industry (US), or the index a KRX ETF tracks, when known. */
  industry?: string;
  /** Names the listing had before (a KRX ETF of a renamed brand: `KBSTAR 200`, now `RISE 200`). */
  formerNames?: readonly string[];
  /** A leveraged fund's or ETN's multiple of its index (2 for `레버리지`, `2X`; an ETN's `3X`); absent for 1×. */
  leverage?: number;
  type: InstrumentType;
  currency: CurrencyCode;
  exchange: string;
  lot: number;
}

export interface ClassificationRule {
  id: string;
  markets?: readonly string[];
  codes?: readonly string[];
  sectors?: readonly string[];
  industries?: readonly string[];
  /** Regular expressions (Unicode, case-insensitive) tried on the listing's name as written (`RISE 200`). */
  names?: readonly string[];
  sleeve: Exclude<SleeveId, 'unclassified'>;
  country: string;
  /**
   * A fund whose look-through stands for what the listings of this rule hold (they track the same index: QQQ for a
   * KRX Nasdaq-100 ETF). A leveraged listing counts it at its multiple.
   */
  lookThrough?: string;
  note?: string;
}

export interface Classification {
  sleeve: Exclude<SleeveId, 'unclassified'>;
  country: string;
  rule: string;
  lookThrough?: string;
}

/** Rules compiled to sets once, so classifying thousands of listings is a few set lookups each. */
export interface RuleSet {
  readonly rules: readonly ClassificationRule[];
  readonly compiled: readonly CompiledRule[];
}

interface CompiledRule {
  rule: ClassificationRule;
  markets?: ReadonlySet<string>;
  codes?: ReadonlySet<string>;
  sectors?: ReadonlySet<string>;
  industries?: ReadonlySet<string>;
  names?: readonly RegExp[];
}

const setOf = (xs: readonly string[] | undefined) => (xs ? new Set(xs) : undefined);

export function compileRules(rules: readonly ClassificationRule[]): RuleSet {
  return {
    rules,
    compiled: rules.map((rule) => ({
      rule,
      markets: setOf(rule.markets),
      codes: setOf(rule.codes),
      sectors: setOf(rule.sectors),
      industries: setOf(rule.industries),
      names: rule.names?.map((n) => new RegExp(n, 'iu')),
    })),
  };
}

/** The first rule that matches, or undefined when none does (the listing then stays unclassified). */
export function classifyListing(l: Listing, rules: RuleSet): Classification | undefined {
  for (const c of rules.compiled) {
    if (c.markets && !c.markets.has(l.market)) continue;
    const selective = c.codes || c.sectors || c.industries || c.names;
    const hit =
      !selective ||
      c.codes?.has(l.code) ||
      (l.sector !== undefined && c.sectors?.has(l.sector)) ||
      (l.industry !== undefined && c.industries?.has(l.industry)) ||
      c.names?.some((re) => re.test(l.name));
    if (hit)
      return {
        sleeve: c.rule.sleeve,
        country: c.rule.country,
        rule: c.rule.id,
        ...(c.rule.lookThrough ? { lookThrough: c.rule.lookThrough } : {}),
      };
  }
  return undefined;
}

/** Instruments for the listings a rule classifies, each carrying the rule that decided it. */
export function listingInstruments(listings: readonly Listing[], rules: RuleSet): Instrument[] {
  const out: Instrument[] = [];
  for (const l of listings) {
    const c = classifyListing(l, rules);
    if (!c) continue;
    out.push({
      symbol: l.symbol,
      name: l.name,
      ...(l.nameKo ? { nameKo: l.nameKo } : {}),
      type: l.type,
      currency: l.currency,
      exchange: l.exchange,
      country: c.country,
      sleeve: c.sleeve,
      lot: l.lot,
      mag7: false,
      classifiedBy: c.rule,
      ...(l.formerNames?.length ? { formerNames: [...l.formerNames] } : {}),
      ...(c.lookThrough ? { lookThroughVia: { fund: c.lookThrough, multiple: l.leverage ?? 1 } } : {}),
      listing: {
        market: l.market,
        ...(l.sector ? { sector: l.sector } : {}),
        ...(l.industry ? { industry: l.industry } : {}),
      },
    });
  }
  return out;
}
