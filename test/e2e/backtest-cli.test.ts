/**
 * `dispersion backtest` end to end: the hand fixture through a user price folder, the bundled data against a published
 * figure, and the command line's errors and CSV output.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBacktestCommand } from '../../src/app/backtest.ts';
import { renderBacktestText } from '../../src/cli/render/backtest-text.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const FIXTURE = 'test/fixtures/backtest/three-assets';

describe('backtest: the 3-asset fixture from a --prices folder', () => {
  it('monthly 50/30/20 price-only ends at 11,313.11 (src/core/backtest/engine.test.ts has the arithmetic)', async () => {
    const doc = await runBacktestCommand(
      {
        weights: 'AAA=0.5,BBB=0.3,CCC=0.2',
        benchmark: 'AAA',
        priceOnly: true,
        prices: FIXTURE,
        initial: '10000',
      },
      NOW,
      { curves: true },
    );
    expect(doc.from).toBe('2024-01-02');
    expect(doc.to).toBe('2024-03-28');
    expect(doc.final).toBeCloseTo(11_313.11, 8);
    expect(doc.rebalances).toBe(2);
    // AAA alone: 100 shares bought at 100, worth 118.8 each at the end.
    expect(doc.benchmarks[0]?.final).toBeCloseTo(11_880, 8);
    // Symbols known only from the price folder are taken to be in the base currency, with a warning.
    expect(doc.warnings.filter((w) => w.code === 'currency-assumed').map((w) => w.symbol)).toEqual([
      'AAA',
      'BBB',
      'CCC',
    ]);
    expect(doc.curves?.days.length).toBe(61);
    expect(doc.curves?.series[0]?.equity[doc.curves.days.indexOf('2024-03-01')]).toBeCloseTo(10_379, 8);
  });
});

describe('backtest: bundled data', () => {
  it('SPY in 2019 with dividends reinvested is within 0.2 points of its published 31.2% total return', async () => {
    const doc = await runBacktestCommand(
      { weights: 'SPY=1', benchmark: 'none', from: '2018-12-31', to: '2019-12-31' },
      NOW,
    );
    expect(doc.stats.totalReturn).toBeGreaterThan(0.31);
    expect(doc.stats.totalReturn).toBeLessThan(0.314);
    // Price only: 321.86 / 249.92 − 1 = 28.8% (the closes of 2019-12-31 and 2018-12-31 in data/market/prices/SPY.csv).
    const price = await runBacktestCommand(
      { weights: 'SPY=1', benchmark: 'none', from: '2018-12-31', to: '2019-12-31', priceOnly: true },
      NOW,
    );
    expect(price.stats.totalReturn).toBeCloseTo(
      closeOn('SPY', '2019-12-31') / closeOn('SPY', '2018-12-31') - 1,
      12,
    );
  });

  it('the model against the three default benchmarks lists its stand-ins', async () => {
    const doc = await runBacktestCommand({}, NOW);
    expect(doc.portfolio.id).toBe('great-dispersion-2026');
    expect(doc.benchmarks.map((b) => b.id)).toEqual(['SPY', 'QQQ', 'model:mag7-concentrated']);
    expect(doc.proxies.map((p) => p.symbol)).toContain('005930.KS');
    // 5% cash-bonds sleeve: the rest is invested.
    expect(doc.portfolio.cash).toBeCloseTo(0.05, 12);
    // VRT's first close as Vertiv: its earlier closes are the SPAC shell's (data/market/listing-starts.json).
    expect(doc.from).toBe('2020-02-10');
    expect(doc.warnings.find((w) => w.code === 'listing-start')).toMatchObject({
      symbol: 'VRT',
      date: '2020-02-10',
    });
  });

  it('says the picks were made with hindsight, and splits the lead over SPY (issue 11 item 16)', async () => {
    const doc = await runBacktestCommand({ lang: 'en' }, NOW);
    expect(doc.hindsight?.caveat).toMatch(/^Hindsight: the model’s backtest names and stand-ins/);
    const d = doc.hindsight?.decomposition;
    if (!d) throw new Error('expected a decomposition');
    // The variant holds NVDA and TSLA at 12.5% each (the selected-Mag7 sleeve, 25% × 0.5) and SPY at the other 70%.
    expect(d.weights).toEqual([
      { symbol: 'NVDA', weight: 0.125 },
      { symbol: 'TSLA', weight: 0.125 },
      { symbol: 'SPY', weight: 0.7 },
    ]);
    expect(d.selectedWeight).toBeCloseTo(0.25, 12);
    // The model's and SPY's CAGRs are the main run's own; the parts add up to the lead.
    expect(d.cagr.model).toBe(doc.stats.cagr);
    expect(d.cagr.spy).toBeCloseTo(doc.benchmarks.find((b) => b.id === 'SPY')?.stats.cagr as number, 12);
    expect(d.fromSelectedMag7 + d.fromPicks).toBeCloseTo(d.lead, 12);
    // The variant, rerun by hand as --weights over the same days, gives the same CAGR.
    const byHand = await runBacktestCommand(
      { weights: 'NVDA=0.125,TSLA=0.125,SPY=0.7', from: doc.from, to: doc.to, benchmark: 'none' },
      NOW,
    );
    expect(d.cagr.mag7PlusSpy).toBeCloseTo(byHand.stats.cagr, 12);
    expect(byHand.hindsight).toBeNull(); // your own weights: no model picks to caveat
    expect(d.message).toMatch(
      /^Of the lead over SPY \(\+[\d.]+ pts of CAGR\), \+[\d.]+ pts comes with NVDA\+TSLA \(25%\)/,
    );
  });
});

function closeOn(symbol: string, date: string): number {
  const line = readFileSync(`data/market/prices/${symbol}.csv`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${date},`));
  return Number(line?.split(',')[1]);
}

describe('backtest: the command line', () => {
  const cli = (args: string[]) =>
    spawnSync('npx', ['tsx', 'src/cli/main.ts', 'backtest', ...args], { encoding: 'utf8' });

  it('writes the daily curve to CSV and refuses to overwrite it without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispersion-bt-'));
    const file = join(dir, 'curve.csv');
    const args = [
      '--weights',
      'AAA=1',
      '--prices',
      FIXTURE,
      '--benchmark',
      'BBB',
      '--price-only',
      '--csv',
      file,
    ];
    expect(cli(args).status).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('"date","weights","BBB"'); // header cells quoted (issue 11 item 13)
    // 10,000 in AAA at 100 = 100 shares; 10,000 in BBB at 50 = 200 shares. Last day: 11,880 and 11,880.
    expect(lines[lines.length - 1]).toBe('2024-03-28,11880.000000,11880.000000');
    writeFileSync(file, 'keep me');
    const again = cli(args);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(cli([...args, '--force']).status).toBe(0);
  });

  it('bad options end with one line and exit 2', () => {
    const r = cli(['--rebalance', 'weekly']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--rebalance weekly is not understood/);
    const early = cli(['--from', '2010-01-04']);
    expect(early.status).toBe(2);
    expect(early.stderr).toMatch(/before the first close of VRT \(2020-02-10\)/);
  });

  it('--policy dispersion: needs a model and a schedule, and names the policy it does not know (exit 2)', () => {
    const w = cli(['--policy', 'dispersion', '--weights', 'SPY=1']);
    expect(w.status).toBe(2);
    expect(w.stderr).toMatch(/--policy dispersion rebalances a model, and --weights gives none/);
    const none = cli(['--policy', 'dispersion', '--rebalance', 'none']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--rebalance none gives none/);
    const odd = cli(['--policy', 'momentum']);
    expect(odd.status).toBe(2);
    expect(odd.stderr).toMatch(/--policy momentum is not understood/);
  });
});

describe('backtest --policy dispersion (bundled data)', () => {
  it('rebalances each month with the rebalancer: 11 rebalancing days in 2024 after the first purchase, said in the report', async () => {
    const o = { from: '2024-01-02', to: '2024-12-31', benchmark: 'SPY' };
    const doc = await runBacktestCommand({ ...o, policy: 'dispersion' }, NOW);
    const weights = await runBacktestCommand(o, NOW);
    expect(doc.settings.policy).toBe('dispersion');
    expect(weights.settings.policy).toBe('weights');
    // First trading days of February … December.
    expect(doc.rebalances).toBe(11);
    // The same days and closes, other trades: the two runs end apart, the benchmark does not.
    expect(doc.benchmarks[0]?.final).toBeCloseTo(weights.benchmarks[0]?.final ?? 0, 6);
    expect(Math.abs(doc.final - weights.final)).toBeGreaterThan(1);
    expect(renderBacktestText(doc, 'en')).toContain('rebalanced monthly by the dispersion rebalancer');
    expect(renderBacktestText(doc, 'ko')).toContain('대분산 리밸런서로 매월 리밸런싱');
    expect(renderBacktestText(weights, 'en')).not.toContain('dispersion rebalancer');
  });
});
