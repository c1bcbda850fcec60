/** Signals: is the Great Dispersion happening? The scorecard, with a chart per signal. */
import type { EChartsCoreOption } from 'echarts/core';
import { formatPct } from '../../../src/i18n/format.ts';
import type { SignalDoc, SignalsDocument } from '../../../src/report/signals-document.ts';
import { PALETTE } from '../charts.ts';
import { Chart } from '../components/Chart.tsx';
import { ErrorBox, Loading, StaleLine } from '../components/Status.tsx';
import { useApi, useSettings } from '../state.tsx';

const VERDICT = {
  en: { agrees: 'Agrees', disagrees: 'Disagrees', inconclusive: 'Inconclusive' },
  ko: { agrees: '부합', disagrees: '불일치', inconclusive: '판단 보류' },
};

export function Signals() {
  const { lang, asOf, version } = useSettings();
  const r = useApi<SignalsDocument>('/api/signals', { asOf, lang, v: version });
  if (r.state === 'loading') return <Loading />;
  if (r.state === 'error') return <ErrorBox error={r.error} />;
  const doc = r.data;
  return (
    <div className="page" data-testid="page-signals">
      <StaleLine stale={doc.stale} />
      <section className="panel">
        <h2>{lang === 'ko' ? `논지 점검표 (${doc.asOf})` : `Thesis scorecard (${doc.asOf})`}</h2>
        <table className="table stack" data-testid="scorecard">
          <tbody>
            {doc.scorecard.map((s) => (
              <tr key={s.claim} data-claim={s.claim}>
                <td className="wrap claim">
                  <strong>{s.label}</strong>
                  <div className="muted small">{s.rule}</div>
                </td>
                <td className="nowrap">
                  <span className={`verdict ${s.verdict}`} data-testid="verdict">
                    {VERDICT[lang][s.verdict]}
                  </span>
                </td>
                <td className="wrap small">
                  {s.evidence}
                  <div className="muted" data-testid="verdict-basket">
                    {s.basketText}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="grid2">
        {doc.signals
          .filter((s) => s.status === 'ok' && (s.kind === 'estimate' || s.benchmark === 'SPY'))
          .map((s) => (
            <div className="panel" key={s.id}>
              <h2>{s.label}</h2>
              <Chart option={signalChart(s, lang)} height={220} testId={`chart-${s.id}`} />
              {s.kind === 'estimate' && <p className="muted small wrap">{s.method}</p>}
            </div>
          ))}
      </section>
    </div>
  );
}

function signalChart(s: SignalDoc, lang: 'en' | 'ko'): EChartsCoreOption {
  const points =
    s.kind === 'estimate'
      ? (s.series ?? []).map((p) => [p.date, p.share])
      : (s.series ?? []).map((p) => [p.date, p.relative]);
  return {
    color: PALETTE,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => (s.kind === 'estimate' ? formatPct(v, lang) : v.toFixed(3)),
    },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'time' },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: {
        formatter: (v: number) => (s.kind === 'estimate' ? formatPct(v, lang, false, 0) : v.toFixed(2)),
      },
    },
    series: [
      {
        type: 'line',
        showSymbol: false,
        data: points,
        markLine: s.kind === 'estimate' ? undefined : { silent: true, symbol: 'none', data: [{ yAxis: 1 }] },
      },
    ],
  };
}
