/**
 * Placement: which listings the solver may trade, in which accounts. Every holding can be sold where it is held (in
 * `full` mode; the holdings outside the model only under `--other reduce|sell`); a model sleeve may be bought through
 * the essay's named instruments that have a fresh close, then the user's own holdings in the sleeve, then the other
 * instruments the universe classifies in it. A buy lands only in an account that trades the listing's market: the
 * markets it already holds, those of its cash currencies when it holds no security, and those the user names
 * (`--account-markets NAME=KRX,US`).
 */
import { companyKey, FUND_TYPES } from '../../concentration.ts';
import type { CurrencyCode } from '../../currency.ts';
import { InputError, isInputError } from '../../errors.ts';
import { lookThroughFor } from '../../exposure.ts';
import type { Slice } from '../../lookthrough.ts';
import type { MarketData } from '../../market.ts';
import type { Model } from '../../model.ts';
import { STALE_ERROR_DAYS } from '../../staleness.ts';
import type { Instrument, SleeveId, Universe } from '../../universe.ts';
import { resolveSymbol } from '../../universe.ts';
import type { Position } from '../../valuation.ts';
import { valueHoldings } from '../../valuation.ts';
import type { PassedOver } from '../types.ts';
import type { Frame } from './frame.ts';
import { CASH_SLEEVE, OUTSIDE_KEPT } from './frame.ts';

/** Why a listing may be bought, in order of preference. */
export type BuyReason = 'named' | 'held' | 'candidate';

export interface Line {
  account: string;
  symbol: string;
  name: string | null;
  nameKo: string | null;
  sleeve: SleeveId;
  currency: CurrencyCode;
  price: number;
  priceDate: string | null;
  priceAge: number;
  /** Base per unit of `currency`. */
  fxRate: number;
  lot: number;
  /** Units held in this account before the orders. */
  held: number;
  country: string | null;
  mag7: boolean;
  /** Company key for the one-company limit (concentration.ts `companyKey`: GOOGL for GOOG, 6758.T for SONY); null for funds. */
  company: string | null;
  market: string;
  buy: boolean;
  sell: boolean;
  /** Sold in full (`--other sell`): the whole quantity, odd lots included. */
  exit: boolean;
  /** Why it may be bought; null when it may not. */
  reason: BuyReason | null;
  /** A named instrument bought through another listing of its company (ABBN.SW through its ADR): the named symbol. */
  listingOf: string | null;
  /**
   * What a fund with look-through data holds (exposure.ts `lookThroughFor`): its sleeves, Mag7, companies and countries
   * count by these shares, as `check` counts them (the slices' companies already as company keys); null for a direct
   * holding or a fund without data.
   */
  through: { slices: readonly Slice[]; countries: ReadonlyMap<string, number> } | null;
}

export interface Placement {
  lines: Line[];
  /** Per account, the markets it may buy in. */
  markets: Map<string, Set<string>>;
  /** Per sleeve, the named instruments passed over and why (no price, stale close, no account can trade it). */
  passedOver: Map<SleeveId, PassedOver[]>;
}

/**
 * American markets, one `US` market for the rebalancer. OTC is there because foreign companies' ADRs that left the
 * NYSE (ABB's ABBNY, Siemens' SIEGY, Fanuc's FANUY) trade over the counter, which the large US brokers offer.
 */
const US_EXCHANGES = new Set(['NASDAQ', 'NYSE', 'NYSEARCA', 'NYSEAMERICAN', 'AMEX', 'BATS', 'OTC']);
/** Where a currency's cash is spent when an account holds nothing else (a won account trades on KRX). */
const HOME_MARKET: Readonly<Record<string, string>> = {
  USD: 'US',
  KRW: 'KRX',
  JPY: 'TSE',
  TWD: 'TWSE',
  GBP: 'LSE',
  CHF: 'SIX',
};

/** The market a listing trades in: `US` for the American exchanges, else the exchange code (KRX, TSE, XETRA…). */
export function listingMarket(inst: Instrument | undefined, currency: CurrencyCode): string {
  if (inst) return US_EXCHANGES.has(inst.exchange) ? 'US' : inst.exchange;
  return HOME_MARKET[currency] ?? currency;
}

