/** Backtest: the model against SPY, QQQ and the Mag7-concentrated portfolio: curves, drawdowns, statistics, months. */
import type { EChartsCoreOption } from 'echarts/core';
import { useState } from 'react';
import { BACKTEST_LABELS, REBALANCE_CHOICES } from '../../../src/i18n/backtest.ts';
import { formatMoney, formatPct } from '../../../src/i18n/format.ts';
import type { BacktestCurves, BacktestDocument } from '../../../src/report/backtest-document.ts';
import type { HindsightDocument } from '../../../src/report/hindsight.ts';
import { PALETTE } from '../charts.ts';
import { Chart } from '../components/Chart.tsx';
import { ErrorBox, Loading, StaleLine } from '../components/Status.tsx';
import { useApi, useSettings } from '../state.tsx';

type Doc = BacktestDocument & {
  curves?: BacktestCurves;
  hindsight?: HindsightDocument | null;
  stale?: { message: string } | null;
};

const L = {
  en: {
    from: 'From',
    to: 'To',
    rebalance: 'Rebalancing',
    log: 'Log scale',
    growth: 'Growth of the initial amount',
    drawdown: 'Drawdowns',
    stats: 'Statistics',
    monthly: 'Monthly returns of the model',
    proxies: 'Stand-ins used where the named listings have no history',
    portfolio: 'Portfolio',
    final: BACKTEST_LABELS.en.final,
  },
  ko: {
    from: '시작',
    to: '종료',
    rebalance: '리밸런싱',
    log: '로그 스케일',
    growth: '초기 금액의 성장',
    drawdown: '낙폭',
    stats: '통계',
    monthly: '모델의 월별 수익률',
    proxies: '이력이 없는 종목 대신 쓴 대용 종목',
    portfolio: '포트폴리오',
    final: BACKTEST_LABELS.ko.final,
  },
};

// Named as `dispersion backtest` names them.
const STATS: {
  key: string;
  label: 'totalReturn' | 'cagr' | 'vol' | 'sharpe' | 'sortino' | 'maxDd' | 'calmar';
  kind: 'pct' | 'num';
}[] = [
  { key: 'totalReturn', label: 'totalReturn', kind: 'pct' },
  { key: 'cagr', label: 'cagr', kind: 'pct' },
  { key: 'vol', label: 'vol', kind: 'pct' },
  { key: 'sharpe', label: 'sharpe', kind: 'num' },
  { key: 'sortino', label: 'sortino', kind: 'num' },
  { key: 'maxDrawdown', label: 'maxDd', kind: 'pct' },
  { key: 'calmar', label: 'calmar', kind: 'num' },
];

export function Backtest() {
  const { lang, base, version } = useSettings();
  const l = L[lang];
  const c = REBALANCE_CHOICES[lang];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rebalance, setRebalance] = useState('monthly');
  const [log, setLog] = useState(true);
  const r = useApi<Doc>('/api/backtest', { base, lang, from, to, rebalance, curves: true, v: version });
  return (
    <div className="page" data-testid="page-backtest">
      <section className="panel form">
        <label>
          {l.from}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="bt-from" />
        </label>
        <label>
          {l.to}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="bt-to" />
        </label>
        <label>
          {l.rebalance}
          <select value={rebalance} onChange={(e) => setRebalance(e.target.value)}>
            <option value="monthly">{c.monthly}</option>
            <option value="quarterly">{c.quarterly}</option>
            <option value="annual">{c.annual}</option>
            <option value="none">{c.none}</option>
            <option value="band:0.05/0.25">{c.band} 5%/25%</option>
          </select>
        </label>
        <label className="check">
          <span>
            <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> {l.log}
          </span>
        </label>
      </section>
      {r.state === 'loading' && <Loading />}
      {r.state === 'error' && <ErrorBox error={r.error} />}
      <StaleLine stale={r.state === 'ready' ? r.data.stale : null} />
      {r.state === 'ready' && r.data.hindsight && (
        // Before any number: the picks were made knowing how they did, and how much of the lead they carry.
        <p className="stale-line" role="note" data-testid="bt-hindsight">
          {r.data.hindsight.caveat}
          {r.data.hindsight.decomposition && (
            <span className="muted" data-testid="bt-decomposition">
              {' '}
              {r.data.hindsight.decomposition.message}
            </span>
          )}
        </p>
      )}
      {r.state === 'ready' && <Result doc={r.data} log={log} />}
    </div>
  );
}

