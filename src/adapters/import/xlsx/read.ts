/**
 * An .xlsx workbook's worksheets, in tab order, each read only when asked for: the importer tries them in order and
 * usually stops at the first. Shared strings and styles are read once, on the first sheet read. Chart sheets and
 * other non-worksheet tabs are left out (they hold no cells).
 */
import { withJosa } from '../../../i18n/josa.ts';
import { WorkbookError } from './problem.ts';
import { parseSharedStrings } from './shared-strings.ts';
import { type CellValue, parseSheet } from './sheet.ts';
import { type DateStyles, parseStyles } from './styles.ts';
import { parsePartPaths, parseWorkbook } from './workbook.ts';
import { readZip } from './zip.ts';

export type { CellValue } from './sheet.ts';

export interface WorkbookSheet {
  name: string;
  /** The sheet's grid (see parseSheet); throws a WorkbookError when the part is missing or malformed. */
  rows(): CellValue[][];
}

export function readWorkbook(bytes: Uint8Array): WorkbookSheet[] {
  const zip = readZip(bytes);
  const decoder = new TextDecoder();
  const text = (name: string): string | undefined => {
    const data = zip.read(name);
    return data && decoder.decode(data);
  };
  const required = (name: string): string => {
    const xml = text(name);
    if (xml === undefined) {
      throw new WorkbookError({
        message: `a ZIP archive without ${name}, so not an Excel workbook`,
        ko: `${withJosa(name, '이/가')} 없는 ZIP 압축 파일이라 Excel 통합 문서가 아닙니다`,
      });
    }
    return xml;
  };
  const paths = parsePartPaths(required('xl/_rels/workbook.xml.rels'));
  const { sheets, epoch1904 } = parseWorkbook(required('xl/workbook.xml'));

  let shared: { sharedStrings: string[]; dateStyles: DateStyles | undefined } | undefined;
  const parts = () => {
    if (shared) return shared;
    const strings = text(paths.sharedStrings ?? 'xl/sharedStrings.xml');
    const styles = text(paths.styles ?? 'xl/styles.xml');
    shared = {
      sharedStrings: strings === undefined ? [] : parseSharedStrings(strings),
      dateStyles: styles === undefined ? undefined : parseStyles(styles),
    };
    return shared;
  };

  return sheets.flatMap(({ name, relationId }) => {
    const path = paths.sheets.get(relationId);
    if (path === undefined) return [];
    return [{ name, rows: () => parseSheet(required(path), { sheet: name, epoch1904, ...parts() }) }];
  });
}
