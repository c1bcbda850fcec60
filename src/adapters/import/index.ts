/**
 * One entry point for holdings files: the CLI hands over the bytes and the name the user typed, and gets holdings
 * back whatever the format. Ghostfolio exports are recognised by a `.json` name or by text that opens like a JSON
 * object; everything else is read as CSV. No file system here, so this stays testable with plain byte arrays.
 */
import type { ImportResult } from '../../core/holdings.ts';
import type { CsvImportOptions } from './csv-holdings.ts';
import { type DetectedEncoding, decodeText } from './decode.ts';
import { type FilePrice, importRows, importTabular, type TabularOptions } from './formats/index.ts';
import { kt00018Rows } from './formats/kiwoom-json.ts';
import { type GhostfolioImportOptions, importGhostfolioJson } from './ghostfolio.ts';
import { bundledSplits } from './splits-file.ts';

/** `csv` (generic holdings), `ghostfolio` (JSON export), `transactions`/`snapshots` (generic logs), or a format id. */
export type HoldingsFormat = string;
export type HoldingsImportOptions = CsvImportOptions & GhostfolioImportOptions & TabularOptions;

/** Every name `--format` accepts. */
export { FORMAT_NAMES } from './format-names.ts';

export function importHoldingsFile(
  bytes: Uint8Array,
  file: string,
  options: HoldingsImportOptions = {},
): ImportResult & { format: HoldingsFormat; encoding?: DetectedEncoding; prices: FilePrice[] } {
  const { text, encoding } = decodeText(bytes, file);
  const json = options.format === undefined && (/\.json$/i.test(file) || text.trimStart().startsWith('{'));
  const kiwoom =
    json || options.format === 'kiwoom-kt00018' ? kt00018Rows(text.replace(/^\uFEFF/, '')) : undefined;
  if (kiwoom) {
    const defaultAccount =
      options.defaultAccount?.trim() || (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, '');
    return {
      ...importRows(kiwoom, undefined, file, { ...options, defaultAccount, format: 'kiwoom-kt00018' }),
      encoding,
    };
  }
  if (json || options.format === 'ghostfolio') {
    return {
      ...importGhostfolioJson(text, file, { asOf: options.asOf, splits: options.splits ?? bundledSplits() }),
      format: 'ghostfolio',
      encoding,
      prices: [],
    };
  }
  return { ...importTabular(text, file, options), encoding };
}

export { type CsvImportOptions, importHoldingsCsv, parseHoldingsCsv } from './csv-holdings.ts';
export { type DecodedText, type DetectedEncoding, decodeText } from './decode.ts';
export type { FilePrice } from './formats/index.ts';
export {
  GHOSTFOLIO_DEFAULT_ACCOUNT,
  type GhostfolioImportOptions,
  importGhostfolioJson,
} from './ghostfolio.ts';
export { readHoldingsFile } from './read.ts';
