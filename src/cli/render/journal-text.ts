/** Text output of `dispersion journal record|list|show`, in English or Korean. */
import type { Lang } from '../../i18n/format.ts';
import { formatMoney, formatNumber, formatPct } from '../../i18n/format.ts';
import { CHECK_NAMES, ownValue, sleeveName } from '../../i18n/messages.ts';
import type { ListDocument, RecordDocument, ShowDocument } from '../../report/journal-document.ts';
import { renderTable } from './table.ts';

const T = {
  en: {
    recorded: (m: string, asOf: string, file: string) => `Recorded ${m} (as of ${asOf}) in ${file}.`,
    portfolio: (p: string) => `Portfolio: ${p} (its months are its own; name it with --portfolio).`,
    note: (n: string) => `Note: ${n}`,
    replaced: (m: string, asOf: string, at: string) =>
      `Replaced the earlier record of ${m} (as of ${asOf}, recorded ${at}); other months are untouched.`,
    counts: (h: number, pass: number, n: number, o: number, status: string) =>
      `${h} ${h === 1 ? 'holding' : 'holdings'}, ${pass} of ${n} checks passed, ${o} ${o === 1 ? 'order' : 'orders'} (${status}).`,
    rebalanced: 'This month counts as rebalanced.',
    notRebalanced: 'Not marked as rebalanced: record again with --executed once the orders are carried out.',
    unmarked:
      'This month was marked rebalanced; the new record is not (it replaced the --executed one). Record again with --executed to keep the rebalance.',
    warnings: 'Warnings',
    noJournal: (file: string) => `No journal at ${file} yet: record a month with dispersion journal record.`,
    empty: (file: string) => `The journal ${file} has no months yet.`,
    month: 'Month',
    portfolioCol: 'Portfolio',
    asOf: 'As of',
    total: 'Total',
    checks: 'Checks',
    orders: 'Orders',
    rebalance: 'Rebalanced',
    yes: 'yes',
    no: 'no',
    holdings: 'Holdings',
    account: 'Account',
    symbol: 'Symbol',
    qty: 'Quantity',
    price: 'Price',
    value: 'Value',
    measured: 'Value',
    sleeve: 'Sleeve',
    check: 'Check',
    result: 'Result',
    threshold: 'Threshold',
    pass: 'pass',
    fail: 'FAIL',
    side: 'Side',
    status: 'Status',
    noOrders: 'No orders.',
    days: (d: number) => `${d} days`,
  },
  ko: {
    recorded: (m: string, asOf: string, file: string) =>
      `${m} (기준일 ${asOf}) 기록을 ${file}에 저장했습니다.`,
    portfolio: (p: string) =>
      `포트폴리오: ${p} (기록은 포트폴리오별입니다. --portfolio로 이름을 정할 수 있습니다).`,
    note: (n: string) => `메모: ${n}`,
    replaced: (m: string, asOf: string, at: string) =>
      `${m}의 이전 기록(기준일 ${asOf}, ${at} 기록)을 대체했습니다. 다른 달은 그대로입니다.`,
    counts: (h: number, pass: number, n: number, o: number, status: string) =>
      `보유 ${h}종목, 체크리스트 ${n}개 중 ${pass}개 통과, 주문 ${o}건 (${status}).`,
    rebalanced: '이번 달은 리밸런싱한 달로 기록됩니다.',
    notRebalanced: '리밸런싱으로 기록되지 않았습니다: 주문을 실행한 뒤 --executed로 다시 기록하세요.',
    unmarked:
      '이번 달은 리밸런싱한 달로 기록되어 있었지만 새 기록은 그렇지 않습니다 (--executed 기록을 대체했습니다). 리밸런싱을 유지하려면 --executed로 다시 기록하세요.',
    warnings: '주의',
    noJournal: (file: string) => `${file}에 저널이 아직 없습니다: dispersion journal record로 기록하세요.`,
    empty: (file: string) => `저널 ${file}에 기록된 달이 없습니다.`,
    month: '월',
    portfolioCol: '포트폴리오',
    asOf: '기준일',
    total: '총평가액',
    checks: '체크리스트',
    orders: '주문',
    rebalance: '리밸런싱',
    yes: '예',
    no: '아니오',
    holdings: '보유 종목',
    account: '계좌',
    symbol: '종목코드',
    qty: '수량',
    price: '가격',
    value: '평가액',
    measured: '측정값',
    sleeve: '슬리브',
    check: '항목',
    result: '결과',
    threshold: '기준',
    pass: '통과',
    fail: '미달',
    side: '매매',
    status: '상태',
    noOrders: '주문 없음.',
    days: (d: number) => `${d}일`,
  },
} as const;

