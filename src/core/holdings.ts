/** Holdings as the importers hand them to the core: one row per account and instrument, or per account and cash currency. */
import type { CurrencyCode } from './currency.ts';
import type { Warning } from './warnings.ts';

/** Where a row came from, so later errors about it (no price, unknown symbol) can point at the file and line. */
export interface Origin {
  file: string;
  line: number;
}

export interface SecurityHolding {
  kind: 'security';
  account: string;
  /** Symbol as the user wrote it, trimmed (`A005930`, `nvda`); resolution to the canonical symbol is the universe's job. */
  symbol: string;
  quantity: number;
  /** Currency the user stated for the row, if any. */
  currency?: CurrencyCode;
  name?: string;
  origin: Origin;
}

export interface CashHolding {
  kind: 'cash';
  account: string;
  currency: CurrencyCode;
  amount: number;
  origin: Origin;
}

export type Holding = SecurityHolding | CashHolding;

/** What an importer returns: the rows, plus notes for the user (e.g. duplicate rows summed). */
export interface ImportResult {
  holdings: Holding[];
  warnings: Warning[];
}
