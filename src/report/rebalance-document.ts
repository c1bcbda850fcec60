/**
 * The one JSON shape of a rebalance, printed by `dispersion rebalance --json` and served by the dashboard; and the
 * orders CSV that `journal record --orders FILE` reads back. `value` is in the order's `currency`, `valueBase` in the
 * document's `base`; weights are fractions of the investable value (total − sleeves left alone). Money moves in this
 * order: sells, conversions for the account's own buys, the senders' conversions and the `transfers`, then buys;
 * `after.cash` is what each account holds once all of that is done.
 */
import { staleDataAge } from '../core/data-age.ts';
import { toDay } from '../core/dates.ts';
import type { RebalanceResult } from '../core/rebalance/types.ts';
import { dataAgeDoc } from '../i18n/data-age.ts';
import type { Lang } from '../i18n/format.ts';
import { csvCell, csvHeader } from './csv.ts';
import { noticesJson } from './notice-json.ts';

export function toRebalanceDocument(r: RebalanceResult, lang: Lang = 'en') {
  const sleeves = (list: RebalanceResult['after']['sleeves']) =>
    list.map((s) => ({ id: s.id, weight: s.weight, target: s.target, within: s.within, value: s.value }));
  const order = (o: RebalanceResult['orders'][number]) => ({
    account: o.account,
    symbol: o.symbol,
    // The name a person looks for in their broker app: Korean when the report is in Korean and one is known.
    name: (lang === 'ko' ? o.nameKo : null) ?? o.name,
    side: o.side,
    quantity: o.quantity,
    price: o.price,
    priceDate: o.priceDate,
    currency: o.currency,
    value: o.value,
    valueBase: o.valueBase,
    /** Trading cost in the base currency (0 without --cost-bps). */
    costBase: o.costBase,
    sleeve: o.sleeve,
    /** named | held | candidate for a buy (why this name); reduce | exit for a sale. */
    why: o.why ?? null,
    /** For a `named` buy through another listing of the company (an ADR): the listing the essay names. */
    listingOf: o.listingOf ?? null,
  });
  return {
    asOf: r.asOf,
    base: r.base,
    model: r.model,
    /** Set when a close the orders rest on is more than 10 trading days old: said first. */
    stale: dataAgeDoc(
      staleDataAge(
        toDay(r.asOf),
        r.freshness.prices.map((p) => p.last),
      ),
      lang,
    ),
    mode: r.mode,
    band: r.band,
    orders: r.orders.map(order),
    /** Between accounts, in the currency the receiver's buys need (the sender converts first: see `fx`). */
    transfers: r.transfers,
    fx: r.fx,
    skipped: r.skipped.map((s) => ({ ...order(s), reason: s.reason })),
    /** Buys reduced because their account could not pay even after transfers: `quantity` units were taken off. */
    cuts: r.cuts.map((c) => ({ ...order(c), planned: c.planned, reason: c.reason })),
    /** Trading costs of the orders: the model (`bps` of each order's value, at least `min`) and the total in base. */
    cost: { bps: r.costModel.bps, min: r.costModel.min, total: r.cost },
    before: { investable: r.before.investable, total: r.before.total, sleeves: sleeves(r.before.sleeves) },
    after: {
      investable: r.after.investable,
      total: r.after.total,
      sleeves: sleeves(r.after.sleeves),
      cash: r.after.cash,
    },
    unresolved: r.unresolved,
    /** Date and age (trading days) of every close and rate the orders rest on, worst first. */
    freshness: r.freshness,
    warnings: noticesJson(r.warnings, lang),
    /** keep | reduce | sell, and the share of the portfolio outside the model before the orders. */
    other: r.other,
    transfersAllowed: r.transfersAllowed,
    accountMarkets: r.accountMarkets,
    /** Goals the orders cannot meet, with the best figure reached (fractions). */
    misses: r.misses,
    /** The checklist and concentration warnings as `check` will report them once the orders are filled. */
    checklist: r.checklist && {
      checks: r.checklist.checks,
      concentration: noticesJson(r.checklist.concentration, lang),
    },
  };
}

export type RebalanceDocument = ReturnType<typeof toRebalanceDocument>;

/** The header `journal record --orders FILE` expects; keep it exactly. */
export const ORDERS_CSV_HEADER = 'account,symbol,side,quantity,price,currency,value,valueBase';

type DocOrder = RebalanceDocument['orders'][number];
/** An order with at least the fields the CSV carries (the journal's rows need nothing more). */
type CsvOrder = Partial<DocOrder> &
  Pick<DocOrder, 'account' | 'symbol' | 'side' | 'quantity' | 'price' | 'currency' | 'value' | 'valueBase'>;

/**
 * Orders as CSV: RFC 4180 quoting, every header cell quoted, text cells that a spreadsheet would run as a formula
 * neutralised (csv.ts), plain decimal numbers without thousands separators, `\n` line ends.
 */
export function toOrdersCsv(doc: { orders: readonly CsvOrder[] }): string {
  const rows = doc.orders.map((o) =>
    [o.account, o.symbol, o.side, o.quantity, o.price, o.currency, o.value, o.valueBase]
      .map(csvCell)
      .join(','),
  );
  return `${[csvHeader(ORDERS_CSV_HEADER.split(',')), ...rows].join('\n')}\n`;
}
