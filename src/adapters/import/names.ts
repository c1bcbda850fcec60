/**
 * Korean names → listing codes, for exports that carry only 종목명 (Mirae, Samsung). The resolver is built from a
 * listing table given to it — today the universe's names; the bundled KRX listing table when it lands — so this
 * module knows nothing about where names come from. Matching is exact after normalising spacing, case and the
 * decorations brokers add (`(주)`, `보통주`); a name two listings share is refused with both, never guessed.
 */
import type { Universe } from '../../core/universe.ts';
import { renamedKrxEtfBrand } from '../../core/universe.ts';

export interface ListingName {
  /** Canonical symbol (`005930.KS`, `AAPL`). */
  symbol: string;
  /** A name the listing goes by (`삼성전자`, `Samsung Electronics`). */
  name: string;
  /** Its ISIN (`KR7005930003`), when the table has one: Degiro and Trading 212 name listings by ISIN. */
  isin?: string;
  /** A name it went by before (`KBSTAR 200` for `RISE 200`): it resolves only where no listing has it today. */
  former?: boolean;
}

export type NameResolution =
  | { ok: true; symbol: string }
  | { ok: false; reason: 'unknown'; candidates: [] }
  | { ok: false; reason: 'ambiguous'; candidates: string[] };

export interface NameResolver {
  resolve(name: string): NameResolution;
  /** The listing of an ISIN, when the table knows it. */
  resolveIsin?(isin: string): string | undefined;
}

export function normaliseName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\(주\)|㈜|주식회사/g, '')
    .replace(/보통주$/, '')
    .replace(/[\s·.,]+/g, '')
    .toUpperCase();
}

export function nameResolver(listings: readonly ListingName[]): NameResolver {
  const index = new Map<string, Set<string>>();
  const isins = new Map<string, string>();
  const add = (into: Map<string, Set<string>>, l: ListingName) => {
    const key = normaliseName(l.name);
    if (key === '') return;
    const set = into.get(key) ?? new Set<string>();
    set.add(l.symbol);
    into.set(key, set);
  };
  const former = new Map<string, Set<string>>();
  for (const l of listings) {
    if (l.isin) isins.set(l.isin.trim().toUpperCase(), l.symbol);
    add(l.former ? former : index, l);
  }
  for (const [key, set] of former) if (!index.has(key)) index.set(key, set);
  return {
    resolve(name) {
      const key = normaliseName(name);
      // A KRX ETF under its old brand (KBSTAR, ARIRANG, KOSEF) that no listing has: tried under the new one.
      const found = index.get(key) ?? index.get(renamedKrxEtfBrand(key));
      if (!found || found.size === 0) return { ok: false, reason: 'unknown', candidates: [] };
      if (found.size > 1) return { ok: false, reason: 'ambiguous', candidates: [...found].sort() };
      return { ok: true, symbol: [...found][0] as string };
    },
    resolveIsin(isin) {
      return isins.get(isin.trim().toUpperCase());
    },
  };
}

/** The universe's names (English and Korean) as a listing table: what exists until the KRX table is bundled. */
export function universeListingNames(universe: Universe): ListingName[] {
  const out: ListingName[] = [];
  for (const inst of universe.instruments.values()) {
    if (inst.symbol.startsWith('^')) continue; // an index is not something one holds
    out.push({ symbol: inst.symbol, name: inst.name });
    if (inst.nameKo) out.push({ symbol: inst.symbol, name: inst.nameKo });
    for (const name of inst.formerNames ?? []) out.push({ symbol: inst.symbol, name, former: true });
  }
  return out;
}
