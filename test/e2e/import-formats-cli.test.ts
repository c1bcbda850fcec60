/**
 * Broker exports through `dispersion check`, end to end: a transaction log and a dated snapshot file can no longer
 * be read as holdings, the files' own prices price what nothing fresher does, and refusals exit 2 in the reader's
 * language. Quantities are worked out by hand from the fixtures (src/adapters/import/formats/formats.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/app/check.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const F = 'test/fixtures/import/formats';
const options = (o: Record<string, string> = {}) => ({
  base: 'USD',
  asOf: '2026-05-29',
  lang: 'en',
  db: '/nonexistent/journal.db',
  ...o,
});

describe('check on broker exports', () => {
  it('nets a Schwab transaction history (NVDA 1 + 9 − 4 = 6) instead of adding its rows up (14)', async () => {
    const doc = await runCheckCommand([`${F}/schwab-transactions.csv`], options(), NOW);
    const q = Object.fromEntries(doc.positions.map((p) => [p.symbol, p.quantity]));
    expect(q).toEqual({ NVDA: 6, VTI: 10.5 });
    expect(doc.warnings.map((w) => w.code)).toContain('read-as-transactions');
  });

  it('reads the latest Wealthfolio snapshot, not the sum of both', async () => {
    const doc = await runCheckCommand([`${F}/wealthfolio-holdings.csv`], options(), NOW);
    const q = Object.fromEntries(doc.positions.map((p) => [p.symbol, p.quantity]));
    expect(q).toEqual({ NVDA: 12, AAPL: 3, CASH: 2500 });
  });

  it("prices from the file's own 현재가 when nothing fresher is known, and says so", async () => {
    // Bundled closes end 2026-05-29; as of 2026-06-30 the file's price (taken as of that day) is the freshest.
    const doc = await runCheckCommand(
      [`${F}/kiwoom-hts.csv`],
      options({ asOf: '2026-06-30', base: 'KRW' }),
      NOW,
    );
    const hyundai = doc.positions.find((p) => p.symbol === '005380.KS');
    expect(hyundai).toMatchObject({
      quantity: 7,
      price: 225_000,
      priceDate: '2026-06-30',
      priceSource: `file:${F}/kiwoom-hts.csv`,
    });
    // 7 × 225,000 + 3 × 790,000 = 1,575,000 + 2,370,000
    expect(doc.total).toBe(3_945_000);
    expect(doc.warnings.filter((w) => w.code === 'file-price')).toHaveLength(2);
    // A bundled close of the as-of day itself is as fresh as the file: the bundled close wins.
    const bundled = await runCheckCommand([`${F}/kiwoom-opw00018.csv`], options({ base: 'KRW' }), NOW);
    expect(bundled.positions.find((p) => p.symbol === '005930.KS')).toMatchObject({
      priceDate: '2026-05-29',
      priceSource: expect.stringMatching(/^bundled:/),
    });
  });

  it('a Mirae IRP export (names, no codes, no price column) imports and prices KODEX 200 from its value', async () => {
    // KODEX 200 has no bundled close: 1,240,500 / 30 = 41,350 won from the file; Samsung 12 × the bundled
    // 2026-05-29 close of 317,000 (fresher than the undated file, which is taken as of the as-of day: equal day, bundled wins).
    const doc = await runCheckCommand([`${F}/mirae-irp.csv`], options({ base: 'KRW' }), NOW);
    const q = Object.fromEntries(doc.positions.map((p) => [p.symbol, [p.quantity, p.value]]));
    expect(q).toEqual({ '069500.KS': [30, 1_240_500], '005930.KS': [12, 12 * 317_000] });
    expect(doc.warnings.filter((w) => w.code === 'file-price').map((w) => w.symbol)).toEqual(['069500.KS']);
  });
});

describe('spreadsheets', () => {
  it('reads an .xlsx workbook through the same detection (Samsung, names resolved through the universe)', async () => {
    const doc = await runCheckCommand([`${F}/samsung.xlsx`], options({ base: 'KRW' }), NOW);
    const q = Object.fromEntries(doc.positions.map((p) => [p.symbol, p.quantity]));
    expect(q).toEqual({ '034020.KS': 15, '010120.KS': 4 });
  });
});

describe('refusals from the command line', () => {
  const cli = (args: string[], lang = 'C') =>
    spawnSync(process.execPath, ['bin/dispersion.js', ...args], {
      encoding: 'utf8',
      env: { ...process.env, LANG: lang },
    });

  it('an unknown layout: exit 2, file and line, what was found and what was missing', () => {
    const r = cli(['check', 'test/fixtures/import/bad/unknown-layout.csv', '--as-of', '2026-05-29']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^dispersion: test\/fixtures\/import\/bad\/unknown-layout\.csv:2: unknown layout: the likeliest header \(line 2: "ticker", "weight"\) has symbol but no quantity column/,
    );
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('in Korean with --lang ko or a Korean locale', () => {
    const ko = cli([
      'check',
      'test/fixtures/import/bad/unknown-layout.csv',
      '--as-of',
      '2026-05-29',
      '--lang',
      'ko',
    ]);
    expect(ko.status).toBe(2);
    expect(ko.stderr).toMatch(/unknown-layout\.csv:2: 알 수 없는 형식입니다/);
    const locale = cli(['check', `${F}/kis.csv`, '--format', 'schwab-positions'], 'ko_KR.UTF-8');
    expect(locale.status).toBe(2);
    expect(locale.stderr).toMatch(/kis\.csv:\d+: 찰스 슈왑 보유종목 \(2021년 헤더\) 파일이 아닙니다/);
  });

  it('a --format name that does not exist', () => {
    const r = cli(['check', `${F}/kis.csv`, '--format', 'kiwom']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^dispersion: --format kiwom is not a known format; expected one of csv, transactions, snapshots, ghostfolio, kiwoom-opw00018/,
    );
  });
});
