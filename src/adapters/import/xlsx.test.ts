/** .xlsx workbooks through the same detection as CSV (fixtures written by test/fixtures/import/formats/make-xlsx.py). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemOfAsync } from '../../../test/support/errors.ts';
import { workbook, zip } from '../../../test/support/zip.ts';
import { type ListingName, nameResolver } from './names.ts';
import { fixture } from './test-support.ts';
import { importSpreadsheet, isXls, isXlsx } from './xlsx.ts';

const names = nameResolver(
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../test/fixtures/import/listing-names.json', import.meta.url)),
      'utf8',
    ),
  ) as ListingName[],
);

describe('importSpreadsheet', () => {
  it('tries every sheet: the first (a cover) is not a table, the second is Samsung holdings', async () => {
    const { bytes, file } = fixture('formats/samsung.xlsx');
    expect(isXlsx(bytes)).toBe(true);
    const r = await importSpreadsheet(bytes, file, { defaultAccount: 'unused', names, splits: [] });
    expect(r.sheet).toBe('잔고');
    expect(r.format).toBe('samsung');
    // Rows 2 and 3 of the sheet: 두산에너빌리티 15 → 034020.KS, LS ELECTRIC 4 → 010120.KS; row 4 is the 합계.
    expect(r.holdings).toMatchObject([
      {
        account: '7012345678',
        symbol: '034020.KS',
        quantity: 15,
        origin: { file: `${file}[잔고]`, line: 2 },
      },
      { account: '7012345678', symbol: '010120.KS', quantity: 4, origin: { line: 3 } },
    ]);
    expect(r.warnings).toMatchObject([{ code: 'summary-row', line: 4 }]);
    expect(r.prices.map((p) => p.price)).toEqual([24_500, 160_000]);
  });

  it('names the sheet and the cell of a bad value', async () => {
    const { bytes, file } = fixture('formats/kiwoom-bad-cell.xlsx');
    const p = await problemOfAsync(() => importSpreadsheet(bytes, file, { defaultAccount: 'x', splits: [] }));
    expect(p).toMatchObject({ file: `${file}[Sheet1]`, line: 3, column: 7 });
    expect(p.message).toBe('cell G3: "백주" is not a number');
    expect(p.ko?.message).toBe('G3 셀: "백주"는 숫자가 아닙니다');
  });

  it('refuses an Excel 97–2003 .xls with the way out', async () => {
    const xls = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0);
    expect(isXls(xls)).toBe(true);
    const p = await problemOfAsync(() => importSpreadsheet(xls, 'old.xls', { defaultAccount: 'x' }));
    expect(p).toMatchObject({ file: 'old.xls', message: 'an Excel 97–2003 workbook (.xls) cannot be read' });
  });

  it('refuses a zip that is not a workbook', async () => {
    const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3);
    const p = await problemOfAsync(() => importSpreadsheet(zip, 'x.xlsx', { defaultAccount: 'x' }));
    expect(p.message).toMatch(/^not a readable \.xlsx workbook/);
  });

  it('refuses a password-protected workbook (an OLE2 file holding an EncryptedPackage), not as an .xls', async () => {
    // The OLE2 signature, then a directory entry's name in UTF-16LE, as Excel writes an encrypted .xlsx.
    const bytes = new Uint8Array(
      Buffer.concat([
        Buffer.from(isXlsSignature),
        Buffer.alloc(8),
        Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
    );
    const p = await problemOfAsync(() => importSpreadsheet(bytes, 'locked.xlsx', { defaultAccount: 'x' }));
    expect(p).toMatchObject({
      file: 'locked.xlsx',
      message: 'the workbook is password-protected (encrypted), so it cannot be read',
    });
    expect(p.ko?.message).toBe('암호로 보호된(암호화된) 통합 문서라 읽을 수 없습니다');
  });

  it('refuses a zip with encrypted entries with the way out', async () => {
    const bytes = zip([{ name: 'xl/_rels/workbook.xml.rels', data: '', flags: 1 }]);
    const p = await problemOfAsync(() => importSpreadsheet(bytes, 'locked.xlsx', { defaultAccount: 'x' }));
    expect(p.message).toBe('not a readable .xlsx workbook: the workbook is password-protected (encrypted)');
    expect(p.hint).toBe(
      'open it in Excel, remove the password (File → Info → Protect Workbook) and save it again',
    );
    expect(p.ko?.message).toBe(
      '읽을 수 있는 .xlsx 통합 문서가 아닙니다: 암호로 보호된(암호화된) 통합 문서입니다',
    );
  });

  it('names the sheet and the cell the reader cannot read', async () => {
    const bytes = workbook({
      sheets: [
        { name: '안내', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>cover</t></is></c></row>' },
        {
          name: '잔고',
          xml: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="C2" t="b"><v>yes</v></c></row>',
        },
      ],
    });
    const p = await problemOfAsync(() => importSpreadsheet(bytes, 'x.xlsx', { defaultAccount: 'x' }));
    expect(p).toMatchObject({ file: 'x.xlsx[잔고]', line: 2, column: 3 });
    expect(p.message).toBe(
      'not a readable .xlsx workbook: cell C2: a TRUE/FALSE cell holds "yes", not 1 or 0',
    );
    expect(p.ko?.message).toBe(
      '읽을 수 있는 .xlsx 통합 문서가 아닙니다: C2 셀: TRUE/FALSE 셀의 값 "yes"가 1이나 0이 아닙니다',
    );
  });
});

const isXlsSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
