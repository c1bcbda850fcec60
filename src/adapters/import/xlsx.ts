/**
 * Spreadsheets (.xlsx), which Korean brokers export more often than CSV. Read by our own reader (./xlsx/: the ZIP
 * directory, node:zlib, and the few SpreadsheetML parts, scanned as strings), which gives the grid read-excel-file 9.3
 * gave — an oracle test holds it to that — in a fraction of the time (issue #13). Every sheet goes through the same
 * detection as a CSV file, in order, until one is recognised; a sheet is read only when its turn comes. Rows keep their sheet row
 * numbers, and a refusal names the sheet and the cell (`잔고!G3`). The old binary .xls format is refused with the
 * way out (save as .xlsx or CSV), never guessed at.
 */
import { InputError, isInputError } from '../../core/errors.ts';
import { importRows, type TabularImport, type TabularOptions } from './formats/index.ts';
import type { Row } from './formats/read.ts';
import { columnLetters } from './xlsx/cell-address.ts';
import { isWorkbookError } from './xlsx/problem.ts';
import { readWorkbook, type WorkbookSheet } from './xlsx/read.ts';

/** A zip archive (an .xlsx is one): `PK\x03\x04`. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE2 compound file: Excel 97–2003 `.xls`. */
export function isXls(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

/**
 * A password-protected .xlsx: Excel wraps the encrypted package in an OLE2 file (MS-OFFCRYPTO §2.3.4), with a stream
 * named `EncryptedPackage` (UTF-16LE in the directory), so it starts like an .xls but is not one.
 */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE);
}
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export async function importSpreadsheet(
  bytes: Uint8Array,
  file: string,
  options: TabularOptions & { defaultAccount: string },
): Promise<TabularImport & { sheet: string }> {
  if (isXls(bytes) && isEncryptedOoxml(bytes)) {
    throw new InputError({
      file,
      message: 'the workbook is password-protected (encrypted), so it cannot be read',
      expected: 'an .xlsx workbook without a password, or a CSV file',
      hint: 'open it in Excel, remove the password (File → Info → Protect Workbook) and save it again',
      ko: {
        message: '암호로 보호된(암호화된) 통합 문서라 읽을 수 없습니다',
        expected: '암호가 없는 .xlsx 통합 문서 또는 CSV 파일',
        hint: 'Excel에서 열어 암호를 제거한 뒤(파일 → 정보 → 통합 문서 보호) 다시 저장하세요',
      },
    });
  }
  if (isXls(bytes)) {
    throw new InputError({
      file,
      message: 'an Excel 97–2003 workbook (.xls) cannot be read',
      expected: 'an .xlsx workbook or a CSV file',
      hint: 'open it in Excel and save as .xlsx (Excel Workbook) or CSV UTF-8',
      ko: {
        message: 'Excel 97–2003 통합 문서(.xls)는 읽을 수 없습니다',
        expected: '.xlsx 통합 문서 또는 CSV 파일',
        hint: 'Excel에서 열어 .xlsx(Excel 통합 문서) 또는 CSV UTF-8로 다시 저장하세요',
      },
    });
  }
  let sheets: WorkbookSheet[];
  try {
    sheets = readWorkbook(bytes);
  } catch (e) {
    throw unreadable(e, file);
  }
  let first: InputError | undefined;
  for (const { name: sheet, rows: read } of sheets) {
    let data: unknown[][];
    try {
      data = read();
    } catch (e) {
      throw unreadable(e, file, sheet);
    }
    const rows: Row[] = data.map((cells, i) => ({ cells: cells.map(cellText), line: i + 1 }));
    if (rows.every((r) => r.cells.every((c) => c === ''))) continue;
    const label = `${file}[${sheet}]`;
    try {
      return { ...importRows(rows, undefined, label, options), sheet };
    } catch (e) {
      if (!isInputError(e)) throw e;
      const withCell = atCell(e);
      // A sheet that is not a table at all: try the next; a sheet that is one but has a bad cell: that is the answer.
      if (!/unknown layout/.test(e.problem.message)) throw withCell;
      first ??= withCell;
    }
  }
  throw (
    first ??
    new InputError({
      file,
      message: 'the workbook has no data: every sheet is empty',
      expected: 'a sheet with a header row and one row per holding',
      ko: {
        message: '통합 문서에 데이터가 없습니다: 모든 시트가 비어 있습니다',
        expected: '헤더와 종목별 행이 있는 시트',
      },
    })
  );
}

/** `12` → `12`, a date cell → `2026-05-29`, empty → ''. Numbers keep every digit the cell holds. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  return String(value);
}

/** The problem with its cell named the spreadsheet way (`G3`) next to the row and column numbers. */
function atCell(e: InputError): InputError {
  const p = e.problem;
  if (p.line === undefined || p.column === undefined) return e;
  const ref = `${columnLetters(p.column)}${p.line}`;
  return new InputError({
    ...p,
    message: `cell ${ref}: ${p.message}`,
    ...(p.ko ? { ko: { ...p.ko, message: `${ref} 셀: ${p.ko.message}` } } : {}),
  });
}

/** What the reader refused, named by file (and sheet and cell when it is one cell), in both languages. */
function unreadable(e: unknown, file: string, sheet?: string): InputError {
  const error = e as Error;
  const words = isWorkbookError(e) ? { en: e.message, ko: e.ko } : { en: error.message, ko: error.message };
  const cell = isWorkbookError(e) ? e.cell : undefined;
  const ref = cell ? `${columnLetters(cell.column)}${cell.row} ` : '';
  const hint = isWorkbookError(e) ? e.hint : undefined;
  return new InputError({
    file: sheet === undefined ? file : `${file}[${sheet}]`,
    ...(cell ? { line: cell.row, column: cell.column } : {}),
    message: `not a readable .xlsx workbook: ${ref ? `cell ${ref.trim()}: ` : ''}${words.en}`,
    expected: 'an .xlsx workbook saved by Excel or another spreadsheet program',
    ...(hint ? { hint: hint.message } : {}),
    ko: {
      message: `읽을 수 있는 .xlsx 통합 문서가 아닙니다: ${ref ? `${ref}셀: ` : ''}${words.ko}`,
      expected: 'Excel 등에서 저장한 .xlsx 통합 문서',
      ...(hint ? { hint: hint.ko } : {}),
    },
  });
}
