import type { CurrencyCode } from './currency.ts';
import type { IsoDate } from './dates.ts';
import type { Lever } from './rebalance/solve/explain.ts';
import type { OtherPolicy } from './rebalance/solve/frame.ts';
import type { GoalKind } from './rebalance/solve/model.ts';
import type { PassedOver } from './rebalance/types.ts';
import type { SleeveId } from './universe.ts';

/**
 * Every notice the core, the use cases and the importers emit, by code, with exactly the facts its sentence needs.
 * The words live in i18n/catalog (one function per code, English and Korean), so a notice carries no prose and a new
 * code without a sentence, or a sentence reading a fact the notice lacks, fails to compile there.
 *
 * Fields are the facts as the emitter knows them (numbers as numbers, lists as arrays); a field is optional only where
 * one emitter of the code has it and another does not (the backtest's `stale-price` has no account, `check`'s does).
 */
export interface NoticeParams {
  // core/check.ts (and core/backtest/prepare.ts for the carried-forward close and the old rate)
  'stale-price': {
    symbol: string;
    account?: string;
    date: IsoDate;
    /** Trading days before the as-of date (check). */
    age?: number;
    /** The backtest carries the last close forward to this day. */
    until?: IsoDate;
  };
  'stale-price-error': { symbol: string; account?: string; date: IsoDate; age: number };
  'stale-fx': {
    currency: CurrencyCode;
    date: IsoDate;
    age?: number;
    monthlyAverage?: boolean;
    /** The backtest: the rate into `base` is older than a month from the day `from`. */
    base?: CurrencyCode;
    from?: IsoDate;
  };
  'stale-fx-error': { currency: CurrencyCode; date: IsoDate; age: number; monthlyAverage: boolean };
  'concentration-position': {
    /** The company's first symbol, and all its symbols (GOOGL and GOOG together). */
    symbol: string;
    symbols: readonly string[];
    /** Funds through which part of it is held (look-through). */
    funds?: readonly string[];
    weight: number;
    limit: number;
  };
  'concentration-country': { country: string; weight: number; limit: number };
  /** `etn`: the security is a KRX ETN, a note with nothing to look through (not a fund lacking data). */
  'no-look-through': { symbol: string; weight: number; etn?: true };
  'look-through-old': { symbol: string; date: IsoDate; age: number };

  // core/valuation.ts
  unclassified: { symbol: string; file?: string; line?: number };
  'currency-mismatch': { symbol: string; file?: string; line?: number; valuedIn: CurrencyCode } & (
    | { source: string; listed: CurrencyCode }
    | { row: CurrencyCode }
  );

  // app/listing-starts.ts, app/file-prices.ts
  'listing-start': { symbol: string; date: IsoDate; reason: string };
  'file-price': {
    symbol: string;
    file: string;
    line: number;
    date: IsoDate;
    currency: CurrencyCode;
    price: number;
    /** False when the file states no date and the as-of day was taken. */
    dated: boolean;
  };

  // core/rebalance/solve/explain.ts, core/rebalance/freshness.ts
  'solver-failed': Record<never, never>;
  'nothing-investable': Record<never, never>;
  'other-policy': { policy: OtherPolicy; share: number; rest: number };
  'goal-missed': {
    kind: GoalKind;
    /** The sleeve, company or country; for `fill`, account and symbol joined by NUL. */
    key: string;
    sleeve?: SleeveId;
    limit: number;
    reached: number;
    otherShare: number;
    why: 'cash-only' | 'other-kept' | 'reach';
  };
  'named-passed-over': { sleeve: SleeveId; passed: readonly PassedOver[] };
  levers: { levers: readonly Lever[] };
  'funding-short': { account: string; amount: number; currency: CurrencyCode };
  'stale-allowed': {
    /** A symbol, or a pair of currencies `USD→KRW`. */
    what: string;
    symbol?: string;
    date?: IsoDate;
    age?: number;
  };

  // core/backtest
  'backtest-start': { symbol: string; date: IsoDate };
  'whole-shares-cash': {
    portfolio: string;
    left: number;
    initial: number;
    weight: number;
    currency: CurrencyCode;
  };
  'policy-missed': { date: IsoDate; days: number; of: number; goals: readonly GoalKind[] };
  /** Without `currency`: no rates were given; with it: cash in that currency earns the US T-bill rate. */
  'cash-rate': { currency?: CurrencyCode };
  'currency-assumed': { symbol: string; currency: CurrencyCode };

  // core/stress/stress.ts
  /** `id` as the English sentence names the scenario; `scenario` and `scenarioKo` are its names. */
  'stress-unshocked': { id: string; scenario: string; scenarioKo: string; symbols: readonly string[] };
  'risk-history-too-short': { date: IsoDate; needed: number };
  'risk-window-shortened': { symbol?: string; from: IsoDate; to: IsoDate; requestedFrom: IsoDate };
  'risk-monthly-fx': { currency: CurrencyCode; base: CurrencyCode };

