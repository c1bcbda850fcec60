/**
 * Fund look-through: what a fund holds, on a stated date, so that a portfolio of QQQ is counted as the Mag7 it holds
 * rather than as one "other" position. Data comes from `data/lookthrough.json` (published holdings, each dated and
 * sourced) and from the user's own file; loading and validation are in the adapters, the arithmetic here is pure.
 *
 * A fund's look-through: its named holdings (at least every Mag7 name it holds) as fractions of the fund's net
 * assets, what the rest is by sleeve, and where the whole fund's businesses are by country.
 */
import type { Instrument, SleeveId, Universe } from './universe.ts';

export interface FundHolding {
  /** A symbol of the universe (`NVDA`, `005930.KS`), so its sleeve, country and Mag7 flag come from there. */
  symbol: string;
  /** Fraction of the fund's net assets (0.0913 = 9.13%). */
  weight: number;
}

export interface FundLookThrough {
  /** The fund's canonical symbol (`QQQ`, `133690.KS`). */
  fund: string;
  /** Date the holdings are as of (YYYY-MM-DD). */
  asOf: string;
  /** Where the figures come from (fact sheet, holdings file, repository and commit). */
  source: string;
  /** Named holdings. Their sum is at most 1. */
  holdings: FundHolding[];
  /**
   * The rest of the fund (1 − Σ holdings) by sleeve, as fractions of the fund. Absent: the rest counts in the fund's
   * own sleeve. When given, it covers the whole rest.
   */
  rest?: Partial<Record<Exclude<SleeveId, 'unclassified'>, number>>;
  /** The whole fund's businesses by country (fractions summing to 1). Absent: named holdings by their country, the rest in the fund's. */
  countries?: Record<string, number>;
  /** A stated basis when the weights are not the fund's own file (e.g. "same index as QQQ"). */
  basis?: string;
  /**
   * A leveraged fund's multiple (2 for a KRX `레버리지` ETF): what it holds counts at this multiple of the position,
   * and the borrowing that pays for the extra, (multiple − 1) × the position, counts as negative cash (sleeve
   * cash-bonds, country CASH), so a position's parts still add up to its value. Absent: 1.
   */
  multiple?: number;
  /** The fund whose holdings these are, when they are another fund's (a KRX Nasdaq-100 ETF looked through as QQQ). */
  via?: string;
}

/** Cash has no country; it is listed under this id (a leveraged fund's borrowing too). */
export const CASH_COUNTRY = 'CASH';

/**
 * Look-through for the listings whose classification rule says which fund stands for their index (`lookThroughVia`)
 * and that have none of their own: that fund's holdings and date, its source, and the listing's multiple.
 */
export function lookThroughByRule(
  instruments: Iterable<Instrument>,
  data: LookThroughData,
): Map<string, FundLookThrough> {
  const out = new Map<string, FundLookThrough>();
  for (const inst of instruments) {
    const via = inst.lookThroughVia;
    if (!via || data.has(inst.symbol)) continue;
    const base = data.get(via.fund);
    if (!base) continue;
    const lev = via.multiple !== 1 ? `, at ${via.multiple}× (leveraged)` : '';
    out.set(inst.symbol, {
      ...base,
      fund: inst.symbol,
      basis: `tracks the index ${via.fund} tracks (rule ${inst.classifiedBy ?? 'curated'}): ${via.fund}'s holdings${lev}${base.basis ? `; ${via.fund}: ${base.basis}` : ''}`,
      via: via.fund,
      ...(via.multiple !== 1 ? { multiple: via.multiple } : {}),
    });
  }
  return out;
}

export type LookThroughData = ReadonlyMap<string, FundLookThrough>;

/** One slice of a position: a company (or "the rest") the position holds, with its share of the position. */
export interface Slice {
  /** The company's symbol for named holdings and direct stocks; null for a fund's unnamed rest. */
  company: string | null;
  sleeve: SleeveId;
  mag7: boolean;
  /** Fraction of the position's value. */
  share: number;
}

/** A fund's rest counts in the fund's sleeve when the file does not split it. */
export function fundSlices(
  data: FundLookThrough,
  fund: Instrument | undefined,
  fundSleeve: SleeveId,
  universe: Universe,
): Slice[] {
  const slices: Slice[] = [];
  let named = 0;
  for (const h of data.holdings) {
    const inst = universe.instruments.get(h.symbol);
    named += h.weight;
    slices.push({
      company: h.symbol,
      sleeve: inst?.sleeve ?? fund?.sleeve ?? fundSleeve,
      mag7: inst?.mag7 ?? false,
      share: h.weight,
    });
  }
  const rest = Math.max(0, 1 - named);
  const split = data.rest && Object.keys(data.rest).length > 0 ? data.rest : undefined;
  if (split) {
    for (const [sleeve, w] of Object.entries(split)) {
      if (w && w > 0) slices.push({ company: null, sleeve: sleeve as SleeveId, mag7: false, share: w });
    }
  } else if (rest > 0) {
    slices.push({ company: null, sleeve: fundSleeve, mag7: false, share: rest });
  }
  return leveraged(slices, data.multiple);
}

/** A leveraged fund's parts at its multiple, and the borrowing as negative cash (the parts add up to 1). */
function leveraged(slices: Slice[], multiple: number | undefined): Slice[] {
  if (multiple === undefined || multiple === 1) return slices;
  const out = slices.map((s) => ({ ...s, share: s.share * multiple }));
  out.push({ company: null, sleeve: 'cash-bonds', mag7: false, share: 1 - multiple });
  return out;
}

/** The fund's country split: the file's, or its named holdings by country and the rest in the fund's country. */
export function fundCountries(
  data: FundLookThrough,
  fundCountry: string,
  universe: Universe,
): Map<string, number> {
  const out = new Map<string, number>();
  if (data.countries) {
    for (const [c, w] of Object.entries(data.countries)) out.set(c, (out.get(c) ?? 0) + w);
  } else {
    let named = 0;
    for (const h of data.holdings) {
      const c = universe.instruments.get(h.symbol)?.country ?? fundCountry;
      out.set(c, (out.get(c) ?? 0) + h.weight);
      named += h.weight;
    }
    const rest = Math.max(0, 1 - named);
    if (rest > 0) out.set(fundCountry, (out.get(fundCountry) ?? 0) + rest);
  }
  const m = data.multiple;
  if (m === undefined || m === 1) return out;
  for (const [c, w] of out) out.set(c, w * m);
  out.set(CASH_COUNTRY, (out.get(CASH_COUNTRY) ?? 0) + 1 - m);
  return out;
}
