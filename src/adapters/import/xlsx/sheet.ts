/**
 * A worksheet part (`xl/worksheets/sheetN.xml`, ECMA-376 Part 1 §18.3) to its grid of values: one array per row from
 * row 1 to the last row with a value, each as wide as the widest row with a value, gaps filled with null. Values are
 * what read-excel-file 9.3 gives (so the importer reads a workbook as it did): trimmed text (empty text is null),
 * numbers, booleans, and Dates for numbers in a date style; error cells (`#N/A`) and formulas without a cached value
 * are null.
 *
 * One left-to-right pass over the string, no XML parser: `indexOf('<')` finds each tag and its name is read in place;
 * a cell's attributes are read by hand, `indexOf` jumps to its `</c>`, and its few inner elements are read there.
 * Linear in the size of the part (a 31 MB sheet of 870,000 cells in about half a second).
 */
import { particle, withJosa } from '../../../i18n/josa.ts';
import { columnLetters, parseCellAddress } from './cell-address.ts';
import { WorkbookError } from './problem.ts';
import type { DateStyles } from './styles.ts';
import { decodeEntities, tokens, unescapeXlsx } from './xml.ts';

export type CellValue = string | number | boolean | Date | null;

export interface SheetContext {
  /** The tab's name, for errors. */
  sheet: string;
  sharedStrings: readonly string[];
  /** Undefined when the workbook has no styles part (then no cell may name a style). */
  dateStyles: DateStyles | undefined;
  epoch1904: boolean;
}

const SHEET_DATA = /<(?:[\w.-]+:)?sheetData(?=[\s/>])[^>]*?(\/?)>/;

interface Cell {
  /** Where the `r` attribute's value lies in the sheet's text (start -1 when there is none). */
  refStart: number;
  refEnd: number;
  type: string | undefined;
  style: string | undefined;
  /** `<v>` text: undefined when there is no `<v>`, '' when it is empty. */
  v: string | undefined;
  /** `<is>` text, undefined when there is no `<is>`. */
  inline: string | undefined;
  /** The reference, once read. */
  row: number;
  column: number;
}

