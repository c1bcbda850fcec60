/**
 * Every notice in English, one function per code of exactly its facts (catalog.ts). The words are those the emitters
 * wrote before notices became typed, so English output did not change when the prose left the core.
 */
import { formatMoney, formatPct } from '../format.ts';
import { sleeveName } from '../messages.ts';
import type { Catalog } from './catalog.ts';
import { goalName, LEVERS, passedOverList } from './words.ts';

/** 0.4213 → `42.1%`, as the emitters wrote shares (no locale grouping). */
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

// Intl objects are made when a sentence first needs them: loading ICU's data at import would cost every run.
let pluralRules: Intl.PluralRules | undefined;
const isOne = (n: number) => {
  pluralRules ??= new Intl.PluralRules('en');
  return pluralRules.select(n) === 'one';
};
/** `1 activity`, `3 activities`. */
const count = (n: number, one: string, other: string) => `${n} ${isOne(n) ? one : other}`;

/** `3 and 7`, `3, 7 and 9`: line numbers as the import warnings list them. */
const lineList = (lines: readonly number[]) =>
  lines.length < 2 ? lines.join('') : `${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;

/** Amounts in the whole-shares warning: grouped, at most two decimals. */
const amount = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

const ONLY_SECURITIES = 'only stocks, ETFs and funds are read';

export const EN = {
  'stale-price': (n) =>
    n.until !== undefined
      ? `${n.symbol}'s last close is ${n.date}; it is carried forward to ${n.until}`
      : `price of ${n.symbol} is from ${n.date}, ${n.age} trading days before the as-of date`,
  'stale-price-error': (n) =>
    `price of ${n.symbol} is from ${n.date}, ${n.age} trading days before the as-of date`,
  'stale-fx': (n) =>
    n.from !== undefined && n.base !== undefined
      ? `from ${n.from} the ${n.currency}→${n.base} rate is older than a month (rate of ${n.date})`
      : `${n.currency} exchange rate is from ${n.date}${n.monthlyAverage ? ' (a monthly average)' : ''}, ${n.age} trading days before the as-of date`,
  'stale-fx-error': (n) =>
    `${n.currency} exchange rate is from ${n.date}${n.monthlyAverage ? ' (a monthly average)' : ''}, ${n.age} trading days before the as-of date`,
  'concentration-position': (n) => {
    const who = n.symbols.length > 1 ? `${n.symbols.join(' + ')} (one company)` : n.symbol;
    const via = n.funds?.length ? ` (including what ${n.funds.join(', ')} hold)` : '';
    return `${who}${via} is ${pct(n.weight)} of the holdings excluding cash, above the ${pct(n.limit)} limit for one company: a portfolio concentrated in one stock will not weather 2026`;
  },
  'concentration-country': (n) =>
    `${n.country} businesses are ${pct(n.weight)} of the holdings excluding cash, above the ${pct(n.limit)} limit for one country: a portfolio concentrated in one country will not weather 2026`,
  'no-look-through': (n) =>
    n.etn
      ? `${n.symbol} is an ETN (${pct(n.weight)} of the portfolio): a note its issuer owes, paying an index's return, not a fund, so it holds nothing to look through; its Mag7 share is not counted and it is classified as a whole, by its name`
      : `${n.symbol} is a fund with no look-through data (${pct(n.weight)} of the portfolio): what it holds is not known, so its Mag7 share is not counted and it is classified as a whole; add its holdings with --look-through FILE`,
  'look-through-old': (n) =>
    `${n.symbol}'s holdings are as of ${n.date}, ${n.age} days before the as-of date: its weights have drifted since; give newer ones with --look-through FILE`,

  unclassified: (n) =>
    `${n.symbol} is not in the instrument universe: counted as unclassified; add it with --universe FILE`,
  'currency-mismatch': (n) =>
    'listed' in n
      ? `${n.symbol}'s closes from ${n.source} are in ${n.valuedIn} but the universe lists ${n.listed}; valued in ${n.valuedIn}`
      : `${n.symbol} trades in ${n.valuedIn} but the row says ${n.row}; valued in ${n.valuedIn}`,

  'listing-start': (n) => `${n.symbol}: closes before ${n.date} left out (${n.reason})`,
  'file-price': (n) =>
    `${n.symbol} is priced from ${n.file}:${n.line} (${n.price} ${n.currency} as of ${n.date}${n.dated ? '' : ', the as-of day: the file states no date'}): no fresher price is known`,

  'solver-failed': () => 'The solver found no orders; nothing is proposed.',
  'nothing-investable': () =>
    'Nothing to rebalance: every holding is left alone (other or unclassified) and there is no cash. Add money with --cash AMOUNT:CCY.',
  'other-policy': (n) => {
    const share = formatPct(n.share, 'en');
    switch (n.policy) {
      case 'keep':
        return `Holdings outside the model (${share} of the total) are kept (--other keep); the model's targets still apply to the whole portfolio, so its sleeves share the other ${formatPct(n.rest, 'en')}.`;
      case 'reduce':
        return `Holdings outside the model (${share} of the total) are sold only where a limit needs it (--other reduce).`;
      default:
        return `Holdings outside the model (${share} of the total) are sold (--other sell).`;
    }
  },
  'goal-missed': (n) => {
    const p = (x: number) => formatPct(x, 'en');
    // Two decimals when one would show the miss as no miss (7.0% against 7.0%).
    const digits = p(n.reached) === p(n.limit) ? 2 : 1;
    const tail =
      n.why === 'cash-only'
        ? ' (cash-only mode sells nothing)'
        : n.why === 'other-kept'
          ? ` (with ${p(n.otherShare)} kept in holdings outside the model)`
          : '';
    return `${goalName(n.kind, n.key, 'en')} cannot hold: the orders reach ${formatPct(n.reached, 'en', false, digits)} against ${formatPct(n.limit, 'en', false, digits)}${tail}; these are the closest orders.`;
  },
  'named-passed-over': (n) =>
    `${sleeveName(n.sleeve, 'en')}: the essay's ${n.passed.map((t) => t.symbol).join(', ')} could not be bought: ${passedOverList(n.passed, 'en')}`,
  levers: (n) =>
    `To get closer to the model: ${new Intl.ListFormat('en', { type: 'disjunction' }).format(n.levers.map((l) => LEVERS.en[l]))}.`,
  'funding-short': (n) =>
    `${n.account} is short of ${formatMoney(n.amount, n.currency, 'en')} after its own conversions.`,
  'stale-allowed': (n) =>
    `--allow-stale: orders use old data for ${n.what}: ${n.date ? `${n.date} (${n.age} trading days old)` : 'none'}. Check the live quote before you order.`,

  'backtest-start': (n) =>
    `the backtest starts on ${n.date}, the first day every asset has a close (${n.symbol} starts last)`,
  'whole-shares-cash': (n) =>
    `${n.portfolio}: whole shares leave ${amount(n.left)} ${n.currency} of the starting ${amount(n.initial)} ${n.currency} (${pct(n.weight)}) in cash: a lot costs too much for this amount; raise --initial or drop --whole-shares`,
  'policy-missed': (n) =>
    `the dispersion rebalancer could not meet every goal on ${n.days} of ${n.of} rebalancing days (first ${n.date}: ${n.goals.join(', ')}); the closest orders were followed`,
  'cash-rate': (n) =>
    n.currency === undefined
      ? 'cash earns nothing: no T-bill rates were given'
      : `cash is held in ${n.currency} but earns the US 3-month T-bill rate (no ${n.currency} money-market rate is bundled)`,
  'currency-assumed': (n) =>
    `${n.symbol} is not in the instrument universe: its closes are taken to be in ${n.currency}; add it with --universe FILE if not`,

  'stress-unshocked': (n) =>
    `scenario ${n.id} has no shock for ${n.symbols.join(', ')}: held flat (only currency moves apply)`,
  'risk-history-too-short': (n) => `fewer than ${n.needed} daily returns before ${n.date}: no risk figures`,
  'risk-window-shortened': (n) =>
    `risk figures use ${n.from} to ${n.to}, not the three years from ${n.requestedFrom}${n.symbol ? `: ${n.symbol}'s history starts later` : ''}`,
  'risk-monthly-fx': (n) =>
    `${n.currency}→${n.base} has no daily rate for part of the risk window; monthly averages were used there, so currency volatility is understated`,

  'quantity-looks-like-date': (n) => {
    const what = n.cash ? 'cash amount' : 'quantity';
    return `${n.file}:${n.line}: the ${what} of ${n.symbol} is ${n.cell}, which looks like the date ${n.date}: check that the ${what} column holds the ${what}`;
  },
  'summary-row': (n) =>
    `${n.file}:${n.line}: a summary row ("${n.label}") was skipped: it totals the rows above, it is not a holding`,
  'table-end': (n) =>
    `${n.file}:${n.line}: the ${n.table} table ends here; what follows ("${n.excerpt}") is not part of it and was not read`,
  'unsupported-asset': (n) =>
    n.trade
      ? `${n.file}:${n.line}: a ${n.assetClass} trade in ${n.symbol} was left out: ${ONLY_SECURITIES}`
      : `${n.file}:${n.line}: ${n.symbol} (${n.assetClass}) was left out: ${ONLY_SECURITIES}`,
  'loan-not-subtracted': (n) =>
    `${n.file}:${n.line}: ${n.symbol} in account ${n.account} is held on credit or against a loan (${n.credit.join(', ')}): the shares are counted, the loan is not subtracted`,
  'account-debt': (n) =>
    `${n.file}:${n.line}: account ${n.account} owes ${n.loanCredit} KRW of loans and credit (loanCredit) and ${n.receivable} KRW receivable (receivable): the holdings are counted, the debt is not subtracted`,
  'left-out-holding': (n) =>
    `${n.file}:${n.line}: ${n.symbol} (${n.kind}${n.value === undefined ? '' : `, valued at ${n.value} ${n.currency ?? 'KRW'}`}) in account ${n.account} was left out: ${
      n.from === 'fund'
        ? 'a fund row states its value but no quantity'
        : n.from === 'etc'
          ? 'bonds, notes (ELS, DLS), CP, CD and RP are not listings with a price per share (their qty is a face value)'
          : 'only KOSPI, KOSDAQ and ETF shares are read (not futures, options, ELW or others)'
    }`,
  'more-pages': (n) =>
    `${n.file}: this response is one page of several (queryResult.page ${JSON.stringify(n.page)}, count ${n.count ?? '?'} of totalCnt ${n.total ?? '?'}): only this page was read, so the holdings on the others are missing from the total; ask the broker for the whole balance in one response (assetType ALL, count 0) rather than adding the pages' files, whose summary would count the cash again`,
  'cash-unsettled': (n) =>
    `${n.file}:${n.line}: cash is ${n.read} ${n.amount} ${n.currency}, not ${n.other} ${n.otherAmount}: ${
      n.unsettledRows > 0
        ? `${n.unsettledRows} ${n.unsettledRows === 1 ? 'row has' : 'rows have'} a 미결제수량, so the balance already counts trades the deposit has not yet paid for or been paid by`
        : 'no row has a 미결제수량, so the two differ by something other than the listed trades'
    }`,
  'read-as-transactions': (n) =>
    `${n.file}: read as a transaction log (${n.format}): ${n.netted} share-moving rows netted per account and symbol${n.asOf ? ` as of ${n.asOf}` : ''}; ${n.cashRows} dividend, fee, interest and cash rows do not change share counts${n.unknown ? ` (${n.unknown} of them with an unknown action and no quantity)` : ''}`,
  'split-applied': (n) =>
    `${n.file}: ${n.symbol} in account ${n.account}: the ${n.ratio}-for-1 split of ${n.date} was applied (${n.source})`,
  'snapshot-chosen': (n) =>
    `${n.file}: ${n.snapshots} snapshots (${n.first} to ${n.last}); the one of ${n.date} was read${n.asOf ? `, the latest on or before ${n.asOf}` : ''}`,
  'cash-currency-assumed': (n) =>
    `${n.file}:${n.line}: ${n.label} has no currency column; taken as ${n.symbol}, the currency Korean brokers mean by ${n.label}`,
  'zero-quantity': (n) =>
    `${n.file}:${n.line}: ${n.currency ? `${n.currency} cash` : n.symbol} in account ${n.account} has a quantity of 0 and was left out`,
  'duplicate-rows': (n) =>
    `${n.file}: ${n.currency ? `${n.currency} cash` : n.symbol} in account ${n.account} appears on lines ${lineList(n.lines)}; the rows were summed to ${n.total}`,
  'excluded-account': (n) => {
    const parts = [
      `its ${count(n.activities, 'activity', 'activities')}`,
      ...(n.balance === 0 ? [] : [`its cash balance of ${n.balance}${n.currency ? ` ${n.currency}` : ''}`]),
    ];
    const were = parts.length === 1 && isOne(n.activities) ? 'was' : 'were';
    return `${n.file}: account ${n.account} is excluded from analysis in Ghostfolio ("isExcluded": true), so ${new Intl.ListFormat('en', { type: 'conjunction' }).format(parts)} ${were} left out, as Ghostfolio does`;
  },
  'balances-as-of-export': (n) =>
    `${n.file}: cash balances are as of the export date ${n.date}, not as of ${n.asOf}: a Ghostfolio export carries only the current balances`,
  'activities-after-as-of': (n) =>
    `${n.file}: ${n.rows ? count(n.count, 'row', 'rows') : count(n.count, 'activity', 'activities')} dated after the as-of date ${n.asOf} ignored${n.date ? ` (from ${n.date} on)` : ''}`,
  'ignored-activities': (n) =>
    `${n.file}: ${count(n.count, 'activity', 'activities')} ignored (${n.types.map((t) => `${t.count} ${t.type}`).join(', ')}): only BUY and SELL change holdings; cash comes from the account balances`,
} satisfies Catalog;
