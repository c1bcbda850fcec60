/**
 * Valuation: turns imported holdings into priced, classified positions in the base currency. Every number carries
 * the date it is from (price date, FX date) so the report can say how old it is. Nothing is ever priced at zero: a
 * holding with no price or no FX rate is an InputError pointing at the row it came from.
 */

import type { CurrencyCode } from './currency.ts';
import { quoteToMajor } from './currency.ts';
import { fromDay, weekdaysBetween } from './dates.ts';
import { InputError } from './errors.ts';
import { fxRate } from './fx.ts';
import type { Holding, SecurityHolding } from './holdings.ts';
import type { MarketData } from './market.ts';
import { onOrBefore } from './series.ts';
import type { Instrument, SleeveId, Universe } from './universe.ts';
import { KRX_SYMBOL, resolveSymbol } from './universe.ts';
import type { Warning } from './warnings.ts';

export interface Position {
  account: string;
  /** Canonical symbol when the universe knows it, else as written; `CASH` for cash. */
  symbol: string;
  name: string | null;
  /** Korean name from the universe, when it has one. */
  nameKo: string | null;
  kind: 'security' | 'cash';
  quantity: number;
  /** Currency the position is priced in (major unit). */
  currency: CurrencyCode;
  /** Price per unit in `currency` (1 for cash). */
  price: number;
  priceDate: string | null;
  priceSource: string | null;
  /** Trading days between the price date and the as-of date. */
  priceAge: number;
  /** Units of base per 1 unit of `currency`, and the (oldest) date of the rate used. */
  fxRate: number;
  fxDate: string | null;
  fxAge: number;
  /** Value in the base currency. */
  value: number;
  /** Value in the position's own currency. */
  localValue: number;
  sleeve: SleeveId;
  /** Country of the business; null for cash. */
  country: string | null;
  mag7: boolean;
  lot: number;
  /** Fraction of the portfolio total (cash included); filled by the aggregator. */
  weight: number;
  origin: { file: string; line: number };
}

export interface ValuationInput {
  holdings: readonly Holding[];
  universe: Universe;
  market: MarketData;
  base: CurrencyCode;
  /** Day number of the as-of date. */
  asOf: number;
}

export interface Valuation {
  positions: Position[];
  total: number;
  warnings: Warning[];
}

export function valueHoldings(input: ValuationInput): Valuation {
  const warnings: Warning[] = [];
  const positions = input.holdings.map((h) => valueOne(h, input, warnings));
  const total = positions.reduce((s, p) => s + p.value, 0);
  for (const p of positions) p.weight = total > 0 ? p.value / total : 0;
  return { positions, total, warnings };
}

function valueOne(h: Holding, input: ValuationInput, warnings: Warning[]): Position {
  const { universe, market, base, asOf } = input;
  const where = { file: h.origin.file, line: h.origin.line };
  if (h.kind === 'cash') {
    const fx = convert(h.currency, base, market, asOf, where, 'CASH');
    return {
      account: h.account,
      symbol: 'CASH',
      name: null,
      nameKo: null,
      kind: 'cash',
      quantity: h.amount,
      currency: h.currency,
      price: 1,
      priceDate: null,
      priceSource: null,
      priceAge: 0,
      fxRate: fx.rate,
      fxDate: fx.date,
      fxAge: fx.age,
      value: h.amount * fx.rate,
      localValue: h.amount,
      sleeve: 'cash-bonds',
      country: null,
      mag7: false,
      lot: 1,
      weight: 0,
      origin: h.origin,
    };
  }

  const canonical = resolveSymbol(universe, h.symbol);
  const inst = canonical ? universe.instruments.get(canonical) : undefined;
  const symbol = canonical ?? h.symbol.trim().toUpperCase();
  const series = market.prices.get(symbol);
  const obs = series ? onOrBefore(series, asOf) : undefined;
  if (!series || !obs) {
    throw new InputError({
      ...where,
      message: series
        ? `no price for ${symbol} on or before ${fromDay(asOf)} (its price history starts later)`
        : `no price for ${symbol} on or before ${fromDay(asOf)}`,
      hint: `put a file ${symbol}.csv${KRX_SYMBOL.test(symbol) ? ` (or ${symbol.slice(0, 6)}.csv)` : ''} with header date,close in a folder and pass --prices FOLDER`,
      ko: {
        message: series
          ? `${fromDay(asOf)} 또는 그 이전의 ${symbol} 가격이 없습니다 (가격 이력이 그 뒤에 시작됩니다)`
          : `${fromDay(asOf)} 또는 그 이전의 ${symbol} 가격이 없습니다`,
        hint: `머리글이 date,close인 ${symbol}.csv${KRX_SYMBOL.test(symbol) ? ` (또는 ${symbol.slice(0, 6)}.csv)` : ''} 파일을 폴더에 넣고 --prices FOLDER로 주세요`,
      },
    });
  }

  // What a close means: a series that states its currency (the fetched cache) is already in that major unit; a file
  // without one (bundled, --prices) is in the listing's quote unit (RR.L closes are pence), and a user file for an
  // unknown symbol is taken to be in the row's stated currency.
  const unit = series.currency
    ? { currency: series.currency, factor: 1 }
    : quoteUnitOf(inst, h, symbol, where);
  if (inst && series.currency && series.currency !== inst.currency) {
    warnings.push({
      code: 'currency-mismatch',
      symbol,
      source: series.source,
      valuedIn: series.currency,
      listed: inst.currency,
      ...where,
    });
  } else if (inst && h.currency && h.currency !== unit.currency) {
    warnings.push({
      code: 'currency-mismatch',
      symbol,
      valuedIn: unit.currency,
      row: h.currency,
      ...where,
    });
  }
  if (!inst) {
    warnings.push({
      code: 'unclassified',
      symbol,
      ...where,
    });
  }

  const price = obs.value * unit.factor;
  const priceAge = weekdaysBetween(obs.day, asOf);
  const fx = convert(unit.currency, base, market, asOf, where, symbol);
  const localValue = h.quantity * price;
  return {
    account: h.account,
    symbol,
    name: inst?.name ?? h.name ?? null,
    nameKo: inst?.nameKo ?? null,
    kind: 'security',
    quantity: h.quantity,
    currency: unit.currency,
    price,
    priceDate: fromDay(obs.day),
    priceSource: series.source,
    priceAge,
    fxRate: fx.rate,
    fxDate: fx.date,
    fxAge: fx.age,
    value: localValue * fx.rate,
    localValue,
    sleeve: inst?.sleeve ?? 'unclassified',
    country: inst?.country ?? null,
    mag7: inst?.mag7 ?? false,
    lot: inst?.lot ?? 1,
    weight: 0,
    origin: h.origin,
  };
}

