/**
 * `xl/workbook.xml` (the sheets in tab order, the date system) and `xl/_rels/workbook.xml.rels` (which part holds each
 * sheet, the shared strings and the styles), ECMA-376 Part 1 §18.2 and Part 2 §9.
 */
import { attributes, unescapeXlsx } from './xml.ts';

export interface SheetEntry {
  /** The tab's name, as the user sees it. */
  name: string;
  /** The `r:id` linking it to its part through the relationships. */
  relationId: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  /** `<workbookPr date1904="1"/>`: serial dates count from 1904-01-01 (old Mac Excel) rather than 1900. */
  epoch1904: boolean;
}

const SHEET = /<(?:[\w.-]+:)?(sheet|workbookPr)(?=[\s/>])([^>]*)>/g;

export function parseWorkbook(xml: string): WorkbookInfo {
  const sheets: SheetEntry[] = [];
  let epoch1904: boolean | undefined;
  for (const m of xml.matchAll(SHEET)) {
    const a = attributes(m[2] as string);
    if (m[1] === 'workbookPr') epoch1904 ??= a.date1904 === '1';
    else if (a.name) sheets.push({ name: unescapeXlsx(a.name), relationId: a.id ?? '' });
  }
  return { sheets, epoch1904: epoch1904 ?? false };
}

export interface PartPaths {
  /** Worksheet part by relationship id (chart sheets and dialog sheets are not here). */
  sheets: Map<string, string>;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship(?=[\s/>])([^>]*)>/g;
const TYPE =
  /^(?:http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships\/)(worksheet|sharedStrings|styles)$/;

/** Transitional and Strict relationship types; a target is relative to `xl/` unless it starts with `/`. */
export function parsePartPaths(xml: string): PartPaths {
  const paths: PartPaths = { sheets: new Map(), sharedStrings: undefined, styles: undefined };
  for (const m of xml.matchAll(RELATIONSHIP)) {
    const a = attributes(m[1] as string);
    const kind = TYPE.exec(a.Type ?? '')?.[1];
    if (kind === undefined || a.Target === undefined) continue;
    const path = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`;
    if (kind === 'worksheet') paths.sheets.set(a.Id ?? '', path);
    else paths[kind as 'sharedStrings' | 'styles'] = path;
  }
  return paths;
}