export function accountMarkets(
  positions: readonly Position[],
  universe: Universe,
  extra: Readonly<Record<string, readonly string[]>> = {},
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const get = (a: string) => {
    const s = out.get(a) ?? new Set<string>();
    out.set(a, s);
    return s;
  };
  for (const p of positions) {
    get(p.account);
    if (p.kind === 'security' && p.sleeve !== 'unclassified') {
      const inst = universe.instruments.get(p.symbol);
      if (inst && inst.type !== 'index') get(p.account).add(listingMarket(inst, p.currency));
    }
  }
  for (const p of positions) {
    if (p.kind === 'cash' && (out.get(p.account)?.size ?? 0) === 0) {
      const home = HOME_MARKET[p.currency];
      if (home) get(p.account).add(home);
    }
  }
  for (const [account, markets] of Object.entries(extra)) {
    if (!out.has(account)) {
      throw new InputError({
        message: `--account-markets names the account "${account}", which no holdings file has`,
        expected: `one of: ${[...out.keys()].join(', ')}`,
        ko: {
          message: `--account-markets에 적은 계좌가 어느 보유 파일에도 없습니다: "${account}"`,
          expected: `다음 중 하나: ${[...out.keys()].join(', ')}`,
        },
      });
    }
    for (const m of markets) get(account).add(m.toUpperCase());
  }
  return out;
}

