/**
 * The shapes of a rebalance: what goes in (holdings, model, market, mode, band, new money) and what comes out
 * (orders per account in each listing's currency, the currency conversions they need, what was skipped or could not
 * be placed, and the sleeve weights after the orders). Every amount carries its currency; `…Base` fields are in the
 * base currency.
 */

import type { CurrencyCode } from '../currency.ts';
import type { Band } from '../engine/band.ts';
import type { CostModel } from '../engine/cost.ts';
import type { Holding } from '../holdings.ts';
import type { MarketData } from '../market.ts';
import type { CheckThresholds, Model } from '../model.ts';
import type { CheckResult } from '../rules.ts';
import type { SleeveId, Universe } from '../universe.ts';
import type { Warning } from '../warnings.ts';
import type { DataFreshness } from './freshness.ts';
import type { OtherPolicy } from './solve/frame.ts';
import type { GoalKind } from './solve/model.ts';

export type RebalanceMode = 'full' | 'cash-only';

export interface Money {
  amount: number;
  currency: CurrencyCode;
}

/** New money to add before rebalancing; without an account it goes where that currency's cash already is. */
export interface NewCash extends Money {
  account?: string;
}

export interface RebalanceInput {
  holdings: readonly Holding[];
  universe: Universe;
  model: Model;
  market: MarketData;
  base: CurrencyCode;
  /** Day number of the as-of date. */
  asOf: number;
  mode: RebalanceMode;
  /** Default: the model's band, absolute. */
  band?: Band;
  newCash?: readonly NewCash[];
  /** Broker allows fractional shares: quantities are not rounded to lots. */
  fractional?: boolean;
  /** Orders worth less than this (converted to base at the as-of rate) are skipped. */
  minTrade?: Money;
  /**
   * How many priced candidates fill an empty sleeve (equal parts), for every sleeve. Default: the sleeve's own `fill`
   * in the model, else 3 (one name in a 30% sleeve is the concentration the thesis warns about).
   */
  candidates?: number;
  /** Trading costs, reserved from cash before buying. Default none. */
  cost?: CostModel;
  /** The holdings outside the model: kept as they are (default), reduced where a limit needs it, or sold. */
  other?: OtherPolicy;
  /** Money may move between accounts (default: no, each account pays for its own buys). */
  transfers?: boolean;
  /** Markets each account may buy in, beyond those it already holds (`--account-markets NAME=KRX,US`). */
  accountMarkets?: Readonly<Record<string, readonly string[]>>;
  /** User overrides of the checklist thresholds. */
  thresholds?: Partial<CheckThresholds>;
}

export type Side = 'buy' | 'sell';

export interface Order {
  account: string;
  symbol: string;
  name: string | null;
  nameKo: string | null;
  side: Side;
  /** Units (whole lots unless fractional). Always positive; `side` gives the direction. */
  quantity: number;
  /** Last close on or before the as-of date, in `currency` (a reference, not a limit). */
  price: number;
  priceDate: string | null;
  currency: CurrencyCode;
  /** quantity × price, in `currency`. */
  value: number;
  /** `value` in the base currency at the as-of rate. */
  valueBase: number;
  /** Trading cost of this order under `input.cost`, in the base currency (0 without a cost model). */
  costBase: number;
  sleeve: SleeveId;
  /**
   * Why this order: a buy of an instrument the essay names (`named`), of one the user already holds (`held`), of
   * another instrument the universe classifies in the sleeve (`candidate`); a sale that brings a sleeve, company or
   * country back within its limit (`reduce`), or of a holding outside the model under `--other sell` (`exit`).
   */
  why?: OrderReason;
  /** A named instrument bought through another listing of its company (ABBN.SW through its US ADR): the named one. */
  listingOf?: string;
}

export type OrderReason = 'named' | 'held' | 'candidate' | 'reduce' | 'exit';

export interface SkippedOrder extends Order {
  reason: 'min-trade';
}

/** Units taken off a buy because its account could not pay for them, even after conversions and transfers. */
export interface CutOrder extends Order {
  /** Units the buy had before the cut (`quantity` is the units removed). */
  planned: number;
  reason: 'account-short';
}

