/** The readable `dispersion backtest` report: the portfolio next to its benchmarks, statistic by statistic. */
import type { Lang } from '../../i18n/format.ts';
import { formatMoney, formatPct } from '../../i18n/format.ts';
import { sleeveName } from '../../i18n/messages.ts';
import type { BacktestDocument } from '../../report/backtest-document.ts';
import type { HindsightDocument } from '../../report/hindsight.ts';
import { renderTable } from './table.ts';

const T = {
  en: {
    title: 'Dispersion backtest',
    base: 'base',
    rebalance: (r: string) =>
      r === 'none'
        ? 'bought once and held'
        : r.startsWith('band:')
          ? `rebalanced when a weight leaves its band (${r.slice(5)}, checked monthly)`
          : `rebalanced ${r === 'annual' ? 'annually' : r}`,
    dividends: (tr: boolean) => (tr ? 'dividends reinvested' : 'price only (no dividends)'),
    shares: (f: boolean) => (f ? 'fractional shares' : 'whole shares in exchange lots'),
    cost: (bps: number) => (bps > 0 ? `${bps} bps per trade` : 'no trading costs'),
    contribution: (x: string, per: string) => `contributions ${x} ${per}`,
    per: { monthly: 'a month', quarterly: 'a quarter', annual: 'a year' } as Record<string, string>,
    statistic: 'Statistic',
    portfolio: 'Portfolio',
    final: 'Final value',
    totalReturn: 'Total return',
    cagr: 'CAGR',
    vol: 'Volatility (ann.)',
    sharpe: 'Sharpe',
    sortino: 'Sortino',
    maxDd: 'Max drawdown',
    ddDates: 'Drawdown peak → trough',
    recovered: 'Recovered on',
    notRecovered: 'not yet',
    calmar: 'Calmar',
    bestYear: 'Best year',
    worstYear: 'Worst year',
    bestMonth: 'Best month',
    worstMonth: 'Worst month',
    turnover: 'Turnover (ann.)',
    correlation: 'Correlation with portfolio',
    beta: 'Portfolio beta to it',
    years: 'Calendar-year returns',
    year: 'Year',
    partial: 'partial year',
    holdings: 'Holdings (target weights)',
    symbol: 'Symbol',
    sleeve: 'Sleeve',
    weight: 'Weight',
    cash: 'Cash (T-bill rate)',
    proxies: 'Stand-ins used for the model (no history for the named listings)',
    note: 'Why',
    warnings: 'Warnings',
    riskFree: (x: string) => `Sharpe and Sortino use a risk-free rate of ${x} a year.`,
    disclaimer: 'Past performance of a backtest is not a forecast. Decision support, not investment advice.',
  },
  ko: {
    title: 'Dispersion 백테스트',
    base: '기준통화',
    rebalance: (r: string) =>
      r === 'none'
        ? '한 번 매수 후 보유'
        : r.startsWith('band:')
          ? `비중이 허용 범위(${r.slice(5)})를 벗어나면 리밸런싱 (매월 점검)`
          : `${r === 'monthly' ? '매월' : r === 'quarterly' ? '분기마다' : '매년'} 리밸런싱`,
    dividends: (tr: boolean) => (tr ? '배당 재투자' : '가격만 (배당 제외)'),
    shares: (f: boolean) => (f ? '소수점 주식' : '거래 단위 정수 주식'),
    cost: (bps: number) => (bps > 0 ? `거래비용 ${bps}bp` : '거래비용 없음'),
    contribution: (x: string, per: string) => `${per} ${x} 납입`,
    per: { monthly: '매월', quarterly: '분기마다', annual: '매년' } as Record<string, string>,
    statistic: '지표',
    portfolio: '포트폴리오',
    final: '최종 평가액',
    totalReturn: '누적 수익률',
    cagr: '연평균 수익률(CAGR)',
    vol: '변동성 (연율)',
    sharpe: '샤프 비율',
    sortino: '소르티노 비율',
    maxDd: '최대 낙폭(MDD)',
    ddDates: '낙폭 고점 → 저점',
    recovered: '회복일',
    notRecovered: '미회복',
    calmar: '칼마 비율',
    bestYear: '최고의 해',
    worstYear: '최악의 해',
    bestMonth: '최고의 달',
    worstMonth: '최악의 달',
    turnover: '회전율 (연)',
    correlation: '포트폴리오와의 상관계수',
    beta: '포트폴리오의 베타',
    years: '연도별 수익률',
    year: '연도',
    partial: '일부 기간',
    holdings: '보유 종목 (목표 비중)',
    symbol: '종목코드',
    sleeve: '슬리브',
    weight: '비중',
    cash: '현금 (미 국채 3개월 금리)',
    proxies: '모델 대용 종목 (해당 종목의 과거 데이터 없음)',
    note: '이유',
    warnings: '주의',
    riskFree: (x: string) => `샤프·소르티노 비율의 무위험 수익률: 연 ${x}.`,
    disclaimer:
      '백테스트의 과거 성과는 미래를 보장하지 않습니다. 투자 판단을 돕는 도구이며 투자 권유가 아닙니다.',
  },
} as const;

type Stats = BacktestDocument['stats'];
type Period = Stats['bestYear'];

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
  out.push(`${t.title} — ${doc.portfolio.name}, ${doc.from} → ${doc.to}, ${t.base} ${doc.base}`);
  const how = [
    t.rebalance(s.rebalance),
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
      name: b.id.replace(/^model:/, ''),
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
          p.note,
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
