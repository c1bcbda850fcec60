/**
 * Positions from a transaction log: what a broker's "history" export says was held on a given day. Pure: the
 * importers turn rows into `Transaction`s, this nets them per account and symbol.
 *
 * What changes a share count: buys, sells, reinvested dividends, transfers of shares in and out, and splits (a row of
 * the file's own, or a fact from the bundled split table). Dividends, fees and interest move cash, not shares, so they
 * are counted and reported but never added to a quantity — reading them as shares is the classic wrong number.
 */
import { type IsoDate, toDay } from './dates.ts';
import { InputError } from './errors.ts';
import type { Origin } from './holdings.ts';

/** What a row does to the position it is about. */
export type TransactionKind =
  | 'buy'
  | 'sell'
  | 'reinvest'
  | 'transfer-in'
  | 'transfer-out'
  /** Shares added (or removed, when negative) by a split, as the file states them. */
  | 'split-shares'
  /** A split as a ratio (new shares per old share), as the file states it. */
  | 'split-ratio'
  /** A trade whose sign says the direction (Degiro: +10 bought, −4 sold). */
  | 'trade'
  | 'dividend'
  | 'fee'
  | 'interest'
  | 'cash'
  | 'other';

/** Kinds that never change a share count. */
export const CASH_ONLY_KINDS: ReadonlySet<TransactionKind> = new Set([
  'dividend',
  'fee',
  'interest',
  'cash',
  'other',
]);

export interface Transaction {
  /** Calendar day (YYYY-MM-DD); undefined when the file has no date for the row. */
  date: IsoDate | undefined;
  account: string;
  symbol: string;
  kind: TransactionKind;
  /** Shares for buy/sell/reinvest/transfer (unsigned), signed for `trade` and `split-shares`. */
  quantity: number;
  /** New shares per old share, for `split-ratio`. */
  ratio?: number;
  origin: Origin;
}

/** A split as a fact: on `date` (the first day the shares trade split-adjusted) each share became `ratio` shares. */
export interface SplitFact {
  symbol: string;
  /** The listing's ISIN, for files that name it that way (Degiro, Trading 212). */
  isin?: string;
  date: IsoDate;
  ratio: number;
  source: string;
}

export interface NetPosition {
  account: string;
  symbol: string;
  quantity: number;
  /** The first row of the position, for later errors about it. */
  origin: Origin;
}

export interface NetResult {
  positions: NetPosition[];
  /** Rows that do not change share counts, by kind. */
  cashOnly: Map<TransactionKind, number>;
  /** Rows dated after the as-of day, and the first such date. */
  later: { count: number; first: IsoDate | undefined };
  /** Bundled splits applied: which, to which account. */
  splitsApplied: { account: string; split: SplitFact }[];
}

/** A file's own split row within this many days of a bundled split is the same split (record vs. ex-date). */
const SAME_SPLIT_DAYS = 10;

/**
 * Net quantity per account and symbol as of `asOf` (inclusive; undefined: every row). Rows are applied in date order
 * (file order within a day, undated rows first). A sale of more than is held is refused with the row's origin: a
 * missing buy or an unknown split would otherwise show a wrong position.
 */
