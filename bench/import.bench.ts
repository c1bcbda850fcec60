/**
 * Broker exports (issue 13): detection and import of a 10,000-row transaction log (target < 1 s) and of a 5 MB .xlsx
 * holdings workbook (target < 2 s), each as the CLI pays for it: bytes in, holdings out.
 */
import readXlsxFile from 'read-excel-file/node';
import { importHoldingsFile } from '../src/adapters/import/index.ts';
import { readWorkbook } from '../src/adapters/import/xlsx/read.ts';
import { importSpreadsheet } from '../src/adapters/import/xlsx.ts';
import { zip } from '../test/support/zip.ts';
import { cpuTime, fmt, time } from './timing.ts';

const SYMBOLS = ['NVDA', 'TSLA', 'AAPL', 'MSFT', 'VTI', 'VOO', 'AMD', 'MU', 'CEG', 'GEV', 'PLTR', 'CRWD'];

/** A Schwab transaction history of `n` rows: buys, smaller sells, dividends, newest first as Schwab writes it. */
function schwabLog(n: number): Uint8Array {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2015, 0, 2) + Math.floor((i * 3650) / n) * 86_400_000);
    const date = `${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/${day.getUTCFullYear()}`;
    const symbol = SYMBOLS[i % SYMBOLS.length];
    const kind = i < 60 ? 0 : i % 5; // buys first, so no symbol is ever sold short
    const [action, qty] = kind === 4 ? ['Qualified Dividend', ''] : kind === 3 ? ['Sell', '1'] : ['Buy', '3'];
    rows.push(`"${date}","${action}","${symbol}","${symbol} INC","${qty}","$100.00","","$300.00"`);
  }
  rows.reverse();
  return new TextEncoder().encode(
    `"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"\n${rows.join('\n')}\n`,
  );
}

/** A Kiwoom opw00018 grid as an .xlsx of about `bytes` bytes (inline strings, random-ish numbers so it compresses like a real one). */
export function kiwoomWorkbook(target: number): { bytes: Uint8Array; rows: number } {
  const header = [
    '종목번호',
    '종목명',
    '평가손익',
    '수익률(%)',
    '매입가',
    '전일종가',
    '보유수량',
    '매매가능수량',
    '현재가',
    '매입금액',
    '평가금액',
  ];
  const cell = (ref: string, v: string | number) =>
    typeof v === 'number'
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const cols = 'ABCDEFGHIJK';
  const parts: string[] = [`<row r="1">${header.map((h, c) => cell(`${cols[c]}1`, h)).join('')}</row>`];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  let size = 0;
  let r = 1;
  // ~4× compression for XML of this kind: write until the deflated sheet would be about the target size.
  while (size < target * 6.3) {
    r++;
    const code = `A${String(100000 + (r % 800000)).padStart(6, '0')}`;
    const values: (string | number)[] = [
      code,
      `종목${r}`,
      rnd() % 100000,
      (rnd() % 1000) / 100,
      rnd() % 500000,
      rnd() % 500000,
      1 + (rnd() % 999),
      1,
      rnd() % 500000,
      rnd() % 10000000,
      rnd() % 10000000,
    ];
    const xml = `<row r="${r}">${values.map((v, c) => cell(`${cols[c]}${r}`, v)).join('')}</row>`;
    parts.push(xml);
    size += xml.length;
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>`;
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="잔고" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ],
    ['xl/worksheets/sheet1.xml', sheet],
  ];
  return { bytes: zip(files.map(([name, data]) => ({ name, data }))), rows: r - 1 };
}

export default async function (): Promise<void> {
  const log = schwabLog(10_000);
  const readLog = () => importHoldingsFile(log, 'schwab-10k.csv', { asOf: '2026-05-29' });
  const positions = readLog().holdings.length;
  const cold = await time(1, readLog, 0);
  const warm = await time(5, readLog);
  console.log(
    `transaction log, 10,000 rows (${(log.length / 1e6).toFixed(2)} MB, ${positions} positions): target < 1 s`,
  );
  console.log(`  detect + net: ${fmt(cold)} first, ${fmt(warm)} median of 5`);

  const book = kiwoomWorkbook(5_000_000);
  const readBook = () =>
    importSpreadsheet(book.bytes, 'kiwoom-5mb.xlsx', { defaultAccount: 'bench', splits: [] });
  const held = (await readBook()).holdings.length;
  const xlsx = await time(3, readBook, 0);
  console.log(
    `xlsx workbook, ${(book.bytes.length / 1e6).toFixed(2)} MB, ${book.rows} rows (${held} holdings): target < 2 s`,
  );
  const xlsxCpu = await cpuTime(5, readBook);
  console.log(`  read + detect + import: ${fmt(xlsx)} median of 3; CPU ${fmt(xlsxCpu)}, least of 5`);
  // Where the time goes: our reader's unzip + sheet scan alone (the rest is our detection and import), and
  // read-excel-file's, which it replaced, for comparison.
  const readGrid = () => readWorkbook(book.bytes).map((sheet) => sheet.rows());
  const grid = await time(3, readGrid, 1);
  const gridCpu = await cpuTime(5, readGrid);
  console.log(`  of which the sheet reader: ${fmt(grid)} median of 3; CPU ${fmt(gridCpu)}, least of 5`);
  const parse = await time(3, () => readXlsxFile(Buffer.from(book.bytes)), 0);
  const parseCpu = await cpuTime(3, () => readXlsxFile(Buffer.from(book.bytes)));
  console.log(
    `  read-excel-file 9.3 for the same grid: ${fmt(parse)} median of 3; CPU ${fmt(parseCpu)}, least of 3`,
  );
}
