/**
 * The "prepared" market of a backtest, built ONCE and shared by every portfolio run on it (the model, its benchmarks,
 * a thousand weight variants in workers): the union calendar, and per asset a Float64Array of closes over that
 * calendar, already converted to the base currency at each day's FX rate. The engine's hot loop then does arithmetic
 * only: no lookups, no dates, no currencies.
 *
 * Dividends are kept as a sparse list of (day, asset, dividend ÷ close) events: the ratio is the same in any currency,
 * and reinvesting on the ex-date is `shares × (1 + ratio)`. A dividend whose ex-date is not a calendar day takes
 * effect on the next calendar day (its close carried forward when the asset did not trade).
 */
import type { CurrencyCode } from '../currency.ts';
import { fromDay } from '../dates.ts';
import { InputError } from '../errors.ts';
import { fxRate } from '../fx.ts';
import type { MarketData } from '../market.ts';
import type { Warning } from '../warnings.ts';
import { lowerBound, monthKeys, unionCalendar } from './calendar.ts';
import type { CashRates } from './cash-rate.ts';
import { cashGrowth } from './cash-rate.ts';

export interface AssetSpec {
  symbol: string;
  /** Currency the closes are quoted in, major unit. */
  currency: CurrencyCode;
  /** Multiplier from the quoted close to the major unit (0.01 for London's pence), 1 otherwise. */
  quoteFactor: number;
  /** Exchange trading unit, for whole-share runs. */
  lot: number;
}

export interface PrepareInput {
  market: MarketData;
  assets: readonly AssetSpec[];
  base: CurrencyCode;
  /** What cash earns; omit for 0% (as bt's cash). */
  rates?: CashRates;
  /** Requested first day; must not be before any asset's first close. Omit to start at the latest first close. */
  from?: number;
  /** Last day (inclusive); omit for the last day any asset has a close. */
  to?: number;
}

export interface PreparedMarket {
  base: CurrencyCode;
  symbols: string[];
  currencies: CurrencyCode[];
  lots: Float64Array;
  /** Calendar days (day numbers), the union of the assets' trading days within the window. */
  days: Int32Array;
  /** `year × 12 + month` per day. */
  months: Int32Array;
  /** Per asset: close in the base currency per calendar day, carried forward. */
  prices: Float64Array[];
  /**
   * The same closes row-major (day × asset, `rows[t × n + i]`): the engine values the portfolio day by day, and one
   * contiguous row per day is what keeps its hot loop near the cost of reading every price once.
   */
  rows: Float64Array;
  /** Dividend events sorted by day index: day index, asset index, dividend ÷ close. */
  divDay: Int32Array;
  divAsset: Int32Array;
  divRatio: Float64Array;
  /** Cash growth factor from the previous day to each day. */
  cashGrowth: Float64Array;
  warnings: Warning[];
}

/** A close older than this many calendar days at the end of the window is reported (a stale or delisted series). */
const STALE_END_DAYS = 7;