export function netPositions(
  transactions: readonly Transaction[],
  splits: readonly SplitFact[],
  asOf: IsoDate | undefined,
): NetResult {
  const cashOnly = new Map<TransactionKind, number>();
  const later = { count: 0, first: undefined as IsoDate | undefined };
  const groups = new Map<string, Transaction[]>();
  for (const t of transactions) {
    if (asOf !== undefined && t.date !== undefined && t.date > asOf) {
      later.count++;
      if (later.first === undefined || t.date < later.first) later.first = t.date;
      continue;
    }
    if (CASH_ONLY_KINDS.has(t.kind)) {
      cashOnly.set(t.kind, (cashOnly.get(t.kind) ?? 0) + 1);
      continue;
    }
    const key = `${t.account}\u0000${t.symbol.trim().toUpperCase()}`;
    const list = groups.get(key);
    if (list) list.push(t);
    else groups.set(key, [t]);
  }

  const bySymbol = new Map<string, SplitFact[]>();
  for (const s of splits) {
    const key = s.symbol.toUpperCase();
    bySymbol.set(key, [...(bySymbol.get(key) ?? []), s]);
  }

  const positions: NetPosition[] = [];
  const splitsApplied: NetResult['splitsApplied'] = [];
  for (const rows of groups.values()) {
    const first = rows[0] as Transaction;
    const ordered = rows
      .map((t, i) => ({ t, i }))
      .sort((a, b) => compareDates(a.t.date, b.t.date) || a.i - b.i)
      .map((x) => x.t);
    const ownSplitDates = ordered
      .filter((t) => t.kind === 'split-shares' || t.kind === 'split-ratio')
      .map((t) => t.date);
    const bundled = (bySymbol.get(first.symbol.trim().toUpperCase()) ?? [])
      .filter((s) => asOf === undefined || s.date <= asOf)
      .filter(
        (s) =>
          !ownSplitDates.some((d) => d !== undefined && Math.abs(daysBetween(d, s.date)) <= SAME_SPLIT_DAYS),
      )
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

    let held = 0;
    let next = 0; // index of the next bundled split not yet applied
    const applyBundledBefore = (date: IsoDate | undefined) => {
      while (next < bundled.length) {
        const s = bundled[next] as SplitFact;
        // A split on day D applies to shares held at the close of D−1: rows dated D and later see it.
        if (date !== undefined && s.date > date) break;
        if (date === undefined) break;
        if (held !== 0) {
          held = round(held * s.ratio);
          splitsApplied.push({ account: first.account, split: s });
        }
        next++;
      }
    };
    for (const t of ordered) {
      applyBundledBefore(t.date);
      held = round(held + delta(t, held));
      if (held < 0) {
        throw new InputError({
          file: t.origin.file,
          line: t.origin.line,
          message: `more ${t.symbol} sold than held in account ${t.account}: this row leaves ${held}`,
          expected: 'sales of at most the shares held; short positions are not supported',
          hint: 'a buy, a transfer in or a split may be missing from the file (an earlier period, another export)',
          ko: {
            message: `${t.account} 계좌에서 ${t.symbol} 종목을 보유량보다 많이 팔았습니다: 이 행 뒤 수량 ${held}`,
            expected: '보유 수량 이하의 매도 (공매도는 지원하지 않습니다)',
            hint: '매수, 입고 또는 분할 행이 파일에서 빠졌을 수 있습니다 (이전 기간, 다른 내보내기)',
          },
        });
      }
    }
    // Splits after the last row, up to the as-of day.
    while (next < bundled.length) {
      const s = bundled[next] as SplitFact;
      if (held !== 0) {
        held = round(held * s.ratio);
        splitsApplied.push({ account: first.account, split: s });
      }
      next++;
    }
    if (held === 0) continue;
    positions.push({ account: first.account, symbol: first.symbol, quantity: held, origin: first.origin });
  }
  return { positions, cashOnly, later, splitsApplied };
}

function delta(t: Transaction, held: number): number {
  switch (t.kind) {
    case 'buy':
    case 'reinvest':
    case 'transfer-in':
      return Math.abs(t.quantity);
    case 'sell':
    case 'transfer-out':
      return -Math.abs(t.quantity);
    case 'trade':
    case 'split-shares':
      return t.quantity;
    case 'split-ratio':
      return held * ((t.ratio ?? 1) - 1);
    default:
      return 0;
  }
}

function compareDates(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDay(a) - toDay(b);
}

/** Binary dust away (0.05 − 0.02), and no −0; ten decimals keep satoshi-sized quantities exact. */
function round(x: number): number {
  const r = Math.round(x * 1e10) / 1e10;
  return r === 0 ? 0 : r;
}
