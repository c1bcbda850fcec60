/**
 * NH투자증권 c8201 주식잔고조회 (OpenAPI TR; the grid as saved with its Korean labels or its trio_ord.h field names),
 * through importHoldingsFile: holdings, cash and file prices worked out by hand from the fixtures.
 */
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../../test/support/errors.ts';
import { formatProblem } from '../../../core/errors.ts';
import { describeNotice } from '../../../i18n/catalog/catalog.ts';
import { importHoldingsFile } from '../index.ts';
import { fixture } from '../test-support.ts';
import { importSpreadsheet } from '../xlsx.ts';

function load(path: string, options: { format?: string } = {}) {
  const { bytes, file } = fixture(path);
  return importHoldingsFile(bytes, file, options);
}

describe('NH c8201 with its Korean labels', () => {
  const r = load('formats/nh-c8201.csv');

  it('is detected as nh and reads 잔고수량, not 잔량', () => {
    expect(r.format).toBe('nh');
    // Lines 8–10: 잔고수량 12, 5, 4. SK하이닉스's 잔량 is 3 (2 under an open order), its balance still 5.
    const shares = r.holdings.flatMap((h) =>
      h.kind === 'security' ? [[h.account, h.symbol, h.quantity]] : [],
    );
    expect(shares).toEqual([
      ['301-12-345678', '005930', 12],
      ['301-12-345678', '000660', 5],
      ['301-12-345678', '005380', 4],
    ]);
  });

  it('takes D2예수금 as cash when a row is unsettled, and says why', () => {
    // 000660 has 미결제수량 2, already in its 잔고수량 5: 예수금 1,500,000 − 2 × 198,000 = 1,104,000 = D2예수금.
    const cash = r.holdings.filter((h) => h.kind === 'cash');
    expect(cash).toEqual([
      {
        kind: 'cash',
        account: '301-12-345678',
        currency: 'KRW',
        amount: 1_104_000,
        origin: { file: expect.stringMatching(/nh-c8201\.csv$/), line: 5 },
      },
    ]);
    const w = r.warnings.find((x) => x.code === 'cash-unsettled');
    expect(w).toMatchObject({
      read: 'D2예수금',
      amount: 1_104_000,
      other: '예수금',
      otherAmount: 1_500_000,
      unsettledRows: 1,
    });
  });

  it("keeps 현재가 as the file's prices, dated by the 조회일 title line", () => {
    expect(r.prices.map((p) => [p.symbol, p.price, p.currency, p.date, p.line])).toEqual([
      ['005930', 63_000, 'KRW', '2026-06-30', 8],
      ['000660', 198_000, 'KRW', '2026-06-30', 9],
      ['005380', 225_000, 'KRW', '2026-06-30', 10],
    ]);
  });

  it('says a balance held on credit is counted without its loan', () => {
    const w = r.warnings.filter((x) => x.code === 'loan-not-subtracted');
    expect(w.map((x) => [x.symbol, x.line])).toEqual([['005380', 10]]);
    expect(w[0] && describeNotice(w[0], 'en')).toMatch(/\(01, 2026\.05\.20\)/);
  });
});

describe('NH c8201 with its field names', () => {
  it('reads the zero-padded z16 fields, and the OutBlock record below the grid as cash', () => {
    const r = load('formats/nh-c8201-fields.csv');
    expect(r.format).toBe('nh');
    // bal_qtyz16 0000000000000030 → 30, 0000000000000025 → 25; dpsit_amtz16 250,000 = D2 (no warning).
    expect(
      r.holdings.map((h) => (h.kind === 'cash' ? ['cash', h.amount] : [h.symbol, h.quantity, h.origin.line])),
    ).toEqual([
      ['069500', 30, 2],
      ['034020', 25, 3],
      ['cash', 250_000],
    ]);
    // prsnt_pricez16; no title line, so undated (the as-of day).
    expect(r.prices.map((p) => [p.symbol, p.price, p.date])).toEqual([
      ['069500', 41_350, undefined],
      ['034020', 24_500, undefined],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('--format nh on a file that is not one names what its header lacks', () => {
    // Samsung's header has 잔고수량 but none of the other four.
    const p = problemOf(() => load('formats/samsung.csv', { format: 'nh' }));
    expect(p.message).toMatch(
      /^not a NH Investment & Securities .* lacks "종목번호 or issue_codez6", "잔고유형 or bal_typez6", "미결제수량 or unstl_qtyz16", "신용코드 or mrgn_codez4"\)$/,
    );
    expect(p.ko?.message).toMatch(/NH투자증권 \(나무\/QV\) c8201 주식잔고조회 파일이 아닙니다/);
  });
});

describe('a bad NH file', () => {
  it('names the cell: line 3, column 5 (잔고수량), in English and Korean', () => {
    const p = problemOf(() => load('bad/nh-bad-quantity.csv'));
    expect(formatProblem(p, 'en')).toMatch(/nh-bad-quantity\.csv:3:5: "12주" is not a number/);
    expect(formatProblem(p, 'ko')).toMatch(/nh-bad-quantity\.csv:3:5: "12주"는 숫자가 아닙니다/);
  });
});

describe('NH c8201 without the account record', () => {
  it('a 예수금 row of the grid itself is a cash row, not the record', () => {
    const text = [
      '종목번호,종목명,잔고유형,대출일,잔고수량,미결제수량,평균매입가,현재가,손익(천원),손익율,신용코드,잔량,만기일,평가금액',
      '005930,삼성전자,현금,,3,0,"61,000","63,000",6,3.28,,3,,"189,000"',
      ',예수금,,,,,,,,,,,,"50,000"',
    ].join('\n');
    const r = importHoldingsFile(new TextEncoder().encode(text), 'nh.csv');
    // 3 shares at line 2; the 예수금 row's 평가금액 50,000 as KRW cash at line 3.
    expect(
      r.holdings.map((h) => (h.kind === 'cash' ? ['cash', h.amount, h.origin.line] : [h.symbol, h.quantity])),
    ).toEqual([
      ['005930', 3],
      ['cash', 50_000, 3],
    ]);
  });
});

describe('NH c8201 saved as .xlsx', () => {
  it('goes through the same detection: rows 6–7 of the sheet, the record in rows 2–3', async () => {
    const { bytes, file } = fixture('formats/nh-c8201.xlsx');
    const r = await importSpreadsheet(bytes, file, { defaultAccount: 'unused', splits: [] });
    expect(r.format).toBe('nh');
    // 잔고수량 8 and 2; 예수금 800,000 (= D2예수금, no row unsettled, so no warning).
    expect(
      r.holdings.map((h) =>
        h.kind === 'cash' ? [h.account, 'cash', h.amount] : [h.account, h.symbol, h.quantity],
      ),
    ).toEqual([
      ['301-12-345678', '005930', 8],
      ['301-12-345678', '012450', 2],
      ['301-12-345678', 'cash', 800_000],
    ]);
    expect(r.prices.map((p) => [p.symbol, p.price, p.line])).toEqual([
      ['005930', 63_000, 6],
      ['012450', 790_000, 7],
    ]);
  });
});