export function parseSheet(xml: string, context: SheetContext): CellValue[][] {
  const open = SHEET_DATA.exec(xml);
  if (open === null || open[1] === '/') return [];
  const rows: CellValue[][] = [];
  let row: CellValue[] | undefined;
  let rowNumber: number | undefined;
  let cursorRow = 0;
  let cursorColumn = 0;
  let rowCount = 0;
  let dataRowCount = 0;
  let dataColumnCount = 0;
  const cell: Cell = {
    refStart: -1,
    refEnd: -1,
    type: undefined,
    style: undefined,
    v: undefined,
    inline: undefined,
    row: 0,
    column: 0,
  };

  const n = xml.length;
  let pos = open.index + open[0].length;
  while (pos < n) {
    // The next tag: `<`, an optional `/`, the name (its local part after any prefix), attributes, `>`.
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    let nameStart = lt + 1;
    const closing = xml.charCodeAt(nameStart) === 47; // '/'
    if (closing) nameStart++;
    let local = nameStart;
    let k = nameStart;
    for (; k < n; k++) {
      const ch = xml.charCodeAt(k);
      if (ch <= 32 || ch === 47 || ch === 62) break; // whitespace, '/', '>'
      if (ch === 58) local = k + 1; // ':'
    }
    const gt = xml.indexOf('>', k);
    if (gt < 0) throw problem(context, 'the sheet ends inside a tag', '시트가 태그 중간에서 끝납니다');
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    pos = gt + 1;
    const length = k - local;

    if (length === 3 && xml.startsWith('row', local)) {
      if (!closing) {
        scanAttributes(xml, k, selfClosing ? gt - 1 : gt, cell);
        const r = cell.refStart < 0 ? 0 : Number(text(xml, cell.refStart, cell.refEnd));
        if (r) rowNumber = r;
        row = [];
      }
      if (closing || selfClosing) {
        if (rowNumber) {
          if (rowNumber <= rows.length) {
            throw problem(
              context,
              `row ${rowNumber} comes after row ${rows.length}: rows must be in ascending order`,
              `${rowNumber}행이 ${rows.length}행 뒤에 있습니다: 행은 오름차순이어야 합니다`,
            );
          }
          while (rowNumber > rows.length + 1) rows.push([]);
        }
        const done = row ?? [];
        rows.push(done);
        if (done.length > 0) dataRowCount = rowNumber ?? dataRowCount;
        if (rowNumber !== undefined && rowNumber > rowCount) rowCount = rowNumber;
        row = undefined;
        rowNumber = undefined;
      }
      continue;
    }
    if (length === 9 && xml.startsWith('sheetData', local)) break;
    if (length !== 1 || xml.charCodeAt(local) !== 99 || closing) continue; // not a `<c>`

    // A cell: its attributes, then (unless `<c/>`) its content up to `</c>`.
    scanAttributes(xml, k, selfClosing ? gt - 1 : gt, cell);
    cell.v = undefined;
    cell.inline = undefined;
    if (!selfClosing) {
      const endTag = local > nameStart ? `</${xml.slice(nameStart, local)}c>` : '</c>';
      const end = xml.indexOf(endTag, pos);
      if (end < 0)
        throw problem(context, 'a cell is not closed (no </c>)', '셀이 닫히지 않았습니다 (</c> 없음)');
      readCellContent(xml, pos, end, cell);
      pos = end + endTag.length;
    }
    if (cell.refStart < 0) {
      // No `r`: the cell after the previous one in this row (the reference is optional in the format).
      cell.row = rowNumber ?? rows.length + 1;
      cell.column = cell.row === cursorRow ? cursorColumn + 1 : 1;
    } else if (!readAddress(xml, cell)) {
      const ref = text(xml, cell.refStart, cell.refEnd);
      throw problem(
        context,
        `a cell reference "${ref}" is not one`,
        `셀 참조 "${ref}"${particle(ref, '이/가')} 올바르지 않습니다`,
      );
    }
    const r = cell.row;
    const c = cell.column;
    if (r < cursorRow || (r === cursorRow && c <= cursorColumn)) {
      const here = `${columnLetters(c)}${r}`;
      const before = `${columnLetters(cursorColumn)}${cursorRow}`;
      throw problem(
        context,
        `cell ${here} comes after cell ${before}: cells must be in order`,
        `${here} 셀이 ${before} 셀 뒤에 있습니다: 셀은 순서대로 있어야 합니다`,
      );
    }
    cursorRow = r;
    cursorColumn = c;
    rowNumber ||= r;
    const value = cellValue(cell, context, r, c);
    if (value !== null) {
      if (row === undefined) {
        const here = `${columnLetters(c)}${r}`;
        throw problem(context, `cell ${here} is outside any <row>`, `${here} 셀이 <row> 밖에 있습니다`);
      }
      while (c > row.length + 1) row.push(null);
      row.push(value);
      if (c > dataColumnCount) dataColumnCount = c;
    }
  }

  // Empty rows at the bottom go; every row is padded with nulls to the widest.
  const grid = dataRowCount < rowCount ? rows.slice(0, dataRowCount) : rows;
  for (const cells of grid) {
    if (cells.length > dataColumnCount) cells.length = dataColumnCount;
    while (cells.length < dataColumnCount) cells.push(null);
  }
  return grid;
}

/** An attribute value's text, entities decoded. */
function text(xml: string, start: number, end: number): string {
  return decodeEntities(xml.slice(start, end));
}

/**
 * The `r`, `t` and `s` attributes of a `<row>` or `<c>` start tag lying between `from` and `to`, by hand (a regular
 * expression here costs a match array per attribute, a million times per sheet). Prefixed names (`x:r`) count as
 * theirs; `xmlns:…` declarations do not.
 */
