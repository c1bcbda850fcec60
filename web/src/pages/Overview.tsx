/** Overview: the total, the four checks with their numbers, sleeves against targets, and what needs attention. */

import { formatMoney, formatPct } from '../../../src/i18n/format.ts';
import type { CheckDocument } from '../../../src/report/check-document.ts';
import { donut, sleeveBars } from '../charts.ts';
import { Chart } from '../components/Chart.tsx';
import { ErrorBox, Loading, StaleLine } from '../components/Status.tsx';
import { countryLabel, sleeveName } from '../i18n.ts';
import { useApi, useSettings } from '../state.tsx';

export function Overview() {
  const { lang, base, asOf, version, t } = useSettings();
  const r = useApi<CheckDocument>('/api/check', { base, asOf, lang, v: version });
  if (r.state === 'loading') return <Loading />;
  if (r.state === 'error') return <ErrorBox error={r.error} />;
  const doc = r.data;
  const money = (x: number) => formatMoney(x, doc.base, lang);
  const pct = (x: number) => formatPct(x, lang);
  const unclassified = doc.positions.filter((p) => p.sleeve === 'unclassified');
  const stale = doc.warnings.filter((w) => w.code.startsWith('stale'));
  // Everything else the check wants the reader to know (concentration, duplicates, currency mismatches…).
  const notes = doc.warnings.filter((w) => !w.code.startsWith('stale') && w.code !== 'unclassified');
  const accounts = new Set(doc.positions.map((p) => p.account));
  return (
    <div className="page" data-testid="page-overview">
      <StaleLine stale={doc.stale} />
      <section className="cards">
        <div className="card total">
          <div className="label">{t.total}</div>
          <div className="big" data-testid="total">
            {money(doc.total)}
          </div>
          <div className="muted">
            {doc.positions.length} {t.positions} · {accounts.size} {t.accounts} · {t.asOf} {doc.asOf}
          </div>
        </div>
        {doc.checks.map((c) => (
          <div key={c.id} className={`card check ${c.pass ? 'pass' : 'fail'}`} data-testid={`check-${c.id}`}>
            <div className="label">
              <span className="badge">{c.pass ? t.pass : t.fail}</span> {c.title}
            </div>
            <div className="big" data-testid={`check-value-${c.id}`}>
              {c.value === null ? '—' : c.id === 'monthly-rebalancing' ? t.days(c.value) : pct(c.value)}
            </div>
            <div className="muted small">{c.message}</div>
          </div>
        ))}
      </section>

      <section className="grid2">
        <div className="panel">
          <h2>{t.sleeves}</h2>
          <Chart
            option={(width) => sleeveBars(doc.sleeves, 0.02, lang, width)}
            height={330}
            testId="chart-sleeves"
          />
          <div className="scroll">
            <table className="table compact" data-testid="sleeve-table">
              <thead>
                <tr>
                  <th>{t.sleeve}</th>
                  <th className="num">{t.weight}</th>
                  <th className="num">{t.target}</th>
                  <th className="num">{t.drift}</th>
                  <th className="num">{t.value}</th>
                </tr>
              </thead>
              <tbody>
                {doc.sleeves.map((s) => (
                  <tr key={s.id}>
                    <td>{sleeveName(s.id, lang)}</td>
                    <td className="num">{pct(s.weight)}</td>
                    <td className="num">{pct(s.target)}</td>
                    <td className={`num ${Math.abs(s.drift) > 0.02 ? 'bad' : ''}`}>
                      {formatPct(s.drift, lang, true)}
                    </td>
                    <td className="num">{money(s.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div className="panel">
          <h2>{t.allocation}</h2>
          <Chart
            option={donut(
              doc.sleeves.map((s) => ({ name: sleeveName(s.id, lang), value: s.value })),
              doc.base,
              lang,
            )}
            height={260}
            testId="chart-donut"
          />
          <div className="grid2 tight">
            <Exposure
              title={t.countries}
              rows={doc.countries.map((c) => ({ ...c, label: countryLabel(c.id, lang) }))}
              pct={pct}
              testId="countries"
            />
            <Exposure title={t.currencies} rows={doc.currencies} pct={pct} testId="currencies" />
          </div>
        </div>
      </section>

      {notes.length > 0 && (
        <section className="panel callout" data-testid="warnings">
          <h2>{t.warnings}</h2>
          <ul>
            {notes.map((w) => (
              <li key={`${w.code}-${w.message}`}>{w.message}</li>
            ))}
          </ul>
        </section>
      )}

      {(unclassified.length > 0 || stale.length > 0) && (
        <section className="grid2">
          {unclassified.length > 0 && (
            <div className="panel callout" data-testid="unclassified">
              <h2>{t.unclassified}</h2>
              <p className="muted">{t.unclassifiedHelp}</p>
              <ul>
                {unclassified.map((p) => (
                  <li key={`${p.account}-${p.symbol}`}>
                    <code>{p.symbol}</code> {p.name ?? ''} — {money(p.value)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {stale.length > 0 && (
            <div className="panel callout" data-testid="stale">
              <h2>{t.stale}</h2>
              <p className="muted">{t.staleHelp}</p>
              <ul>
                {stale.slice(0, 8).map((w) => (
                  <li key={w.message}>{w.message}</li>
                ))}
                {stale.length > 8 && <li>… +{stale.length - 8}</li>}
              </ul>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function Exposure({
  title,
  rows,
  pct,
  testId,
}: {
  title: string;
  rows: { id: string; label?: string; weight: number }[];
  pct: (x: number) => string;
  testId: string;
}) {
  return (
    <div>
      <h3>{title}</h3>
      <ul className="bars" data-testid={testId}>
        {rows.map((r) => (
          <li key={r.id}>
            <span className="bar-label">{r.label ?? r.id}</span>
            <span className="bar" style={{ width: `${Math.max(1, r.weight * 100)}%` }} />
            <span className="bar-value">{pct(r.weight)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
