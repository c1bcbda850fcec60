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

/**
 * `etn`: a KRX exchange-traded note (상장지수증권): a debt of its issuer that pays an index's return, not a fund. It
 * owns nothing to look through; it counts as a fund whose holdings are unknown (flagged `no-look-through`).
 */
export type InstrumentType = 'stock' | 'etf' | 'etn' | 'index' | 'bond-fund';

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
  /**
   * Another listing of the same company, when this one is a second line: the home listing's symbol (an ADR such as
   * SONY → 6758.T, Alphabet's class C GOOG → GOOGL). The one-company limit counts them together, and a named listing
   * no account can trade may be bought through it.
   */
  company?: string;
  /** Names a KRX listing had before (`KBSTAR 200` for `RISE 200`): a broker file's old name still finds it. */
  formerNames?: string[];
  /**
   * A listing whose rule says it tracks the index another fund's look-through stands for (a KRX Nasdaq-100 ETF: QQQ),
   * with its multiple (2 for a leveraged fund): without its own look-through data, it is looked through as that
   * fund's, at the multiple.
   */
  lookThroughVia?: { fund: string; multiple: number };
  /** The classification rule that gave the sleeve and country (a listing's); absent for a curated entry. */
  classifiedBy?: string;
  /** What the bundled listing says: market, sector, industry (shown beside the rule in check). */
  listing?: { market: string; sector?: string; industry?: string };
}

export interface Universe {
  readonly instruments: ReadonlyMap<string, Instrument>;
  /** Upper-cased alias or symbol → canonical symbol. */
  readonly index: ReadonlyMap<string, string>;
  /** What funds hold (bundled and user look-through files), by the fund's canonical symbol. */
  readonly lookThrough: LookThroughData;
  /** Normalised KRX name (Korean or English) → the listings of that name. */
  readonly krxNames: ReadonlyMap<string, readonly string[]>;
}

/**
 * Funds: the instrument types whose holdings a look-through describes (bond funds sit in cash-bonds as a whole). An
 * ETN holds nothing, but pays what an index holds: like a fund without look-through data, its Mag7 share is unknown,
 * not 0%.
 */
export const LOOK_THROUGH_TYPES: ReadonlySet<InstrumentType> = new Set(['etf', 'etn', 'index']);

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
  const krxNames = new Map<string, string[]>();
  for (const inst of instruments.values()) {
    index.set(inst.symbol.toUpperCase(), inst.symbol);
    const krx = KRX_SYMBOL.test(inst.symbol);
    if (krx) {
      const code = inst.symbol.slice(0, 6);
      // Brokers write an ETN with Q (`Q500001`, KIS and Daishin), a share or ETF with A.
      const prefixed = inst.type === 'etn' ? [`A${code}`, `Q${code}`] : [`A${code}`];
      for (const alias of [code, ...prefixed]) if (!index.has(alias)) index.set(alias, inst.symbol);
      for (const name of new Set([inst.name, inst.nameKo].filter((n): n is string => !!n))) {
        const key = normaliseName(name);
        const list = krxNames.get(key) ?? [];
        if (!list.includes(inst.symbol)) list.push(inst.symbol);
        krxNames.set(key, list);
      }
    }
    for (const alias of inst.aliases ?? []) index.set(alias.toUpperCase(), inst.symbol);
  }
  // A former name finds its listing only where no listing has that name today.
  const former = new Map<string, string[]>();
  for (const inst of instruments.values()) {
    if (!inst.formerNames || !KRX_SYMBOL.test(inst.symbol)) continue;
    for (const name of inst.formerNames) {
      const key = normaliseName(name);
      if (krxNames.has(key)) continue;
      const list = former.get(key) ?? [];
      if (!list.includes(inst.symbol)) list.push(inst.symbol);
      former.set(key, list);
    }
  }
  for (const [key, list] of former) krxNames.set(key, list);
  return { instruments, index, lookThrough, krxNames };
}

/**
 * A KRX listing: six characters (digits, or since 2024 digits and letters: `0001A0`) and the market suffix, `.KS`
 * KOSPI, `.KQ` KOSDAQ, `.KN` KONEX. Written also `005930` and, by Korean brokers, `A005930`.
 */
