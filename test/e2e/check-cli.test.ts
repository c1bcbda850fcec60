/**
 * `dispersion check` end to end: real files through the importer, the bundled data and a user price folder, to the
 * JSON document. Expected values are worked out by hand from the fixture files (arithmetic in the comments).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/app/check.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const base = { base: 'USD', asOf: '2026-05-29', lang: 'en' };

describe('check: Europe and Japan listings priced from a user folder', () => {
  // SIE.DE 10 × 217.85 EUR × 1.1583 USD/EUR (fx/EURUSD.csv 2026-05-29)          = 2,523.35655 USD
  // ABBN.SW 20 × 53.12 CHF ÷ 0.7936 CHF/USD (fx/USDCHF.csv 2026-05-29)          = 1,338.70968 USD
  // 6954.T 100 × 4,071 JPY ÷ 159.1173 JPY/USD (bundled April 2026 monthly average) = 2,558.48987 USD
  // cash 1,000 USD. Total 7,420.55610 USD.
  const run = () =>
    runCheckCommand(
      ['test/fixtures/check/europe-japan.csv'],
      { ...base, prices: 'test/fixtures/prices-user' },
      NOW,
    );

  it('values each listing through its own currency', async () => {
    const doc = await run();
    const v = Object.fromEntries(doc.positions.map((p) => [p.symbol, p]));
    expect(v['SIE.DE']?.value).toBeCloseTo(2523.35655, 6);
    expect(v['ABBN.SW']?.value).toBeCloseTo(1338.7096774, 6);
    expect(v['6954.T']?.value).toBeCloseTo(2558.4898688, 6);
    expect(doc.total).toBeCloseTo(7420.5560962, 6);
    expect(v['6954.T']?.fxDate).toBe('2026-04-30');
    expect(v['SIE.DE']?.priceSource).toBe('user:test/fixtures/prices-user/SIE.DE.csv');
  });

  it('classifies them as physical AI in DE, CH and JP', async () => {
    const doc = await run();
    const pe = doc.checks.find((c) => c.id === 'physical-energy-min');
    // (2,523.36 + 1,338.71 + 2,558.49) / 7,420.56 = 0.865239
    expect(pe?.value).toBeCloseTo(0.86523921, 8);
    expect(pe?.pass).toBe(true);
    const regional = doc.checks.find((c) => c.id === 'regional-diversification');
    // Only Japan counts: 2,558.49 / 7,420.56 = 0.344784
    expect(regional?.value).toBeCloseTo(0.344784115, 8);
    expect(doc.countries.map((c) => c.id)).toEqual(['JP', 'DE', 'CH', 'CASH']);
  });
});

describe('check: a CP949 Korean broker file', () => {
  // As of 2026-05-29 in KRW, USDKRW 1,379.50 (prices-kr/fx/USDKRW.csv, 2026-05-28). The file's own 현재가 states
  // no date, so it is taken as of the as-of day: it prices what nothing as fresh prices (prices-kr closes are of
  // 2026-05-28, one day older); a bundled close of 2026-05-29 is as fresh, and wins.
  // 005930 (삼성전자) 100 × 317,000 (bundled 2026-05-29)   = 31,700,000
  // 035420 (NAVER)    25 × 182,500 (the file's 현재가)      =  4,562,500 (the KRX listing: KR/other by rule kr-other)
  // 360750 (TIGER 미국S&P500) 1,500 × 15,230 (the file's 현재가) = 22,845,000,
  //   looked through as the S&P 500: 34.558821% Mag7 (SPY's holdings file, data/lookthrough.json)
  // 예수금 2,345,678 KRW
  // AAPL 12 × 312.05999755859375 USD × 1,379.50 (bundled 2026-05-29) =  5,165,841.1996
  // 외화예수금 1,520.35 USD × 1,379.50                       =  2,097,322.825
  // Total 68,716,342.0246 KRW
  it('reads the Korean names and codes and values them in KRW', async () => {
    const doc = await runCheckCommand(
      ['test/fixtures/import/ok/korean-cp949.csv'],
      { ...base, base: 'KRW', prices: 'test/fixtures/check/prices-kr' },
      NOW,
    );
    expect(doc.total).toBeCloseTo(68_716_342.0246, 3);
    const samsung = doc.positions.find((p) => p.symbol === '005930.KS');
    expect(samsung).toMatchObject({
      account: '종합매매',
      quantity: 100,
      value: 31_700_000,
      sleeve: 'emerging',
    });
    expect(doc.positions.filter((p) => p.sleeve === 'unclassified')).toEqual([]);
    expect(doc.classifications).toEqual([
      {
        symbol: '035420.KS',
        rule: 'kr-other',
        sleeve: 'other',
        country: 'KR',
        market: 'KOSPI',
        industry: '자료처리, 호스팅, 포털 및 기타 인터넷 정보매개 서비스업',
      },
    ]);
    expect(doc.positions.find((p) => p.symbol === '360750.KS')).toMatchObject({
      value: 22_845_000,
      priceSource: 'file:test/fixtures/import/ok/korean-cp949.csv',
    });
    const kr = doc.countries.find((c) => c.id === 'KR');
    expect(kr?.weight).toBeCloseTo((31_700_000 + 4_562_500) / 68_716_342.0246, 10);
    const mag7 = doc.checks.find((c) => c.id === 'mag7-max');
    expect(mag7?.value).toBeCloseTo((5_165_841.1996 + 22_845_000 * 0.34558821) / 68_716_342.0246, 9);
    expect(doc.warnings.filter((w) => w.code === 'unclassified')).toHaveLength(0);
  });
});

describe('check: Ghostfolio export', () => {
  it('reads net positions and balances, priced from the bundled data', async () => {
    const doc = await runCheckCommand(
      ['test/fixtures/import/ok/ghostfolio-export.json'],
      { ...base, prices: 'test/fixtures/check/prices-ghostfolio' },
      NOW,
    );
    const accounts = new Set(doc.positions.map((p) => p.account));
    // MSFT was bought with no accountId: it lands in the default "Ghostfolio" account.
    expect(accounts).toEqual(new Set(['Interactive Brokers', '키움증권 위탁', 'Ghostfolio']));
    const cash = doc.positions.filter((p) => p.symbol === 'CASH').map((p) => [p.currency, p.quantity]);
    expect(cash).toEqual(
      expect.arrayContaining([
        ['USD', 1520.5],
        ['KRW', 2_500_000],
      ]),
    );
    const btc = doc.positions.find((p) => p.symbol === 'BTCUSD');
    expect(btc?.sleeve).toBe('unclassified');
    // quantity × the user file's 2026-05-29 close, in USD
    expect(btc?.value).toBeCloseTo((btc?.quantity ?? 0) * 105120.25, 6);
  });
});

describe('the dispersion command', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/dispersion.js', ...args], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });

  it('prints one JSON document for the sample', () => {
    const out = execFileSync(
      process.execPath,
      ['bin/dispersion.js', 'check', 'examples/sample-holdings.csv', '--json', '--as-of', '2026-05-29'],
      {
        encoding: 'utf8',
      },
    );
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining([
        'asOf',
        'base',
        'model',
        'total',
        'positions',
        'sleeves',
        'countries',
        'checks',
        'warnings',
      ]),
    );
    // NVDA 150 × 211.13999938964844 = 31,670.99990844727 USD, bundled close of 2026-05-29.
    expect(doc.positions.find((p: { symbol: string }) => p.symbol === 'NVDA').value).toBeCloseTo(
      31670.99990844727,
      8,
    );
  });

  it('exits 2 with file, line and column on a bad file, and no stack trace', () => {
    const r = cli('check', 'test/fixtures/import/bad/negative-quantity.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^dispersion: test\/fixtures\/import\/bad\/negative-quantity\.csv:4:2: /);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 naming a holding that has no price, with how to supply one', () => {
    const r = cli('check', 'test/fixtures/check/naver-no-price.csv', '--as-of', '2026-05-29');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/naver-no-price\.csv:3: no price for 035420\.KS on or before 2026-05-29/);
    expect(r.stderr).toMatch(/035420\.KS\.csv \(or 035420\.csv\)/);
    expect(r.stderr).toMatch(/--prices/);
  });

  it('refuses a threshold written as a percentage, and says to write a fraction', () => {
    const r = cli(
      'check',
      'examples/sample-holdings.csv',
      '--as-of',
      '2026-05-29',
      '--threshold',
      'mag7-max=40',
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('e.g. 0.4 for 40%');
    expect(r.stdout).toBe('');
  });

  it('titles the checks with the threshold applied, in the text and the JSON', () => {
    const args = [
      'check',
      'examples/sample-holdings.csv',
      '--as-of',
      '2026-05-29',
      '--threshold',
      'mag7-max=0.4',
    ];
    expect(cli(...args).stdout).toContain('✘ Mag7 at most 40%: ');
    const doc = JSON.parse(cli(...args, '--json').stdout);
    expect(doc.checks.map((c: { title: string }) => c.title)).toEqual([
      'Mag7 at most 40%',
      'Physical AI + energy at least 50%',
      'Business in Korea, Japan, India at least 15%',
      'Rebalanced within 31 days',
    ]);
  });

  it('names the missing USD leg for a base currency with no rates', () => {
    const r = cli('check', 'examples/sample-holdings.csv', '--as-of', '2026-05-29', '--base', 'BRL');
    expect(r.status).toBe(2);
    // The first row is Samsung (KRW): USDKRW is bundled, USDBRL is not.
    expect(r.stderr).toContain('put a file fx/KRWBRL.csv (or fx/USDBRL.csv, to cross through USD)');
  });

  it('warns of a one-stock, one-country portfolio, in the JSON and the text, in English and Korean', () => {
    // test/fixtures/check/concentrated.csv: Samsung 1,000 × ₩317,000 = ₩317,000,000; SK Hynix 10 × ₩2,333,000 =
    // ₩23,330,000 (bundled closes of 2026-05-29); cash ₩10,000,000 (left out). Invested ₩340,330,000:
    // Samsung 317,000,000 / 340,330,000 = 93.14% > 20%; KR 100% > 60%. Both KRW: no FX involved.
    const args = ['check', 'test/fixtures/check/concentrated.csv', '--as-of', '2026-05-29', '--base', 'KRW'];
    const doc = JSON.parse(cli(...args, '--json', '--lang', 'en').stdout);
    const c = doc.warnings.filter((w: { code: string }) => w.code.startsWith('concentration'));
    expect(c.map((w: { code: string }) => w.code)).toEqual([
      'concentration-position',
      'concentration-country',
    ]);
    expect(c[0].symbols).toEqual(['005930.KS']);
    expect(c[0].weight).toBeCloseTo(317_000_000 / 340_330_000, 12);
    expect(c[1]).toMatchObject({ country: 'KR', weight: 1, limit: 0.6 });
    const en = cli(...args, '--lang', 'en').stdout;
    expect(en).toContain(
      '! 005930.KS is 93.1% of the holdings excluding cash, above the 20.0% limit for one company',
    );
    expect(en).toContain('! KR businesses are 100.0% of the holdings excluding cash, above the 60.0% limit');
    const ko = cli(...args, '--lang', 'ko').stdout;
    expect(ko).toContain('! 005930.KS 비중이 현금 제외 보유액의 93.1%로, 한 회사 한도 20.0%를 넘습니다');
    expect(ko).toContain('! 한국(KR) 사업 비중이 현금 제외 보유액의 100.0%로, 한 국가 한도 60.0%를 넘습니다');
  });

  it('prints the report in Korean', () => {
    const r = cli(
      'check',
      'examples/sample-holdings.csv',
      '--lang',
      'ko',
      '--as-of',
      '2026-05-29',
      '--base',
      'KRW',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('체크리스트');
    expect(r.stdout).toContain('투자 권유가 아닙니다');
  });

  // etn.csv: one ETN as KIS and Daishin write it, Q530031 (data/listings/krx-etn.csv: 530031,삼성 레버리지 WTI원유
  // 선물 ETN), 100 at the file's 현재가 12,345 KRW = 1,234,500 KRW, the whole portfolio.
  it('resolves a Q-coded ETN: its Korean name, KRW, the leveraged-ETN rule, and no look-through', () => {
    const r = cli('check', 'test/fixtures/check/etn.csv', '--json', '--as-of', '2026-05-29', '--base', 'KRW');
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.positions).toEqual([
      expect.objectContaining({
        symbol: '530031.KS',
        name: '삼성 레버리지 WTI원유 선물 ETN',
        currency: 'KRW',
        quantity: 100,
        value: 1_234_500,
        sleeve: 'other',
        country: 'unknown',
        classifiedBy: 'kr-etn-leveraged',
      }),
    ]);
    expect(doc.classifications).toEqual([
      {
        symbol: '530031.KS',
        rule: 'kr-etn-leveraged',
        sleeve: 'other',
        country: 'unknown',
        market: 'ETN leveraged',
      },
    ]);
    const flag = doc.warnings.find((w: { code: string }) => w.code === 'no-look-through');
    expect(flag).toMatchObject({ symbol: '530031.KS', weight: 1 });
    expect(flag.message).toMatch(
      /^530031\.KS is an ETN \(100\.0% of the portfolio\): a note its issuer owes/,
    );
    const ko = cli(
      'check',
      'test/fixtures/check/etn.csv',
      '--lang',
      'ko',
      '--as-of',
      '2026-05-29',
      '--base',
      'KRW',
    );
    expect(ko.status, ko.stderr).toBe(0);
    expect(ko.stdout).toContain('530031.KS는 ETN(상장지수증권)입니다');
  });
});

describe('check: a Kiwoom file of the essay’s Korean names and a Korean Nasdaq-100 ETF', () => {
  // kiwoom-essay.csv (CP949, codes as Kiwoom writes them: A035420…), closes in prices-kiwoom/A<code>.csv:
  // NAVER 12 × 249,500 = 2,994,000 · 현대차 8 × 250,000 = 2,000,000 · 두산에너빌리티 40 × 60,000 = 2,400,000 ·
  // TIGER 미국나스닥100 20 × 150,000 = 3,000,000. Total 10,394,000 KRW.
  // Mag7: only through TIGER 미국나스닥100, at QQQ's 44.407% (data/lookthrough.json) → 1,332,210 / 10,394,000.
  // KR businesses: NAVER + Hyundai + Doosan = 7,394,000 / 10,394,000 (the ETF's holdings are US businesses).
  it('imports, classifies every holding and looks through the ETF', async () => {
    const doc = await runCheckCommand(
      ['test/fixtures/import/ok/kiwoom-essay.csv'],
      { ...base, base: 'KRW', prices: 'test/fixtures/check/prices-kiwoom' },
      NOW,
    );
    expect(doc.total).toBeCloseTo(10_394_000, 6);
    const sleeve = Object.fromEntries(doc.positions.map((p) => [p.symbol, [p.sleeve, p.country]]));
    expect(sleeve).toEqual({
      '035420.KS': ['other', 'KR'],
      '005380.KS': ['physical-ai', 'KR'],
      '034020.KS': ['energy', 'KR'],
      '133690.KS': ['other', 'US'],
    });
    expect(doc.classifications.map((c) => [c.symbol, c.rule])).toEqual([['035420.KS', 'kr-other']]);
    const mag7 = doc.checks.find((c) => c.id === 'mag7-max');
    expect(mag7?.value).toBeCloseTo((3_000_000 * 0.44407) / 10_394_000, 10);
    expect(doc.lookThrough.mag7Through).toEqual([
      {
        fund: '133690.KS',
        value: expect.closeTo(1_332_210, 4),
        weight: expect.closeTo(0.12817, 5),
        asOf: '2025-10-04',
      },
    ]);
    expect(doc.countries.find((c) => c.id === 'KR')?.weight).toBeCloseTo(7_394_000 / 10_394_000, 10);
    expect(doc.warnings.filter((w) => w.code === 'unclassified' || w.code === 'no-look-through')).toEqual([]);
  });

  it('with no price file at all: every holding priced from the file’s own 현재가, and said', async () => {
    // The same arithmetic: the fixture's 현재가 are the closes of prices-kiwoom (NAVER 249,500, 현대차 250,000,
    // 두산에너빌리티 60,000, TIGER 미국나스닥100 150,000), so the total is again 10,394,000 KRW.
    const doc = await runCheckCommand(
      ['test/fixtures/import/ok/kiwoom-essay.csv'],
      { ...base, base: 'KRW' },
      NOW,
    );
    expect(doc.total).toBe(10_394_000);
    expect(
      doc.positions.every((p) => p.priceSource === 'file:test/fixtures/import/ok/kiwoom-essay.csv'),
    ).toBe(true);
    expect(doc.warnings.filter((w) => w.code === 'file-price').map((w) => w.symbol)).toEqual([
      '035420.KS',
      '005380.KS',
      '034020.KS',
      '133690.KS',
    ]);
    expect(doc.positions.map((p) => [p.symbol, p.sleeve, p.country])).toEqual([
      ['035420.KS', 'other', 'KR'],
      ['005380.KS', 'physical-ai', 'KR'],
      ['034020.KS', 'energy', 'KR'],
      ['133690.KS', 'other', 'US'],
    ]);
  });
});
