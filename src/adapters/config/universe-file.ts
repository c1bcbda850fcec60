/** Loads the bundled instrument universe and an optional user file that extends or overrides it. */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { quoteToMajor } from '../../core/currency.ts';
import type { Instrument, Universe } from '../../core/universe.ts';
import { buildUniverse } from '../../core/universe.ts';
import { readJsonFile } from './json-file.ts';
import { loadListingInstruments, loadRules } from './listing-file.ts';
import { loadLookThrough } from './lookthrough-file.ts';
import { businessCountry, classifiedSleeveId, currencyCode } from './schemas.ts';

export const BUNDLED_UNIVERSE = fileURLToPath(new URL('../../../data/universe.json', import.meta.url));

const instrumentSchema = z.object({
  symbol: z.string().min(1),
  name: z.string().min(1),
  nameKo: z.string().optional(),
  type: z.enum(['stock', 'etf', 'index', 'bond-fund']).default('stock'),
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
  const list = loadListingInstruments(loadRules(more.rules), more.krxListing);
  list.push(...readInstruments(BUNDLED_UNIVERSE));
  if (userFile) list.push(...readInstruments(userFile));
  // Built once: the look-through resolves its symbols against the same instruments (lookThrough is only carried).
  const universe = buildUniverse(list);
  return { ...universe, lookThrough: loadLookThrough(list, lookThroughFile, universe) };
}
