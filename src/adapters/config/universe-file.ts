/** Loads the bundled instrument universe and an optional user file that extends or overrides it. */

import { z } from 'zod';
import { quoteToMajor } from '../../core/currency.ts';
import type { Instrument, Universe } from '../../core/universe.ts';
import { buildUniverse } from '../../core/universe.ts';
import { packageFile } from '../package-files.ts';
import { readJsonFile } from './json-file.ts';
import { loadListingInstruments, loadRules } from './listing-file.ts';
import { loadLookThrough } from './lookthrough-file.ts';
import { businessCountry, classifiedSleeveId, currencyCode } from './schemas.ts';

export const BUNDLED_UNIVERSE = packageFile('data/universe.json');

const instrumentSchema = z.object({
  symbol: z.string().min(1),
  name: z.string().min(1),
  nameKo: z.string().optional(),
  type: z.enum(['stock', 'etf', 'etn', 'index', 'bond-fund']).default('stock'),
  currency: currencyCode,
  quoteCurrency: z
    .string()
    .refine((c) => quoteToMajor(c) !== undefined, 'expected a currency or minor-unit code such as GBp')
    .optional(),
  exchange: z.string().min(1),
  country: businessCountry,
  sleeve: classifiedSleeveId,
  lot: z.number().int().positive().default(1),
  mag7: z.boolean().default(false),
  aliases: z.array(z.string()).optional(),
  company: z.string().min(1).optional(),
});

const universeSchema = z.object({ $comment: z.string().optional(), instruments: z.array(instrumentSchema) });

export function readInstruments(file: string): Instrument[] {
  return readJsonFile(file, universeSchema, 'universe').instruments as Instrument[];
}

export interface UniverseFiles {
  /** `--universe FILE`: instruments that extend or override (symbol by symbol) everything else. */
  universe?: string;
  /** `--look-through FILE`: fund holdings (fund by fund over the bundled ones). */
  lookThrough?: string;
  /** `--rules FILE`: classification rules tried before the bundled ones. */
  rules?: string;
  /** A refreshed KRX listing (`data update --listings`) in place of the bundled one. */
  krxListing?: string;
  /**
   * The symbols, as written, that the caller will resolve, when it resolves no others and reads nothing else of the
   * universe but those instruments (a `--weights` backtest). When none of them could be a bundled listing
   * (`couldBeListed`), the listings are not read: the curated universe and the user's file resolve them exactly as
   * the whole universe would, and the look-through is the whole universe's, built on first use.
   */
  symbols?: Iterable<string>;
}

/**
 * Whether a written symbol could mean a bundled listing: a KRX code in any of its broker spellings (`005930`,
 * `A005930`, `005930.KQ`, `5930`; an ETN's `Q500001`), or a ticker of letters, dots and hyphens such as the S&P
 * 500's (`BRK-B`). A symbol with a digit and no KRX shape (`S0001`, `6954.T`) is in no bundled listing (listing-file.test.ts checks
 * every listing against this).
 */
export function couldBeListed(written: string): boolean {
  const key = written.trim().toUpperCase();
  return (
    /^[AQ]?[0-9][0-9A-Z]{5}(\.(KS|KQ|KN))?$/.test(key) || /^\d{1,5}$/.test(key) || /^[A-Z][A-Z.-]*$/.test(key)
  );
}

/**
 * Every instrument a holding can resolve to: the bundled listings (all KRX codes, the S&P 500) classified by the
 * rules, then the curated universe (data/universe.json), then the user's file; a later entry of the same symbol
 * replaces an earlier one. With the bundled fund look-through and the user's.
 */
export function loadUniverse(
  userFile?: string,
  lookThroughFile?: string,
  more: UniverseFiles = {},
): Universe {
  const symbols = more.symbols === undefined ? undefined : [...more.symbols];
  if (symbols && !lookThroughFile && !symbols.some(couldBeListed)) {
    const list = readInstruments(BUNDLED_UNIVERSE);
    if (userFile) list.push(...readInstruments(userFile));
    const curated = buildUniverse(list);
    let whole: Universe | undefined;
    return {
      ...curated,
      get lookThrough() {
        whole ??= loadUniverse(userFile, lookThroughFile, { ...more, symbols: undefined });
        return whole.lookThrough;
      },
    };
  }
  const list = loadListingInstruments(loadRules(more.rules), more.krxListing);
  list.push(...readInstruments(BUNDLED_UNIVERSE));
  if (userFile) list.push(...readInstruments(userFile));
  // Built once: the look-through resolves its symbols against the same instruments (lookThrough is only carried).
  const universe = buildUniverse(list);
  return { ...universe, lookThrough: loadLookThrough(list, lookThroughFile, universe) };
}
