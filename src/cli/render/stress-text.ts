/** The readable `dispersion stress` report: a summary table, each scenario by sleeve and worst positions, then risk. */
import type { Lang } from '../../i18n/format.ts';
import { formatMoney, formatNumber, formatPct } from '../../i18n/format.ts';
import { ownValue, sleeveName } from '../../i18n/messages.ts';
import { PROXY_REASONS, STRESS_LABELS } from '../../i18n/stress.ts';
import type { StressDocument } from '../../report/stress-document.ts';
import { renderTable } from './table.ts';

export function renderStressText(doc: StressDocument, lang: Lang): string {
  const t = STRESS_LABELS[lang];
  const money = (x: number) => formatMoney(x, doc.base, lang);
  const pct = (x: number) => formatPct(x, lang);
  const signed = (x: number) => formatPct(x, lang, true);
  const out: string[] = [];
  if (doc.stale) out.push(`✘ ${doc.stale.message}`);
  out.push(`${t.title} — ${t.asOf} ${doc.asOf}, ${t.base} ${doc.base}`);
  out.push(`${t.total}: ${money(doc.total)}`, '');

  out.push(t.summary);
  out.push(
    renderTable(
      [t.scenario, t.kind, t.loss, t.lossPct, t.after],
      doc.scenarios.map((s) => [
        s.window ? `${s.name} (${s.window.from}→${s.window.to})` : s.name,
        s.kind === 'historical' ? t.historical : t.hypothetical,
        money(s.loss),
        pct(s.lossPct),
        money(s.after),
      ]),
      ['left', 'left', 'right', 'right', 'right'],
    ),
    `  ${t.sign}`,
  );

  for (const s of doc.scenarios) {
    out.push('', `■ ${s.name} — ${t.loss} ${money(s.loss)} (${pct(s.lossPct)})`);
    if (s.description) out.push(`  ${s.description}`);
    out.push(
      renderTable(
        [t.sleeve, t.value, t.loss, t.lossPct, t.ofTotal],
        s.bySleeve.map((b) => [
          sleeveName(b.id, lang),
          money(b.value),
          money(b.loss),
          pct(b.lossPct),
          pct(b.ofTotal),
        ]),
        ['left', 'right', 'right', 'right', 'right'],
      ),
    );
    if (s.worst.length) {
      out.push(t.worst);
      out.push(
        renderTable(
          [t.account, t.symbol, t.value, t.price, t.fx, t.loss, t.lossPct],
          s.worst.map((w) => [
            w.account,
            w.proxy ? `${w.symbol} (${t.proxyRule} ${w.proxy})` : w.symbol,
            money(w.value),
            w.rule === 'cash' ? '' : signed(w.priceMove),
            signed(w.fxMove),
            money(w.loss),
            pct(w.lossPct),
          ]),
          ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
        ),
      );
      for (const w of s.worst) if (w.rationale) out.push(`  ${w.symbol}: ${w.rationale}`);
    }
    for (const p of s.proxies) {
      out.push(`  ↳ ${t.proxy(p.symbol, p.proxy, ownValue(PROXY_REASONS, p.reason)?.[lang] ?? p.reason)}`);
    }
    if (s.sources.length) {
      out.push(`  ${t.sources}:`);
      for (const src of s.sources) out.push(`   · ${src.label}: ${src.figure}`);
    }
  }

  out.push('', t.risk);
  const r = doc.risk;
  if (!r) {
    out.push(`  ${t.noRisk}`);
  } else {
    out.push(`  ${t.riskWindow(r.from, r.to, r.observations)}`);
    if (r.shortened && r.limitedBy) out.push(`  ${t.shortened(r.from, r.limitedBy)}`);
    for (const p of r.proxies) {
      out.push(`  ↳ ${t.proxy(p.symbol, p.proxy, ownValue(PROXY_REASONS, p.reason)?.[lang] ?? p.reason)}`);
    }
    out.push(
      `  ${t.volatility}: ${pct(r.volatility)} · ${t.volNoFx}: ${pct(r.currency.volatilityWithoutFx)} · ${t.fxShare}: ${signed(r.currency.fxShare)}`,
      '',
      t.varTitle,
    );
    out.push(
      renderTable(
        [t.horizon, t.confidence, t.var, '', t.cvar, ''],
        r.var.map((v) => [
          v.horizon === '1d' ? t.day : t.month,
          pct(v.confidence),
          pct(v.var),
          money(v.varAmount),
          pct(v.cvar),
          money(v.cvarAmount),
        ]),
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
      '',
      t.contribution,
    );
    out.push(
      renderTable(
        [t.sleeve, t.weight, t.sleeveVol, t.share],
        r.sleeves.map((s) => [sleeveName(s.id, lang), pct(s.weight), pct(s.volatility), pct(s.contribution)]),
        ['left', 'right', 'right', 'right'],
      ),
      '',
      t.correlation,
    );
    const ids = r.correlation.sleeves;
    // In Korean the sleeves are named (numbered across the top, so the table stays narrow); in English by id.
    const ko = lang === 'ko';
    out.push(
      renderTable(
        ['', ...ids.map((id, i) => (ko ? String(i + 1) : id))],
        ids.map((id, i) => [
          ko ? `${i + 1} ${sleeveName(id, lang)}` : id,
          ...(r.correlation.matrix[i] ?? []).map((c) => (c === null ? '—' : formatNumber(c, lang, 2))),
        ]),
        ['left', ...ids.map(() => 'right' as const)],
      ),
    );
  }

  if (doc.warnings.length) {
    out.push('', t.warnings);
    for (const w of doc.warnings) out.push(`  ! ${w.message}`);
  }
  out.push('', t.disclaimer);
  return out.join('\n');
}
