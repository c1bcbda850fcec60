/**
 * The risk section's rule: "a portfolio concentrated in one country or one stock will not weather 2026". Measures the
 * largest single company and the largest single country of business as shares of the holdings excluding cash (cash
 * is what dilutes a concentration, not a diversifier of it), and says which exceed the model's limits.
 */
import type { Slice } from './lookthrough.ts';
import type { ConcentrationLimits } from './model.ts';
import type { Instrument, InstrumentType } from './universe.ts';
import type { Position } from './valuation.ts';

/** What the limits need to know of a symbol: whether it is a fund, and which company's listing it is. */
export type InstrumentOf = (symbol: string) => Pick<Instrument, 'type' | 'company'> | undefined;

/**
 * The key one company's listings share: the home listing's symbol for a second line (GOOG → GOOGL, the SONY ADR →
 * 6758.T, from the universe's `company` field), else the symbol itself.
 */
export function companyKey(instrumentOf: InstrumentOf, symbol: string): string {
  return instrumentOf(symbol)?.company ?? symbol;
}

/**
 * Funds hold many companies: a large fund is not a one-stock concentration (its country still counts). An ETN pays an
 * index's return (its issuer's credit is not a company holding the model limits).
 */
export const FUND_TYPES: ReadonlySet<InstrumentType> = new Set(['etf', 'etn', 'index', 'bond-fund']);

/** A fund spread over countries no file splits (`unknown`) is not one country. */
const UNKNOWN = 'unknown';

export interface ConcentrationBreach {
  kind: 'position' | 'country';
  /** The company's symbols (GOOGL and GOOG together), or the country code. */
  ids: string[];
  /** Fraction of the holdings excluding cash. */
  weight: number;
  limit: number;
  /** Funds through which part of it is held (look-through), sorted; empty when held only directly. */
  via: string[];
}

/**
 * Breaches of the limits, largest first within each kind. `instrumentOf` says what a symbol is (undefined when the
 * universe does not know it: such a holding is judged as one company, since nothing says it is a fund). Countries unknown to
 * the universe are not judged: "unknown" is not a country.
 */
export function concentrationBreaches(
  positions: readonly Position[],
  limits: ConcentrationLimits,
  instrumentOf: InstrumentOf,
  /** What a fund holds, when known: its named companies count toward them, its countries by the fund's split. */
  lookThrough: (
    p: Position,
  ) => { slices: readonly Slice[]; countries: ReadonlyMap<string, number> } | undefined = () => undefined,
): ConcentrationBreach[] {
  const securities = positions.filter((p) => p.kind === 'security');
  const invested = securities.reduce((s, p) => s + p.value, 0);
  if (invested <= 0) return [];

  const companies = new Map<string, { ids: Set<string>; value: number; via: Set<string> }>();
  const countries = new Map<string, number>();
  const addCompany = (symbol: string, value: number, fund?: string) => {
    const key = companyKey(instrumentOf, symbol);
    const c = companies.get(key) ?? { ids: new Set<string>(), value: 0, via: new Set<string>() };
    c.ids.add(symbol);
    c.value += value;
    if (fund) c.via.add(fund);
    companies.set(key, c);
  };
  for (const p of securities) {
    const look = lookThrough(p);
    if (look) {
      for (const [c, w] of look.countries) {
        if (c !== UNKNOWN) countries.set(c, (countries.get(c) ?? 0) + p.value * w);
      }
      for (const s of look.slices) if (s.company) addCompany(s.company, p.value * s.share, p.symbol);
      continue;
    }
    if (p.country && p.country !== UNKNOWN)
      countries.set(p.country, (countries.get(p.country) ?? 0) + p.value);
    const type = instrumentOf(p.symbol)?.type;
    if (type && FUND_TYPES.has(type)) continue;
    addCompany(p.symbol, p.value);
  }

  // A tiny tolerance so a holding at exactly the limit is not flagged by the last bit of a float sum.
  const over = (w: number, limit: number) => w > limit + 1e-12;
  const byWeight = (a: ConcentrationBreach, b: ConcentrationBreach) =>
    b.weight - a.weight || (a.ids[0] ?? '').localeCompare(b.ids[0] ?? '');
  const positionBreaches: ConcentrationBreach[] = [...companies]
    .map(([, c]) => ({
      kind: 'position' as const,
      ids: [...c.ids].sort(),
      weight: c.value / invested,
      limit: limits.maxPosition,
      via: [...c.via].sort(),
    }))
    .filter((b) => over(b.weight, b.limit))
    .sort(byWeight);
  const countryBreaches: ConcentrationBreach[] = [...countries]
    .map(([id, value]) => ({
      kind: 'country' as const,
      ids: [id],
      weight: value / invested,
      limit: limits.maxCountry,
      via: [],
    }))
    .filter((b) => over(b.weight, b.limit))
    .sort(byWeight);
  return [...positionBreaches, ...countryBreaches];
}
