/** Stress: what the essay's three risks and past crashes would do to this portfolio, and its risk figures. */

import type { EChartsCoreOption } from 'echarts/core';
import { useState } from 'react';
import { formatMoney, formatPct } from '../../../src/i18n/format.ts';
import type { StressDocument } from '../../../src/report/stress-document.ts';
import { Chart } from '../components/Chart.tsx';
import { ErrorBox, Loading, StaleLine } from '../components/Status.tsx';
import { sleeveName } from '../i18n.ts';
import { useApi, useSettings } from '../state.tsx';

const L = {
  en: {
    scenarios: 'Scenarios',
    scenario: 'Scenario',
    kind: 'Kind',
    loss: 'Loss',
    lossPct: 'Loss %',
    after: 'After',
    bySleeve: 'Loss by sleeve',
    worst: 'Positions that hurt most',
    risk: 'Risk of the portfolio as it stands',
    vol: 'Volatility (annualised)',
    volNoFx: 'without currency moves',
    fxShare: 'share of variance from currency',
    horizon: 'Horizon',
    confidence: 'Confidence',
    contribution: 'Share of risk',
    proxies: 'Proxies used',
    sources: 'Sources',
    hypothetical: 'hypothetical',
    historical: 'historical',
  },
  ko: {
    scenarios: '시나리오',
    scenario: '시나리오',
    kind: '종류',
    loss: '손실',
    lossPct: '손실률',
    after: '충격 후',
    bySleeve: '슬리브별 손실',
    worst: '손실이 가장 큰 종목',
    risk: '현재 포트폴리오의 위험',
    vol: '변동성 (연율)',
    volNoFx: '환율 제외',
    fxShare: '환율에서 오는 분산 비중',
    horizon: '기간',
    confidence: '신뢰수준',
    contribution: '위험 기여도',
    proxies: '대용 종목',
    sources: '출처',
    hypothetical: '가상',
    historical: '과거',
  },
};

export function Stress() {
  const { lang, base, asOf, version } = useSettings();
  const r = useApi<StressDocument>('/api/stress', { base, asOf, lang, v: version });
  const [selected, setSelected] = useState(0);
  if (r.state === 'loading') return <Loading />;
  if (r.state === 'error') return <ErrorBox error={r.error} />;
  const doc = r.data;
  const l = L[lang];
  const money = (x: number) => formatMoney(x, doc.base, lang);
  const pct = (x: number) => formatPct(x, lang);
  const s = doc.scenarios[selected] ?? doc.scenarios[0];
  const lossChart: EChartsCoreOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => pct(v) },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => pct(v) } },
    yAxis: { type: 'category', inverse: true, data: doc.scenarios.map((x) => x.name) },
    series: [
      {
        type: 'bar',
        data: doc.scenarios.map((x, i) => ({
          value: -x.lossPct,
          itemStyle: { color: i === selected ? '#d6456b' : x.kind === 'historical' ? '#6b7a8f' : '#e08a1e' },
        })),
        barMaxWidth: 18,
      },
    ],
  };
  return (
    <div className="page" data-testid="page-stress">
      <StaleLine stale={doc.stale} />
      <section className="grid2">
        <div className="panel">
          <h2>{l.scenarios}</h2>
          <table className="table compact" data-testid="stress-table">
            <thead>
              <tr>
                <th>{l.scenario}</th>
                <th>{l.kind}</th>
                <th className="num">{l.loss}</th>
                <th className="num">{l.lossPct}</th>
                <th className="num">{l.after}</th>
              </tr>
            </thead>
            <tbody>
              {doc.scenarios.map((x, i) => (
                <tr
                  key={x.id}
                  onClick={() => setSelected(i)}
                  className={i === selected ? 'selected' : 'clickable'}
                  data-scenario={x.id}
                >
                  <td>{x.name}</td>
                  <td>{x.kind === 'historical' ? l.historical : l.hypothetical}</td>
                  <td className="num" data-testid="stress-loss">
                    {money(x.loss)}
                  </td>
                  <td className="num bad">{pct(x.lossPct)}</td>
                  <td className="num">{money(x.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="panel">
          <Chart option={lossChart} height={280} testId="chart-stress" />
        </div>
      </section>
      {s && (
        <section className="grid2">
          <div className="panel">
            <h2>
              {s.name}: {l.bySleeve}
            </h2>
            {s.description && <p className="muted small">{s.description}</p>}
            <table className="table compact">
              <tbody>
                {s.bySleeve.map((b) => (
                  <tr key={b.id}>
                    <td>{sleeveName(b.id, lang)}</td>
                    <td className="num">{money(b.loss)}</td>
                    <td className="num">{pct(b.lossPct)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {s.proxies.length > 0 && (
              <p className="muted small">
                {l.proxies}: {s.proxies.map((p) => `${p.symbol} → ${p.proxy}`).join(', ')}
              </p>
            )}
            {s.sources.length > 0 && (
              <details className="small">
                <summary className="muted">
                  {l.sources} ({s.sources.length})
                </summary>
                <ul className="muted">
                  {s.sources.map((src) => (
                    <li key={src.label}>
                      {src.label}: <strong>{src.figure}</strong>
                      {src.note ? ` (${src.note})` : ''}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
          <div className="panel">
            <h2>{l.worst}</h2>
            <table className="table compact">
              <tbody>
                {s.worst.map((w) => (
                  <tr key={`${w.account}-${w.symbol}`}>
                    <td>
                      <code>{w.symbol}</code> {w.name ?? ''}
                    </td>
                    <td className="num">{money(w.loss)}</td>
                    <td className="num">{pct(w.lossPct)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {doc.risk && (
        <section className="panel" data-testid="risk">
          <h2>
            {l.risk} ({doc.risk.from} – {doc.risk.to})
          </h2>
          <p>
            {l.vol}: <strong>{pct(doc.risk.volatility)}</strong> · {l.volNoFx}:{' '}
            {pct(doc.risk.currency.volatilityWithoutFx)} · {l.fxShare}:{' '}
            {formatPct(doc.risk.currency.fxShare, lang, true)}
          </p>
          <div className="grid2">
            <table className="table compact">
              <thead>
                <tr>
                  <th>{l.horizon}</th>
                  <th>{l.confidence}</th>
                  <th className="num">VaR</th>
                  <th className="num">CVaR</th>
                </tr>
              </thead>
              <tbody>
                {doc.risk.var.map((v) => (
                  <tr key={`${v.horizon}-${v.confidence}`}>
                    <td>
                      {v.horizon === '1d'
                        ? lang === 'ko'
                          ? '1일'
                          : '1 day'
                        : lang === 'ko'
                          ? '1개월'
                          : '1 month'}
                    </td>
                    <td>{pct(v.confidence)}</td>
                    <td className="num">
                      {pct(v.var)} · {money(v.varAmount)}
                    </td>
                    <td className="num">
                      {pct(v.cvar)} · {money(v.cvarAmount)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="table compact">
              <thead>
                <tr>
                  <th>{lang === 'ko' ? '슬리브' : 'Sleeve'}</th>
                  <th className="num">{lang === 'ko' ? '비중' : 'Weight'}</th>
                  <th className="num">{l.contribution}</th>
                </tr>
              </thead>
              <tbody>
                {doc.risk.sleeves.map((x) => (
                  <tr key={x.id}>
                    <td>{sleeveName(x.id, lang)}</td>
                    <td className="num">{pct(x.weight)}</td>
                    <td className="num">{pct(x.contribution)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
