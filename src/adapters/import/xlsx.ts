/**
 * Spreadsheets (.xlsx), which Korean brokers export more often than CSV. Read with read-excel-file (maintained,
 * MIT, Node ≥ 18, no native code; exceljs was considered but its last stable release is from 2023), then every sheet
 * goes through the same detection as a CSV file, in order, until one is recognised. Rows keep their sheet row
 * numbers, and a refusal names the sheet and the cell (`잔고!G3`). The old binary .xls format is refused with the
 * way out (save as .xlsx or CSV), never guessed at.
 */
import readXlsxFile from 'read-excel-file/node';
import { InputError, isInputError } from '../../core/errors.ts';
import { importRows, type TabularImport, type TabularOptions } from './formats/index.ts';
import type { Row } from './formats/read.ts';

/** A zip archive (an .xlsx is one): `PK\x03\x04`. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE2 compound file: Excel 97–2003 `.xls`. */
export function isXls(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

export async function importSpreadsheet(
  bytes: Uint8Array,
  file: string,
  options: TabularOptions & { defaultAccount: string },
): Promise<TabularImport & { sheet: string }> {
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
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as never;
  } catch (e) {
    throw new InputError({
      file,
      message: `not a readable .xlsx workbook (${(e as Error).message})`,
      expected: 'an .xlsx workbook saved by Excel or another spreadsheet program',
      ko: {
        message: `읽을 수 있는 .xlsx 통합 문서가 아닙니다 (${(e as Error).message})`,
        expected: 'Excel 등에서 저장한 .xlsx 통합 문서',
      },
    });
  }
  let first: InputError | undefined;
  for (const { sheet, data } of sheets) {
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

function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
