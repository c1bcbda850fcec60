import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { toDay } from '../../core/dates.ts';
import type { MarketData } from '../../core/market.ts';
import { lastDay, onOrBefore } from '../../core/series.ts';
import { defaultBundledDir, listBundledSymbols, loadMarketData, loadRates } from './load.ts';
import { readSeriesFile } from './series-file.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const BUNDLED = join(FIXTURES, 'market/bundled');
const USER = join(FIXTURES, 'market/user');

function close(m: MarketData, symbol: string, date: string): number | undefined {
  const series = m.prices.get(symbol);
  return series && onOrBefore(series, toDay(date))?.value;
}

describe('loadMarketData on the fixture dataset', () => {
  it('loads prices, dividends (an empty file gives an empty series) and FX with kinds, daily first', () => {
    const m = loadMarketData({ bundledDir: BUNDLED });
    expect([...m.prices.keys()].sort()).toEqual(['AAA', 'BBB.KS']);
    const aaa = m.prices.get('AAA');
    expect(aaa?.source).toBe('bundled:prices/AAA.csv');
    expect(aaa?.currency).toBeUndefined(); // the universe decides a listing's currency
    expect(Array.from(m.dividends.get('AAA')?.values ?? [])).toEqual([0.25]);
    expect(m.dividends.get('BBB.KS')?.days.length).toBe(0);

    expect([...m.fx.keys()].sort()).toEqual(['USDEUR', 'USDJPY', 'USDKRW']);
    const krw = m.fx.get('USDKRW') ?? [];
    expect(krw.map((s) => [s.kind, s.base, s.quote, s.source])).toEqual([
      ['daily', 'USD', 'KRW', 'bundled:fx/daily/USDKRW.csv'],
      ['monthly-average', 'USD', 'KRW', 'bundled:fx/monthly/USDKRW.csv'],
    ]);
    expect(m.fx.get('USDEUR')?.map((s) => s.kind)).toEqual(['monthly-average']);
  });

  it('reads only the requested symbols (FX always)', () => {
    const m = loadMarketData({ bundledDir: BUNDLED, symbols: ['BBB.KS', 'ZZZ'] });
    expect([...m.prices.keys()]).toEqual(['BBB.KS']);
    expect([...m.dividends.keys()]).toEqual(['BBB.KS']);
    expect(m.fx.size).toBe(3);
  });

  it('lists bundled symbols from the prices folder', () => {
    expect(listBundledSymbols(BUNDLED)).toEqual(['AAA', 'BBB.KS']);
  });

  it('loads the T-bill rates, where 0.00 is a valid rate', () => {
    const r = loadRates(BUNDLED);
    expect(Array.from(r.daily.values)).toEqual([3.6, 0]);
    expect(Array.from(r.monthly.values)).toEqual([3.7, 3.58]);
    expect(r.daily.source).toBe('bundled:rates/DTB3_daily.csv');
  });
});

describe('loadMarketData with a user price directory', () => {
  const m = loadMarketData({ bundledDir: BUNDLED, userDir: USER });

  it('replaces a bundled symbol with the whole user series', () => {
    const aaa = m.prices.get('AAA');
    expect(aaa?.source).toBe(`user:${join(USER, 'AAA.csv')}`);
    expect(Array.from(aaa?.values ?? [])).toEqual([110]);
    // The bundled rows are gone, not merged: 2026-01-09 has no price now.
    expect(aaa && onOrBefore(aaa, toDay('2026-01-09'))).toBeUndefined();
  });

  it('adds new symbols named by the file (extra columns ignored) and ignores non-CSV files', () => {
    expect(Array.from(m.prices.get('CCC.DE')?.values ?? [])).toEqual([10.5]);
    expect([...m.prices.keys()].sort()).toEqual(['AAA', 'BBB.KS', 'CCC.DE']);
  });

  it("puts the user's FX series first, as daily, and adds new pairs", () => {
    const krw = m.fx.get('USDKRW') ?? [];
    expect(krw.map((s) => s.source)).toEqual([
      `user:${join(USER, 'fx/USDKRW.csv')}`,
      'bundled:fx/daily/USDKRW.csv',
      'bundled:fx/monthly/USDKRW.csv',
    ]);
    const eur = m.fx.get('EURUSD') ?? [];
    expect(eur.map((s) => [s.base, s.quote, s.kind])).toEqual([['EUR', 'USD', 'daily']]);
  });

  it('skips user files for symbols that were not asked for', () => {
    const only = loadMarketData({ bundledDir: BUNDLED, userDir: USER, symbols: ['BBB.KS'] });
    expect([...only.prices.keys()]).toEqual(['BBB.KS']);
    expect(only.fx.get('EURUSD')).toBeDefined();
  });

  it('reads the shared prices-user fixture: SIE.DE (EUR), ABBN.SW (CHF), 6954.T (JPY) and FX', () => {
    const u = loadMarketData({ bundledDir: BUNDLED, userDir: join(FIXTURES, 'prices-user') });
    expect(close(u, 'SIE.DE', '2026-05-29')).toBe(217.85);
    expect(close(u, 'ABBN.SW', '2026-05-29')).toBe(53.12);
    expect(close(u, '6954.T', '2026-05-29')).toBe(4071); // from the file's third column: close, not open
    expect(close(u, '6954.T', '2026-05-25')).toBeUndefined();
    expect(u.fx.get('EURUSD')?.[0]?.values[3]).toBe(1.1583);
    expect(u.fx.get('USDCHF')?.[0]?.values[0]).toBe(0.7885);
  });

  it('refuses a missing user directory', () => {
    const dir = join(FIXTURES, 'market/no-such-dir');
    expect(problemOf(() => loadMarketData({ bundledDir: BUNDLED, userDir: dir }))).toMatchObject({
      file: dir,
      message: 'price directory not found',
    });
  });

  it('refuses a file whose name is not a symbol, even when that symbol is not needed', () => {
    const dir = join(FIXTURES, 'market/user-bad-symbol');
    const p = problemOf(() => loadMarketData({ bundledDir: BUNDLED, userDir: dir, symbols: ['AAA'] }));
    expect(p.file).toBe(join(dir, 'my prices.csv'));
    expect(p.message).toContain('not a plausible symbol');
  });

  it('refuses an FX file not named after two ISO currency codes', () => {
    const dir = join(FIXTURES, 'market/user-bad-fx');
    const p = problemOf(() => loadMarketData({ bundledDir: BUNDLED, userDir: dir }));
    expect(p.file).toBe(join(dir, 'fx/EURABC.csv'));
    expect(p.message).toBe('"EURABC" is not a currency pair');
  });
});

