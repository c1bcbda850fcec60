import { describe, expect, it } from 'vitest';
import { checkPortfolio } from '../../core/check.ts';
import { toDay } from '../../core/dates.ts';
import type { Holding } from '../../core/holdings.ts';
import { loadMarketData } from '../market-data/load.ts';
import { readLookThrough } from './lookthrough-file.ts';
import { loadModel } from './model-file.ts';
import { BUNDLED_UNIVERSE, loadUniverse, readInstruments } from './universe-file.ts';

const F = 'test/fixtures/lookthrough';
const o = { file: 'h.csv', line: 2 };
const sec = (symbol: string, quantity: number): Holding => ({
  kind: 'security',
  account: 'A',
  symbol,
  quantity,
  origin: o,
});

describe('bundled look-through, end to end through check', () => {
  const model = loadModel('great-dispersion-2026');
  const asOf = toDay('2026-05-29');
  const market = loadMarketData({ symbols: ['QQQ', 'SPY', 'NVDA'] });

  it('a portfolio of QQQ alone reports the Mag7 share of its holdings file, with the date', () => {
    // Invesco's QQQ file (major/index-etfs qqq.csv @ 53a5efaf, 2025-10-04): NVDA 9.921 + MSFT 8.286 + AAPL 8.248 +
    // AMZN 5.127 + TSLA 3.435 + META 3.409 + GOOGL 3.089 + GOOG 2.892 = 44.407%. Published Mag7 shares of the
    // Nasdaq-100 at the time were in the low to mid 40s.
    const r = checkPortfolio({
      holdings: [sec('QQQ', 10)],
      universe: loadUniverse(),
      market,
      model,
      base: 'USD',
      asOf,
    });
    const mag7 = r.checks.find((c) => c.id === 'mag7-max');
    expect(mag7?.value).toBeCloseTo(0.44407, 10);
    expect(mag7?.through?.map((t) => [t.fund, t.asOf])).toEqual([['QQQ', '2025-10-04']]);
    expect(r.warnings.some((w) => w.code === 'no-look-through')).toBe(false);
  });

  it('SPY + QQQ + NVDA counts both funds’ share and the direct holding', () => {
    // SPY's file (State Street, major/index-etfs spy.csv @ 53a5efaf): NVDA 8.045562 + MSFT 6.692083 + AAPL 6.661228 +
    // AMZN 3.767957 + META 2.752727 + GOOGL 2.494787 + TSLA 2.135683 + GOOG 2.008794 = 34.558821%. The portfolio's
    // Mag7 = (SPY value × 34.558821% + QQQ value × 44.407% + NVDA value) / total, values from the bundled closes.
    const universe = loadUniverse();
    const spy = universe.lookThrough.get('SPY');
    const qqq = universe.lookThrough.get('QQQ');
    const mag7Of = (f: typeof spy) =>
      (f?.holdings ?? [])
        .filter((h) => universe.instruments.get(h.symbol)?.mag7)
        .reduce((s, h) => s + h.weight, 0);
    const r = checkPortfolio({
      holdings: [sec('SPY', 4), sec('QQQ', 3), sec('NVDA', 10)],
      universe,
      market,
      model,
      base: 'USD',
      asOf,
    });
    const value = (s: string) => r.positions.find((p) => p.symbol === s)?.value ?? 0;
    const expected = (value('SPY') * mag7Of(spy) + value('QQQ') * mag7Of(qqq) + value('NVDA')) / r.total;
    expect(mag7Of(spy)).toBeCloseTo(0.34558821, 10);
    expect(mag7Of(qqq)).toBeCloseTo(0.44407, 10);
    expect(r.checks.find((c) => c.id === 'mag7-max')?.value).toBeCloseTo(expected, 12);
    expect(r.exposures.mag7Through.map((t) => t.fund).sort()).toEqual(['QQQ', 'SPY']);
    expect(r.exposures.mag7Direct).toBeCloseTo(value('NVDA') / r.total, 12);
  });

  it('every bundled fund is a fund of the universe, dated and sourced, its weights summing to at most 100%', () => {
    const universe = loadUniverse();
    expect(universe.lookThrough.size).toBeGreaterThanOrEqual(18);
    for (const f of universe.lookThrough.values()) {
      expect(universe.instruments.get(f.fund)?.type).toBe('etf');
      expect(f.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.source.length).toBeGreaterThan(10);
      expect(f.holdings.reduce((s, h) => s + h.weight, 0)).toBeLessThanOrEqual(1);
    }
  });
});

describe('user look-through files', () => {
  const instruments = readInstruments(BUNDLED_UNIVERSE);

  it('adds a fund, resolving its symbols case-insensitively', () => {
    const [vt] = readLookThrough(`${F}/vt.json`, instruments);
    expect(vt?.fund).toBe('VT');
    expect(vt?.holdings).toEqual([
      { symbol: 'NVDA', weight: 0.04 },
      { symbol: 'AAPL', weight: 0.035 },
    ]);
    expect(vt?.countries).toEqual({ US: 0.6, unknown: 0.4 });
    expect(loadUniverse(undefined, `${F}/vt.json`).lookThrough.get('VT')?.source).toBe('test fixture');
  });

  it('refuses a name the universe does not know, naming the JSON path', () => {
    expect(() => readLookThrough(`${F}/unknown-symbol.json`, instruments)).toThrow(
      'look-through file: funds.0.holdings.1.symbol: Apple is not in the instrument universe',
    );
  });

  it('refuses holdings adding up to more than 100%, and a percentage out of range', () => {
    expect(() => readLookThrough(`${F}/over-100.json`, instruments)).toThrow(
      'look-through file: funds.0.holdings: the holdings add up to 110%',
    );
    expect(() => readLookThrough(`${F}/bad-pct.json`, instruments)).toThrow(
      'look-through file: funds.0.holdings.0.pct: expected a percentage from 0 to 100',
    );
  });
});