export function prepareMarket(input: PrepareInput): PreparedMarket {
  const { market, assets, base } = input;
  const warnings: Warning[] = [];
  if (assets.length === 0)
    throw new InputError({
      message: 'nothing to backtest',
      expected: 'at least one asset',
      ko: { message: '백테스트할 종목이 없습니다', expected: '종목 하나 이상' },
    });
  const series = assets.map((a) => {
    const s = market.prices.get(a.symbol);
    if (!s || s.days.length === 0) {
      throw new InputError({
        message: `no price history for ${a.symbol}`,
        hint: `put a file ${a.symbol}.csv with header date,close in a folder and pass --prices FOLDER`,
        ko: {
          message: `${a.symbol}의 가격 기록이 없습니다`,
          hint: `머리글이 date,close인 ${a.symbol}.csv 파일을 폴더에 넣고 --prices FOLDER로 지정하세요`,
        },
      });
    }
    return s;
  });

  // The window: from the latest first close (every asset has a price on the first day, so the initial purchase buys
  // all of them), or the requested --from when no asset starts after it.
  let latestFirst = Number.NEGATIVE_INFINITY;
  let latestSymbol = '';
  series.forEach((s, i) => {
    const first = s.days[0] as number;
    if (first > latestFirst) {
      latestFirst = first;
      latestSymbol = (assets[i] as AssetSpec).symbol;
    }
  });
  if (input.from !== undefined && input.from < latestFirst) {
    throw new InputError({
      message: `--from ${fromDay(input.from)} is before the first close of ${latestSymbol} (${fromDay(latestFirst)})`,
      expected: `a start on or after ${fromDay(latestFirst)}, or no --from to start there`,
      hint: 'or leave the asset out, or supply its longer history with --prices DIR',
      ko: {
        message: `--from ${fromDay(input.from)}: ${latestSymbol}의 첫 종가(${fromDay(latestFirst)})보다 이릅니다`,
        expected: `${fromDay(latestFirst)} 또는 그 이후의 시작일, 또는 그날부터 시작하도록 --from 생략`,
        hint: '그 종목을 빼거나, --prices DIR로 더 긴 가격 기록을 주세요',
      },
    });
  }
  const from = input.from ?? latestFirst;
  const lastAny = Math.max(...series.map((s) => s.days[s.days.length - 1] as number));
  const to = Math.min(input.to ?? lastAny, lastAny);
  const days = unionCalendar(series, from, to);
  if (days.length < 2) {
    throw new InputError({
      message: `fewer than two trading days between ${fromDay(from)} and ${fromDay(to)}`,
      expected: 'a window with at least two closes',
      ko: {
        message: `${fromDay(from)}부터 ${fromDay(to)}까지 거래일이 두 날보다 적습니다`,
        expected: '종가가 두 개 이상인 기간',
      },
    });
  }
  const end = days[days.length - 1] as number;
  if (input.from === undefined) {
    warnings.push({
      code: 'backtest-start',
      symbol: latestSymbol,
      date: fromDay(days[0] as number),
    });
  }

  // One pass per asset: the merge walk of its trading days against the calendar writes the base-currency close both
  // column-wise (`prices`) and row-wise (`rows`). A cold one-shot run pays ~10-40 ns per element per pass, so the
  // aligned local closes, the conversion and the transpose are not three loops over the ~0.5 M prices.
  const n = assets.length;
  const T = days.length;
  const rows = new Float64Array(T * n);
  // undefined: the asset is quoted in the base currency (a rate of 1 every day, no multiplication needed).
  const fxByCurrency = new Map<CurrencyCode, Float64Array | undefined>();
  const prices = assets.map((a, i) => {
    const s = series[i] as (typeof series)[number];
    const lastDay = s.days[s.days.length - 1] as number;
    if (end - lastDay > STALE_END_DAYS) {
      warnings.push({
        code: 'stale-price',
        symbol: a.symbol,
        date: fromDay(lastDay),
        until: fromDay(end),
      });
    }
    if (!fxByCurrency.has(a.currency)) {
      fxByCurrency.set(a.currency, fxSeries(market, a.currency, base, days, warnings, a.symbol));
    }
    const fx = fxByCurrency.get(a.currency);
    const q = a.quoteFactor;
    const out = new Float64Array(T);
    const sd = s.days;
    const sv = s.values;
    let j = -1; // last close on or before the calendar day (carried forward); -1 before the first
    for (let t = 0; t < T; t++) {
      const d = days[t] as number;
      while (j + 1 < sd.length && (sd[j + 1] as number) <= d) j++;
      const local = j < 0 ? Number.NaN : (sv[j] as number);
      // Same products in the same order as close × quoteFactor × rate; × 1 is exact, so it is skipped.
      const v = fx ? local * q * (fx[t] as number) : q === 1 ? local : local * q;
      out[t] = v;
      rows[t * n + i] = v;
    }
    return out;
  });

  // Dividend events inside the window, mapped onto calendar days. Dividends are few (a few a year): each finds its
  // calendar day and the local close then by binary search, rather than re-aligning the whole series.
  const events: { t: number; a: number; ratio: number }[] = [];
  assets.forEach((a, ai) => {
    const div = market.dividends.get(a.symbol);
    if (!div) return;
    const s = series[ai] as (typeof series)[number];
    for (let k = 0; k < div.days.length; k++) {
      const d = div.days[k] as number;
      if (d <= (days[0] as number) || d > end) continue; // paid before the first purchase, or after the end
      const t = lowerBound(days, d); // the ex-date, or the next calendar day when it is not one
      const j = lowerBound(s.days, (days[t] as number) + 1) - 1; // the asset's last close on or before that day
      const close = j < 0 ? Number.NaN : (s.values[j] as number);
      if (close > 0) events.push({ t, a: ai, ratio: (div.values[k] as number) / close });
    }
  });
  events.sort((x, y) => x.t - y.t || x.a - y.a);

  return {
    base,
    symbols: assets.map((a) => a.symbol),
    currencies: assets.map((a) => a.currency),
    lots: Float64Array.from(assets.map((a) => a.lot)),
    days,
    months: monthKeys(days),
    prices,
    rows,
    divDay: Int32Array.from(events.map((e) => e.t)),
    divAsset: Int32Array.from(events.map((e) => e.a)),
    divRatio: Float64Array.from(events.map((e) => e.ratio)),
    cashGrowth: cashGrowth(days, input.rates),
    warnings,
  };
}

/**
 * Units of base per unit of `currency` on each calendar day (src/core/fx.ts rules: dated, no look-ahead); undefined for
 * the base currency itself.
 */
function fxSeries(
  market: MarketData,
  currency: CurrencyCode,
  base: CurrencyCode,
  days: Int32Array,
  warnings: Warning[],
  symbol: string,
): Float64Array | undefined {
  if (currency === base) return undefined;
  const out = new Float64Array(days.length);
  let staleWarned = false;
  for (let t = 0; t < days.length; t++) {
    const day = days[t] as number;
    const q = fxRate(market, currency, base, day);
    if (!q) {
      throw new InputError({
        message: `no ${currency}→${base} exchange rate on or before ${fromDay(day)} (needed for ${symbol})`,
        hint: `put a file fx/${currency}${base}.csv (date,rate = ${base} per 1 ${currency}) in your --prices folder`,
        ko: {
          message: `${fromDay(day)} 또는 그 이전의 ${currency}→${base} 환율이 없습니다 (${symbol}에 필요)`,
          hint: `fx/${currency}${base}.csv 파일(date,rate = 1 ${currency}당 ${base})을 --prices 폴더에 넣으세요`,
        },
      });
    }
    // Monthly averages are only known after their month: a rate a month or more old is worth saying once.
    if (!staleWarned && day - q.day > 31) {
      staleWarned = true;
      warnings.push({
        code: 'stale-fx',
        date: fromDay(q.day),
        currency,
        base,
        from: fromDay(day),
      });
    }
    out[t] = q.rate;
  }
  return out;
}
