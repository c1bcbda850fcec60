/**
 * Issue 14's budget: resolving and classifying 5,000 holdings against the full listing in < 300 ms in-process.
 * Measured two ways: loading the universe (bundled KRX listing and ETF lists + S&P 500 classified by the rules, curated entries,
 * fund look-through: what every command pays once) and resolving 5,000 written codes and names against it, in the
 * forms brokers write them (A005930, 5930, 005930.KS, names; ETF names now and, where renamed, as in 2023).
 */

import { readFileSync } from 'node:fs';
import {
  BUNDLED_KRX_ETF_LISTING,
  BUNDLED_KRX_ETF_NAMES,
  BUNDLED_KRX_LISTING,
  loadListingInstruments,
  loadRules,
  mergeKrxEtfListings,
  parseKrxEtfListing,
  parseKrxListing,
} from '../src/adapters/config/listing-file.ts';
import { loadUniverse } from '../src/adapters/config/universe-file.ts';
import { resolveKrxName, resolveSymbol } from '../src/core/universe.ts';
import { fmt, time } from './timing.ts';

export default async function (): Promise<void> {
  const etfs = mergeKrxEtfListings(
    parseKrxEtfListing(readFileSync(BUNDLED_KRX_ETF_LISTING, 'utf8'), BUNDLED_KRX_ETF_LISTING),
    parseKrxEtfListing(readFileSync(BUNDLED_KRX_ETF_NAMES, 'utf8'), BUNDLED_KRX_ETF_NAMES),
  );
  // Stocks and ETFs (today's names; every other ETF name written as it was in 2023 where it differs).
  const listings = [
    ...parseKrxListing(readFileSync(BUNDLED_KRX_LISTING, 'utf8'), BUNDLED_KRX_LISTING),
    ...etfs,
  ];
  // Excel drops the leading zeros of a numeric code only (`0010V0` stays text).
  const stripped = (code: string) => (/^\d+$/.test(code) ? code.replace(/^0+/, '') : code);
  const forms = (code: string, i: number) =>
    [code, `A${code}`, stripped(code), `${code}.KS`][i % 4] as string;
  const written = Array.from({ length: 5_000 }, (_, i) => {
    const l = listings[(i * 7) % listings.length];
    return i % 5 === 4
      ? { name: (i % 10 === 9 ? l?.formerNames?.[0] : undefined) ?? l?.name ?? '', code: undefined }
      : { name: undefined, code: forms(l?.code ?? '', i) };
  });
  const load = await time(5, () => loadUniverse());
  const rules = loadRules();
  const classifyOnly = await time(5, () => loadListingInstruments(rules));
  const universe = loadUniverse();
  let resolved = 0;
  const resolve = await time(10, () => {
    resolved = 0;
    for (const w of written) {
      if (w.code !== undefined) {
        const s = resolveSymbol(universe, w.code);
        if (s && universe.instruments.get(s)?.sleeve) resolved++;
      } else if (resolveKrxName(universe, w.name ?? '').kind === 'code') resolved++;
    }
  });
  console.log(
    `universe load (${universe.instruments.size} instruments, ${listings.length} KRX listings classified, ${etfs.length} of them ETFs): ${fmt(load)} (median of 5); rules alone ${fmt(classifyOnly)}`,
  );
  console.log(
    `resolve + classify 5,000 holdings (codes in 4 broker forms, every 5th by name): ${fmt(resolve)} (median of 10), ${resolved} resolved`,
  );
  console.log(`  load + resolve: ${fmt(load + resolve)} (budget 300 ms)`);
}
