/**
 * `xl/styles.xml` (ECMA-376 Part 1 §18.8), reduced to the one thing a reader of values needs: which cell styles
 * (`<c s="N">`, an index into `cellXfs`) show numbers as dates. A `cellXfs` entry without a `numFmtId` takes its
 * parent's from `cellStyleXfs` (through `xfId`).
 */
import { isBuiltInDateFormat, isDateFormatCode } from './date-format.ts';
import { attributes, tokens } from './xml.ts';

/** For each cell style index, whether it formats numbers as dates. */
export type DateStyles = readonly boolean[];

export function parseStyles(xml: string): DateStyles {
  const codes = new Map<number, string>();
  const parents: (number | undefined)[] = [];
  const cells: { numFmtId: number | undefined; xfId: number | undefined }[] = [];
  let inParents = false;
  let inCells = false;
  for (const token of tokens(xml)) {
    if (token.kind === 'text') continue;
    const open = token.kind === 'open' && !token.selfClosing;
    if (token.name === 'cellStyleXfs') inParents = open;
    else if (token.name === 'cellXfs') inCells = open;
    else if (token.kind === 'open' && token.name === 'numFmt') {
      const a = attributes(token.attributes);
      const id = Number(a.numFmtId);
      // Ids below 100 are built in: their code is the locale's, whatever the file writes.
      if (id >= 100 && a.formatCode !== undefined) codes.set(id, a.formatCode);
      else codes.delete(id);
    } else if (token.kind === 'open' && token.name === 'xf' && (inParents || inCells)) {
      const a = attributes(token.attributes);
      const numFmtId = a.numFmtId ? Number(a.numFmtId) : undefined;
      if (inParents) parents.push(numFmtId);
      else cells.push({ numFmtId, xfId: a.xfId ? Number(a.xfId) : undefined });
    }
  }
  const cache = new Map<number, boolean>();
  const isDate = (id: number, code: string | undefined): boolean => {
    if (isBuiltInDateFormat(id)) return true;
    if (code === undefined) return false;
    let known = cache.get(id);
    if (known === undefined) {
      known = isDateFormatCode(code);
      cache.set(id, known);
    }
    return known;
  };
  return cells.map(({ numFmtId, xfId }) => {
    if (numFmtId !== undefined) return isDate(numFmtId, codes.get(numFmtId));
    // The parent's format is an id only (read-excel-file never reads a parent's custom code, nor does this).
    const inherited = xfId ? parents[xfId] : undefined;
    return inherited !== undefined && isBuiltInDateFormat(inherited);
  });
}
