/**
 * NH투자증권 c8201 grids and KOSCOM 계좌잔고 조회 responses through the compiled CLI (`npm run build` first: this
 * spawns bin/dispersion.js, which runs dist/). Quantities, cash, prices and totals are worked out by hand from the
 * fixtures in test/fixtures/import/formats/ (nh-c8201.csv, nh-c8201-fields.csv, koscom-balance.json). As of
 * 2026-06-30 the bundled closes (to 2026-05-29) are older than the files, so the files' own prices price them.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const F = 'test/fixtures/import/formats';
const B = 'test/fixtures/import/bad';

function cli(args: string[], lang = 'C') {
  return spawnSync(process.execPath, ['bin/dispersion.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, LC_ALL: lang },
  });
}

interface Position {
  symbol: string;
  quantity: number;
  price: number;
  priceDate: string | null;
  priceSource: string | null;
  value: number;
}

function check(
  file: string,
  extra: string[] = [],
): { total: number; positions: Position[]; codes: string[] } {
  const r = cli(['check', file, '--as-of', '2026-06-30', '--base', 'KRW', '--json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const doc = JSON.parse(r.stdout) as { total: number; positions: Position[]; warnings: { code: string }[] };
  return { total: doc.total, positions: doc.positions, codes: doc.warnings.map((w) => w.code) };
}

const table = (ps: readonly Position[]) =>
  Object.fromEntries(ps.map((p) => [p.symbol, [p.quantity, p.price, p.value]]));

describe('NH c8201 (format nh)', () => {
  it('the Korean-label grid: 잔고수량, D2예수금 as cash, 현재가 dated by the 조회일 line', () => {
    const { total, positions, codes } = check(`${F}/nh-c8201.csv`);
    // 12 × 63,000 = 756,000; 5 × 198,000 = 990,000 (잔고수량 5, not 잔량 3); 4 × 225,000 = 900,000;
    // cash D2예수금 1,104,000 = 예수금 1,500,000 − the unsettled 2 × 198,000.
    expect(table(positions)).toEqual({
      '005930.KS': [12, 63_000, 756_000],
      '000660.KS': [5, 198_000, 990_000],
      '005380.KS': [4, 225_000, 900_000],
      CASH: [1_104_000, 1, 1_104_000],
    });
    // 756,000 + 990,000 + 900,000 + 1,104,000
    expect(total).toBe(3_750_000);
    const samsung = positions.find((p) => p.symbol === '005930.KS');
    expect(samsung).toMatchObject({ priceDate: '2026-06-30', priceSource: `file:${F}/nh-c8201.csv` });
    expect(codes).toEqual(expect.arrayContaining(['cash-unsettled', 'loan-not-subtracted', 'file-price']));
  });

  it('the field-name grid with --format nh: z16 numbers, the OutBlock below as cash', () => {
    const { total, positions } = check(`${F}/nh-c8201-fields.csv`, ['--format', 'nh']);
    // 30 × 41,350 = 1,240,500; 25 × 24,500 = 612,500; dpsit_amtz16 250,000.
    expect(table(positions)).toEqual({
      '069500.KS': [30, 41_350, 1_240_500],
      '034020.KS': [25, 24_500, 612_500],
      CASH: [250_000, 1, 250_000],
    });
    expect(total).toBe(2_103_000);
  });

  it('checked as of a day before the file (조회일 2026.06.30): says the file is later, not that no price exists', () => {
    // 005380.KS (line 10) has no bundled series; its only price is the file's 225,000 of 2026-06-30.
    const en = cli(['check', `${F}/nh-c8201.csv`, '--as-of', '2026-05-29']);
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(
      /^dispersion: test\/fixtures\/import\/formats\/nh-c8201\.csv:10: 005380\.KS is priced only by this file, dated 2026-06-30, after the as-of date 2026-05-29/,
    );
    expect(en.stderr).toContain('--as-of 2026-06-30');
    const ko = cli(['check', `${F}/nh-c8201.csv`, '--as-of', '2026-05-29', '--lang', 'ko']);
    expect(ko.status).toBe(2);
    expect(ko.stderr).toContain(
      'nh-c8201.csv:10: 종목 005380.KS: 이 파일의 가격(2026-06-30 기준)뿐인데, 기준일 2026-05-29보다 뒤입니다',
    );
  });

  it('a bad 잔고수량: exit 2, file:line:column, in English and in Korean', () => {
    const en = cli(['check', `${B}/nh-bad-quantity.csv`, '--as-of', '2026-06-30']);
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(
      /^dispersion: test\/fixtures\/import\/bad\/nh-bad-quantity\.csv:3:5: "12주" is not a number/,
    );
    expect(en.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    const ko = cli(['check', `${B}/nh-bad-quantity.csv`, '--as-of', '2026-06-30', '--lang', 'ko']);
    expect(ko.status).toBe(2);
    expect(ko.stderr).toMatch(/nh-bad-quantity\.csv:3:5: "12주"는 숫자가 아닙니다/);
  });
});

describe('KOSCOM 계좌잔고 조회 (format koscom)', () => {
  it('detected from its JSON: cashBalance, KSP/ETF shares by ISIN, valAtCur ÷ qty as prices', () => {
    const { total, positions, codes } = check(`${F}/koscom-balance.json`);
    // 005930: 10 (NRM) + 2 (CRD) = 12 at 630,000 / 10 = 63,000; 069500: 30 at 1,240,500 / 30 = 41,350;
    // HK0000050325: 120 at 245,400 / 120 = 2,045; KR7005931001 (a preferred: the ISIN does not spell its code):
    // 5 at 260,000 / 5 = 52,000; cash 2,500,000. The ELW, the fund, the bond and the ELS are left out, each named.
    expect(table(positions)).toEqual({
      CASH: [2_500_000, 1, 2_500_000],
      '005930.KS': [12, 63_000, 756_000],
      '069500.KS': [30, 41_350, 1_240_500],
      HK0000050325: [120, 2_045, 245_400],
      KR7005931001: [5, 52_000, 260_000],
    });
    // 2,500,000 + 756,000 + 1,240,500 + 245,400 + 260,000
    expect(total).toBe(5_001_900);
    expect(codes.filter((c) => c === 'left-out-holding')).toHaveLength(4);
    expect(positions.find((p) => p.symbol === '069500.KS')?.priceSource).toBe(
      `file:${F}/koscom-balance.json`,
    );
  });

  it('--format koscom reads the same file the same way', () => {
    expect(check(`${F}/koscom-balance.json`, ['--format', 'koscom']).total).toBe(5_001_900);
  });

  it('an ISIN whose check digit fails: exit 2, line and column of the value, in English and in Korean', () => {
    const en = cli(['check', `${B}/koscom-bad-isin.json`, '--as-of', '2026-06-30']);
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(
      /^dispersion: test\/fixtures\/import\/bad\/koscom-bad-isin\.json:53:23: balanceList\.balance\.equityList\[1\]\.isinCode "KR7069500008" has the check digit 8, but its first eleven characters call for 7/,
    );
    const ko = cli(['check', `${B}/koscom-bad-isin.json`, '--as-of', '2026-06-30'], 'ko_KR.UTF-8');
    expect(ko.status).toBe(2);
    expect(ko.stderr).toMatch(/koscom-bad-isin\.json:53:23: .*"KR7069500008"의 검사 숫자는 8이지만/);
  });
});
