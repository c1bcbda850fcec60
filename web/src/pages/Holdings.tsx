/** Holdings: every position with account, sleeve, country, price and its date, value and weight; sortable and filterable. */
import { useMemo, useState } from 'react';
import { formatMoney, formatNumber, formatPct } from '../../../src/i18n/format.ts';
import type { CheckDocument } from '../../../src/report/check-document.ts';
import { ErrorBox, Loading, StaleLine } from '../components/Status.tsx';
import { countryLabel, sleeveName } from '../i18n.ts';
import { useApi, useSettings } from '../state.tsx';

type Position = CheckDocument['positions'][number];
type Key =
  | 'account'
  | 'symbol'
  | 'sleeve'
  | 'country'
  | 'quantity'
  | 'price'
  | 'priceDate'
  | 'value'
  | 'weight';

export function Holdings() {
  const { lang, base, asOf, version, t } = useSettings();
  const r = useApi<CheckDocument>('/api/check', { base, asOf, lang, v: version });
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'value', desc: true });
  const [text, setText] = useState('');
  const [sleeve, setSleeve] = useState('');
  const [account, setAccount] = useState('');
  const doc = r.state === 'ready' ? r.data : null;

  const rows = useMemo(() => {
    if (!doc) return [];
    const needle = text.trim().toLowerCase();
    const list = doc.positions.filter(
      (p) =>
        (!sleeve || p.sleeve === sleeve) &&
        (!account || p.account === account) &&
        (!needle || `${p.symbol} ${p.name ?? ''} ${p.account}`.toLowerCase().includes(needle)),
    );
    const val = (p: Position) => p[sort.key] ?? '';
    return [...list].sort((a, b) => {
      const x = val(a);
      const y = val(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -c : c;
    });
  }, [doc, text, sleeve, account, sort]);

  if (r.state === 'loading') return <Loading />;
  if (r.state === 'error') return <ErrorBox error={r.error} />;
  if (!doc) return null;
  const accounts = [...new Set(doc.positions.map((p) => p.account))];
  const rules = new Map(doc.classifications.map((c) => [c.symbol, c.rule]));
  const funds = new Map(doc.lookThrough.funds.map((f) => [f.fund, f]));
  const through = doc.lookThrough.mag7Through.reduce((a, x) => a + x.weight, 0);
  const sleeves = [...new Set(doc.positions.map((p) => p.sleeve))];
  const head = (key: Key, label: string, num = false) => (
    <th
      className={`${num ? 'num' : ''} sortable`}
      onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : num }))}
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      data-testid={`sort-${key}`}
    >
      {label}
      {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
    </th>
  );
  return (
    <div className="page" data-testid="page-holdings">
      <StaleLine stale={doc?.stale} />
      <div className="toolbar">
        <input
          placeholder={`${t.filter}…`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="holdings-filter"
        />
        <select value={account} onChange={(e) => setAccount(e.target.value)} aria-label={t.account}>
          <option value="">
            {t.account}: {t.all}
          </option>
          {accounts.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
        <select
          value={sleeve}
          onChange={(e) => setSleeve(e.target.value)}
          aria-label={t.sleeve}
          data-testid="sleeve-filter"
        >
          <option value="">
            {t.sleeve}: {t.all}
          </option>
          {sleeves.map((s) => (
            <option key={s} value={s}>
              {sleeveName(s, lang)}
            </option>
          ))}
        </select>
        <span className="muted">
          {rows.length} / {doc.positions.length}
        </span>
      </div>
      {funds.size > 0 && (
        <p className="muted small" data-testid="mag7-through">
          {t.mag7Line(formatPct(doc.lookThrough.mag7, lang), formatPct(through, lang))}
        </p>
      )}
      <div className="scroll">
        <table className="table" data-testid="holdings-table">
          <thead>
            <tr>
              {head('account', t.account)}
              {head('symbol', t.symbol)}
              <th>{t.name}</th>
              {head('sleeve', t.sleeve)}
              {head('country', t.country)}
              {head('quantity', t.quantity, true)}
              {head('price', t.price, true)}
              {head('priceDate', t.priceDate)}
              {head('value', t.value, true)}
              {head('weight', t.weight, true)}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={`${p.account}|${p.symbol}|${p.currency}`} data-symbol={p.symbol}>
                <td>{p.account}</td>
                <td>
                  <code>{p.symbol}</code>
                </td>
                <td>
                  {p.name ?? ''}
                  <FundLine fund={funds.get(p.symbol)} />
                </td>
                <td>
                  {sleeveName(p.sleeve, lang)}
                  {rules.has(p.symbol) && (
                    <div className="muted small" data-testid="rule">
                      {t.byRule(rules.get(p.symbol) ?? '')}
                    </div>
                  )}
                </td>
                <td>{p.country ? countryLabel(p.country, lang) : '—'}</td>
                <td className="num">{formatNumber(p.quantity, lang)}</td>
                <td className="num">
                  {p.symbol === 'CASH' ? p.currency : formatMoney(p.price, p.currency, lang)}
                </td>
                <td>{p.priceDate ?? ''}</td>
                <td className="num" data-testid="cell-value">
                  {formatMoney(p.value, doc.base, lang)}
                </td>
                <td className="num">{formatPct(p.weight, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

type Fund = CheckDocument['lookThrough']['funds'][number];

/** Under a fund's name: the Mag7 share of what it holds and the date of those holdings, or that they are unknown. */
function FundLine({ fund }: { fund: Fund | undefined }) {
  const { lang, t } = useSettings();
  if (!fund) return null;
  return (
    <div className="muted small" data-testid="fund-line">
      {fund.asOf === null || fund.mag7Share === null
        ? t.noLookThrough
        : t.fundMag7(formatPct(fund.mag7Share, lang), fund.asOf)}
    </div>
  );
}
