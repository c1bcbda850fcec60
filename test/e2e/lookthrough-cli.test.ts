/**
 * Issue 14's done-when, through the compiled CLI: funds counted as what they hold (with the holdings' date in the
 * output), and a Kiwoom export of the essay's Korean names imported, classified and priced from its own 현재가 with
 * no price folder or universe file. Expected values are worked out by hand (comments; test/fixtures/check/README.md).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CheckDocument } from '../../src/report/check-document.ts';

const F = 'test/fixtures/check';
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/dispersion.js', 'check', ...args, '--as-of', '2026-05-29'], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
const json = (...args: string[]): CheckDocument => {
  const r = cli(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as CheckDocument;
};

describe('check: a portfolio of QQQ alone', () => {
  // Invesco's QQQ holdings (data/lookthrough.json, 2025-10-04): NVDA 9.921 + MSFT 8.286 + AAPL 8.248 + AMZN 5.127 +
  // TSLA 3.435 + META 3.409 + GOOGL 3.089 + GOOG 2.892 = 44.407% Mag7, all of it through QQQ.
  it('reports the Mag7 share of the fund’s holdings, with their date, in the text and the JSON', () => {
    const text = cli(`${F}/qqq-only.csv`);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      'Mag7 at most 50%: Mag7 is 44.4% of the portfolio, of which 44.4% through QQQ (holdings as of 2025-10-04), within the 50.0% limit.',
    );
    expect(text.stdout).toContain('Funds: QQQ (holdings as of 2025-10-04)');
    const doc = json(`${F}/qqq-only.csv`);
    expect(doc.checks.find((c) => c.id === 'mag7-max')?.value).toBeCloseTo(0.44407, 10);
    expect(doc.lookThrough.mag7Through.map((t) => [t.fund, t.asOf])).toEqual([['QQQ', '2025-10-04']]);
    expect(doc.lookThrough.notLookedThrough).toBe(0);
  });
});

describe('check: SPY + QQQ + NVDA', () => {
  // Bundled closes 2026-05-29: SPY 10 × 756.47998046875 = 7,564.7998 · QQQ 10 × 738.3099975585938 = 7,383.1000 ·
  // NVDA 20 × 211.13999938964844 = 4,222.8000. Total 19,170.6998.
  // Mag7: SPY 7,564.80 × 34.558821% (State Street's file, 2025-10-04) = 2,614.31 (13.637%) + QQQ 7,383.10 × 44.407%
  // = 3,278.61 (17.102%) + NVDA 4,222.80 (22.027%) = 10,115.72 / 19,170.70 = 52.767%.
  it('counts both funds’ Mag7 and the direct NVDA, each fund with its date', () => {
    const doc = json(`${F}/spy-qqq-nvda.csv`);
    expect(doc.total).toBeCloseTo(19_170.699768066406, 8);
    const mag7 = doc.checks.find((c) => c.id === 'mag7-max');
    expect(mag7?.value).toBeCloseTo(0.5276656011, 9);
    expect(mag7?.pass).toBe(false);
    expect(doc.lookThrough.mag7Direct).toBeCloseTo(0.2202736488, 9);
    const through = Object.fromEntries(doc.lookThrough.mag7Through.map((t) => [t.fund, [t.weight, t.asOf]]));
    expect(through.SPY?.[0]).toBeCloseTo(0.136369859, 8);
    expect(through.QQQ?.[0]).toBeCloseTo(0.1710220934, 8);
    expect(through.SPY?.[1]).toBe('2025-10-04');
    expect(through.QQQ?.[1]).toBe('2025-10-04');
    const text = cli(`${F}/spy-qqq-nvda.csv`).stdout;
    expect(text).toContain(
      'Mag7 is 52.8% of the portfolio, of which 17.1% through QQQ (holdings as of 2025-10-04), 13.6% through SPY (holdings as of 2025-10-04)',
    );
  });
});

describe('check: a Kiwoom export of NAVER, Hyundai, Doosan and TIGER 미국나스닥100, nothing else', () => {
  // kiwoom-opw00018-essay.csv (Kiwoom opw00018 layout), priced from its own 현재가 (no --prices, no --universe):
  // NAVER 12 × 249,500 = 2,994,000 · 현대차 8 × 250,000 = 2,000,000 · 두산에너빌리티 40 × 60,000 = 2,400,000 ·
  // TIGER 미국나스닥100 20 × 150,000 = 3,000,000. Total 10,394,000 KRW.
  // Mag7 through TIGER 미국나스닥100 only, at QQQ's 44.407%: 1,332,210 / 10,394,000 = 12.817%.
  const file = `${F}/kiwoom-opw00018-essay.csv`;
  const run = () => json(file, '--base', 'KRW');

  it('prices every holding from the file’s 현재가, saying so', () => {
    const doc = run();
    expect(doc.total).toBe(10_394_000);
    const priced = doc.positions.map((p) => [p.symbol, p.price, p.priceDate, p.priceSource]);
    expect(priced).toEqual([
      ['035420.KS', 249_500, '2026-05-29', `file:${file}`],
      ['005380.KS', 250_000, '2026-05-29', `file:${file}`],
      ['034020.KS', 60_000, '2026-05-29', `file:${file}`],
      ['133690.KS', 150_000, '2026-05-29', `file:${file}`],
    ]);
    expect(doc.warnings.filter((w) => w.code === 'file-price').map((w) => w.symbol)).toEqual([
      '035420.KS',
      '005380.KS',
      '034020.KS',
      '133690.KS',
    ]);
  });

  it('classifies each by sleeve and country of business, with what decided it', () => {
    const doc = run();
    const c = Object.fromEntries(doc.positions.map((p) => [p.symbol, [p.sleeve, p.country, p.classifiedBy]]));
    expect(c).toEqual({
      // The KRX listing (KOSPI, 자료처리·포털 industry) by the rule kr-other of data/classification.json.
      '035420.KS': ['other', 'KR', 'kr-other'],
      // The essay's names: curated entries of data/universe.json.
      '005380.KS': ['physical-ai', 'KR', 'curated'],
      '034020.KS': ['energy', 'KR', 'curated'],
      '133690.KS': ['other', 'US', 'curated'],
    });
    expect(doc.classifications.map((x) => [x.symbol, x.rule, x.market])).toEqual([
      ['035420.KS', 'kr-other', 'KOSPI'],
    ]);
    expect(doc.warnings.filter((w) => w.code === 'unclassified' || w.code === 'no-look-through')).toEqual([]);
  });

  it('looks through the ETF, dated', () => {
    const doc = run();
    expect(doc.checks.find((x) => x.id === 'mag7-max')?.value).toBeCloseTo(1_332_210 / 10_394_000, 10);
    expect(doc.lookThrough.funds.map((f) => [f.fund, f.asOf])).toEqual([['133690.KS', '2025-10-04']]);
    // KR businesses: NAVER + Hyundai + Doosan = 7,394,000 / 10,394,000; the ETF's holdings are US businesses.
    expect(doc.countries.find((x) => x.id === 'KR')?.weight).toBeCloseTo(7_394_000 / 10_394_000, 10);
  });
});

describe('check: KRX index funds by their old name, leveraged and inverse (a Samsung export, names only)', () => {
  // samsung-leveraged.csv, priced from its 현재가: KBSTAR 200 (148020, today RISE 200) 10 × 40,000 = 400,000 ·
  // TIGER 미국나스닥100레버리지(합성) (418660) 10 × 20,000 = 200,000 · KODEX 레버리지 (122630) 10 × 20,000 = 200,000 ·
  // KODEX 200선물인버스2X (252670) 100 × 2,000 = 200,000. Total 1,000,000 KRW.
  // Look-through (data/classification.json): 148020 as KODEX 200 (069500.KS: no named holdings, KR 100%) at 1×;
  // 418660 as QQQ at 2×; 122630 as KODEX 200 at 2×; 252670 is inverse: none, flagged.
  // Mag7: 2 × 44.407% (QQQ) × 200,000 = 177,628 → 17.7628%, all through 418660.
  // Sleeves: emerging 400,000 + 2 × 200,000 = 800,000 (80%); cash-bonds: the borrowing of both 2× funds,
  // −200,000 − 200,000 = −400,000 (−40%); mag7-selected 2 × (9.921 + 3.435)% × 200,000 = 53,424.
  // Countries: KR 400,000 + 400,000 = 800,000 (80%); US 2 × 200,000 = 400,000 (40%, all QQQ's named holdings and its
  // rest are US); unknown 200,000 (the inverse fund, 20%); CASH −400,000 (−40%).
  const file = `${F}/samsung-leveraged.csv`;
  const run = () => json(file, '--base', 'KRW');

  it('resolves a 2023 name to today’s listing and counts leveraged look-through at 2×', () => {
    const doc = run();
    expect(doc.total).toBe(1_000_000);
    expect(doc.positions.map((p) => [p.symbol, p.name])).toEqual([
      ['148020.KS', 'RISE 200'],
      ['418660.KS', 'TIGER 미국나스닥100레버리지(합성)'],
      ['122630.KS', 'KODEX 레버리지'],
      ['252670.KS', 'KODEX 200선물인버스2X'],
    ]);
    expect(doc.checks.find((c) => c.id === 'mag7-max')?.value).toBeCloseTo(0.177628, 10);
    expect(doc.lookThrough.mag7Through.map((t) => [t.fund, t.value, t.asOf])).toEqual([
      ['418660.KS', expect.closeTo(177_628, 6), '2025-10-04'],
    ]);
    const s = Object.fromEntries(doc.sleeves.map((x) => [x.id, x.value]));
    expect(s.emerging).toBeCloseTo(800_000, 6);
    expect(s['cash-bonds']).toBeCloseTo(-400_000, 6);
    expect(s['mag7-selected']).toBeCloseTo(53_424, 6);
    expect(doc.countries.map((c) => [c.id, c.weight])).toEqual([
      ['KR', expect.closeTo(0.8, 12)],
      ['US', expect.closeTo(0.4, 12)],
      ['unknown', expect.closeTo(0.2, 12)],
      ['CASH', expect.closeTo(-0.4, 12)],
    ]);
    expect(doc.lookThrough.funds.map((f) => [f.fund, f.via, f.multiple])).toEqual([
      ['148020.KS', '069500.KS', 1],
      ['418660.KS', 'QQQ', 2],
      ['122630.KS', '069500.KS', 2],
      ['252670.KS', null, 1],
    ]);
    expect(doc.warnings.filter((w) => w.code === 'no-look-through').map((w) => w.symbol)).toEqual([
      '252670.KS',
    ]);
  });

  it('says in the text which funds count at 2× and why', () => {
    const text = cli(file, '--base', 'KRW').stdout;
    expect(text).toContain(
      "418660.KS (QQQ's holdings as of 2025-10-04; counted at 2×: a leveraged fund's holdings count 2 times its value, the borrowing as negative cash)",
    );
    expect(text).toContain('252670.KS (no look-through data)');
  });
});
