/** Rebalance: mode, band and new cash in; this month's orders out, per account, ready to type into a broker app. */
import { useState } from 'react';
import { formatMoney, formatNumber, formatPct } from '../../../src/i18n/format.ts';
import { checkTitle } from '../../../src/i18n/messages.ts';
import { REBALANCE_LABELS } from '../../../src/i18n/rebalance.ts';
import type { RebalanceDocument } from '../../../src/report/rebalance-document.ts';
import { ApiError, postJson, query } from '../api.ts';
import { ErrorBox, Loading, StaleLine } from '../components/Status.tsx';
import { sleeveName } from '../i18n.ts';
import { useApi, useSettings } from '../state.tsx';

// The words the CLI's report uses for the same things (band, orders, sleeves before and after…), so the two read alike;
// the rest is the page's own (its form and buttons).
const CLI = REBALANCE_LABELS;
const L = {
  en: {
    mode: 'Mode',
    full: 'Full (sell and buy)',
    cashOnly: 'Cash only (no sells)',
    band: 'Band',
    newCash: 'New cash',
    fractional: 'Fractional shares',
    allowStale: 'Allow stale prices',
    orders: "This month's orders",
    noOrders: CLI.en.noOrders,
    noOrdersOutside: CLI.en.noOrdersOutside,
    side: CLI.en.side,
    symbol: CLI.en.symbol,
    name: CLI.en.name,
    qty: CLI.en.qty,
    price: CLI.en.price,
    value: CLI.en.value,
    buy: 'Buy',
    sell: 'Sell',
    fx: CLI.en.fx,
    transfers: CLI.en.transfers,
    cuts: CLI.en.cuts,
    // The CLI's "as check measures it" names the command; here the same numbers are on the overview.
    beforeAfter: 'Sleeves before and after (share of the whole portfolio, as on the overview)',
    before: CLI.en.before,
    after: CLI.en.after,
    target: CLI.en.target,
    within: CLI.en.within,
    unresolved: CLI.en.unresolved,
    skipped: CLI.en.skipped,
    warnings: CLI.en.warnings,
    download: 'Download orders (CSV)',
    priceNote: 'Prices are the last closes, not limits: check the live quote before ordering.',
    record: 'Record this month in the journal (orders executed)',
    recorded: (m: string, n: number) => `Recorded ${m}: ${n} orders, marked executed.`,
    checklistAfter: 'Checklist after the orders',
    noConcentration: 'No company or country above its concentration limit.',
  },
  ko: {
    mode: CLI.ko.mode,
    full: CLI.ko.modes.full,
    cashOnly: CLI.ko.modes['cash-only'],
    band: CLI.ko.band,
    newCash: '추가 입금',
    fractional: '소수점 주식',
    allowStale: '오래된 가격 허용',
    orders: '이번 달 주문',
    noOrders: CLI.ko.noOrders,
    noOrdersOutside: CLI.ko.noOrdersOutside,
    side: CLI.ko.side,
    symbol: CLI.ko.symbol,
    name: CLI.ko.name,
    qty: CLI.ko.qty,
    price: CLI.ko.price,
    value: CLI.ko.value,
    buy: CLI.ko.buy,
    sell: CLI.ko.sell,
    fx: CLI.ko.fx,
    transfers: CLI.ko.transfers,
    cuts: CLI.ko.cuts,
    beforeAfter: '리밸런싱 전후 슬리브 비중 (개요와 같은 전체 포트폴리오 기준)',
    before: CLI.ko.before,
    after: CLI.ko.after,
    target: CLI.ko.target,
    within: CLI.ko.within,
    unresolved: CLI.ko.unresolved,
    skipped: CLI.ko.skipped,
    warnings: CLI.ko.warnings,
    download: '주문 내려받기 (CSV)',
    priceNote: '가격은 최근 종가이며 지정가가 아닙니다. 주문 전 실시간 시세를 확인하세요.',
    record: '이번 달을 저널에 기록 (주문 실행됨)',
    recorded: (m: string, n: number) => `${m} 기록 완료: 주문 ${n}건, 실행됨으로 표시.`,
    checklistAfter: '주문 후 체크리스트',
    noConcentration: '집중 한도를 넘는 종목이나 국가가 없습니다.',
  },
};

