/**
 * Yahoo Finance's public chart endpoint, with our own small client (no SDK: they break whenever Yahoo changes a
 * cookie rule, and we need one endpoint). `GET {base}/v8/finance/chart/{symbol}?period1&period2&interval=1d&events=div|split`
 * answers
 *   { chart: { result: [{ meta: { currency, symbol, exchangeName, exchangeTimezoneName, gmtoffset, regularMarketPrice,
 *     regularMarketTime, … }, timestamp: [unix s…], indicators: { quote: [{ close: [number|null…] }] },
 *     events?: { dividends?: { "<ts>": { amount, date } }, splits?: { "<ts>": { date, numerator, denominator } } } }],
 *     error: null } }
 * or, for an unknown symbol (HTTP 404), `{ chart: { result: null, error: { code: "Not Found", description } } }`.
 *
 * Two traps handled here, because Ghostfolio and Wealthfolio users keep hitting them:
 * - Minor units: London closes come as `GBp` (pence); Tel Aviv `ILA`, Johannesburg `ZAc`. Converted to the major
 *   unit from `meta.currency`, never from the suffix (some `.L` listings quote in USD or GBP).
 * - Dates: a bar's timestamp is the session's open as a UTC instant; its date is the exchange's local date, found by
 *   adding `meta.gmtoffset`. The offset is the exchange's current one, which is safe for daily bars because they sit
 *   at the session open, hours away from local midnight on either side of a DST change.
 */
import type { CurrencyCode } from '../../../core/currency.ts';
import { quoteToMajor } from '../../../core/currency.ts';
import type { IsoDate } from '../../../core/dates.ts';
import { fromDay, toDay } from '../../../core/dates.ts';
import { Endpoint, type HttpProviderOptions } from './http.ts';
import { listingSuffix, parseFxPair, yahooSymbol } from './resolver.ts';
import type { Coverage, DatedValue, FxHistory, LatestPrice, PriceHistory, Provider } from './types.ts';
import { ProviderError } from './types.ts';

export const YAHOO_BASE_URL = 'https://query1.finance.yahoo.com';

export type YahooOptions = HttpProviderOptions;

const COVERAGE: Coverage = {
  suffixes: [
    '',
    '^',
    '.KS',
    '.KQ',
    '.T',
    '.TW',
    '.DE',
    '.SW',
    '.L',
    '.PA',
    '.AS',
    '.MI',
    '.HK',
    '.NS',
    '.BO',
  ],
  fx: true,
};

const DAY_S = 86_400;

export class YahooProvider implements Provider {
  readonly id = 'yahoo';
  readonly coverage = COVERAGE;
  private readonly endpoint: Endpoint;

  constructor(o: YahooOptions = {}) {
    this.endpoint = new Endpoint(this.id, YAHOO_BASE_URL, o);
  }

  covers(symbol: string): boolean {
    if (parseFxPair(symbol)) return false; // FX goes through fxHistory
    return COVERAGE.suffixes.includes(listingSuffix(symbol));
  }

  async history(symbol: string, from: IsoDate, to: IsoDate, signal?: AbortSignal): Promise<PriceHistory> {
    const chart = await this.chart(symbol, rangeQuery(from, to), signal);
    const { closes, dividends, splits } = chart;
    return {
      symbol,
      currency: chart.currency,
      closes: within(closes, from, to),
      dividends: within(dividends, from, to),
      splits: splits.filter((s) => s.date >= from && s.date <= to),
      source: this.id,
    };
  }

  async latest(symbol: string, signal?: AbortSignal): Promise<LatestPrice> {
    const chart = await this.chart(symbol, 'range=5d&interval=1d', signal);
    const last = chart.closes[chart.closes.length - 1];
    if (!last) throw new ProviderError(this.id, 'not-found', `no recent close for ${symbol}`);
    return { symbol, currency: chart.currency, date: last.date, close: last.value, source: this.id };
  }

  async fxHistory(
    base: CurrencyCode,
    quote: CurrencyCode,
    from: IsoDate,
    to: IsoDate,
    signal?: AbortSignal,
  ): Promise<FxHistory> {
    const chart = await this.chart(`${base}${quote}`, rangeQuery(from, to), signal);
    return { base, quote, rates: within(chart.closes, from, to), source: this.id };
  }

  private async chart(canonical: string, query: string, signal?: AbortSignal): Promise<ParsedChart> {
    const sym = yahooSymbol(canonical);
    const answer = await this.endpoint.get(`/v8/finance/chart/${encodeURIComponent(sym)}?${query}`, signal);
    return parseChart(answer.text, canonical, answer.status);
  }
}

/** period1/period2 are instants: widen by a day each side, then keep the bars whose local date is in range. */
function rangeQuery(from: IsoDate, to: IsoDate): string {
  const p1 = (toDay(from) - 1) * DAY_S;
  const p2 = (toDay(to) + 2) * DAY_S;
  return `period1=${p1}&period2=${p2}&interval=1d&events=div%7Csplit&includeAdjustedClose=true`;
}