function scanAttributes(xml: string, from: number, to: number, cell: Cell): void {
  cell.refStart = -1;
  cell.type = undefined;
  cell.style = undefined;
  let a = from;
  while (a < to) {
    let ch = xml.charCodeAt(a);
    if (ch <= 32) {
      a++;
      continue;
    }
    const nameStart = a;
    let local = a;
    while (a < to) {
      ch = xml.charCodeAt(a);
      if (ch === 61 || ch <= 32) break; // '='
      if (ch === 58) local = a + 1;
      a++;
    }
    const nameEnd = a;
    while (a < to && xml.charCodeAt(a) <= 32) a++;
    if (xml.charCodeAt(a) !== 61) return;
    a++;
    while (a < to && xml.charCodeAt(a) <= 32) a++;
    const quote = xml.charCodeAt(a);
    if (quote !== 34 && quote !== 39) return;
    const valueStart = a + 1;
    const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", valueStart);
    if (valueEnd < 0 || valueEnd > to) return;
    a = valueEnd + 1;
    if (nameEnd - local !== 1 || (local > nameStart && xml.startsWith('xmlns:', nameStart))) continue;
    const name = xml.charCodeAt(local);
    if (name === 114) {
      cell.refStart = valueStart; // r
      cell.refEnd = valueEnd;
    } else if (name === 116)
      cell.type = cellType(xml, valueStart, valueEnd); // t
    else if (name === 115) cell.style = text(xml, valueStart, valueEnd); // s
  }
}

/** A `t` value; the common ones as constants, not a new string per cell. */
function cellType(xml: string, start: number, end: number): string {
  const length = end - start;
  if (length === 1) return xml.charAt(start);
  if (length === 9 && xml.startsWith('inlineStr', start)) return 'inlineStr';
  if (length === 3 && xml.startsWith('str', start)) return 'str';
  return text(xml, start, end);
}

/** The cell's `r` (`B12`) into row and column; false when it is not a reference. */
function readAddress(xml: string, cell: Cell): boolean {
  let column = 0;
  let i = cell.refStart;
  const end = cell.refEnd;
  for (; i < end; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    column = column * 26 + (ch - 64);
  }
  let row = 0;
  const digits = i;
  for (; i < end; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    row = row * 10 + (ch - 48);
  }
  if (i === end && digits > cell.refStart && i > digits && row > 0) {
    cell.row = row;
    cell.column = column;
    return true;
  }
  // Anything unusual (entities, lowercase): the general reading.
  const address = parseCellAddress(text(xml, cell.refStart, cell.refEnd));
  if (address === undefined) return false;
  cell.row = address.row;
  cell.column = address.column;
  return true;
}

/** `<v>…</v>` and `<is><t>…</t></is>` (the common shapes, read in place) or anything else (tokenized). */
function readCellContent(xml: string, start: number, end: number, cell: Cell): void {
  const size = end - start;
  if (
    size >= 7 &&
    xml.startsWith('<v>', start) &&
    xml.startsWith('</v>', end - 4) &&
    xml.indexOf('<', start + 3) === end - 4
  ) {
    cell.v = text(xml, start + 3, end - 4);
  } else if (
    size >= 16 &&
    xml.startsWith('<is><t>', start) &&
    xml.startsWith('</t></is>', end - 9) &&
    xml.indexOf('<', start + 7) === end - 9
  ) {
    cell.inline = unescapeXlsx(text(xml, start + 7, end - 9));
  } else if (size > 0) {
    readCellTokens(xml.slice(start, end), cell);
  }
  if (cell.v !== undefined && cell.type === 'str') cell.v = unescapeXlsx(cell.v);
}

/** The cell's elements in order, read as read-excel-file's state machine reads them (runs, phonetic guides). */
function readCellTokens(content: string, cell: Cell): void {
  let inV = false;
  let inInline = false;
  let inT = false;
  let inRun = false;
  let inPhonetic = false;
  for (const token of tokens(content)) {
    if (token.kind === 'text') {
      if (inV) cell.v = token.text;
      else if (inInline && inT && !inPhonetic)
        cell.inline = inRun ? `${cell.inline}${token.text}` : token.text;
      continue;
    }
    const open = token.kind === 'open' && !token.selfClosing;
    if (token.name === 'v') {
      inV = open;
      if (!open) cell.v ||= '';
    } else if (token.name === 'is') {
      if (token.kind === 'open') cell.inline = '';
      inInline = open;
    } else if (token.name === 't') inT = open;
    else if (token.name === 'r') inRun = open;
    else if (token.name === 'rPh') inPhonetic = open;
  }
  if (cell.inline !== undefined) cell.inline = unescapeXlsx(cell.inline);
}

