/**
 * Loads the bundled dataset (`data/market/`) and an optional user price directory into the plain MarketData the core
 * reads. All file access for market data lives here, so the core stays pure.
 *
 * Bundled layout: `prices/<SYM>.csv` (date,close), `dividends/<SYM>.csv` (date,dividend), `fx/daily/<PAIR>.csv` and
 * `fx/monthly/<PAIR>.csv` (date,rate; monthly = average of the month, dated its first day), `rates/` (T-bill, percent).
 * User layout: `DIR/<SYMBOL>.csv` (date,close; extra columns ignored) replaces the bundled series of that symbol, and
 * `DIR/fx/<AAA><BBB>.csv` (date,rate = BBB per 1 AAA) is a daily series listed ahead of the bundled ones for that pair.
 *
 * Precedence, highest first: the user's folder > the fetched cache (`cache`, when its series ends later than the
 * bundled one) > the bundled files. A layer replaces a symbol's whole series, never splices into it: two sources can
 * differ in adjustment basis (a split after the bundled data ends), and a splice would fake a jump at the seam.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isCurrencyCode } from '../../core/currency.ts';
import { InputError } from '../../core/errors.ts';
import type { FxKind, FxSeries, MarketData, PriceSeries } from '../../core/market.ts';
import type { Series } from '../../core/series.ts';
import { particle, withJosa } from '../../i18n/josa.ts';
import { packageFile } from '../package-files.ts';
import { readSeriesFile } from './series-file.ts';

export interface LoadMarketDataOptions {
  /** Defaults to the repository's `data/market`. */
  bundledDir?: string;
  /** The user's price directory (CLI option); validated even when no symbol in it is needed. */
  userDir?: string;
  /** Only these symbols' price and dividend files are read (FX always is). Omit to read every price file. */
  symbols?: Iterable<string>;
  /** Fetched series (the market-data cache, see cache.ts `cacheLayer`), each stating its currency (major unit). */
  cache?: MarketLayer;
}

/** Series from a source other than files (the fetch cache), already loaded and validated. */
export interface MarketLayer {
  prices: ReadonlyMap<string, PriceSeries>;
  dividends?: ReadonlyMap<string, Series>;
  /** Daily series; listed after the user's and ahead of the bundled ones for their pair. */
  fx: readonly FxSeries[];
}

/** Resolved from this module's location so it works from any working directory (and from an installed package). */
export function defaultBundledDir(): string {
  return packageFile('data/market');
}

/** Yahoo-style symbols: `NVDA`, `BRK-B`, `005930.KS`, `6954.T`, `SIE.DE`, `^KS11`. No spaces, no brackets. */
const SYMBOL_RE = /^[A-Z0-9^][A-Z0-9.\-=^&]{0,23}$/;
/** Daily kinds sort ahead of monthly averages: the FX lookup prefers daily on equal dates, and so should a reader. */
const KIND_ORDER: Record<FxKind, number> = { daily: 0, 'monthly-average': 1 };