export function Rebalance() {
  const { lang, base, asOf, version } = useSettings();
  const l = L[lang];
  const [mode, setMode] = useState('full');
  const [band, setBand] = useState('0.02');
  const [cashAmount, setCashAmount] = useState('');
  const [cashCcy, setCashCcy] = useState('KRW');
  const [fractional, setFractional] = useState(false);
  const [allowStale, setAllowStale] = useState(false);
  const params = {
    base,
    asOf,
    lang,
    mode,
    band,
    cash: cashAmount ? `${cashAmount.replace(/,/g, '')}:${cashCcy}` : undefined,
    fractional: fractional || undefined,
    allowStale: allowStale || undefined,
    v: version,
  };
  const r = useApi<RebalanceDocument>('/api/rebalance', params);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [recordError, setRecordError] = useState<ApiError | null>(null);
  async function record() {
    setRecordError(null);
    try {
      const { v: _v, ...body } = params;
      const doc = await postJson<{ month: string; orders: number }>('/api/journal/record', {
        ...body,
        executed: true,
      });
      setRecorded(l.recorded(doc.month, doc.orders));
    } catch (e) {
      setRecordError(e instanceof ApiError ? e : new ApiError(0, { message: String(e) }));
    }
  }
  return (
    <div className="page" data-testid="page-rebalance">
      <StaleLine stale={r.state === 'ready' ? r.data.stale : null} />
      <section className="panel form">
        <label>
          {l.mode}
          <select value={mode} onChange={(e) => setMode(e.target.value)} data-testid="rb-mode">
            <option value="full">{l.full}</option>
            <option value="cash-only">{l.cashOnly}</option>
          </select>
        </label>
        <label>
          {l.band}
          <input value={band} onChange={(e) => setBand(e.target.value)} size={8} data-testid="rb-band" />
        </label>
        <label>
          {l.newCash}
          <span>
            <input
              value={cashAmount}
              onChange={(e) => setCashAmount(e.target.value)}
              inputMode="decimal"
              placeholder="5,000,000"
              size={12}
              data-testid="rb-cash"
            />{' '}
            <select value={cashCcy} onChange={(e) => setCashCcy(e.target.value)}>
              <option>KRW</option>
              <option>USD</option>
              <option>JPY</option>
              <option>EUR</option>
            </select>
          </span>
        </label>
        <label className="check">
          <span>
            <input type="checkbox" checked={fractional} onChange={(e) => setFractional(e.target.checked)} />{' '}
            {l.fractional}
          </span>
        </label>
        <label className="check">
          <span>
            <input
              type="checkbox"
              checked={allowStale}
              onChange={(e) => setAllowStale(e.target.checked)}
              data-testid="rb-allow-stale"
            />{' '}
            {l.allowStale}
          </span>
        </label>
        <a className="button" href={`/api/rebalance.csv${query(params)}`} download data-testid="rb-download">
          {l.download}
        </a>
        <button type="button" className="primary" onClick={() => void record()} data-testid="rb-record">
          {l.record}
        </button>
        {recorded && (
          <span className="good" data-testid="rb-recorded">
            {recorded}
          </span>
        )}
      </section>
      {recordError && <ErrorBox error={recordError} />}
      {r.state === 'loading' && <Loading />}
      {r.state === 'error' && <ErrorBox error={r.error} />}
      {r.state === 'ready' && <Orders doc={r.data} />}
    </div>
  );
}

