/**
 * `dispersion stress` end to end: files through the importer, the bundled scenarios and market data, to the JSON
 * document. Every expected number is worked out by hand from the fixture files and the bundled price files (the
 * closes are quoted with the file they come from).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runStressCommand } from '../../src/app/stress.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
type Doc = Awaited<ReturnType<typeof runStressCommand>>;
const scenario = (doc: Doc, id: string) => {
  const s = doc.scenarios.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};
const lossOf = (s: Doc['scenarios'][number], symbol: string) =>
  s.positions.find((p) => p.symbol === symbol)?.loss;

/*
 * test/fixtures/stress/hand.csv priced from test/fixtures/stress/prices (all closes 2026-05-29, USDKRW 1,400), base KRW:
 *   NVDA 10 × 100 USD, TSM 5 × 200, CEG 4 × 250, LMT 2 × 500, USD cash 1,000: 1,000 USD each = 1,400,000 KRW each
 *   005930.KS 20 × 50,000 = 1,000,000; 005380.KS (Hyundai, physical-ai KR) 10 × 200,000 = 2,000,000;
 *   069500.KS (KODEX 200, emerging KR) 100 × 30,000 = 3,000,000; KRW cash 1,000,000.  Total 14,000,000 KRW.
 * A dollar asset seen in won moves by (1 + price move) / (1 + KRW move), a won asset by (1 + price move).
 */