export function loadMarketData(options: LoadMarketDataOptions = {}): MarketData {
  const bundledDir = options.bundledDir ?? defaultBundledDir();
  requireDir(bundledDir, 'bundled market data directory');
  const wanted = options.symbols ? new Set([...options.symbols].map((s) => s.toUpperCase())) : undefined;
  const isWanted = (symbol: string) => !wanted || wanted.has(symbol.toUpperCase());
  // The user's folder first: a mistyped path should fail before the bundled files are read.
  const user = options.userDir === undefined ? undefined : readUserDir(options.userDir, isWanted);

  const prices = new Map<string, PriceSeries>();
  const dividends = new Map<string, Series>();
  // The currency of a bundled close is the universe's call (by listing), so it is left unset here.
  for (const symbol of listBundledSymbols(bundledDir)) {
    if (!isWanted(symbol)) continue;
    prices.set(symbol, readBundled(bundledDir, `prices/${symbol}.csv`, 'close'));
    const divFile = `dividends/${symbol}.csv`;
    if (existsSync(join(bundledDir, divFile))) {
      dividends.set(symbol, readBundled(bundledDir, divFile, 'dividend', { allowEmpty: true }));
    }
  }

  const fx = new Map<string, FxSeries[]>();
  const addFx = (s: FxSeries) => {
    const key = `${s.base}${s.quote}`;
    fx.set(key, [...(fx.get(key) ?? []), s]);
  };
  for (const [sub, kind] of [
    ['fx/daily', 'daily'],
    ['fx/monthly', 'monthly-average'],
  ] as const) {
    for (const name of csvNames(join(bundledDir, sub))) {
      const pair = name.slice(0, -4);
      const { base, quote } = splitPair(pair, `${sub}/${name}`);
      addFx({ ...readBundled(bundledDir, `${sub}/${name}`, 'rate'), base, quote, kind });
    }
  }

  if (options.cache) {
    for (const [symbol, series] of options.cache.prices) {
      if (!isWanted(symbol) || series.days.length === 0) continue;
      const bundled = prices.get(symbol);
      if (bundled && lastOf(bundled) >= lastOf(series)) continue; // the cache only wins when it is newer
      prices.set(symbol, series);
      const div = options.cache.dividends?.get(symbol);
      if (div) dividends.set(symbol, div);
    }
    // Listed ahead of the bundled series: on an equal date the FX lookup takes the fetched (daily) rate.
    for (const s of [...options.cache.fx].reverse()) {
      const key = `${s.base}${s.quote}`;
      fx.set(key, [s, ...(fx.get(key) ?? [])]);
    }
  }

  if (user) {
    for (const [symbol, series] of user.prices) prices.set(symbol, series); // the whole series, not a merge
    for (const s of user.fx) {
      // The user's daily quotes go first: on equal dates the FX lookup takes the earlier series.
      const key = `${s.base}${s.quote}`;
      fx.set(key, [s, ...(fx.get(key) ?? [])]);
    }
  }
  for (const list of fx.values()) list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]); // stable

  return { prices, dividends, fx };
}

function lastOf(s: Series): number {
  return s.days.length ? (s.days[s.days.length - 1] as number) : Number.NEGATIVE_INFINITY;
}

/** Symbols with a bundled price file, sorted. */
export function listBundledSymbols(bundledDir: string = defaultBundledDir()): string[] {
  return csvNames(join(bundledDir, 'prices')).map((n) => n.slice(0, -4));
}

export interface TbillRates {
  /** FRED DTB3: 3-month T-bill secondary market rate, percent (discount basis), daily. */
  daily: Series;
  /** FRED TB3MS: the same rate's monthly average, percent, dated the first of the month. */
  monthly: Series;
}

/** The bundled US T-bill rates: what cash earns in backtests. Values may be 0 (2008, 2011, 2015 had 0.00 days). */
export function loadRates(bundledDir: string = defaultBundledDir()): TbillRates {
  return {
    daily: readBundled(bundledDir, 'rates/DTB3_daily.csv', 'rate', { values: 'finite' }),
    monthly: readBundled(bundledDir, 'rates/TB3MS_monthly.csv', 'rate', { values: 'finite' }),
  };
}

function readBundled(
  dir: string,
  rel: string,
  column: string,
  extra: { allowEmpty?: boolean; values?: 'positive' | 'finite' } = {},
): Series {
  return readSeriesFile(join(dir, rel), { column, file: rel, source: `bundled:${rel}`, ...extra });
}