/** The major currency and factor of a close in the listing's quote unit (universe), else the row's currency. */
function quoteUnitOf(
  inst: Instrument | undefined,
  h: SecurityHolding,
  symbol: string,
  where: { file: string; line: number },
): { currency: CurrencyCode; factor: number } {
  const quote = inst?.quoteCurrency ?? inst?.currency ?? h.currency;
  if (!quote) {
    throw new InputError({
      ...where,
      message: `${symbol} is not in the instrument universe, so its currency is unknown`,
      expected: 'a currency column on the row, or an entry for the symbol in a --universe file',
      ko: {
        message: `${symbol} 종목은 종목 유니버스에 없어 통화를 알 수 없습니다`,
        expected: '행의 통화 열, 또는 --universe 파일의 해당 종목 항목',
      },
    });
  }
  const unit = quoteToMajor(quote);
  if (!unit) {
    throw new InputError({
      ...where,
      message: `unknown quote currency ${quote} for ${symbol}`,
      ko: { message: `${symbol}의 호가 통화를 알 수 없습니다: ${quote}` },
    });
  }
  return unit;
}

function convert(
  from: CurrencyCode,
  to: CurrencyCode,
  market: MarketData,
  asOf: number,
  where: { file: string; line: number },
  symbol: string,
): { rate: number; date: string | null; age: number } {
  if (from === to) return { rate: 1, date: null, age: 0 };
  const q = fxRate(market, from, to, asOf);
  if (!q) {
    throw new InputError({
      ...where,
      message: `no ${from}→${to} exchange rate on or before ${fromDay(asOf)} (needed for ${symbol})`,
      hint: `put a file ${missingFxFiles(from, to, market, asOf)} with header date,rate in your --prices folder`,
      ko: {
        message: `${fromDay(asOf)} 또는 그 이전의 ${from}→${to} 환율이 없습니다 (${symbol}에 필요)`,
        hint: `머리글이 date,rate인 ${missingFxFiles(from, to, market, asOf)} 파일을 --prices 폴더에 넣으세요`,
      },
    });
  }
  return { rate: q.rate, date: fromDay(q.day), age: weekdaysBetween(q.day, asOf) };
}

/**
 * The file(s) that would make from→to convertible: the direct pair, or the missing leg(s) of the cross through USD
 * (named the way the bundled rates are, per USD: `USDBRL`), so the hint names what is actually absent.
 */
function missingFxFiles(from: CurrencyCode, to: CurrencyCode, market: MarketData, asOf: number): string {
  const direct = `fx/${from}${to}.csv`;
  if (from === 'USD' || to === 'USD') return direct;
  const legs = [
    { file: `fx/USD${from}.csv`, have: fxRate(market, from, 'USD', asOf) !== undefined },
    { file: `fx/USD${to}.csv`, have: fxRate(market, 'USD', to, asOf) !== undefined },
  ];
  const missing = legs.filter((l) => !l.have).map((l) => l.file);
  return `${direct} (or ${missing.join(' and ')}, to cross through USD)`;
}
