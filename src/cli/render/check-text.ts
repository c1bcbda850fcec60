/** The readable `dispersion check` report: sleeves against targets, the checklist with its numbers, positions, warnings. */

import type { Lang } from '../../i18n/format.ts';
import { formatMoney, formatNumber, formatPct } from '../../i18n/format.ts';
import { countryLabel, sleeveName } from '../../i18n/messages.ts';
import type { CheckDocument } from '../../report/check-document.ts';
import { STALE_ERROR_DAYS, STALE_WARN_DAYS } from '../../report/check-document.ts';
import { renderTable } from './table.ts';

interface Oldest {
  symbol: string;
  date: string;
  age: number;
}

const T = {
  en: {
    title: 'Dispersion check',
    model: 'model',
    asOf: 'as of',
    base: 'base',
    total: 'Total',
    portfolio: (p: string) => `Portfolio: ${p} (its journal months count for monthly-rebalancing)`,
    sleeves: 'Sleeves against the model',
    sleeve: 'Sleeve',
    weight: 'Weight',
    target: 'Target',
    range: 'Range',
    drift: 'Drift',
    value: 'Value',
    checklist: 'Checklist',
    countries: 'Countries',
    currencies: 'Currencies',
    positions: 'Positions',
    account: 'Account',
    symbol: 'Symbol',
    name: 'Name',
    qty: 'Quantity',
    price: 'Price',
    date: 'Price date',
    warnings: 'Warnings',
    lookedThrough: 'Funds',
    notLookedThrough: 'no look-through data',
    holdingsAsOf: 'holdings as of',
    viaHoldings: (fund: string) => `${fund}'s holdings as of`,
    leveraged: (m: number) =>
      `counted at ${m}×: a leveraged fund's holdings count ${m} times its value, the borrowing as negative cash`,
    classified: 'Classified by rule (data/classification.json; override with --rules or --universe)',
    rule: 'rule',
    stale: (n: number, oldest: Oldest) =>
      `${n} price(s) older than ${STALE_WARN_DAYS} trading days; the oldest, ${oldest.symbol}, is from ${oldest.date}, ${oldest.age} trading days before the as-of date. Supply fresh closes with --prices DIR.`,
    staleError: (n: number, oldest: Oldest) =>
      `ERROR: ${n} price(s) older than ${STALE_ERROR_DAYS} trading days, too old to value the portfolio by; the oldest, ${oldest.symbol}, is from ${oldest.date}, ${oldest.age} trading days before the as-of date. Supply fresh closes with --prices DIR.`,
    disclaimer: 'Decision support, not investment advice.',
  },
  ko: {
    title: 'Dispersion 점검',
    model: '모델',
    asOf: '기준일',
    base: '기준통화',
    total: '총평가액',
    portfolio: (p: string) => `포트폴리오: ${p} (이 포트폴리오의 저널 기록으로 월간 리밸런싱을 판정)`,
    sleeves: '모델 대비 슬리브 비중',
    sleeve: '슬리브',
    weight: '비중',
    target: '목표',
    range: '범위',
    drift: '괴리',
    value: '평가액',
    checklist: '체크리스트',
    countries: '국가',
    currencies: '통화',
    positions: '보유 종목',
    account: '계좌',
    symbol: '종목코드',
    name: '종목명',
    qty: '수량',
    price: '가격',
    date: '가격일',
    warnings: '주의',
    lookedThrough: '펀드',
    notLookedThrough: '보유 종목 자료 없음',
    holdingsAsOf: '보유 기준일',
    viaHoldings: (fund: string) => `${fund} 보유 기준일`,
    leveraged: (m: number) =>
      `${m}배로 계산: 레버리지 펀드의 보유 종목은 평가액의 ${m}배, 차입분은 음(-)의 현금`,
    classified: '규칙으로 분류한 종목 (data/classification.json, --rules 또는 --universe로 바꿀 수 있음)',
    rule: '규칙',
    stale: (n: number, oldest: Oldest) =>
      `가격 ${n}개가 ${STALE_WARN_DAYS}거래일보다 오래되었습니다. 가장 오래된 ${oldest.symbol} 가격은 ${oldest.date} 기준으로, 기준일보다 ${oldest.age}거래일 전입니다. --prices DIR로 최신 종가를 넣으세요.`,
    staleError: (n: number, oldest: Oldest) =>
      `오류: 가격 ${n}개가 ${STALE_ERROR_DAYS}거래일보다 오래되어 평가에 쓰기 어렵습니다. 가장 오래된 ${oldest.symbol} 가격은 ${oldest.date} 기준으로, 기준일보다 ${oldest.age}거래일 전입니다. --prices DIR로 최신 종가를 넣으세요.`,
    disclaimer: '투자 판단을 돕는 도구이며 투자 권유가 아닙니다.',
  },
} as const;