  // adapters/import
  'quantity-looks-like-date': {
    file: string;
    line: number;
    symbol: string;
    date: IsoDate;
    /** The cell as written, and whether it is a cash row's amount rather than a quantity. */
    cell: string;
    cash: boolean;
  };
  /** `label`: the row's label as written (`Account Total`, `합계`). */
  'summary-row': { file: string; line: number; label: string };
  /** `table`: the format's table (`Kiwoom holdings`); `excerpt`: the start of what follows it. */
  'table-end': { file: string; line: number; table: string; excerpt: string };
  /** `trade`: a transaction log's row (`a Crypto trade in BTC`) rather than a holding. */
  'unsupported-asset': { file: string; line: number; symbol: string; assetClass: string; trade: boolean };
  'read-as-transactions': {
    file: string;
    /** The format's name, the share-moving rows netted, the other rows (dividends, fees), those of unknown action. */
    format: string;
    netted: number;
    cashRows: number;
    unknown: number;
    asOf?: IsoDate;
  };
  'split-applied': {
    file: string;
    account: string;
    symbol: string;
    date: IsoDate;
    ratio: number;
    source: string;
  };
  /** `date`: the snapshot read, of `snapshots` from `first` to `last`. */
  'snapshot-chosen': {
    file: string;
    date: IsoDate;
    snapshots: number;
    first: IsoDate;
    last: IsoDate;
    asOf?: IsoDate;
  };
  /** `label`: the cash row's symbol as written (`예수금`). */
  'cash-currency-assumed': {
    file: string;
    line: number;
    account: string;
    symbol: CurrencyCode;
    label: string;
  };
  // adapters/import/formats (nh, koscom)
  /** `credit`: what marks the row as held on credit (the 신용코드 or 대출일 cells, or `tradeType CRD`). */
  'loan-not-subtracted': {
    file: string;
    line: number;
    account: string;
    symbol: string;
    credit: readonly string[];
  };
  'account-debt': { file: string; line: number; account: string; loanCredit: number; receivable: number };
  'left-out-holding': {
    file: string;
    line: number;
    account: string;
    symbol: string;
    kind: string;
    from: 'equity' | 'fund' | 'etc';
    value?: number;
    currency?: CurrencyCode;
  };
  'more-pages': { file: string; page: string; count?: number; total?: number };
  'cash-unsettled': {
    file: string;
    line: number;
    read: string;
    amount: number;
    other: string;
    otherAmount: number;
    unsettledRows: number;
    currency: CurrencyCode;
  };
  'zero-quantity': {
    file: string;
    line: number;
    account: string;
    symbol: string;
    currency?: CurrencyCode;
  };
  'duplicate-rows': {
    file: string;
    line: number;
    account: string;
    symbol: string;
    currency?: CurrencyCode;
    lines: readonly number[];
    total: number;
  };
  'excluded-account': {
    file: string;
    account: string;
    activities: number;
    balance: number;
    currency?: CurrencyCode;
  };
  'balances-as-of-export': { file: string; date: IsoDate; asOf: IsoDate };
  /** `date`: the first one; `rows`: a broker's transaction log (rows) rather than Ghostfolio's activities. */
  'activities-after-as-of': { file: string; date?: IsoDate; count: number; asOf: IsoDate; rows: boolean };
  'ignored-activities': {
    file: string;
    count: number;
    types: readonly { type: string; count: number }[];
  };
}

export type NoticeCode = keyof NoticeParams;

/** A notice: its code and exactly that code's facts. `switch (n.code)` narrows to them. */
export type Notice = { [K in NoticeCode]: { code: K } & NoticeParams[K] }[NoticeCode];

/** A notice of one code. */
export type NoticeOf<K extends NoticeCode> = Extract<Notice, { code: K }>;

/**
 * The codes, as a value for the scan in i18n/warnings.test.ts. The object form makes a missing or extra code a compile
 * error (every key of NoticeParams, and nothing else).
 */
const CODES: { readonly [K in NoticeCode]: true } = {
  'stale-price': true,
  'stale-price-error': true,
  'stale-fx': true,
  'stale-fx-error': true,
  'concentration-position': true,
  'concentration-country': true,
  'no-look-through': true,
  'look-through-old': true,
  unclassified: true,
  'currency-mismatch': true,
  'listing-start': true,
  'file-price': true,
  'solver-failed': true,
  'nothing-investable': true,
  'other-policy': true,
  'goal-missed': true,
  'named-passed-over': true,
  levers: true,
  'funding-short': true,
  'stale-allowed': true,
  'backtest-start': true,
  'whole-shares-cash': true,
  'policy-missed': true,
  'cash-rate': true,
  'currency-assumed': true,
  'stress-unshocked': true,
  'risk-history-too-short': true,
  'risk-window-shortened': true,
  'risk-monthly-fx': true,
  'quantity-looks-like-date': true,
  'summary-row': true,
  'table-end': true,
  'unsupported-asset': true,
  'loan-not-subtracted': true,
  'account-debt': true,
  'left-out-holding': true,
  'more-pages': true,
  'cash-unsettled': true,
  'read-as-transactions': true,
  'split-applied': true,
  'snapshot-chosen': true,
  'cash-currency-assumed': true,
  'zero-quantity': true,
  'duplicate-rows': true,
  'excluded-account': true,
  'balances-as-of-export': true,
  'activities-after-as-of': true,
  'ignored-activities': true,
};

export const NOTICE_CODES: readonly NoticeCode[] = Object.keys(CODES) as NoticeCode[];