/** The value read-excel-file gives the cell (its parseCell, with missing values and error cells as null). */
function cellValue(cell: Cell, context: SheetContext, row: number, column: number): CellValue {
  const { v } = cell;
  switch (cell.type || 'n') {
    case 'str':
      return v ? trimmed(v) : null;
    case 'inlineStr':
      return cell.inline === undefined ? null : trimmed(cell.inline);
    case 's': {
      if (!v) return null;
      const s = context.sharedStrings[Number(v)];
      if (s === undefined) {
        throw cellProblem(
          context,
          row,
          column,
          `shared string ${v} does not exist (the workbook has ${context.sharedStrings.length})`,
          `공유 문자열 ${withJosa(v, '이/가')} 없습니다 (통합 문서에는 ${context.sharedStrings.length}개)`,
        );
      }
      return trimmed(s);
    }
    case 'b':
      if (!v) return null;
      if (v === '1') return true;
      if (v === '0') return false;
      throw cellProblem(
        context,
        row,
        column,
        `a TRUE/FALSE cell holds "${v}", not 1 or 0`,
        `TRUE/FALSE 셀의 값 "${v}"${particle(v, '이/가')} 1이나 0이 아닙니다`,
      );
    case 'e':
      return null;
    case 'd': {
      if (!v) return null;
      const date = new Date(v);
      if (Number.isNaN(date.getTime())) {
        throw cellProblem(
          context,
          row,
          column,
          `a date cell holds "${v}", not an ISO 8601 date`,
          `날짜 셀의 값 "${v}"${particle(v, '이/가')} ISO 8601 날짜가 아닙니다`,
        );
      }
      return new Date(date.getTime());
    }
    case 'n': {
      if (!v) return null;
      const number = Number(v);
      if (cell.style) {
        const isDate = context.dateStyles?.[Number(cell.style)];
        if (isDate === undefined) {
          const n = context.dateStyles?.length ?? 0;
          throw cellProblem(
            context,
            row,
            column,
            `cell style ${cell.style} does not exist (the workbook has ${n})`,
            `셀 스타일 ${withJosa(cell.style, '이/가')} 없습니다 (통합 문서에는 ${n}개)`,
          );
        }
        if (isDate) {
          if (Number.isNaN(number)) throw notNumber(context, row, column, v);
          return new Date(excelDate(number, context.epoch1904));
        }
      }
      if (Number.isNaN(number)) throw notNumber(context, row, column, v);
      return number;
    }
    default:
      throw cellProblem(
        context,
        row,
        column,
        `an unknown cell type t="${cell.type}"`,
        `알 수 없는 셀 형식 t="${cell.type}"`,
      );
  }
}

function notNumber(context: SheetContext, row: number, column: number, v: string): WorkbookError {
  return cellProblem(context, row, column, `a number cell holds "${v}"`, `숫자 셀의 값이 "${v}"입니다`);
}

function cellProblem(
  context: SheetContext,
  row: number,
  column: number,
  message: string,
  ko: string,
): WorkbookError {
  return problem(context, message, ko, { row, column });
}

/** Trimmed text, or null when nothing is left. */
function trimmed(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

/**
 * A serial date to milliseconds since 1970: day 25,569 is 1970-01-01 in the 1900 system (which counts the
 * nonexistent 1900-02-29, as Lotus 1-2-3 did); the 1904 system is 1,462 days behind.
 */
function excelDate(serial: number, epoch1904: boolean): number {
  return Math.floor(((epoch1904 ? serial + 1462 : serial) - 25569) * 86_400_000);
}

function problem(
  context: SheetContext,
  message: string,
  ko: string,
  at?: { row: number; column: number },
): WorkbookError {
  return new WorkbookError({ message, ko }, at ? { cell: { sheet: context.sheet, ...at } } : {});
}