export function renderCheckText(doc: CheckDocument, lang: Lang): string {
  const t = T[lang];
  const money = (x: number, ccy = doc.base) => formatMoney(x, ccy, lang);
  const pct = (x: number) => formatPct(x, lang);
  const out: string[] = [];
  if (doc.stale) out.push(`✘ ${doc.stale.message}`);
  out.push(`${t.title} — ${t.model} ${doc.model}, ${t.asOf} ${doc.asOf}, ${t.base} ${doc.base}`);
  out.push(`${t.total}: ${money(doc.total)}`);
  if (doc.portfolio) out.push(t.portfolio(doc.portfolio));
  out.push('');

  out.push(t.sleeves);
  out.push(
    renderTable(
      [t.sleeve, t.weight, t.target, t.range, t.drift, t.value],
      doc.sleeves.map((s) => [
        sleeveName(s.id, lang),
        pct(s.weight),
        pct(s.target),
        s.min !== null && s.max !== null ? `${pct(s.min)}–${pct(s.max)}` : '',
        formatPct(s.drift, lang, true),
        money(s.value),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
  );

  out.push(t.checklist);
  for (const c of doc.checks) {
    out.push(`  ${c.pass ? '✔' : '✘'} ${c.title}: ${c.message}`);
  }
  out.push('');

  out.push(
    `${t.countries}: ${doc.countries.map((c) => `${lang === 'ko' ? countryLabel(c.id, lang) : c.id} ${pct(c.weight)}`).join(' · ')}`,
  );
  out.push(`${t.currencies}: ${doc.currencies.map((c) => `${c.id} ${pct(c.weight)}`).join(' · ')}`);
  const funds = [...new Map(doc.lookThrough.funds.map((f) => [f.fund, f])).values()];
  if (funds.length) {
    const said = funds.map((f) => {
      if (f.asOf === null) return `${f.fund} (${t.notLookedThrough})`;
      const asOf = `${f.via ? t.viaHoldings(f.via) : t.holdingsAsOf} ${f.asOf}`;
      return `${f.fund} (${asOf}${f.multiple !== 1 ? `; ${t.leveraged(f.multiple)}` : ''})`;
    });
    out.push(`${t.lookedThrough}: ${said.join(' · ')}`);
  }
  out.push('');

  out.push(t.positions);
  out.push(
    renderTable(
      [t.account, t.symbol, t.name, t.qty, t.price, t.date, t.value, t.weight, t.sleeve],
      doc.positions.map((p) => [
        p.account,
        p.symbol,
        p.name ?? '',
        formatNumber(p.quantity, lang),
        p.symbol === 'CASH' ? '' : money(p.price, p.currency),
        p.priceDate ?? '',
        money(p.value),
        pct(p.weight),
        sleeveName(p.sleeve, lang),
      ]),
      ['left', 'left', 'left', 'right', 'right', 'left', 'right', 'right', 'left'],
    ),
  );

  if (doc.classifications.length) {
    out.push('', t.classified);
    for (const c of doc.classifications) {
      const what = [c.market, c.sector, c.industry].filter(Boolean).join(', ');
      out.push(
        `  ${c.symbol}: ${lang === 'ko' ? countryLabel(c.country, lang) : c.country} · ${sleeveName(c.sleeve, lang)} — ${t.rule} ${c.rule} (${what})`,
      );
    }
  }

  // Stale prices are summarised (one line per level, naming the oldest); error-level ones (older than
  // STALE_ERROR_DAYS) get their own line marked ✘, as does every other error-level warning.
  const staleWarn = doc.warnings.filter((w) => w.code === 'stale-price');
  const staleError = doc.warnings.filter((w) => w.code === 'stale-price-error');
  const rest = doc.warnings.filter((w) => !w.code.startsWith('stale-price'));
  if (staleWarn.length || staleError.length || rest.length) {
    out.push('', t.warnings);
    if (staleError.length) out.push(`  ✘ ${t.staleError(staleError.length, oldestOf(staleError))}`);
    if (staleWarn.length) out.push(`  ! ${t.stale(staleWarn.length, oldestOf(staleWarn))}`);
    for (const w of rest) out.push(`  ${w.code.endsWith('-error') ? '✘' : '!'} ${w.message}`);
  }
  out.push('', t.disclaimer);
  return out.join('\n');
}

function oldestOf(ws: readonly CheckDocument['warnings'][number][]): Oldest {
  const w = ws.reduce((a, b) => ((b.age ?? 0) > (a.age ?? 0) ? b : a));
  return { symbol: w.symbol ?? '', date: w.date ?? '', age: w.age ?? 0 };
}