describe('stress: the three bundled scenarios on a hand-valued portfolio', () => {
  const run = () =>
    runStressCommand(
      ['test/fixtures/stress/hand.csv'],
      {
        base: 'KRW',
        asOf: '2026-05-29',
        prices: 'test/fixtures/stress/prices',
        scenario: 'ai-bubble,protectionism,geopolitical',
        lang: 'en',
      },
      NOW,
    );

  it('ai-bubble: KRW −10%, NVDA −60%, TSM −45%, CEG −35%, defense +5%, physical-ai −25%, emerging −20%', async () => {
    const doc = await run();
    expect(doc.total).toBeCloseTo(14_000_000, 6);
    const s = scenario(doc, 'ai-bubble');
    expect(s.kind).toBe('hypothetical');
    // NVDA: 1,400,000 × (1 − 0.4 / 0.9) = 777,777.78; TSM: × (1 − 0.55 / 0.9) = 544,444.44;
    // CEG: × (1 − 0.65 / 0.9) = 388,888.89; LMT: × (1 − 1.05 / 0.9) = −233,333.33; USD cash: × (1 − 1 / 0.9) = −155,555.56
    expect(lossOf(s, 'NVDA')).toBeCloseTo(1_400_000 * (1 - 0.4 / 0.9), 4);
    expect(lossOf(s, 'TSM')).toBeCloseTo(544_444.4444, 3);
    expect(lossOf(s, 'CEG')).toBeCloseTo(388_888.8889, 3);
    expect(lossOf(s, 'LMT')).toBeCloseTo(-233_333.3333, 3);
    // Won assets: 005930.KS −30% → 300,000; 005380.KS physical-ai −25% → 500,000; 069500.KS emerging −20% → 600,000.
    expect(lossOf(s, '005930.KS')).toBeCloseTo(300_000, 4);
    expect(lossOf(s, '005380.KS')).toBeCloseTo(500_000, 4);
    expect(lossOf(s, '069500.KS')).toBeCloseTo(600_000, 4);
    // Dollar side 7,000,000 − 1,400,000 × (0.4 + 0.55 + 0.65 + 1.05 + 1) / 0.9 = 1,322,222.22; won side 1,400,000.
    // Loss 2,722,222.22 = 19.444% of 14,000,000.
    expect(s.loss).toBeCloseTo(2_722_222.2222, 3);
    expect(s.lossPct).toBeCloseTo(2_722_222.2222 / 14_000_000, 9);
    expect(s.worst.map((w) => w.symbol)).toEqual(['NVDA', '069500.KS', 'TSM', '005380.KS', 'CEG']);
    expect(s.worst[0]?.rule).toBe('instrument');
    expect(s.worst[0]?.rationale).toMatch(/62\.7%/);
    expect(s.sources.length).toBeGreaterThan(5);
  });

  it('protectionism: KRW −8%, NVDA −30%, TSM −25%, US energy 0%, KR physical-ai −25%, KR emerging −20%', async () => {
    const s = scenario(await run(), 'protectionism');
    // Dollar side: 7,000,000 − 1,400,000 × (0.7 + 0.75 + 1 + 1.05 + 1) / 0.92 = 7,000,000 − 6,847,826.09 = 152,173.91.
    // Won side: 005930.KS −25% 250,000 + 005380.KS 500,000 + 069500.KS 600,000 = 1,350,000. Loss 1,502,173.91.
    expect(lossOf(s, 'CEG')).toBeCloseTo(1_400_000 * (1 - 1 / 0.92), 4);
    expect(s.positions.find((p) => p.symbol === 'CEG')?.rule).toBe('sleeve+country');
    expect(s.positions.find((p) => p.symbol === '005380.KS')?.rule).toBe('sleeve+country');
    expect(s.loss).toBeCloseTo(1_502_173.913, 2);
    expect(s.lossPct).toBeCloseTo(1_502_173.913 / 14_000_000, 8);
  });

  it('geopolitical: KRW −15%, TSM −50%, NVDA −35%, CEG +15%, defense +15%, KR physical-ai −25%, KR emerging −20%', async () => {
    const s = scenario(await run(), 'geopolitical');
    // Dollar side: 7,000,000 − 1,400,000 × (0.65 + 0.5 + 1.15 + 1.15 + 1) / 0.85 = 7,000,000 − 7,329,411.76 = −329,411.76.
    // Won side: 250,000 + 500,000 + 600,000 = 1,350,000. Loss 1,020,588.24 = 7.29%.
    expect(lossOf(s, 'TSM')).toBeCloseTo(1_400_000 * (1 - 0.5 / 0.85), 4);
    expect(s.loss).toBeCloseTo(1_020_588.2353, 3);
    expect(s.lossPct).toBeCloseTo(1_020_588.2353 / 14_000_000, 9);
    // By sleeve: defense is LMT alone: 1,400,000 × (1 − 1.15 / 0.85) = −494,117.65.
    const defense = s.bySleeve.find((b) => b.id === 'defense');
    expect(defense?.loss).toBeCloseTo(-494_117.647, 2);
    expect(defense?.lossPct).toBeCloseTo(1 - 1.15 / 0.85, 9);
  });

  it('reads a user scenario file and warns about holdings it does not shock', async () => {
    const doc = await runStressCommand(
      ['test/fixtures/stress/hand.csv'],
      {
        base: 'KRW',
        asOf: '2026-05-29',
        prices: 'test/fixtures/stress/prices',
        scenario: 'test/fixtures/stress/user-scenario.json',
        lang: 'en',
      },
      NOW,
    );
    const s = scenario(doc, 'korea-discount');
    // Dollar side (NVDA, TSM, CEG, LMT, cash: 7,000,000) × (1 − 1 / 0.8) = −1,750,000;
    // Korean equities (1,000,000 + 2,000,000 + 3,000,000) × 0.1 = 600,000. Loss −1,150,000 (a gain for a won investor).
    expect(s.loss).toBeCloseTo(-1_150_000, 4);
    expect(s.unshocked).toEqual(['NVDA', 'TSM', 'CEG', 'LMT']);
    expect(doc.warnings.some((w) => w.code === 'stress-unshocked')).toBe(true);
    expect(doc.scenarios.map((x) => x.id)).toEqual(['korea-discount']);
  });
});