/**
 * Money moved from one account to another before the buys (funding.ts). The sender converts first, so `currency` is
 * the one the receiver's buys need.
 */
export interface Transfer {
  from: string;
  to: string;
  currency: CurrencyCode;
  amount: number;
  /** `amount` in the base currency at the as-of rate. */
  amountBase: number;
}

export interface FxOrder {
  /** The account the conversion is made in. */
  account: string;
  from: CurrencyCode;
  to: CurrencyCode;
  /** Amount sold, in `from`. */
  amount: number;
  /** Units of `to` per 1 `from`. */
  rate: number;
  /** Date of the rate used (the oldest leg's). */
  date: string;
  /** `orders`: for this account's own buys; `transfer`: made by a sending account before a transfer. */
  purpose: 'orders' | 'transfer';
  /** For `transfer`: the account the converted money is sent to. */
  transferTo?: string;
}

export interface CandidateTried {
  symbol: string;
  /** Why it was not bought; null for the ones that were. */
  reason: string | null;
  /** Passed over only because its close is too old (a fresh candidate was bought instead); said in its own warning. */
  stale?: true;
}

/** Money a sleeve should have received but no instrument could take: reported, never silently dropped. */
export interface Unresolved {
  sleeve: SleeveId;
  /** In the base currency. */
  amount: number;
  reason: 'no-priced-candidate' | 'no-candidates';
  candidates: CandidateTried[];
}

export interface SleeveResult {
  id: SleeveId;
  /** Fraction of the investable value (total − sleeves left alone); of the whole portfolio in solve/optimize.ts. */
  weight: number;
  target: number;
  within: boolean;
  /** In the base currency. */
  value: number;
}

export interface CashBalance {
  account: string;
  currency: CurrencyCode;
  amount: number;
  valueBase: number;
}

/** The rebalance's notices: those of valuation and check, and its own (explain.ts, freshness.ts). */
export type RebalanceWarning = Warning;

/** A named instrument the rebalancer could not buy: no price, a stale close, no account trading its market. */
export type PassedOver =
  | { symbol: string; why: 'no-price' }
  | { symbol: string; why: 'not-in-universe' }
  | { symbol: string; why: 'stale'; date: string; age: number }
  | { symbol: string; why: 'no-account'; market: string };

export interface RebalanceResult {
  asOf: string;
  base: CurrencyCode;
  model: string;
  mode: RebalanceMode;
  band: Band;
  orders: Order[];
  /** Between accounts, after the orders and before the buys; planned in funding.ts. */
  transfers: Transfer[];
  fx: FxOrder[];
  skipped: SkippedOrder[];
  /** Buys reduced because their account was still short after conversions and transfers. */
  cuts: CutOrder[];
  unresolved: Unresolved[];
  before: { investable: number; total: number; sleeves: SleeveResult[] };
  after: { investable: number; total: number; sleeves: SleeveResult[]; cash: CashBalance[] };
  /** Trading cost of the orders under `input.cost`, in base. */
  cost: number;
  /** The cost model used (none = 0 bps). */
  costModel: CostModel;
  /** Age of every close and rate the orders rest on, worst first (freshness.ts); the command gates on it. */
  freshness: DataFreshness;
  warnings: RebalanceWarning[];
  /** What was done with the holdings outside the model, and their share of the portfolio before the orders. */
  other?: { policy: OtherPolicy; share: number };
  /** Whether money may move between accounts (`--transfers`). */
  transfersAllowed?: boolean;
  /** Per account, the listing markets it may buy in. */
  accountMarkets?: { account: string; markets: string[] }[];
  /** The goals the orders could not meet, each with the best figure reached: empty when every one holds. */
  misses?: GoalMiss[];
  /** The checklist and the concentration warnings as `check` will report them once the orders are filled. */
  checklist?: { checks: CheckResult[]; concentration: Warning[] };
}

/** A goal the solver could not meet: which one, the limit, and where the orders leave it. */
export interface GoalMiss {
  kind: GoalKind;
  /** The sleeve, company (symbols) or country; `mag7`, `physical-energy`, `regional` for the checks. */
  key: string;
  limit: number;
  reached: number;
}
