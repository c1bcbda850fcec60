/** The readable `dispersion backtest` report: the portfolio next to its benchmarks, statistic by statistic. */

import { BACKTEST_LABELS } from '../../i18n/backtest.ts';
import type { Lang } from '../../i18n/format.ts';
import { formatMoney, formatPct } from '../../i18n/format.ts';
import { sleeveName } from '../../i18n/messages.ts';
import type { BacktestDocument } from '../../report/backtest-document.ts';
import type { HindsightDocument } from '../../report/hindsight.ts';
import { renderTable } from './table.ts';

const T = BACKTEST_LABELS;

type Stats = BacktestDocument['stats'];
type Period = Stats['bestYear'];

/**
 * A benchmark's column: its id (`SPY`, `mag7-concentrated`); in Korean a model's Korean name without its parenthesis
 * (`Mag7 집중`), since a model id is an English word.
 */
export function benchmarkName(b: { id: string; nameKo?: string | null }, lang: Lang): string {
  if (lang === 'ko' && b.id.startsWith('model:') && b.nameKo) return b.nameKo.replace(/\s*\(.*\)\s*$/, '');
  return b.id.replace(/^model:/, '');
}

export function renderBacktestText(
  doc: BacktestDocument & { hindsight?: HindsightDocument | null; stale?: { message: string } | null },
  lang: Lang,
): string {
  const t = T[lang];
  const money = (x: number) => formatMoney(x, doc.base, lang);
  const pct = (x: number | null) => (x === null ? '—' : formatPct(x, lang));
  const ratio = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const num = (x: number | null) => (x === null ? '—' : ratio.format(x));
  const period = (p: Period) => (p ? `${pct(p.return)} (${p.period})` : '—');
  const out: string[] = [];
  const s = doc.settings;
  if (doc.stale) out.push(`✘ ${doc.stale.message}`);
  out.push(
    `${t.title} — ${lang === 'ko' ? (doc.portfolio.nameKo ?? doc.portfolio.name) : doc.portfolio.name}, ${doc.from} → ${doc.to}, ${t.base} ${doc.base}`,
  );
  const how = [
    s.policy === 'dispersion' ? t.policy(t.rebalance(s.rebalance)) : t.rebalance(s.rebalance),
    t.dividends(s.totalReturn),
    t.shares(s.fractional),
    t.cost(s.costBps),
  ];
  if (s.contribution !== 0) {
    const period =
      s.contributionPeriod ??
      (s.rebalance === 'quarterly' || s.rebalance === 'annual' ? s.rebalance : 'monthly');
    how.push(t.contribution(money(s.contribution), t.per[period] ?? period));
  }
  out.push(`${how.join(', ')}; ${money(doc.initial)} → ${money(doc.final)}`);
  // Said before the numbers: the picks were made knowing how they did, and how much of the lead they carry.
  if (doc.hindsight) {
    out.push(`! ${doc.hindsight.caveat}`);
    if (doc.hindsight.decomposition) out.push(`  ${doc.hindsight.decomposition.message}`);
  }
  out.push('');

  const cols = [
    {
      name: t.portfolio,
      final: doc.final,
      stats: doc.stats,
      corr: null as number | null,
      beta: null as number | null,
    },
    ...doc.benchmarks.map((b) => ({
      name: benchmarkName(b, lang),
      final: b.final,
      stats: b.stats,
      corr: b.correlation,
      beta: b.beta,
    })),
  ];
  const row = (label: string, f: (c: (typeof cols)[number]) => string) => [label, ...cols.map(f)];
  const rows = [
    row(t.final, (c) => money(c.final)),
    row(t.totalReturn, (c) => pct(c.stats.totalReturn)),
    row(t.cagr, (c) => pct(c.stats.cagr)),
    row(t.vol, (c) => pct(c.stats.vol)),
    row(t.sharpe, (c) => num(c.stats.sharpe)),
    row(t.sortino, (c) => num(c.stats.sortino)),
    row(t.maxDd, (c) => pct(c.stats.maxDrawdown)),
    row(t.ddDates, (c) => `${c.stats.maxDrawdownPeak} → ${c.stats.maxDrawdownTrough}`),
    row(t.recovered, (c) => c.stats.maxDrawdownRecovery ?? t.notRecovered),
    row(t.calmar, (c) => num(c.stats.calmar)),
    row(t.bestYear, (c) => period(c.stats.bestYear)),
    row(t.worstYear, (c) => period(c.stats.worstYear)),
    row(t.bestMonth, (c) => period(c.stats.bestMonth)),
    row(t.worstMonth, (c) => period(c.stats.worstMonth)),
    row(t.turnover, (c) => pct(c.stats.turnover)),
  ];
  if (doc.benchmarks.length) {
    rows.push(row(t.correlation, (c) => (c.name === t.portfolio ? '' : num(c.corr))));
    rows.push(row(t.beta, (c) => (c.name === t.portfolio ? '' : num(c.beta))));
  }
  const align = ['left' as const, ...cols.map(() => 'right' as const)];
  out.push(renderTable([t.statistic, ...cols.map((c) => c.name)], rows, align), '');

  out.push(t.years);
  const years = doc.yearlyReturns.map((y) => y.period);
  out.push(
    renderTable(
      [t.year, ...cols.map((c) => c.name)],
      years.map((y, i) => [
        `${y}${doc.yearlyReturns[i]?.partial ? '*' : ''}`,
        pct(doc.yearlyReturns[i]?.return ?? null),
        ...doc.benchmarks.map((b) => pct(b.yearlyReturns.find((x) => x.period === y)?.return ?? null)),
      ]),
      align,
    ),
  );
  out.push(`* ${t.partial}`, '');

  out.push(t.holdings);
  const holdings = doc.portfolio.weights.map((w) => [
    w.symbol,
    w.sleeve ? sleeveName(w.sleeve, lang) : '',
    formatPct(w.weight, lang, false, 2),
  ]);
  if (doc.portfolio.cash > 0)
    holdings.push([t.cash, sleeveName('cash-bonds', lang), formatPct(doc.portfolio.cash, lang, false, 2)]);
  out.push(renderTable([t.symbol, t.sleeve, t.weight], holdings, ['left', 'left', 'right']), '');

  if (doc.proxies.length) {
    out.push(t.proxies);
    out.push(
      renderTable(
        [t.symbol, t.sleeve, t.weight, t.note],
        doc.proxies.map((p) => [
          p.symbol,
          sleeveName(p.sleeve, lang),
          formatPct(p.weight, lang, false, 2),
          lang === 'ko' ? (p.noteKo ?? p.note) : p.note,
        ]),
        ['left', 'left', 'right', 'left'],
      ),
      '',
    );
  }
  if (doc.warnings.length) {
    out.push(t.warnings);
    for (const w of doc.warnings) out.push(`- ${w.message}`);
    out.push('');
  }
  if (s.riskFree !== 0) out.push(t.riskFree(formatPct(s.riskFree, lang, false, 2)));
  out.push(t.disclaimer);
  return out.join('\n');
}