/*
 * test/fixtures/stress/replay.csv, base KRW, as of 2026-05-29, bundled data only. USD→KRW on the as-of date is the
 * April 2026 monthly average 1,483.7977 (fx/monthly/USDKRW.csv; the daily file ends 2026-03-27 at 1,509.86, and the
 * April average is known from 2026-04-30, later).
 *   NVDA 10 × 211.13999938964844 (prices/NVDA.csv 2026-05-29) × 1,483.7977
 *   005930.KS 5 × 317,000 (prices/005930.KS.csv 2026-05-29) = 1,585,000
 *   CEG 2 × 287.75 (prices/CEG.csv 2026-05-29) × 1,483.7977
 *   META 1 × 632.510009765625 (prices/META.csv 2026-05-29) × 1,483.7977
 *   KRW cash 1,000,000; USD cash 500 × 1,483.7977
 *   Total 8,252,231.77879083 KRW.
 * loss_i = value_i × (1 − (1 + price return) × (1 + FX move)). Computed with this script (python3):
 *   fx=1483.7977; v={NVDA: 10*211.13999938964844*fx, 005930.KS: 5*317000, CEG: 2*287.75*fx, META: 632.510009765625*fx,
 *      KRW: 1e6, USD: 500*fx}
 *   loss = {k: v[k]*(1-(1+r[k])*(1+(0 if k in (005930.KS, KRW) else f)))}
 */
describe('stress: historical replays against the bundled price files', () => {
  const run = () =>
    runStressCommand(
      ['test/fixtures/stress/replay.csv'],
      { base: 'KRW', asOf: '2026-05-29', scenario: 'covid,rates-2022', lang: 'en' },
      NOW,
    );

  it('COVID crash 2020-02-19 → 2020-03-23', async () => {
    const doc = await run();
    expect(doc.total).toBeCloseTo(8_252_231.77879083, 5);
    const s = scenario(doc, 'covid');
    expect(s.kind).toBe('historical');
    expect(s.window).toEqual({ from: '2020-02-19', to: '2020-03-23' });
    // NVDA 7.867499828338623 → 5.317249774932861 (prices/NVDA.csv); USDKRW 1,191.10 → 1,267.25 (fx/daily/USDKRW.csv).
    const nvda = s.positions.find((p) => p.symbol === 'NVDA');
    expect(nvda?.priceMove).toBeCloseTo(5.317249774932861 / 7.867499828338623 - 1, 12);
    expect(nvda?.fxMove).toBeCloseTo(1267.25 / 1191.1 - 1, 12);
    expect(nvda?.loss).toBeCloseTo(880_158.060660495, 4);
    // 005930.KS 60,200 → 42,500 (prices/005930.KS.csv), no FX for a won holding.
    expect(lossOf(s, '005930.KS')).toBeCloseTo(466_021.59468438535, 4);
    // CEG lists 2022-01-19: replayed with NEE (first energy backtest proxy) 68.6675033569336 → 45.415000915527344.
    expect(lossOf(s, 'CEG')).toBeCloseTo(253_053.29988923908, 4);
    expect(s.proxies).toEqual([{ symbol: 'CEG', proxy: 'NEE', sleeve: 'energy', reason: 'no-history' }]);
    // META 217.49000549316406 → 148.10000610351562 (prices/META.csv).
    expect(lossOf(s, 'META')).toBeCloseTo(258_574.7796043583, 4);
    // Cash: won 0; dollars gain with the dollar: −47,431.45.
    expect(s.positions.filter((p) => p.symbol === 'CASH').map((p) => p.loss)).toEqual([
      0,
      expect.closeTo(-47_431.44776047362, 4),
    ]);
    expect(s.loss).toBeCloseTo(1_810_376.2870780039, 4);
    expect(s.lossPct).toBeCloseTo(0.21938020351426338, 10);
  });

  it('2022 rate shock 2022-01-03 → 2022-10-12', async () => {
    const s = scenario(await run(), 'rates-2022');
    // NVDA 30.121000289916992 → 11.5; USDKRW 1,191.39 → 1,423.81.
    expect(lossOf(s, 'NVDA')).toBeCloseTo(1_703_431.3080154092, 4);
    // 005930.KS has no 2022-01-03 row: the close on or before it is 2021-12-30, 78,300 → 55,800 on 2022-10-12.
    expect(lossOf(s, '005930.KS')).toBeCloseTo(455_459.7701149425, 4);
    // CEG → NEE 91.66000366210938 → 72.75. META 338.5400085449219 → 127.5.
    expect(lossOf(s, 'CEG')).toBeCloseTo(43_951.2799624765, 4);
    expect(lossOf(s, 'META')).toBeCloseTo(516_100.8890762566, 4);
    expect(s.loss).toBeCloseTo(2_574_211.3535683327, 4);
    expect(s.lossPct).toBeCloseTo(0.31194123269590507, 10);
  });

  it('a --window the user gives is replayed the same way', async () => {
    const doc = await runStressCommand(
      ['test/fixtures/stress/replay.csv'],
      { base: 'KRW', asOf: '2026-05-29', window: ['2020-02-19:2020-03-23'], lang: 'en' },
      NOW,
    );
    expect(doc.scenarios.map((s) => s.id)).toEqual(['2020-02-19:2020-03-23']);
    expect(doc.scenarios[0]?.loss).toBeCloseTo(1_810_376.2870780039, 4);
    expect(doc.scenarios[0]?.name).toBe('Your window 2020-02-19 to 2020-03-23');
  });

  it('runs all three scenarios and four windows by default, with risk figures over three years', async () => {
    const doc = await runStressCommand(
      ['test/fixtures/stress/replay.csv'],
      { base: 'KRW', asOf: '2026-05-29', lang: 'en' },
      NOW,
    );
    expect(doc.scenarios.map((s) => s.id)).toEqual([
      'ai-bubble',
      'protectionism',
      'geopolitical',
      'dotcom',
      'gfc',
      'covid',
      'rates-2022',
    ]);
    // GFC: META (listed 2012) is outside the model's sleeves: SPY stands in.
    expect(scenario(doc, 'gfc').proxies).toContainEqual({
      symbol: 'META',
      proxy: 'SPY',
      sleeve: 'mag7-other',
      reason: 'no-history',
    });
    expect(doc.risk?.requestedFrom).toBe('2023-05-29');
    expect(doc.risk?.shortened).toBe(false);
    // Euler contributions add up to the whole variance.
    expect(doc.risk?.sleeves.reduce((a, s) => a + s.contribution, 0)).toBeCloseTo(1, 10);
    expect(doc.warnings.some((w) => w.code === 'risk-monthly-fx')).toBe(true);
  });
});

