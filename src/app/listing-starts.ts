/**
 * Series that begin before the company did: a SPAC's shell trades under the ticker before the merger (VRT until
 * 2020-02-10). A backtest on those closes would credit the model with a cash box's flat line and then a company's
 * returns, starting years before the company existed. The bundled list (data/market/listing-starts.json) says from
 * when a ticker's closes are the company's; `trimToListings` drops the earlier closes and dividends and says so.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../adapters/package-files.ts';
import { fromDay, parseIsoDay } from '../core/dates.ts';
import type { MarketData } from '../core/market.ts';
import type { NoticeOf } from '../core/notices.ts';
import type { Series } from '../core/series.ts';

export interface ListingStart {
  symbol: string;
  from: number;
  reason: string;
}

const FILE = packageFile('data/market/listing-starts.json');

export function loadListingStarts(file: string = FILE): ListingStart[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    { from?: string; reason?: string } | string
  >;
  const out: ListingStart[] = [];
  for (const [symbol, v] of Object.entries(raw)) {
    if (symbol.startsWith('$') || typeof v !== 'object') continue;
    const from = v.from === undefined ? undefined : parseIsoDay(v.from);
    if (from === undefined) throw new Error(`${file}: ${symbol}: "from" is not a date`);
    out.push({ symbol, from, reason: v.reason ?? '' });
  }
  return out;
}

function from<S extends Series>(series: S, day: number): S {
  let i = 0;
  while (i < series.days.length && (series.days[i] as number) < day) i++;
  return { ...series, days: series.days.slice(i), values: series.values.slice(i) };
}

/** The market with each listed symbol's closes (and dividends) before its start left out; one warning per symbol cut. */
export function trimToListings(
  market: MarketData,
  starts: readonly ListingStart[] = loadListingStarts(),
): { market: MarketData; warnings: NoticeOf<'listing-start'>[] } {
  const prices = new Map(market.prices);
  const dividends = new Map(market.dividends);
  const warnings: NoticeOf<'listing-start'>[] = [];
  for (const s of starts) {
    const p = prices.get(s.symbol);
    if (!p || p.days.length === 0 || (p.days[0] as number) >= s.from) continue;
    prices.set(s.symbol, from(p, s.from));
    const d = dividends.get(s.symbol);
    if (d) dividends.set(s.symbol, from(d, s.from));
    warnings.push({
      code: 'listing-start',
      symbol: s.symbol,
      date: fromDay(s.from),
      reason: s.reason,
    });
  }
  return { market: { ...market, prices, dividends }, warnings };
}