const STATUS = {
  en: { proposed: 'proposed', executed: 'executed' },
  ko: { proposed: '제안', executed: '실행' },
};
const SIDE = { en: { buy: 'buy', sell: 'sell' }, ko: { buy: '매수', sell: '매도' } };

export function renderRecord(d: RecordDocument, lang: Lang): string {
  const t = T[lang];
  const passed = d.checks.filter((c) => c.pass).length;
  const lines = d.stale ? [`✘ ${d.stale.message}`] : [];
  lines.push(t.recorded(d.month, d.asOf, d.file), t.portfolio(d.portfolio));
  if (d.note) lines.push(t.note(d.note));
  if (d.replaced) lines.push(t.replaced(d.replaced.month, d.replaced.asOf, d.replaced.createdAt));
  lines.push(t.counts(d.holdings, passed, d.checks.length, d.orders, STATUS[lang][d.ordersStatus]));
  // Re-recording without --executed takes back the month's rebalance: replacement is the rule, but not silently.
  if (d.replaced?.rebalanced && !d.rebalanced) lines.push(t.unmarked);
  else lines.push(d.rebalanced ? t.rebalanced : t.notRebalanced);
  if (d.warnings.length > 0) {
    lines.push('', t.warnings);
    for (const w of d.warnings) lines.push(`  ! ${w.message}`);
  }
  return lines.join('\n');
}

export function renderList(d: ListDocument, lang: Lang): string {
  const t = T[lang];
  if (!d.exists) return t.noJournal(d.file);
  if (d.months.length === 0) return t.empty(d.file);
  return renderTable(
    [t.portfolioCol, t.month, t.asOf, t.total, t.checks, t.orders, t.rebalance],
    d.months.map((m) => [
      m.portfolio,
      m.month,
      m.asOf,
      formatMoney(m.total, m.base, lang),
      `${m.checksPassed}/${m.checksTotal}`,
      String(m.orders),
      m.rebalanced ? t.yes : t.no,
    ]),
    ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
  );
}

function checkValue(id: string, value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return id === 'monthly-rebalancing' ? T[lang].days(value) : formatPct(value, lang);
}

export function renderShow(d: ShowDocument, lang: Lang): string {
  const t = T[lang];
  const out = [
    `${d.portfolio} · ${d.month} · ${t.asOf} ${d.asOf} · ${d.model} · ${t.total} ${formatMoney(d.total, d.base, lang)} · ${t.rebalance}: ${d.rebalanced ? t.yes : t.no}`,
    ...(d.note ? [t.note(d.note)] : []),
    '',
    t.holdings,
    renderTable(
      [t.account, t.symbol, t.qty, t.price, `${t.value} (${d.base})`, t.sleeve],
      d.holdings.map((h) => [
        h.account,
        h.symbol,
        formatNumber(h.quantity, lang),
        // Cash is stored at a price of 1: its currency says more than "₩1".
        h.symbol === 'CASH' ? h.currency : formatMoney(h.price, h.currency, lang),
        formatMoney(h.value, d.base, lang),
        sleeveName(h.sleeve, lang),
      ]),
      ['left', 'left', 'right', 'right', 'right', 'left'],
    ),
    '',
    t.checks,
    renderTable(
      [t.check, t.result, t.measured, t.threshold],
      d.checks.map((c) => [
        ownValue(CHECK_NAMES, c.id)?.[lang] ?? c.id,
        c.pass ? t.pass : t.fail,
        checkValue(c.id, c.value, lang),
        checkValue(c.id, c.threshold, lang),
      ]),
      ['left', 'left', 'right', 'right'],
    ),
    '',
    t.orders,
  ];
  if (d.orders.length === 0) out.push(t.noOrders);
  else
    out.push(
      renderTable(
        [t.account, t.symbol, t.side, t.qty, t.price, t.value, `${t.value} (${d.base})`, t.status],
        d.orders.map((o) => [
          o.account,
          o.symbol,
          SIDE[lang][o.side],
          formatNumber(o.quantity, lang),
          formatMoney(o.price, o.currency, lang),
          formatMoney(o.value, o.currency, lang),
          formatMoney(o.valueBase, d.base, lang),
          STATUS[lang][o.status],
        ]),
        ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  return out.join('\n');
}
