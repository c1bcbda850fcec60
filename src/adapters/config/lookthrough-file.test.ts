import { describe, expect, it } from 'vitest';
import { marketOf } from '../../../test/support/market.ts';
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
    expect(universe.lookThrough.size).toBeGreaterThanOrEqual(20);
    for (const f of universe.lookThrough.values()) {
      expect(universe.instruments.get(f.fund)?.type).toBe('etf');
      expect(f.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.source.length).toBeGreaterThan(10);
      expect(f.holdings.reduce((s, h) => s + h.weight, 0)).toBeLessThanOrEqual(1);
    }
  });
});

describe('bundled look-through: VT and ACE 미국빅테크TOP7 Plus', () => {
  const model = loadModel('great-dispersion-2026');
  const asOf = toDay('2026-05-29');
  // One fund alone, priced by the test (the value cancels: every share below is a fraction of that one fund).
  const alone = (symbol: string, currency: 'USD' | 'KRW', price: number) =>
    checkPortfolio({
      holdings: [sec(symbol, 10)],
      universe: loadUniverse(),
      market: marketOf({ prices: { [symbol]: [['2026-05-29', price]] } }),
      model,
      base: currency,
      asOf,
    });
  const weights = (r: ReturnType<typeof alone>) => new Map(r.sleeves.map((s) => [s.id, s.weight]));

  it('100% VT is the Mag7 share of its fact sheet’s ten largest holdings, dated 2025-06-30', () => {
    // Vanguard fact sheet, June 30, 2025: NVDA 3.9 + MSFT 3.9 + AAPL 3.2 + AMZN 2.2 + Alphabet 2.0 + META 1.7 +
    // TSLA 0.9 = 17.8% Mag7. Sleeves: mag7-selected NVDA + TSLA = 4.8%; mag7-other 3.9 + 3.2 + 2.2 + 2.0 + 1.7 =
    // 13.0%; emerging TSMC 0.9%; other AVGO 1.3% + the unnamed rest 100 − 20.0 = 80.0% → 81.3%.
    const r = alone('VT', 'USD', 130);
    const mag7 = r.checks.find((c) => c.id === 'mag7-max');
    expect(mag7?.value).toBeCloseTo(0.178, 12);
    expect(mag7?.through).toEqual([
      {
        fund: 'VT',
        weight: expect.closeTo(0.178, 12),
        value: expect.closeTo(1300 * 0.178, 9),
        asOf: '2025-06-30',
      },
    ]);
    expect(r.warnings.some((w) => w.code === 'no-look-through')).toBe(false);
    const w = weights(r);
    expect(w.get('mag7-selected')).toBeCloseTo(0.048, 12);
    expect(w.get('mag7-other')).toBeCloseTo(0.13, 12);
    expect(w.get('emerging')).toBeCloseTo(0.009, 12);
    expect(w.get('other')).toBeCloseTo(0.813, 12);
    // Markets: US 62.8, JP 5.6, GB 3.4, CN 3.2, CA 2.8, FR 2.3, IN 2.2, DE 2.2, CH 2.0, TW 2.0 (88.5), unknown 11.5.
    // Korea + Japan + India = 0 + 5.6 + 2.2 = 7.8%.
    const c = new Map(r.countries.map((x) => [x.id, x.weight]));
    expect(c.get('US')).toBeCloseTo(0.628, 12);
    expect(c.get('unknown')).toBeCloseTo(0.115, 12);
    expect(r.checks.find((x) => x.id === 'regional-diversification')?.value).toBeCloseTo(0.078, 12);
  });

  it('100% ACE 미국빅테크TOP7 Plus is 95% Mag7 by its index rule at the 2025-02-06 rebalance, all US', () => {
    // Ranks 1–5 (NVDA, AAPL, MSFT, AMZN, GOOGL) 15% each = 75%, ranks 6–7 (META, TSLA) 10% each = 20%: 95% Mag7.
    // Sleeves: mag7-selected NVDA 15 + TSLA 10 = 25%; mag7-other AAPL, MSFT, AMZN, GOOGL 4 × 15 = 60% + META 10% =
    // 70%; other AVGO 1.667 + TMUS 1.667 + the unnamed rest 1.666 = 5%.
    const r = alone('465580.KS', 'KRW', 20_000);
    const mag7 = r.checks.find((c) => c.id === 'mag7-max');
    expect(mag7?.value).toBeCloseTo(0.95, 12);
    expect(mag7?.pass).toBe(false);
    expect(mag7?.through?.map((t) => [t.fund, t.asOf])).toEqual([['465580.KS', '2025-02-06']]);
    const w = weights(r);
    expect(w.get('mag7-selected')).toBeCloseTo(0.25, 12);
    expect(w.get('mag7-other')).toBeCloseTo(0.7, 12);
    expect(w.get('other')).toBeCloseTo(0.05, 12);
    expect(r.countries.map((x) => [x.id, x.weight])).toEqual([['US', 1]]);
    expect(r.warnings.some((x) => x.code === 'no-look-through')).toBe(false);
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
