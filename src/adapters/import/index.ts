/**
 * One entry point for holdings files: the CLI hands over the bytes and the name the user typed, and gets holdings
 * back whatever the format. JSON (a `.json` name, or text that opens like a JSON object) is a Kiwoom kt00018
 * response, a KOSCOM 계좌잔고 response or a Ghostfolio export, told apart by their keys; everything else is read as CSV. No file system here, so this stays testable with plain byte arrays.
 */
import { InputError } from '../../core/errors.ts';
import type { ImportResult } from '../../core/holdings.ts';
import type { CsvImportOptions } from './csv-holdings.ts';
import { type DetectedEncoding, decodeText } from './decode.ts';
import { type FilePrice, importRows, importTabular, type TabularOptions } from './formats/index.ts';
import { kt00018Rows } from './formats/kiwoom-json.ts';
import { type GhostfolioImportOptions, importGhostfolioJson } from './ghostfolio.ts';
import { importKoscomJson, KOSCOM_FORMAT, looksLikeKoscom } from './koscom.ts';
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
  refuseBinary(bytes, file);
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
  if (options.format === KOSCOM_FORMAT || (json && looksLikeKoscom(text))) {
    return {
      ...importKoscomJson(text, file, {
        ...(options.defaultAccount === undefined ? {} : { defaultAccount: options.defaultAccount }),
        ...(options.names === undefined ? {} : { names: options.names }),
      }),
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

/**
 * A PDF statement (Toss증권 issues its 거래내역서 and 잔고 as PDF) holds no table a program can read reliably: said
 * before decoding, which would otherwise call it an unknown text encoding. Recognised by its magic bytes, whatever
 * the file is called.
 */
function refuseBinary(bytes: Uint8Array, file: string): void {
  const pdf = bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
  if (!pdf) return;
  throw new InputError({
    file,
    line: 1,
    message: 'this is a PDF statement, which cannot be read as holdings',
    expected: 'a CSV or XLSX export of the holdings (not a PDF statement)',
    hint: 'export CSV or Excel from the broker, or write the holdings as a CSV with the header account,symbol,quantity,currency',
    ko: {
      message: 'PDF 명세서라 보유 종목으로 읽을 수 없습니다',
      expected: '보유 종목의 CSV 또는 XLSX 내보내기 (PDF 명세서가 아님)',
      hint: '증권사에서 CSV나 엑셀로 내보내거나, 머리글이 account,symbol,quantity,currency인 CSV로 보유 종목을 적으세요',
    },
  });
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