export function placeLines(input: {
  positions: readonly Position[];
  universe: Universe;
  market: MarketData;
  base: CurrencyCode;
  asOf: number;
  model: Model;
  frame: Frame;
  mode: 'full' | 'cash-only';
  accountMarkets?: Readonly<Record<string, readonly string[]>>;
}): Placement {
  const { positions, universe, frame, mode } = input;
  const markets = accountMarkets(positions, universe, input.accountMarkets);
  const buySleeves = new Set(
    frame.sleeves.filter((s) => s.inModel && s.id !== CASH_SLEEVE && s.hi > 0).map((s) => s.id),
  );
  const lines: Line[] = [];
  const byKey = new Map<string, Line>();
  const instrumentOf = (symbol: string) => universe.instruments.get(symbol);
  const companyOf = (symbol: string, inst: Instrument | undefined) =>
    inst && FUND_TYPES.has(inst.type) ? null : companyKey(instrumentOf, symbol);
  const throughOf = (p: Position): Line['through'] => {
    const look = lookThroughFor(universe, p);
    if (!look) return null;
    const slices = look.slices.map((x) =>
      x.company ? { ...x, company: companyKey(instrumentOf, x.company) } : x,
    );
    return { slices, countries: look.countries };
  };

  for (const p of positions) {
    if (p.kind !== 'security') continue;
    const key = `${p.account}\u0000${p.symbol}`;
    const prior = byKey.get(key);
    if (prior) {
      prior.held += p.quantity;
      continue;
    }
    const inst = universe.instruments.get(p.symbol);
    const outside = OUTSIDE_KEPT.includes(p.sleeve) && !input.model.sleeves.some((s) => s.id === p.sleeve);
    const sell = mode === 'full' && p.sleeve !== CASH_SLEEVE && (!outside || frame.other !== 'keep');
    const line: Line = {
      account: p.account,
      symbol: p.symbol,
      name: p.name,
      nameKo: p.nameKo ?? inst?.nameKo ?? null,
      sleeve: p.sleeve,
      currency: p.currency,
      price: p.price,
      priceDate: p.priceDate,
      priceAge: p.priceAge,
      fxRate: p.fxRate,
      lot: p.lot,
      held: p.quantity,
      country: p.country,
      mag7: p.mag7,
      company: companyOf(p.symbol, inst),
      market: listingMarket(inst, p.currency),
      buy: false,
      sell,
      exit: outside && frame.other === 'sell' && mode === 'full',
      reason: null,
      listingOf: null,
      through: throughOf(p),
    };
    lines.push(line);
    byKey.set(key, line);
  }

  const passedOver = new Map<SleeveId, PassedOver[]>();
  const ctx = { universe, market: input.market, base: input.base, asOf: input.asOf };
  const listings = listingsByCompany(universe);
  for (const sleeve of buySleeves) {
    const named = (input.model.sleeves.find((s) => s.id === sleeve)?.candidates ?? []).map(
      (w) => resolveSymbol(universe, w) ?? w,
    );
    const heldHere = lines.filter((l) => l.sleeve === sleeve).map((l) => l.symbol);
    const tried: PassedOver[] = [];
    const fill = frame.sleeves.find((s) => s.id === sleeve)?.fill ?? 1;
    const seen = new Set<string>();

    /**
     * Offers one listing to every account that trades its market: null when offered, else why not (no price, a stale
     * close, no account trading its market).
     */
    const offer = (symbol: string, reason: BuyReason, listingOf: string | null): PassedOver | null => {
      seen.add(symbol);
      const inst = universe.instruments.get(symbol);
      const priced = inst ? priceOne(symbol, ctx) : { error: 'not-in-universe' as const };
      if ('error' in priced) return { symbol, why: priced.error };
      if (priced.p.priceAge > STALE_ERROR_DAYS) {
        return { symbol, why: 'stale', date: priced.p.priceDate ?? '', age: priced.p.priceAge };
      }
      const market = listingMarket(inst, priced.p.currency);
      const accounts = [...markets].filter(([, m]) => m.has(market)).map(([a]) => a);
      if (!accounts.length) return { symbol, why: 'no-account', market };
      for (const account of accounts) {
        const key = `${account}\u0000${symbol}`;
        const existing = byKey.get(key);
        if (existing) {
          if (!existing.buy) {
            existing.buy = true;
            existing.reason = reason === 'named' ? 'named' : 'held';
            existing.listingOf = listingOf;
          }
          continue;
        }
        const p = priced.p;
        const line: Line = {
          account,
          symbol,
          name: inst?.name ?? p.name,
          nameKo: inst?.nameKo ?? null,
          sleeve,
          currency: p.currency,
          price: p.price,
          priceDate: p.priceDate,
          priceAge: p.priceAge,
          fxRate: p.fxRate,
          lot: p.lot,
          held: 0,
          country: p.country,
          mag7: p.mag7,
          company: companyOf(symbol, inst),
          market,
          buy: true,
          sell: false,
          exit: false,
          reason,
          listingOf,
          through: throughOf(p),
        };
        lines.push(line);
        byKey.set(key, line);
      }
      return null;
    };

    for (const symbol of named) {
      if (seen.has(symbol)) continue;
      const why = offer(symbol, 'named', null);
      if (!why) continue;
      // Not buyable here (a US broker and ABB's Swiss line): the same company through a listing an account trades (its
      // US ADR), still as the essay's name. One listing is enough; the first the universe lists that works. Bought
      // that way (its orders say so), it is not a name passed over.
      const others = listings.get(companyKey(instrumentOf, symbol)) ?? [];
      const through = others.find(
        (alt) => alt !== symbol && !seen.has(alt) && offer(alt, 'named', symbol) === null,
      );
      if (!through) tried.push(why);
    }
    for (const symbol of heldHere) if (!seen.has(symbol)) offer(symbol, 'held', null);
    // Other candidates only as many as the sleeve's fill: enough to spread it, few enough to keep the problem small.
    let extra = 0;
    for (const i of universe.instruments.values()) {
      if (extra >= fill) break;
      if (i.sleeve !== sleeve || i.type === 'index' || seen.has(i.symbol)) continue;
      if (offer(i.symbol, 'candidate', null) === null) extra++;
    }
    if (tried.length) passedOver.set(sleeve, tried);
  }
  return { lines, markets, passedOver };
}

/** Every company's listings, the home listing first (the key), then its other lines in the universe's order. */
function listingsByCompany(universe: Universe): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of universe.instruments.values()) {
    if (!i.company) continue;
    const list = out.get(i.company) ?? [i.company];
    list.push(i.symbol);
    out.set(i.company, list);
  }
  return out;
}

function priceOne(
  symbol: string,
  ctx: { universe: Universe; market: MarketData; base: CurrencyCode; asOf: number },
): { p: Position } | { error: 'no-price' } {
  try {
    const [p] = valueHoldings({
      ...ctx,
      holdings: [{ kind: 'security', account: '', symbol, quantity: 1, origin: { file: 'model', line: 0 } }],
    }).positions;
    return p ? { p } : { error: 'no-price' };
  } catch (e) {
    if (!isInputError(e)) throw e;
    // The valuation's refusal is "no price for X on or before D": the one reason a held-or-named listing fails here.
    return { error: 'no-price' };
  }
}