describe('the bundled dataset (data/market)', () => {
  it('validates every file: all prices, dividends, FX, rates and the Shiller index', () => {
    const dir = defaultBundledDir();
    const symbols = listBundledSymbols();
    expect(symbols.length).toBe(55); // `ls data/market/prices | wc -l`
    const m = loadMarketData();
    expect(m.prices.size).toBe(55);
    expect(m.dividends.size).toBe(55);
    expect([...m.fx.keys()].sort()).toEqual([
      'GBPUSD',
      'USDCHF',
      'USDEUR',
      'USDGBP',
      'USDINR',
      'USDJPY',
      'USDKRW',
    ]);
    const rates = loadRates();
    expect(rates.daily.days.length).toBe(5004); // SOURCES.md: DTB3 5004 rows
    expect(rates.monthly.days.length).toBe(1109); // SOURCES.md: TB3MS 1109 rows
    const shiller = readSeriesFile(join(dir, 'index/sp500_shiller_monthly.csv'), {
      column: 'sp500',
      file: 'index/sp500_shiller_monthly.csv',
      source: 'bundled:index/sp500_shiller_monthly.csv',
    });
    expect(shiller.days.length).toBe(1866); // SOURCES.md: 1866 rows
  });

  it('matches spot values read with grep', () => {
    const m = loadMarketData({ symbols: ['NVDA', '005930.KS', 'MSFT', 'AMZN'] });
    const nvda = m.prices.get('NVDA');
    if (!nvda) throw new Error('NVDA missing');
    // grep -c . data/market/prices/NVDA.csv → 6643 (header + 6642 rows); first row 1999-12-31,0.09778600186109543
    expect(nvda.days.length).toBe(6642);
    expect(nvda.values[0]).toBe(0.09778600186109543);
    // grep '^2026-05-29' data/market/prices/NVDA.csv → 2026-05-29,211.13999938964844 (a Friday, the last row)
    expect(lastDay(nvda)).toBe(toDay('2026-05-29'));
    expect(onOrBefore(nvda, toDay('2026-05-31'))).toEqual({
      value: 211.13999938964844,
      day: toDay('2026-05-29'),
    });
    // grep '^2026-05-2[2-6]' data/market/prices/005930.KS.csv → 05-22 292500.0, 05-26 299000.0 (no 05-25 row)
    const samsung = m.prices.get('005930.KS');
    expect(samsung && onOrBefore(samsung, toDay('2026-05-25'))).toEqual({
      value: 292500,
      day: toDay('2026-05-22'),
    });
    // grep '^2026-05' data/market/dividends/MSFT.csv → 2026-05-21,0.91
    const msft = m.dividends.get('MSFT');
    expect(msft && onOrBefore(msft, toDay('2026-05-31'))).toEqual({ value: 0.91, day: toDay('2026-05-21') });
    // data/market/dividends/AMZN.csv is header-only
    expect(m.dividends.get('AMZN')?.days.length).toBe(0);
    // tail -1 data/market/fx/daily/USDKRW.csv → 2026-03-27,1509.86
    const daily = m.fx.get('USDKRW')?.[0];
    expect(daily?.kind).toBe('daily');
    expect(daily && lastDay(daily)).toBe(toDay('2026-03-27'));
    expect(daily?.values[daily.values.length - 1]).toBe(1509.86);
  });
});
