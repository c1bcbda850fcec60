/**
 * One entry point for holdings files: the CLI hands over the bytes and the name the user typed, and gets holdings
 * back whatever the format. Ghostfolio exports are recognised by a `.json` name or by text that opens like a JSON
 * object; everything else is read as CSV. No file system here, so this stays testable with plain byte arrays.
 */
import type { ImportResult } from '../../core/holdings.ts';
import { type CsvImportOptions, parseHoldingsCsv } from './csv-holdings.ts';
import { type DetectedEncoding, decodeText } from './decode.ts';
import { type GhostfolioImportOptions, importGhostfolioJson } from './ghostfolio.ts';

export type HoldingsFormat = 'csv' | 'ghostfolio';
export type HoldingsImportOptions = CsvImportOptions & GhostfolioImportOptions;

export function importHoldingsFile(
  bytes: Uint8Array,
  file: string,
  options: HoldingsImportOptions = {},
): ImportResult & { format: HoldingsFormat; encoding?: DetectedEncoding } {
  const { text, encoding } = decodeText(bytes, file);
  if (/\.json$/i.test(file) || text.trimStart().startsWith('{')) {
    return { ...importGhostfolioJson(text, file, { asOf: options.asOf }), format: 'ghostfolio', encoding };
  }
  return { ...parseHoldingsCsv(text, file, options), format: 'csv', encoding };
}

export { type CsvImportOptions, importHoldingsCsv, parseHoldingsCsv } from './csv-holdings.ts';
export { type DecodedText, type DetectedEncoding, decodeText } from './decode.ts';
export {
  GHOSTFOLIO_DEFAULT_ACCOUNT,
  type GhostfolioImportOptions,
  importGhostfolioJson,
} from './ghostfolio.ts';
export { readHoldingsFile } from './read.ts';
