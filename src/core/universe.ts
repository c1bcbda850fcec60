/**
 * The instrument universe: what each symbol is, where it trades, which sleeve and country it counts in. Loaded from
 * `data/universe.json` (plus a user file) by an adapter; resolution here is pure.
 */
import type { CurrencyCode } from './currency.ts';
import type { LookThroughData } from './lookthrough.ts';

/** Sleeve ids. The six of the model plus the three buckets outside it. */
export const MODEL_SLEEVES = [
  'mag7-selected',
  'physical-ai',
  'energy',
  'emerging',
  'defense',
  'cash-bonds',
] as const;
export const OUTSIDE_SLEEVES = ['mag7-other', 'other', 'unclassified'] as const;
export type ModelSleeveId = (typeof MODEL_SLEEVES)[number];
export type SleeveId = ModelSleeveId | (typeof OUTSIDE_SLEEVES)[number];

export type InstrumentType = 'stock' | 'etf' | 'index' | 'bond-fund';

export interface Instrument {
  /** Canonical, Yahoo-style symbol: `NVDA`, `005380.KS`, `6954.T`, `SIE.DE`, `RR.L`. */
  symbol: string;
  name: string;
  nameKo?: string;
  type: InstrumentType;
  /** Trading currency, major unit (RR.L trades in GBP; its quotes are in pence, see `quoteCurrency`). */
  currency: CurrencyCode;
  /**
   * Quote unit when it differs from the trading currency: `GBp` for London. Applies to closes from files (bundled,
   * --prices), which carry no currency; a series that states its currency (the fetched cache) is in that major unit.
   */
  quoteCurrency?: string;
  exchange: string;
  /** Country of the business (ISO 3166 alpha-2), not of the listing. */
  country: string;
  sleeve: Exclude<SleeveId, 'unclassified'>;
  /** Exchange trading unit: Tokyo 100, Taiwan 1,000, others 1. */
  lot: number;
  /** One of the seven Mag7 companies (both Alphabet classes count as one name). */
  mag7: boolean;
  /** Other spellings that resolve to this symbol (`005930`, `A005930`, `2330`). */
  aliases?: string[];
}

export interface Universe {
  readonly instruments: ReadonlyMap<string, Instrument>;
  /** Upper-cased alias or symbol → canonical symbol. */
  readonly index: ReadonlyMap<string, string>;
  /** What funds hold (bundled and user look-through files), by the fund's canonical symbol. */
  readonly lookThrough: LookThroughData;
}

/** Funds: the instrument types whose holdings a look-through describes (bond funds sit in cash-bonds as a whole). */
export const LOOK_THROUGH_TYPES: ReadonlySet<InstrumentType> = new Set(['etf', 'index']);

export function buildUniverse(
  list: readonly Instrument[],
  lookThrough: LookThroughData = new Map(),
): Universe {
  const instruments = new Map<string, Instrument>();
  const index = new Map<string, string>();
  for (const inst of list) {
    // Later entries (the user's file) replace earlier ones of the same symbol.
    instruments.set(inst.symbol, inst);
  }
  for (const inst of instruments.values()) {
    index.set(inst.symbol.toUpperCase(), inst.symbol);
    for (const alias of krxAliases(inst.symbol)) if (!index.has(alias)) index.set(alias, inst.symbol);
    for (const alias of inst.aliases ?? []) index.set(alias.toUpperCase(), inst.symbol);
  }
  return { instruments, index, lookThrough };
}

/** A KRX listing `005930.KS` is also written `005930` and, by Korean brokers, `A005930`. */
function krxAliases(symbol: string): string[] {
  const m = /^(\d{6})\.(KS|KQ)$/.exec(symbol);
  return m ? [m[1] as string, `A${m[1]}`] : [];
}

/**
 * The canonical symbol for what a user wrote, or undefined when the universe does not know it. Case-insensitive;
 * broker forms of KRX codes (`A005930`, `005930`, and `5930` as Excel leaves it) resolve to the listing.
 */
export function resolveSymbol(universe: Universe, written: string): string | undefined {
  const key = written.trim().toUpperCase();
  const exact = universe.index.get(key);
  if (exact !== undefined) return exact;
  // Only when nothing matches as written, so 4-digit Tokyo and Taiwan codes (`6954`, `2330`) keep their meaning;
  // and only onto a KRX listing, the one market whose codes are six digits with leading zeros.
  const padded = padKrxCode(key);
  const krx = padded === undefined ? undefined : universe.index.get(padded);
  return krx !== undefined && /\.(KS|KQ)$/.test(krx) ? krx : undefined;
}

/**
 * A KRX code whose leading zeros a spreadsheet dropped (Excel reads `005930` as the number 5930): 1–5 digits →
 * six; anything else → undefined.
 */
export function padKrxCode(written: string): string | undefined {
  const code = written.trim();
  return /^\d{1,5}$/.test(code) ? code.padStart(6, '0') : undefined;
}