function readUserDir(
  dir: string,
  isWanted: (symbol: string) => boolean,
): { prices: Map<string, PriceSeries>; fx: FxSeries[] } {
  requireDir(dir, 'price directory', { ko: '가격 폴더' });
  const prices = new Map<string, PriceSeries>();
  const fx: FxSeries[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.name.startsWith('.')) continue; // .DS_Store, editor swap files
    if (entry.isDirectory()) {
      if (entry.name.toLowerCase() !== 'fx') continue; // other folders are the user's business
      for (const name of csvNames(file)) {
        const fxFile = join(file, name);
        const { base, quote } = splitPair(name.slice(0, -4).toUpperCase(), fxFile);
        const series = readSeriesFile(fxFile, { column: 'rate', file: fxFile, source: `user:${fxFile}` });
        fx.push({ ...series, base, quote, kind: 'daily' });
      }
      continue;
    }
    if (!/\.csv$/i.test(entry.name)) continue; // a README or a spreadsheet next to the CSVs is not a price file
    const symbol = entry.name.slice(0, -4).toUpperCase();
    if (!SYMBOL_RE.test(symbol)) {
      throw new InputError({
        file,
        message: `"${entry.name.slice(0, -4)}" is not a plausible symbol, so this file cannot be matched to a holding`,
        expected: 'a file named after the symbol, such as NVDA.csv, 005930.KS.csv, SIE.DE.csv or 6954.T.csv',
        ko: {
          message: `파일 이름 "${entry.name.slice(0, -4)}"${particle(entry.name.slice(0, -4), '은/는')} 종목 코드로 보이지 않아 보유 종목과 맞출 수 없습니다`,
          expected: 'NVDA.csv, 005930.KS.csv, SIE.DE.csv, 6954.T.csv처럼 종목 코드를 이름으로 한 파일',
        },
      });
    }
    // Files for symbols this run does not need are allowed; reading them would only cost time.
    if (!isWanted(symbol)) continue;
    if (prices.has(symbol)) {
      throw new InputError({
        file,
        message: `a second price file for ${symbol}`,
        expected: 'one file per symbol',
        ko: { message: `${symbol}의 두 번째 가격 파일입니다`, expected: '종목마다 파일 하나' },
      });
    }
    prices.set(symbol, readSeriesFile(file, { column: 'close', file, source: `user:${file}` }));
  }
  return { prices, fx };
}

/** `USDKRW` → USD, KRW. Anything but two different ISO currency codes is an error naming the file. */
function splitPair(pair: string, file: string): { base: string; quote: string } {
  const base = pair.slice(0, 3);
  const quote = pair.slice(3);
  if (pair.length !== 6 || !isCurrencyCode(base) || !isCurrencyCode(quote) || base === quote) {
    throw new InputError({
      file,
      message: `"${pair}" is not a currency pair`,
      expected:
        'a file named after two ISO currency codes, base then quote, e.g. EURUSD.csv for USD per 1 EUR',
      ko: {
        message: `"${pair}"${particle(pair, '은/는')} 통화 쌍이 아닙니다`,
        expected: '기준 통화와 표시 통화의 두 ISO 코드를 이름으로 한 파일, 예: 1 EUR당 USD이면 EURUSD.csv',
      },
    });
  }
  return { base, quote };
}

function csvNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /\.csv$/i.test(n) && !n.startsWith('.'))
    .sort();
}

/** `user`: the folder is the user's (--prices), so a missing one is an InputError; its name in Korean. */
function requireDir(dir: string, what: string, user?: { ko: string }): void {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    if (!user) throw new Error(`${what} not found: ${dir}`);
    throw new InputError({
      file: dir,
      message: `${what} not found`,
      expected:
        'a folder of <SYMBOL>.csv files (date,close) and optionally fx/<AAA><BBB>.csv files (date,rate)',
      ko: {
        message: `${withJosa(user.ko, '을/를')} 찾을 수 없습니다`,
        expected: '<SYMBOL>.csv 파일(date,close)과, 필요하면 fx/<AAA><BBB>.csv 파일(date,rate)이 든 폴더',
      },
    });
  }
  if (!isDir) {
    if (!user) throw new Error(`${what} is not a directory: ${dir}`);
    throw new InputError({
      file: dir,
      message: `${what} is not a folder`,
      expected: 'a folder of <SYMBOL>.csv files',
      ko: {
        message: `${withJosa(user.ko, '이/가')} 폴더가 아닙니다`,
        expected: '<SYMBOL>.csv 파일이 든 폴더',
      },
    });
  }
}
