/**
 * Data health of a rebalance: the rebalancer turns prices and rates into orders, so it must not act on old ones.
 * What it acts on: the close of every security held (its value decides how far each sleeve is from its target) and of
 * every security ordered (a candidate bought), and the rate of every currency held or ordered into the base, and of
 * every conversion it proposes. Each is judged by staleness.ts (closes: more than STALE_ERROR_DAYS trading days is an
 * error; rates: the same for daily rates, and for a monthly average "older than the previous completed month").
 *
 * `staleDataError` is the refusal the command throws unless `--allow-stale`; `staleDataWarnings` is what it says
 * instead when the user did allow it. Pure: the result already holds the freshness, computed in rebalance.ts.
 */
import type { CurrencyCode } from '../currency.ts';
import { InputError } from '../errors.ts';
import type { FxFreshness, PriceFreshness } from '../health.ts';
import { fxFreshness, priceFreshness } from '../health.ts';
import type { MarketData } from '../market.ts';
import { STALE_ERROR_DAYS } from '../staleness.ts';
import type { RebalanceWarning } from './types.ts';

export interface DataFreshness {
  /** Worst first. */
  prices: PriceFreshness[];
  fx: FxFreshness[];
}

export function rebalanceFreshness(
  market: MarketData,
  base: CurrencyCode,
  asOf: number,
  used: {
    symbols: Iterable<string>;
    currencies: Iterable<CurrencyCode>;
    conversions: Iterable<{ from: CurrencyCode; to: CurrencyCode }>;
  },
): DataFreshness {
  const pairs = [...new Set(used.currencies)].map((from) => ({ from, to: base }));
  return {
    prices: priceFreshness(market, used.symbols, asOf),
    fx: fxFreshness(market, [...pairs, ...used.conversions], asOf),
  };
}

const blocks = (s: string) => s === 'error' || s === 'missing';

export function isBlocking(f: DataFreshness): boolean {
  return f.prices.some((p) => blocks(p.staleness)) || f.fx.some((x) => blocks(x.staleness));
}

/** `USD→KRW: monthly average of 2026-06-30, 106 trading days old` (the refusal's English, an InputError). */
function describeRate(x: FxFreshness): string {
  const pair = `${x.from}→${x.to}`;
  if (x.last === null) return `${pair}: no rate`;
  const kind = x.kind === 'monthly-average' ? 'monthly average' : 'rate';
  return `${pair}: ${kind} of ${x.last}, ${x.age} trading days old`;
}

/** Closes sharing a date (and so an age), symbols in order; `last` null = no close at all. */
export interface PriceGroup {
  symbols: string[];
  last: string | null;
  age: number | null;
}

/** Symbols sharing a date are named together, in order of first appearance. */
export function groupByDate(list: readonly PriceFreshness[]): PriceGroup[] {
  const groups = new Map<string, PriceGroup>();
  for (const p of list) {
    const key = p.last ?? '';
    const g = groups.get(key);
    if (g) g.symbols.push(p.symbol);
    else groups.set(key, { symbols: [p.symbol], last: p.last, age: p.age });
  }
  return [...groups.values()];
}

/** What blocks a rebalance: closes grouped by date, and rates, worst first; the wording is the caller's. */
export function blockingData(f: DataFreshness): { prices: PriceGroup[]; rates: FxFreshness[] } {
  return {
    prices: groupByDate(f.prices.filter((p) => blocks(p.staleness))),
    rates: f.fx.filter((x) => blocks(x.staleness)),
  };
}

/** `A, B: last close 2026-05-29, 128 trading days old`. */
function groupPrices(list: readonly PriceFreshness[]): string[] {
  return groupByDate(list).map(
    (g) =>
      `${g.symbols.join(', ')}: ${g.last === null ? 'no close' : `last close ${g.last}, ${g.age} trading days old`}`,
  );
}

/** The Korean of groupPrices and describeRate: the same symbols, dates and ages. */
function koreanItems(blocking: { prices: PriceGroup[]; rates: FxFreshness[] }): string[] {
  return [
    ...blocking.prices.map(
      (g) =>
        `${g.symbols.join(', ')}: ${g.last === null ? '종가 없음' : `최근 종가 ${g.last}, ${g.age}거래일 전`}`,
    ),
    ...blocking.rates.map((x) => {
      const pair = `${x.from}→${x.to}`;
      if (x.last === null) return `${pair}: 환율 없음`;
      return `${pair}: ${x.kind === 'monthly-average' ? '월평균 환율' : '환율'} ${x.last}, ${x.age}거래일 전`;
    }),
  ];
}

/** The refusal: every blocking close and rate with its date and age, and the ways out (in English and Korean). */
export function staleDataError(f: DataFreshness, asOf: string): InputError {
  const blocking = blockingData(f);
  const prices = groupPrices(f.prices.filter((p) => blocks(p.staleness)));
  const rates = blocking.rates.map(describeRate);
  return new InputError({
    message: `will not rebalance as of ${asOf} on stale data: ${[...prices, ...rates].join('; ')}`,
    expected: `closes and daily rates at most ${STALE_ERROR_DAYS} trading days old, monthly averages of the previous month`,
    hint:
      'fetch current prices with `dispersion data update` (into the journal, or --db FILE), or put current ' +
      '<SYMBOL>.csv and fx/<AAABBB>.csv files in a --prices folder; or rebalance as of the data with --as-of ' +
      'YYYY-MM-DD; or pass --allow-stale to get orders anyway',
    ko: {
      message: `데이터가 오래되어 ${asOf} 기준으로 리밸런싱하지 않습니다: ${koreanItems(blocking).join('; ')}`,
      expected: `${STALE_ERROR_DAYS}거래일 이내의 종가와 일별 환율, 직전 달의 월평균 환율`,
      hint:
        '`dispersion data update`로 최신 가격을 받거나(저널 또는 --db FILE), 최신 <SYMBOL>.csv와 fx/<AAABBB>.csv 파일을 ' +
        '--prices 폴더에 넣으세요. 또는 --as-of YYYY-MM-DD로 데이터 날짜 기준으로 리밸런싱하거나, --allow-stale로 ' +
        '그래도 주문을 받으세요.',
    },
  });
}

/** With `--allow-stale`: one warning per close or rate that would have blocked, saying orders used it anyway. */
export function staleDataWarnings(f: DataFreshness): RebalanceWarning[] {
  const out: RebalanceWarning[] = [];
  for (const p of f.prices) {
    if (!blocks(p.staleness)) continue;
    out.push({
      code: 'stale-allowed',
      what: p.symbol,
      symbol: p.symbol,
      ...(p.last === null ? {} : { date: p.last }),
      ...(p.age === null ? {} : { age: p.age }),
    });
  }
  for (const x of f.fx) {
    if (!blocks(x.staleness)) continue;
    out.push({
      code: 'stale-allowed',
      what: `${x.from}→${x.to}`,
      ...(x.last === null ? {} : { date: x.last }),
      ...(x.age === null ? {} : { age: x.age }),
    });
  }
  return out;
}
