/**
 * The reader against an oracle: for every .xlsx fixture in the repository and for workbooks written here by hand
 * (test/support/zip.ts) to reach each rule — shared and inline strings, rich-text runs, entities, types, date styles,
 * the 1904 system, gaps, prefixes, stored entries — our grid equals read-excel-file 9.3's, cell by cell. Then the few
 * values worked out by hand, and the archives both must refuse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { workbook, zip } from '../../../../test/support/zip.ts';
import { isWorkbookError, type WorkbookError } from './problem.ts';
import { readWorkbook } from './read.ts';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));

function xlsxFixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? xlsxFixtures(join(dir, e.name)) : e.name.endsWith('.xlsx') ? [join(dir, e.name)] : [],
  );
}

const ours = (bytes: Uint8Array) => readWorkbook(bytes).map((s) => ({ sheet: s.name, data: s.rows() }));
const theirs = (bytes: Uint8Array) => readXlsxFile(Buffer.from(bytes));

function refusal(run: () => unknown): WorkbookError {
  try {
    run();
  } catch (e) {
    if (isWorkbookError(e)) return e;
    throw e;
  }
  throw new Error('expected a WorkbookError');
}

const STYLES =
  '<numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="[$-412]yyyy&quot;년&quot; m&quot;월&quot; d&quot;일&quot;"/>' +
  '<numFmt numFmtId="166" formatCode="#,##0&quot;원&quot;"/><numFmt numFmtId="167" formatCode="&quot;day &quot;0.00"/></numFmts>' +
  '<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>' +
  // 0 General, 1 built-in 14 (m/d/yyyy), 2 custom 164, 3 Korean 165, 4 #,##0"원", 5 "day "0.00, 6 built-in 22,
  // 7 inherits 14 from its parent xf 1, 8 built-in 31 (Korean yyyy"년" mm"월" dd"일"), 9 built-in 4 (#,##0.00)
  '<cellXfs count="10"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>' +
  '<xf numFmtId="167"/><xf numFmtId="22"/><xf xfId="1"/><xf numFmtId="31"/><xf numFmtId="4"/></cellXfs>';

const GENERATED: Record<string, Uint8Array> = {
  'shared strings: plain, rich runs, phonetic guides, entities, preserved spaces, _xHHHH_ escapes': workbook({
    sheets: [
      {
        name: '잔고',
        xml:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
          '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c></row>',
      },
    ],
    sharedStrings: [
      '삼성전자',
      '<si><r><rPr><b/></rPr><t>LS </t></r><r><t xml:space="preserve">ELECTRIC</t></r></si>',
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>',
      'AT&amp;T &lt;ETF&gt; &#54620;&#xAD6D; &quot;q&quot; &apos;a&apos;',
      '<si><t xml:space="preserve">  spaced  </t></si>',
      'line_x000D_break _x005F_x0041_',
      '<si><t xml:space="preserve">   </t></si>',
      '<si/>',
    ],
  }),
  'inline strings, booleans, errors, formulas, ISO dates, unknown named entities': workbook({
    sheets: [
      {
        name: 'Sheet1',
        xml:
          '<row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c><c r="B1" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c>' +
          '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> &amp;pad </t></is></c><c r="D1" t="inlineStr"/><c r="E1" t="inlineStr"><is><t>&nbsp;x</t></is></c></row>' +
          '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="str"><f>A1&amp;"x"</f><v>plainx</v></c>' +
          '<c r="E2" t="str"><f>B9</f></c><c r="F2" t="str"><f>""</f><v></v></c><c r="G2" t="d"><v>2026-05-29T00:00:00Z</v></c><c r="H2" t="b"/></row>' +
          '<row r="3"><c r="A3"><v>12</v></c><c r="B3"><v>-0.5</v></c><c r="C3"><v>1.5E3</v></c><c r="D3"><f>A3*2</f><v>24</v></c><c r="E3"/><c r="F3"><v/></c></row>',
      },
    ],
  }),
  'numbers by style: built-in and custom date formats, Korean formats, money formats': workbook({
    sheets: [
      {
        name: 'dates',
        xml:
          '<row r="1"><c r="A1" s="0"><v>45000</v></c><c r="B1" s="1"><v>45000</v></c><c r="C1" s="2"><v>45000</v></c><c r="D1" s="3"><v>45000.75</v></c>' +
          '<c r="E1" s="4"><v>45000</v></c><c r="F1" s="5"><v>45000</v></c><c r="G1" s="6"><v>45000.5</v></c><c r="H1" s="7"><v>45000</v></c>' +
          '<c r="I1" s="8"><v>45000</v></c><c r="J1" s="9"><v>45000</v></c><c r="K1" s="1" t="s"><v>0</v></c></row>',
      },
    ],
    sharedStrings: ['text in a date style'],
    styles: STYLES,
  }),
  'the 1904 date system': workbook({
    sheets: [
      { name: 'Mac', xml: '<row r="1"><c r="A1" s="1"><v>43538</v></c><c r="B1"><v>43538</v></c></row>' },
    ],
    styles: STYLES,
    workbookPr: 'date1904="1"',
  }),
  'gaps: missing cells, missing rows, empty rows and columns at the end, self-closing rows and cells':
    workbook({
      sheets: [
        {
          name: 'gaps',
          xml:
            '<row r="2"><c r="B2"><v>1</v></c><c r="E2"><v>2</v></c><c r="F2" s="0"/></row><row r="3"/>' +
            '<row r="5" spans="1:9"><c r="A5" t="s"><v>0</v></c><c r="C5" t="s"><v>1</v></c><c r="H5" t="s"><v>2</v></c></row>' +
            '<row r="7"><c r="A7"><v>3</v></c></row><row r="9"><c r="A9" t="s"><v>2</v></c><c r="B9"/></row><row r="12"/>',
        },
      ],
      sharedStrings: ['x', 'y', '<si><t xml:space="preserve"> </t></si>'],
    }),
  'several sheets, a name with an entity, an empty sheet, stored entries': workbook({
    sheets: [
      { name: 'Cover &amp; notes', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>안내</t></is></c></row>' },
      { name: 'Empty', xml: '' },
      { name: 'Data', xml: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>' },
    ],
    stored: true,
  }),
  'prefixed elements, single quotes, line breaks between attributes, no row numbers': workbook({
    sheets: [
      {
        name: 'x',
        xml:
          '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
          "<x:row r='1'><x:c r='A1' t='s'><x:v>0</x:v></x:c><x:c\n r=\"C1\"\n\tt=\"inlineStr\"><x:is><x:t>q</x:t></x:is></x:c></x:row>" +
          '<x:row><x:c r="B2"><x:v>7</x:v></x:c></x:row><x:row><x:c r="A3"><x:v>8</x:v></x:c></x:row>' +
          '</x:sheetData></x:worksheet>',
      },
    ],
    sharedStrings: ['prefixed'],
  }),
  'a worksheet with columns, merged cells and other parts around the sheet data': workbook({
    sheets: [
      {
        name: 'wide',
        xml:
          '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:AB3"/>' +
          '<sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="3" width="12" customWidth="1"/></cols><sheetData>' +
          '<row r="1" customHeight="1" ht="20"><c r="A1" t="s"><v>0</v></c><c r="AB1"><v>28</v></c></row>' +
          '<row r="3"><c r="Z3"><v>26</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' +
          '<conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="1"><formula>1</formula></cfRule></conditionalFormatting></worksheet>',
      },
    ],
    sharedStrings: ['merged'],
  }),
};

describe('readWorkbook equals read-excel-file (the oracle)', () => {
  for (const path of xlsxFixtures(FIXTURES)) {
    it(`fixture ${path.slice(FIXTURES.length)}`, async () => {
      const bytes = new Uint8Array(readFileSync(path));
      expect(ours(bytes)).toStrictEqual(await theirs(bytes));
    });
  }
  for (const [name, bytes] of Object.entries(GENERATED)) {
    it(name, async () => {
      const expected = await theirs(bytes);
      expect(expected.length).toBeGreaterThan(0);
      expect(ours(bytes)).toStrictEqual(expected);
    });
  }
});

describe('readWorkbook values worked out by hand', () => {
  it('reads serial dates in both systems and keeps numbers in money formats', () => {
    const [dates] = ours(
      GENERATED[
        'numbers by style: built-in and custom date formats, Korean formats, money formats'
      ] as Uint8Array,
    );
    // 45000 days after 1899-12-30 (Excel's day 0, counting its nonexistent 1900-02-29) is 2023-03-15;
    // .75 of a day is 18:00 and .5 is 12:00.
    const day = new Date('2023-03-15T00:00:00Z');
    expect(dates?.data).toStrictEqual([
      [
        45000,
        day,
        day,
        new Date('2023-03-15T18:00:00Z'),
        45000, // #,##0"원": the 원 is quoted text, not a date token
        45000, // "day "0.00: the d is quoted
        new Date('2023-03-15T12:00:00Z'),
        day, // style 7 takes numFmtId 14 from its parent
        day, // built-in 31 is a Korean date format
        45000,
        'text in a date style',
      ],
    ]);
    // 1904 system: day 0 is 1904-01-01, 1,462 days after the 1900 system's, so 43538 + 1462 = 45000 → 2023-03-15.
    const [mac] = ours(GENERATED['the 1904 date system'] as Uint8Array);
    expect(mac?.data).toStrictEqual([[day, 43538]]);
  });

  it('fills gaps with null, drops empty rows at the bottom, joins rich-text runs', () => {
    const [gaps] = ours(
      GENERATED[
        'gaps: missing cells, missing rows, empty rows and columns at the end, self-closing rows and cells'
      ] as Uint8Array,
    );
    const _ = null;
    // Five columns: E2 is the rightmost value, as H5 and A9 hold only a space (shared string 2), which reads as
    // empty; so rows 8–12 are empty and dropped, and row 7 is the last.
    expect(gaps?.data).toStrictEqual([
      [_, _, _, _, _],
      [_, 1, _, _, 2],
      [_, _, _, _, _],
      [_, _, _, _, _],
      ['x', _, 'y', _, _],
      [_, _, _, _, _],
      [3, _, _, _, _],
    ]);
    const [strings] = ours(
      GENERATED[
        'shared strings: plain, rich runs, phonetic guides, entities, preserved spaces, _xHHHH_ escapes'
      ] as Uint8Array,
    );
    expect(strings?.data).toStrictEqual([
      ['삼성전자', 'LS ELECTRIC', '漢字', 'AT&T <ETF> 한국 "q" \'a\''],
      ['spaced', 'line\rbreak _x0041_', null, null],
    ]);
  });

  it('reads a sheet only when asked, and leaves out tabs that are not worksheets', () => {
    const bytes = workbook({ sheets: [{ name: 'A', xml: '<row r="1"><c r="A1" t="s"><v>9</v></c></row>' }] });
    const [sheet] = readWorkbook(bytes);
    expect(sheet?.name).toBe('A');
    // The broken cell is found only when the sheet is read, and it names its sheet and cell.
    const e = refusal(() => sheet?.rows());
    expect(e.message).toBe('shared string 9 does not exist (the workbook has 0)');
    expect(e.cell).toEqual({ sheet: 'A', row: 1, column: 1 });
  });
});

describe('readWorkbook refuses what it cannot read', () => {
  const minimal = [{ name: 'xl/workbook.xml', data: '<workbook/>' }];
  it('a file that is not a ZIP archive, or one cut short', () => {
    expect(refusal(() => readWorkbook(Uint8Array.of(0x50, 0x4b, 3, 4, 1, 2, 3))).message).toBe(
      'no ZIP end record: the file is cut short or is not a ZIP archive',
    );
    const whole = workbook({ sheets: [{ name: 'A', xml: '' }] });
    expect(refusal(() => readWorkbook(whole.subarray(0, whole.length - 30))).message).toMatch(
      /^no ZIP end record/,
    );
  });
  it('a ZIP archive that is not a workbook', () => {
    expect(refusal(() => readWorkbook(zip([{ name: 'readme.txt', data: 'hi' }]))).message).toBe(
      'a ZIP archive without xl/_rels/workbook.xml.rels, so not an Excel workbook',
    );
  });
  it('encrypted entries and unknown compression, with the way out', () => {
    const locked = refusal(() =>
      readWorkbook(zip([{ name: 'xl/_rels/workbook.xml.rels', data: '', flags: 1 }, ...minimal])),
    );
    expect(locked.message).toBe('the workbook is password-protected (encrypted)');
    expect(locked.ko).toBe('암호로 보호된(암호화된) 통합 문서입니다');
    expect(locked.hint?.message).toMatch(/remove the password/);
    const bzip = refusal(() =>
      readWorkbook(zip([{ name: 'xl/_rels/workbook.xml.rels', data: '', method: 12 }])),
    );
    expect(bzip.message).toBe(
      'xl/_rels/workbook.xml.rels is compressed with method 12; only stored (0) and deflate (8) are supported',
    );
  });
  it('ZIP64 archives', () => {
    const bytes = zip(minimal);
    // Mark the end record's central-directory offset as 0xFFFFFFFF, which means "see the ZIP64 record".
    const view = new DataView(bytes.buffer);
    view.setUint32(bytes.length - 22 + 16, 0xffffffff, true);
    const e = refusal(() => readWorkbook(bytes));
    expect(e.message).toBe('a ZIP64 archive (over 4 GB or 65,535 parts), which is not supported');
    expect(e.hint?.ko).toBe('Excel에서 시트를 .xlsx로 다시 저장하거나 CSV로 내보내세요');
  });
  it('cells out of order, and a damaged entry', () => {
    const backwards = workbook({
      sheets: [{ name: 'S', xml: '<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>' }],
    });
    expect(refusal(() => readWorkbook(backwards)[0]?.rows()).message).toBe(
      'cell A1 comes after cell B1: cells must be in order',
    );
    const bytes = workbook({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    // Overwrite the first deflated bytes of the first entry ([Content_Types].xml is never read, so break the rels).
    const broken = zip([{ name: 'xl/_rels/workbook.xml.rels', data: Buffer.alloc(8, 0xff), stored: true }]);
    const view = new DataView(broken.buffer);
    view.setUint16(8, 8, true); // local header: method deflate
    const dir = broken.length - 22 - 46 - 'xl/_rels/workbook.xml.rels'.length;
    view.setUint16(dir + 10, 8, true); // central directory: method deflate
    expect(refusal(() => readWorkbook(broken)).message).toMatch(
      /^a damaged ZIP archive: xl\/_rels\/workbook\.xml\.rels does not inflate/,
    );
    expect(readWorkbook(bytes)[0]?.rows()).toStrictEqual([[1]]);
  });
});
