/**
 * The journal's records as plain data: what one month of the routine leaves behind (the holdings as checked, the
 * checklist verdicts, the orders proposed or executed). The store adapter persists these; the CLI and the server
 * read them back in this shape. Months are calendar months: one record per `YYYY-MM`, dated by its as-of day.
 */
import type { IsoDate } from './dates.ts';
import { parseIsoDay } from './dates.ts';

export type OrderSide = 'buy' | 'sell';
export type OrderStatus = 'proposed' | 'executed';

/** One order as `dispersion rebalance --csv` writes it, plus whether it was carried out. */
export interface JournalOrder {
  account: string;
  symbol: string;
  side: OrderSide;
  /** Whole units (a multiple of the listing's lot). */
  quantity: number;
  /** Price per unit in `currency`. */
  price: number;
  currency: string;
  /** quantity × price, in `currency`. */
  value: number;
  /** The same value in the month's base currency. */
  valueBase: number;
  status: OrderStatus;
}

/** One priced position of the snapshot, as the check valued it. */
export interface JournalHolding {
  account: string;
  symbol: string;
  name: string | null;
  quantity: number;
  currency: string;
  price: number;
  priceDate: string | null;
  /** Units of base per 1 unit of `currency`. */
  fxRate: number;
  fxDate: string | null;
  /** Value in the month's base currency. */
  value: number;
  sleeve: string;
  country: string | null;
}

export interface JournalCheck {
  id: string;
  pass: boolean;
  value: number | null;
  threshold: number;
}

/** Everything written for one month of one portfolio, in one transaction. */
export interface JournalMonth {
  /**
   * Which portfolio the record belongs to: `--portfolio NAME`, or the set of its account names (portfolioName). The
   * journal keeps one record per portfolio and month; one portfolio's rebalance says nothing about another's.
   */
  portfolio: string;
  /** `YYYY-MM`, derived from `asOf`; the key a second record of the same month replaces. */
  month: string;
  asOf: IsoDate;
  base: string;
  model: string;
  total: number;
  /** Recorded with `--executed`: a rebalance happened this month, even if no order was needed (already in band). */
  executed: boolean;
  /** Why it was executed with no orders although a sleeve was outside its band (`--note`); null otherwise. */
  note: string | null;
  /** When the record was written (ISO 8601 instant, supplied by the caller). */
  createdAt: string;
  holdings: JournalHolding[];
  checks: JournalCheck[];
  orders: JournalOrder[];
}

/** The one-line summary of a month that `journal list` shows. */
export interface JournalMonthSummary {
  portfolio: string;
  month: string;
  asOf: IsoDate;
  base: string;
  model: string;
  total: number;
  checksPassed: number;
  checksTotal: number;
  orders: number;
  rebalanced: boolean;
  createdAt: string;
}

/** What a re-record of a month replaced, so the command can say so. */
export interface ReplacedMonth {
  portfolio: string;
  month: string;
  asOf: IsoDate;
  createdAt: string;
}

/** `2026-05-29` → `2026-05`. */
export function monthOf(asOf: IsoDate): string {
  return asOf.slice(0, 7);
}

/** A month "has a rebalance" when it was recorded as executed or any of its orders was executed. */
export function hasRebalance(m: Pick<JournalMonth, 'executed' | 'orders'>): boolean {
  return m.executed || m.orders.some((o) => o.status === 'executed');
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` or `YYYY-MM-DD` → the `YYYY-MM` it names, or undefined when it is neither. */
export function parseMonthArg(text: string): string | undefined {
  const t = text.trim();
  if (MONTH_RE.test(t)) return t;
  if (parseIsoDay(t) !== undefined) return monthOf(t);
  return undefined;
}

/** The name of a portfolio given no `--portfolio`, when it holds no account at all. */
export const NO_ACCOUNTS = '(no accounts)';

/**
 * A portfolio's default name: its account names, distinct, sorted by code unit, joined with " + " ("ISA + 해외주식").
 * Migration 2026-12-02T0003 assigned the months recorded before it by a frozen copy of this rule: change it only
 * together with a migration that renames what is on record.
 */
export function portfolioName(accounts: Iterable<string>): string {
  const names = [...new Set(accounts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.length === 0 ? NO_ACCOUNTS : names.join(' + ');
}

/** `--portfolio NAME` when given (trimmed; empty is refused by the caller), else the accounts' name. */
export function portfolioOf(explicit: string | undefined, accounts: Iterable<string>): string {
  return explicit?.trim() ? explicit.trim() : portfolioName(accounts);
}

export interface BandedSleeve {
  id: string;
  weight: number;
  target: number;
  min: number | null;
  max: number | null;
}

/**
 * The sleeves outside their band: the model's range (min–max) where it sets one, else target ± `band` (absolute).
 * `other` and `unclassified` have no target to be outside of (the rebalancer leaves them alone).
 */
export function sleevesOutsideBand(sleeves: readonly BandedSleeve[], band: number): BandedSleeve[] {
  const EPS = 1e-12;
  return sleeves.filter((s) => {
    if (s.id === 'other' || s.id === 'unclassified') return false;
    if (s.min !== null && s.max !== null) return s.weight < s.min - EPS || s.weight > s.max + EPS;
    return Math.abs(s.weight - s.target) > band + EPS;
  });
}
