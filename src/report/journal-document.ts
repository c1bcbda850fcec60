/**
 * The JSON shapes of `dispersion journal record|list|show --json` (and later the dashboard's journal views). Money is
 * in the month's `base` unless a field says otherwise (an order's `value` is in its own `currency`).
 */
import type { JournalMonth, JournalMonthSummary, ReplacedMonth } from '../core/journal.ts';
import { hasRebalance } from '../core/journal.ts';
import type { CheckDocument } from './check-document.ts';

/**
 * `replaced.rebalanced` with `rebalanced: false` means this record took back a rebalance the month had (a re-record
 * without --executed): the text says so. `warnings` are the check's (stale prices, unclassified holdings…).
 */
export function toRecordDocument(
  file: string,
  m: JournalMonth,
  replaced: (ReplacedMonth & { rebalanced: boolean }) | null,
  warnings: CheckDocument['warnings'],
  stale: CheckDocument['stale'] = null,
) {
  return {
    /** Set when a price recorded is more than 10 trading days old: said first. */
    stale,
    file,
    /** The portfolio the record belongs to: its months are its own (`--portfolio`, or its account names). */
    portfolio: m.portfolio,
    month: m.month,
    asOf: m.asOf,
    base: m.base,
    model: m.model,
    total: m.total,
    createdAt: m.createdAt,
    rebalanced: hasRebalance(m),
    note: m.note,
    replaced,
    holdings: m.holdings.length,
    checks: m.checks,
    orders: m.orders.length,
    ordersStatus: m.executed ? ('executed' as const) : ('proposed' as const),
    warnings,
  };
}

/** `portfolio`: the one portfolio listed (`--portfolio`, or the dashboard's holdings), null for every portfolio. */
export function toListDocument(
  file: string,
  exists: boolean,
  months: JournalMonthSummary[],
  portfolio: string | null = null,
) {
  return { file, exists, portfolio, months };
}

export function toShowDocument(file: string, m: JournalMonth) {
  return { file, ...m, rebalanced: hasRebalance(m) };
}

export type RecordDocument = ReturnType<typeof toRecordDocument>;
export type ListDocument = ReturnType<typeof toListDocument>;
export type ShowDocument = ReturnType<typeof toShowDocument>;
