/** Stress: what the essay's three risks and past crashes would do to this portfolio, and its risk figures. */

import type { EChartsCoreOption } from 'echarts/core';
import { useState } from 'react';
import { formatMoney, formatPct } from '../../../src/i18n/format.ts';
import { STRESS_LABELS } from '../../../src/i18n/stress.ts';
import type { StressDocument } from '../../../src/report/stress-document.ts';
import { Chart } from '../components/Chart.tsx';
import { ErrorBox, Loading, StaleLine } from '../components/Status.tsx';
import type { Lang } from '../i18n.ts';
import { sleeveName } from '../i18n.ts';
import { useApi, useSettings } from '../state.tsx';

// The CLI report's words for the same things, so the page and `dispersion stress` read alike.
const words = (lang: Lang) => {
  const t = STRESS_LABELS[lang];
  return {
    scenarios: t.summary,
    scenario: t.scenario,
    kind: t.kind,
    loss: t.loss,
    lossPct: t.lossPct,
    after: t.after,
    bySleeve: lang === 'ko' ? '슬리브별 손실' : 'Loss by sleeve',
    worst: t.worst,
    risk: t.risk,
    vol: t.volatility,
    volNoFx: t.volNoFx,
    fxShare: t.fxShare,
    horizon: t.horizon,
    confidence: t.confidence,
    contribution: t.share,
    sleeve: t.sleeve,
    weight: t.weight,
    day: t.day,
    month: t.month,
    proxies: lang === 'ko' ? '대용 종목' : 'Proxies used',
    sources: t.sources,
    hypothetical: t.hypothetical,
    historical: t.historical,
  };
};

export function Stress() {
  const { lang, base, asOf, version } = useSettings();
  const r = useApi<StressDocument>('/api/stress', { base, asOf, lang, v: version });
  const [selected, setSelected] = useState(0);
  if (r.state === 'loading') return <Loading />;
  if (r.state === 'error') return <ErrorBox error={r.error} />;
  const doc = r.data;
  const l = words(lang);
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
          <div className="scroll">
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
            <div className="scroll">
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
            </div>
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
            <div className="scroll">
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
            <div className="scroll">
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
                      <td>{v.horizon === '1d' ? l.day : l.month}</td>
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
            </div>
            <div className="scroll">
              <table className="table compact">
                <thead>
                  <tr>
                    <th>{l.sleeve}</th>
                    <th className="num">{l.weight}</th>
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
          </div>
        </section>
      )}
    </div>
  );
}