function within(values: DatedValue[], from: IsoDate, to: IsoDate): DatedValue[] {
  return values.filter((v) => v.date >= from && v.date <= to);
}

interface ParsedChart {
  currency: CurrencyCode | undefined;
  closes: DatedValue[];
  dividends: DatedValue[];
  splits: { date: IsoDate; ratio: number }[];
}

/** Parses one chart answer; exported for the fixture tests. Throws ProviderError `not-found` or `malformed`. */
export function parseChart(text: string, symbol: string, status = 200): ParsedChart {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ProviderError('yahoo', 'malformed', `the answer for ${symbol} is not JSON (HTTP ${status})`);
  }
  const chart = (body as { chart?: unknown } | null)?.chart as
    | { result?: unknown; error?: { code?: unknown; description?: unknown } | null }
    | undefined;
  if (!chart || typeof chart !== 'object') {
    throw new ProviderError('yahoo', 'malformed', `the answer for ${symbol} has no "chart" object`);
  }
  if (chart.error) {
    const code = String(chart.error.code ?? '');
    const desc = String(chart.error.description ?? '');
    const kind = code === 'Not Found' || status === 404 ? 'not-found' : 'malformed';
    throw new ProviderError('yahoo', kind, `${symbol}: ${code}${desc ? ` (${desc})` : ''}`, { status });
  }
  const result = Array.isArray(chart.result) ? (chart.result[0] as RawResult | undefined) : undefined;
  if (!result || typeof result.meta !== 'object' || result.meta === null) {
    if (status === 404) throw new ProviderError('yahoo', 'not-found', `${symbol}: not found`, { status });
    throw new ProviderError('yahoo', 'malformed', `the answer for ${symbol} has no chart result`);
  }
  const meta = result.meta;
  const unit = typeof meta.currency === 'string' ? quoteToMajor(meta.currency) : undefined;
  if (typeof meta.currency === 'string' && !unit) {
    throw new ProviderError('yahoo', 'malformed', `${symbol}: unknown currency "${meta.currency}"`);
  }
  const factor = unit?.factor ?? 1;
  const offset = typeof meta.gmtoffset === 'number' ? meta.gmtoffset : 0;
  const localDate = (ts: number) => fromDay(Math.floor((ts + offset) / DAY_S));

  const stamps = result.timestamp ?? [];
  const closesRaw = result.indicators?.quote?.[0]?.close ?? [];
  if (!Array.isArray(stamps) || !Array.isArray(closesRaw) || closesRaw.length !== stamps.length) {
    if (stamps.length === 0 && closesRaw.length === 0) {
      // No bars in the range (a holiday week, a new listing): an honest empty answer.
    } else {
      throw new ProviderError('yahoo', 'malformed', `${symbol}: timestamps and closes do not line up`);
    }
  }
  const byDate = new Map<IsoDate, number>();
  for (let i = 0; i < stamps.length; i++) {
    const ts = stamps[i];
    const c = closesRaw[i];
    // null = no trade that day (a halt, a holiday bar Yahoo still lists); never a zero price.
    if (typeof ts !== 'number' || typeof c !== 'number' || !Number.isFinite(c) || c <= 0) continue;
    // A live session can repeat today's date as a second bar; the later one is the fresher price.
    byDate.set(localDate(ts), clean(c * factor));
  }
  const closes = [...byDate].map(([date, value]) => ({ date, value })).sort(byDateAsc);

  const dividends: DatedValue[] = [];
  for (const d of Object.values(result.events?.dividends ?? {})) {
    if (typeof d?.date === 'number' && typeof d.amount === 'number' && d.amount > 0) {
      dividends.push({ date: localDate(d.date), value: clean(d.amount * factor) });
    }
  }
  const splits: { date: IsoDate; ratio: number }[] = [];
  for (const s of Object.values(result.events?.splits ?? {})) {
    if (typeof s?.date === 'number' && typeof s.numerator === 'number' && typeof s.denominator === 'number') {
      if (s.numerator > 0 && s.denominator > 0)
        splits.push({ date: localDate(s.date), ratio: s.numerator / s.denominator });
    }
  }
  return {
    currency: unit?.currency,
    closes,
    dividends: dividends.sort(byDateAsc),
    splits: splits.sort(byDateAsc),
  };
}

interface RawResult {
  meta: { currency?: unknown; gmtoffset?: unknown };
  timestamp?: unknown[];
  indicators?: { quote?: { close?: unknown[] }[] };
  events?: {
    dividends?: Record<string, { date?: unknown; amount?: unknown } | undefined>;
    splits?: Record<string, { date?: unknown; numerator?: unknown; denominator?: unknown } | undefined>;
  };
}

/**
 * Yahoo stores prices as float32 (141.1199951171875 for 141.12, 1396.43994140625 for 1396.44), which carries about
 * 7.2 significant digits: rounding to 7 drops the noise and nothing float32 could have held.
 */
function clean(x: number): number {
  return Number(x.toPrecision(7));
}

function byDateAsc(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
