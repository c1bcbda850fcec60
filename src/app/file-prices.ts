/**
 * The holdings files' own prices (현재가, Last Price, Close Price) as a price source of last resort: a listing whose
 * bundled, cached or `--prices` series ends before the file's date (or has no series at all) is priced from the file,
 * and the position says so (`priceSource: file:kiwoom.csv`). A file price without a date is taken as of the as-of
 * day, which is what the export means: the price when it was downloaded. Never used when anything fresher is known.
 */
import type { FilePrice } from '../adapters/import/index.ts';
import { isCurrencyCode } from '../core/currency.ts';
import { fromDay, toDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import type { MarketData, PriceSeries } from '../core/market.ts';
import { onOrBefore } from '../core/series.ts';
import { resolveSymbol, type Universe } from '../core/universe.ts';
import type { Warning } from '../core/warnings.ts';

export function withFilePrices(
  market: MarketData,
  prices: readonly FilePrice[],
  universe: Universe,
  asOf: number,
): { market: MarketData; warnings: Warning[] } {
  if (prices.length === 0) return { market, warnings: [] };
  const merged = new Map(market.prices);
  const warnings: Warning[] = [];
  const later: { symbol: string; price: FilePrice }[] = [];
  for (const p of prices) {
    const symbol = resolveSymbol(universe, p.symbol) ?? p.symbol.trim().toUpperCase();
    const day = p.date === undefined ? asOf : toDay(p.date);
    if (day > asOf) {
      // A file of a later day says nothing about the as-of day; if nothing else prices the listing, say why.
      later.push({ symbol, price: p });
      continue;
    }
    const inst = universe.instruments.get(symbol);
    const currency = p.currency ?? inst?.currency;
    if (!currency || !isCurrencyCode(currency)) continue;
    // A price in another currency than the listing's (a won price for a US listing) would be misread: skip it.
    if (inst && inst.currency !== currency) continue;
    const existing = merged.get(symbol);
    const known = existing ? onOrBefore(existing, asOf) : undefined;
    if (known && known.day >= day) continue; // something at least as fresh is known
    const series: PriceSeries = {
      days: Int32Array.of(day),
      values: Float64Array.of(p.price),
      source: `file:${p.file}`,
      currency,
    };
    merged.set(symbol, series);
    const date = fromDay(day);
    warnings.push({
      code: 'file-price',
      price: p.price,
      dated: p.date !== undefined,
      symbol,
      file: p.file,
      line: p.line,
      date,
      currency,
    });
  }
  for (const { symbol, price: p } of later) {
    const series = merged.get(symbol);
    if (series && onOrBefore(series, asOf)) continue;
    const asOfDate = fromDay(asOf);
    throw new InputError({
      file: p.file,
      line: p.line,
      message: `${symbol} is priced only by this file, dated ${p.date}, after the as-of date ${asOfDate}: nothing prices it on or before ${asOfDate}`,
      expected: `a file dated on or before ${asOfDate}, or a price for ${symbol} on or before it`,
      hint: `check the file as of its own date (--as-of ${p.date}), or give a price file (--prices FOLDER)`,
      ko: {
        message: `종목 ${symbol}: 이 파일의 가격(${p.date} 기준)뿐인데, 기준일 ${asOfDate}보다 뒤입니다. ${asOfDate} 이전 가격이 없습니다`,
        expected: `기준일 ${asOfDate} 이전 날짜의 파일 또는 ${symbol} 가격`,
        hint: `파일 날짜로 점검하거나(--as-of ${p.date}), 가격 파일을 주세요(--prices 폴더)`,
      },
    });
  }
  return { market: { ...market, prices: merged }, warnings };
}
