/** Journal: the months on record, and how drift and the checklist moved from month to month. */
import type { EChartsCoreOption } from 'echarts/core';
import { useState } from 'react';
import type { CheckId } from '../../../src/core/rules.ts';
import { formatMoney, formatNumber, formatPct } from '../../../src/i18n/format.ts';
import type { ListDocument, ShowDocument } from '../../../src/report/journal-document.ts';
import { PALETTE } from '../charts.ts';
import { Chart } from '../components/Chart.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { checkTitle, sleeveName } from '../i18n.ts';
import { useApi, useSettings } from '../state.tsx';

const L = {
  en: {
    months: 'Months on record',
    none: 'No months on record yet. Record this month on the Rebalance page, or with dispersion journal record.',
    month: 'Month',
    portfolio: 'Portfolio (its months only)',
    total: 'Total',
    checks: 'Checks passed',
    orders: 'Orders',
    rebalanced: 'Rebalanced',
    totals: 'Total value over time',
    detail: 'Month detail',
    file: 'Journal file',
  },
  ko: {
    months: '기록된 달',
    none: '아직 기록이 없습니다. 리밸런싱 페이지나 dispersion journal record로 이번 달을 기록하세요.',
    month: '월',
    portfolio: '포트폴리오 (이 포트폴리오의 기록만)',
    total: '총평가액',
    checks: '통과한 점검',
    orders: '주문',
    rebalanced: '리밸런싱',
    totals: '총평가액 추이',
    detail: '월별 상세',
    file: '저널 파일',
  },
};

const STATUS = {
  en: { proposed: 'proposed', executed: 'executed' } as Record<string, string>,
  ko: { proposed: '제안', executed: '실행됨' } as Record<string, string>,
};

export function Journal() {
  const { lang, version } = useSettings();
  const l = L[lang];
  const r = useApi<ListDocument>('/api/journal', { v: version });
  const [month, setMonth] = useState<string | null>(null);
  if (r.state === 'loading') return <Loading />;
  if (r.state === 'error') return <ErrorBox error={r.error} />;
  const doc = r.data;
  const months = [...doc.months].sort((a, b) => a.month.localeCompare(b.month));
  const chosen = month ?? months.at(-1)?.month ?? null;
  const totals: EChartsCoreOption = {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', scale: true },
    series: [{ type: 'line', data: months.map((m) => m.total) }],
  };
  return (
    <div className="page" data-testid="page-journal">
      <section className="panel">
        <h2>{l.months}</h2>
        <p className="muted small">
          {l.file}: <code>{doc.file}</code>
        </p>
        {doc.portfolio && (
          <p className="muted small" data-testid="journal-portfolio">
            {l.portfolio}: <strong>{doc.portfolio}</strong>
          </p>
        )}
        {months.length === 0 ? (
          <p data-testid="journal-empty">{l.none}</p>
        ) : (
          <div className="scroll">
            <table className="table compact" data-testid="journal-table">
              <thead>
                <tr>
                  <th>{l.month}</th>
                  <th className="num">{l.total}</th>
                  <th className="num">{l.checks}</th>
                  <th className="num">{l.orders}</th>
                  <th>{l.rebalanced}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr
                    key={m.month}
                    className={m.month === chosen ? 'selected' : 'clickable'}
                    onClick={() => setMonth(m.month)}
                    data-month={m.month}
                  >
                    <td>{m.month}</td>
                    <td className="num">{formatMoney(m.total, m.base, lang)}</td>
                    <td className="num">
                      {m.checksPassed} / {m.checksTotal}
                    </td>
                    <td className="num">{m.orders}</td>
                    <td>{m.rebalanced ? '✔' : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {months.length > 1 && (
        <section className="panel">
          <h2>{l.totals}</h2>
          <Chart option={totals} height={220} testId="chart-journal" />
        </section>
      )}
      {chosen && <MonthDetail month={chosen} />}
    </div>
  );
}

function MonthDetail({ month }: { month: string }) {
  const { lang, version, t } = useSettings();
  const r = useApi<ShowDocument>(`/api/journal/${month}`, { v: version });
  if (r.state === 'loading') return <Loading />;
  if (r.state === 'error') return <ErrorBox error={r.error} />;
  const m = r.data;
  const bySleeve = new Map<string, number>();
  for (const h of m.holdings) bySleeve.set(h.sleeve, (bySleeve.get(h.sleeve) ?? 0) + h.value);
  return (
    <section className="grid2" data-testid="journal-detail">
      <div className="panel">
        <h2>
          {L[lang].detail}: {m.month} ({m.asOf})
        </h2>
        <ul>
          {m.checks.map((c) => (
            <li key={c.id}>
              {c.pass ? '✔' : '✘'} {checkTitle({ id: c.id as CheckId, threshold: c.threshold }, lang)}:{' '}
              {c.value === null
                ? '—'
                : c.id === 'monthly-rebalancing'
                  ? t.days(c.value)
                  : formatPct(c.value, lang)}
            </li>
          ))}
        </ul>
      </div>
      <div className="panel">
        <div className="scroll">
          <table className="table compact">
            <tbody>
              {[...bySleeve].map(([id, v]) => (
                <tr key={id}>
                  <td>{sleeveName(id, lang)}</td>
                  <td className="num">{formatPct(m.total > 0 ? v / m.total : 0, lang)}</td>
                  <td className="num">{formatMoney(v, m.base, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {m.orders.length > 0 && (
          <ul className="small">
            {m.orders.map((o) => (
              <li key={`${o.account}-${o.symbol}-${o.side}`}>
                {o.account} · {o.side === 'buy' ? t.buy : t.sell} {formatNumber(o.quantity, lang)}{' '}
                <code>{o.symbol}</code> ({STATUS[lang][o.status] ?? o.status})
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