export const KRX_SYMBOL = /^[0-9][0-9A-Z]{5}\.(KS|KQ|KN)$/;

/** Names compare without spaces, case or width differences (`삼성 전자`, `naver`, `ＮＡＶＥＲ`). */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export type NameResolution =
  | { kind: 'code'; symbol: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' };

/**
 * The KRX listing a broker file's name means (`현대차`, `TIGER 미국나스닥100`, `NAVER`), for files that carry no
 * code. An exact name (spaces, case and full-width letters ignored) resolves; several listings of that name, or no
 * exact one but names that contain it, come back as candidates (at most 10, by symbol) for the caller to ask about.
 */
export function resolveKrxName(universe: Universe, name: string): NameResolution {
  const key = normaliseName(name);
  if (!key) return { kind: 'unknown' };
  const exact = universe.krxNames.get(key) ?? universe.krxNames.get(renamedKrxEtfBrand(key));
  if (exact && exact.length === 1) return { kind: 'code', symbol: exact[0] as string };
  if (exact && exact.length > 1) return { kind: 'ambiguous', candidates: [...exact].sort() };
  const partial: string[] = [];
  for (const [n, symbols] of universe.krxNames) if (n.includes(key)) partial.push(...symbols);
  const candidates = [...new Set(partial)].sort().slice(0, 10);
  return candidates.length ? { kind: 'ambiguous', candidates } : { kind: 'unknown' };
}

/**
 * KRX ETF brands renamed by their managers: KB's KBSTAR became RISE (2024-07), Hanwha's ARIRANG became PLUS
 * (2024-10), Kiwoom's KOSEF became KIWOOM (2024). A name under the old brand that no listing has (an ETF listed after
 * the bundled 2023 names, or a file older than the rename) is tried under the new one.
 */
export const KRX_ETF_BRAND_RENAMES: readonly (readonly [string, string])[] = [
  ['KBSTAR', 'RISE'],
  ['ARIRANG', 'PLUS'],
  ['KOSEF', 'KIWOOM'],
];

/** An upper-cased, space-free name under an old KRX ETF brand, under the new one (`KBSTAR200` → `RISE200`). */
export function renamedKrxEtfBrand(key: string): string {
  for (const [from, to] of KRX_ETF_BRAND_RENAMES)
    if (key.startsWith(from)) return to + key.slice(from.length);
  return key;
}

/**
 * The canonical symbol for what a user wrote, or undefined when the universe does not know it. Case-insensitive;
 * broker forms of KRX codes (`A005930`, `005930`, and `5930` as Excel leaves it) resolve to the listing.
 */
export function resolveSymbol(universe: Universe, written: string): string | undefined {
  const key = written.trim().toUpperCase();
  const exact = universe.index.get(key);
  if (exact !== undefined) return exact;
  // `005930.KS` written for a KOSDAQ listing or the other way round: the code decides.
  const suffixed = /^([AQ]?)([0-9][0-9A-Z]{5})\.(KS|KQ|KN)$/.exec(key);
  if (suffixed) {
    const krx = universe.index.get(suffixed[2] as string);
    if (krx !== undefined && KRX_SYMBOL.test(krx)) return krx;
  }
  // Only when nothing matches as written, so 4-digit Tokyo and Taiwan codes (`6954`, `2330`) keep their meaning;
  // and only onto a KRX listing, the one market whose codes are six digits with leading zeros.
  const padded = padKrxCode(key);
  const krx = padded === undefined ? undefined : universe.index.get(padded);
  return krx !== undefined && KRX_SYMBOL.test(krx) ? krx : undefined;
}

/**
 * A KRX code whose leading zeros a spreadsheet dropped (Excel reads `005930` as the number 5930): 1–5 digits →
 * six; anything else → undefined.
 */
export function padKrxCode(written: string): string | undefined {
  const code = written.trim();
  return /^\d{1,5}$/.test(code) ? code.padStart(6, '0') : undefined;
}