function Orders({ doc }: { doc: RebalanceDocument }) {
  const { lang } = useSettings();
  const l = L[lang];
  const money = (x: number, c = doc.base) => formatMoney(x, c, lang);
  const pct = (x: number) => formatPct(x, lang);
  const accounts = [...new Set(doc.orders.map((o) => o.account))];
  const after = new Map(doc.after.sleeves.map((s) => [s.id, s]));
  return (
    <>
      <section className="panel">
        <h2>{l.orders}</h2>
        <p className="muted small">{l.priceNote}</p>
        {doc.orders.length === 0 && (
          <p data-testid="rb-none">
            {doc.after.sleeves.every((s) => s.within) ? l.noOrders : l.noOrdersOutside}
          </p>
        )}
        {accounts.map((a) => (
          <div key={a}>
            <h3>{a}</h3>
            <div className="scroll">
              <table className="table" data-testid="rb-orders">
                <thead>
                  <tr>
                    <th>{l.side}</th>
                    <th>{l.symbol}</th>
                    <th>{l.name}</th>
                    <th className="num">{l.qty}</th>
                    <th className="num">{l.price}</th>
                    <th className="num">{l.value}</th>
                    <th className="num">{doc.base}</th>
                  </tr>
                </thead>
                <tbody>
                  {doc.orders
                    .filter((o) => o.account === a)
                    .map((o) => (
                      <tr key={`${o.symbol}-${o.side}`} data-symbol={o.symbol}>
                        <td className={o.side === 'buy' ? 'good' : 'bad'}>
                          {o.side === 'buy' ? l.buy : l.sell}
                        </td>
                        <td>
                          <code>{o.symbol}</code>
                        </td>
                        <td>{o.name}</td>
                        <td className="num" data-testid="rb-qty">
                          {formatNumber(o.quantity, lang)}
                        </td>
                        <td className="num">{money(o.price, o.currency)}</td>
                        <td className="num">{money(o.value, o.currency)}</td>
                        <td className="num">{money(o.valueBase)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
        {doc.transfers.length > 0 && (
          <>
            <h3>{l.transfers}</h3>
            <ul data-testid="rb-transfers">
              {doc.transfers.map((t) => (
                <li key={`${t.from}-${t.to}-${t.currency}`}>
                  {t.from} → {t.to}: <strong>{money(t.amount, t.currency)}</strong> ({money(t.amountBase)})
                </li>
              ))}
            </ul>
          </>
        )}
        {doc.cuts.length > 0 && (
          <>
            <h3>{l.cuts}</h3>
            <ul>
              {doc.cuts.map((c) => (
                <li key={`${c.account}-${c.symbol}`}>
                  {c.account}: <code>{c.symbol}</code> {formatNumber(c.planned, lang)} →{' '}
                  {formatNumber(c.planned - c.quantity, lang)}
                </li>
              ))}
            </ul>
          </>
        )}
        {doc.fx.length > 0 && (
          <>
            <h3>{l.fx}</h3>
            <ul>
              {doc.fx.map((f) => (
                <li key={`${f.account}-${f.from}-${f.to}`}>
                  {f.account}: {money(f.amount, f.from)} → {money(f.amount * f.rate, f.to)} (
                  {/* Quote the rate the way people read it: 1 USD = ₩1,483.80 rather than 0.000674. */}
                  {f.rate < 1
                    ? `1 ${f.to} = ${formatNumber(1 / f.rate, lang, 2)} ${f.from}`
                    : `1 ${f.from} = ${formatNumber(f.rate, lang, 4)} ${f.to}`}
                  , {f.date})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="grid2">
        <div className="panel">
          <h2>{l.beforeAfter}</h2>
          <div className="scroll">
            <table className="table compact" data-testid="rb-sleeves">
              <thead>
                <tr>
                  <th />
                  <th className="num">{l.before}</th>
                  <th className="num">{l.after}</th>
                  <th className="num">{l.target}</th>
                  <th>{l.within}</th>
                </tr>
              </thead>
              <tbody>
                {doc.before.sleeves.map((s) => (
                  <tr key={s.id}>
                    <td>{sleeveName(s.id, lang)}</td>
                    <td className="num">{pct(s.weight)}</td>
                    <td className="num">{pct(after.get(s.id)?.weight ?? 0)}</td>
                    <td className="num">{pct(s.target)}</td>
                    <td>{after.get(s.id)?.within ? '✔' : '✘'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div className="panel">
          {doc.unresolved.length > 0 && (
            <>
              <h2>{l.unresolved}</h2>
              <ul>
                {doc.unresolved.map((u) => (
                  <li key={u.sleeve}>
                    {sleeveName(u.sleeve, lang)}: {money(u.amount)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {doc.skipped.length > 0 && (
            <>
              <h2>{l.skipped}</h2>
              <ul>
                {doc.skipped.map((s) => (
                  <li key={`${s.account}-${s.symbol}`}>
                    {s.account}: {s.side === 'buy' ? l.buy : l.sell} <code>{s.symbol}</code>{' '}
                    {formatNumber(s.quantity, lang)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {doc.warnings.length > 0 && (
            <>
              <h2>{l.warnings}</h2>
              <ul className="small">
                {doc.warnings.map((w) => (
                  <li key={w.message}>{w.message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>
      {doc.checklist && (
        <section className="panel" data-testid="rb-checklist-after">
          <h2>{l.checklistAfter}</h2>
          <ul>
            {doc.checklist.checks.map((c) => (
              <li key={c.id}>
                {c.pass ? '✔' : '✘'} {checkTitle(c, lang)}
                {c.value !== null && c.id !== 'monthly-rebalancing' ? ` (${pct(c.value)})` : ''}
              </li>
            ))}
            {doc.checklist.concentration.map((w) => (
              <li key={w.message}>! {w.message}</li>
            ))}
            {doc.checklist.concentration.length === 0 && <li>{l.noConcentration}</li>}
          </ul>
        </section>
      )}
    </>
  );
}