/*
 * A holdings file's own prices price a listing nothing fresher prices, in stress as in check and rebalance.
 * test/fixtures/import/formats/hanwha.csv (현재가, no date: taken as of the as-of day), base KRW, no bundled close:
 *   064350.KS (현대로템) 8 × 155,000 = 1,240,000; 079550.KS (LIG넥스원) 3 × 265,000 = 795,000. Total 2,035,000 KRW.
 */
describe('stress: the files own prices', () => {
  it('prices a listing from the file (현재가) when no series has it, with a file-price warning', async () => {
    const doc = await runStressCommand(
      ['test/fixtures/import/formats/hanwha.csv'],
      { base: 'KRW', asOf: '2026-05-29', scenario: 'ai-bubble', lang: 'en' },
      NOW,
    );
    expect(doc.total).toBeCloseTo(2_035_000, 6);
    const values = Object.fromEntries(scenario(doc, 'ai-bubble').positions.map((p) => [p.symbol, p.value]));
    expect(values).toEqual({ '064350.KS': 1_240_000, '079550.KS': 795_000 });
    expect(doc.warnings.filter((w) => w.code === 'file-price').map((w) => w.symbol)).toEqual([
      '064350.KS',
      '079550.KS',
    ]);
  });
});

describe('stress: bad input', () => {
  const cli = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'src/cli/main.ts', 'stress', ...args], { encoding: 'utf8' });

  it('rejects a malformed --window with exit 2 and one line', () => {
    const r = cli(
      'examples/sample-holdings.csv',
      '--window',
      '2020-03-23:2020-02-19',
      '--as-of',
      '2026-05-29',
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--window 2020-03-23:2020-02-19 is not a window; expected FROM:TO/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('names the file and the JSON path of a bad scenario', () => {
    const r = cli('examples/sample-holdings.csv', '--scenario', 'test/fixtures/stress/bad/no-rationale.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /test\/fixtures\/stress\/bad\/no-rationale\.json: scenario file: shocks\.0\.rationale/,
    );
  });
});