function Result({ doc, log }: { doc: Doc; log: boolean }) {
  const { lang } = useSettings();
  const l = L[lang];
  const named = (p: { name: string; nameKo: string | null }) =>
    lang === 'ko' ? (p.nameKo ?? p.name) : p.name;
  const all = [
    { id: doc.portfolio.id, name: named(doc.portfolio), final: doc.final, stats: doc.stats },
    ...doc.benchmarks.map((b) => ({ ...b, name: named(b) })),
  ];
  const names = new Map(all.map((p) => [p.id, p.name]));
  const curves = doc.curves;
  const line = (key: 'equity' | 'drawdown'): EChartsCoreOption => ({
    color: PALETTE,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => (key === 'equity' ? formatMoney(v, doc.base, lang) : formatPct(v, lang)),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 40, containLabel: true },
    dataZoom: [{ type: 'slider', height: 18, bottom: 6 }],
    xAxis: { type: 'category', data: curves?.days ?? [] },
    yAxis:
      key === 'equity'
        ? { type: log ? 'log' : 'value', scale: true }
        : { type: 'value', axisLabel: { formatter: (v: number) => formatPct(v, lang, false, 0) } },
    series: (curves?.series ?? []).map((s) => ({
      name: names.get(s.id) ?? s.id,
      type: 'line',
      showSymbol: false,
      sampling: 'lttb',
      lineStyle: { width: 1.5 },
      areaStyle: key === 'drawdown' ? { opacity: 0.08 } : undefined,
      data: s[key],
    })),
  });
  const months = doc.monthlyReturns;
  const heat: EChartsCoreOption = {
    tooltip: { formatter: (p: { value: [number, number, number] }) => formatPct(p.value[2], lang) },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] },
    yAxis: { type: 'category', data: months.map((m) => String(m.year)) },
    visualMap: {
      min: -0.15,
      max: 0.15,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#d6456b', '#f7f7f7', '#1aa37a'] },
      formatter: (v: number) => formatPct(v, lang, false, 0),
    },
    series: [
      {
        type: 'heatmap',
        label: {
          show: true,
          fontSize: 9,
          formatter: (p: { value: [number, number, number] }) => (p.value[2] * 100).toFixed(1),
        },
        data: months.flatMap((m, y) =>
          m.months.flatMap((v, x) => (v === null ? [] : [[x, y, v] as [number, number, number]])),
        ),
      },
    ],
  };
  return (
    <>
      <section className="panel">
        <h2>
          {l.growth} ({doc.from} – {doc.to}, {formatMoney(doc.initial, doc.base, lang)})
        </h2>
        <Chart option={line('equity')} height={340} testId="chart-equity" />
      </section>
      <section className="grid2">
        <div className="panel">
          <h2>{l.stats}</h2>
          <div className="scroll">
            <table className="table compact" data-testid="bt-stats">
              <thead>
                <tr>
                  <th />
                  {all.map((p) => (
                    <th key={p.id} className="num">
                      {p.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>{l.final}</td>
                  {all.map((p) => (
                    <td key={p.id} className="num" data-testid={`bt-final-${p.id}`}>
                      {formatMoney(p.final, doc.base, lang)}
                    </td>
                  ))}
                </tr>
                {STATS.map((s) => (
                  <tr key={s.key}>
                    <td>{BACKTEST_LABELS[lang][s.label]}</td>
                    {all.map((p) => {
                      const v = (p.stats as unknown as Record<string, number | null>)[s.key];
                      return (
                        <td key={p.id} className="num">
                          {v === null || v === undefined
                            ? '—'
                            : s.kind === 'pct'
                              ? formatPct(v, lang)
                              : v.toFixed(2)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {doc.proxies.length > 0 && (
            <details className="small">
              <summary className="muted">
                {l.proxies} ({doc.proxies.length})
              </summary>
              <ul className="muted">
                {doc.proxies.map((p) => (
                  <li key={`${p.sleeve}-${p.symbol}`}>
                    <code>{p.symbol}</code> {lang === 'ko' ? (p.noteKo ?? p.note) : p.note}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
        <div className="panel">
          <h2>{l.drawdown}</h2>
          <Chart option={line('drawdown')} height={300} testId="chart-drawdown" />
        </div>
      </section>
      <section className="panel">
        <h2>{l.monthly}</h2>
        <Chart option={heat} height={Math.max(200, months.length * 26 + 80)} testId="chart-heatmap" />
      </section>
    </>
  );
}
