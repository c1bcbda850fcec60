/**
 * The readable `dispersion rebalance` report: what to type into each broker app (orders grouped by account, sells
 * first), the transfers between accounts and the currency conversions (in the order they are done: sells, conversions
 * and transfers, then buys), what was skipped, cut or could not be placed, the sleeves before and after, and last the
 * checklist and concentration warnings as they will stand once the orders are filled.
 */
import type { Lang } from '../../i18n/format.ts';
import { formatMoney, formatNumber, formatPct } from '../../i18n/format.ts';
import { checkTitle, sleeveName } from '../../i18n/messages.ts';
import { formatBand, formatFxRate, REBALANCE_LABELS } from '../../i18n/rebalance.ts';
import type { RebalanceDocument } from '../../report/rebalance-document.ts';
import { renderTable } from './table.ts';

export function renderRebalanceText(doc: RebalanceDocument, lang: Lang): string {
  const t = REBALANCE_LABELS[lang];
  const money = (x: number, ccy: string) => formatMoney(x, ccy, lang);
  const pct = (x: number) => formatPct(x, lang);
  const band = formatBand(doc.band, lang);
  const out: string[] = [];
  if (doc.stale) out.push(`✘ ${doc.stale.message}`);
  out.push(
    `${t.title} — ${t.model} ${doc.model}, ${t.asOf} ${doc.asOf}, ${t.base} ${doc.base}, ${t.mode} ${t.modes[doc.mode]}, ${t.band} ${band}`,
    '',
  );

  out.push(t.orders);
  if (!doc.orders.length) out.push(`  ${noOrdersLine(doc, lang)}`, '');
  const accounts = [...new Set(doc.orders.map((o) => o.account))];
  // The cost column only when a cost model is set: a column of zeros would suggest trading is free.
  const costed = doc.cost.bps > 0 || doc.cost.min > 0;
  for (const account of accounts) {
    const list = doc.orders.filter((o) => o.account === account);
    out.push(`[${t.account}: ${account}]`);
    out.push(
      renderTable(
        [
          t.side,
          t.symbol,
          t.name,
          t.qty,
          t.price,
          t.currency,
          t.value,
          t.valueBase,
          ...(costed ? [t.costBase] : []),
          t.why,
        ],
        list.map((o) => [
          o.side === 'buy' ? t.buy : t.sell,
          o.symbol,
          o.name ?? '',
          formatNumber(o.quantity, lang),
          money(o.price, o.currency),
          o.currency,
          money(o.value, o.currency),
          money(o.valueBase, doc.base),
          ...(costed ? [money(o.costBase, doc.base)] : []),
          o.why ? `${t.whys[o.why]}${o.listingOf ? ` (${t.listingOf(o.listingOf)})` : ''}` : '',
        ]),
        [
          'left',
          'left',
          'left',
          'right',
          'right',
          'left',
          'right',
          'right',
          ...(costed ? ['right' as const] : []),
          'left',
        ],
      ),
      '',
    );
  }
  if (costed) out.push(t.costTotal(money(doc.cost.total, doc.base), doc.cost.bps), '');

  if (doc.transfers.length) {
    out.push(t.transfers);
    out.push(
      renderTable(
        [t.transferFrom, t.transferTo, t.currency, t.amount, t.amountBase],
        doc.transfers.map((x) => [
          x.from,
          x.to,
          x.currency,
          money(x.amount, x.currency),
          money(x.amountBase, doc.base),
        ]),
        ['left', 'left', 'left', 'right', 'right'],
      ),
      '',
    );
  }

  if (doc.fx.length) {
    out.push(t.fx);
    out.push(
      renderTable(
        [t.account, t.from, t.to, t.amount, t.rate, t.date, t.purpose],
        doc.fx.map((f) => [
          f.account,
          f.from,
          f.to,
          money(f.amount, f.from),
          formatFxRate(f.rate, f.from, f.to, lang),
          f.date,
          f.purpose === 'transfer' && f.transferTo ? t.forTransfer(f.transferTo) : t.forOrders,
        ]),
        ['left', 'left', 'left', 'right', 'right', 'left', 'left'],
      ),
      '',
    );
  }

  if (doc.skipped.length) {
    out.push(t.skipped);
    for (const s of doc.skipped) {
      out.push(
        `  ${s.account}: ${s.side === 'buy' ? t.buy : t.sell} ${s.symbol} ${formatNumber(s.quantity, lang)} (${money(s.valueBase, doc.base)})`,
      );
    }
    out.push('');
  }

  if (doc.cuts.length) {
    out.push(t.cuts);
    for (const c of doc.cuts) {
      const now = formatNumber(c.planned - c.quantity, lang);
      out.push(
        `  ${c.account}: ${t.buy} ${c.symbol} ${t.cutLine(formatNumber(c.planned, lang), now)} (−${money(c.valueBase, doc.base)})`,
      );
    }
    out.push('');
  }

  if (doc.unresolved.length) {
    out.push(t.unresolved);
    for (const u of doc.unresolved) {
      const tried = u.candidates.map((c) => c.symbol).join(', ');
      out.push(
        `  ${sleeveName(u.sleeve, lang)}: ${money(u.amount, doc.base)}${tried ? ` (${t.tried}: ${tried})` : ''}`,
      );
    }
    out.push('');
  }

  out.push(t.sleeves);
  const before = new Map(doc.before.sleeves.map((s) => [s.id, s]));
  out.push(
    renderTable(
      [t.sleeve, t.before, t.after, t.target, t.within],
      doc.after.sleeves.map((s) => [
        sleeveName(s.id, lang),
        pct(before.get(s.id)?.weight ?? 0),
        pct(s.weight),
        pct(s.target),
        s.within ? t.yes : t.no,
      ]),
      ['left', 'right', 'right', 'right', 'left'],
    ),
    '',
  );

  if (doc.after.cash.length) {
    out.push(
      `${t.cashAfter}: ${doc.after.cash.map((c) => `${c.account} ${money(c.amount, c.currency)}`).join(' · ')}`,
      '',
    );
  }

  if (doc.warnings.some((w) => w.code !== 'nothing-investable')) {
    out.push(t.warnings);
    // The no-orders line already says there is nothing to invest.
    for (const w of doc.warnings) if (w.code !== 'nothing-investable') out.push(`  ! ${w.message}`);
    out.push('');
  }
  // Last: the checklist and the concentration warnings as they will stand after the orders (what `check` will say).
  if (doc.checklist) {
    out.push(t.checklistAfter);
    for (const c of doc.checklist.checks) {
      const value =
        c.value === null ? '' : c.id === 'monthly-rebalancing' ? ` (${c.value})` : ` (${pct(c.value)})`;
      out.push(`  ${c.pass ? '✔' : '✘'} ${checkTitle(c, lang)}${value}`);
    }
    if (doc.checklist.concentration.length) {
      for (const w of doc.checklist.concentration) out.push(`  ! ${w.message}`);
    } else {
      out.push(`  ${t.noConcentration}`);
    }
    out.push('');
  }
  out.push(t.disclaimer);
  return out.join('\n');
}

/**
 * Why there are no orders, never claiming more than is true: nothing investable (everything is left alone and there is
 * no cash), every sleeve within its band, or sleeves outside their band that no order can fix (the warnings say why).
 */
export function noOrdersLine(doc: RebalanceDocument, lang: Lang): string {
  const t = REBALANCE_LABELS[lang];
  if (doc.warnings.some((w) => w.code === 'nothing-investable')) return t.nothingInvestable;
  return doc.after.sleeves.every((s) => s.within) ? t.noOrders : t.noOrdersOutside;
}
