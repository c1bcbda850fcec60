/** The readable `dispersion signals` report and the `signals list` table. */

import type { ReadingRow } from '../../app/signals.ts';
import type { Lang } from '../../i18n/format.ts';
import { formatNumber, formatPct } from '../../i18n/format.ts';
import { formatPoints, formatUsdBillions, LABELS, VERDICT_NAMES } from '../../i18n/signals.ts';
import type { SignalDoc, SignalsDocument } from '../../report/signals-document.ts';
import { renderTable } from './table.ts';

type RelativeDoc = Extract<SignalDoc, { kind: 'relative-strength' }>;
type EstimateDoc = Extract<SignalDoc, { kind: 'estimate' }>;

export function renderSignalsText(doc: SignalsDocument, lang: Lang): string {
  const label = (k: keyof typeof LABELS) => LABELS[k][lang];
  const out: string[] = [];
  if (doc.stale) out.push(`${doc.stale.error ? '✘' : '!'} ${doc.stale.message}`);
  out.push(`${label('title')}  (${label('asOf')} ${doc.asOf})`, label('priceNote'), '');

  out.push(label('scorecard'));
  for (const s of doc.scorecard) {
    out.push(`- ${s.label}: ${VERDICT_NAMES[s.verdict][lang].toUpperCase()}`);
    out.push(`    ${s.evidence}`, `    ${s.basketText}`, `    ${label('rule')}: ${s.rule}`);
  }
  out.push('');

  const relative = doc.signals.filter((s): s is RelativeDoc => s.kind === 'relative-strength');
  const sleeves = relative.filter((s) => s.id.startsWith('sleeve:'));
  const regions = relative.filter((s) => s.id.startsWith('region:'));
  out.push(`${label('relative')} (1m, 3m, 6m, 12m)`);
  out.push(relativeTable(sleeves, lang), ...droppedNotes(sleeves, lang), '');
  out.push(label('regions'));
  out.push(relativeTable(regions, lang), ...droppedNotes(regions, lang));
  for (const r of regions) if (r.message) out.push(`  ${r.label.split(' vs ')[0]}: ${r.message}`);
  out.push(...fxNotes(relative, lang), '');

  const share = doc.signals.find((s): s is EstimateDoc => s.kind === 'estimate');
  if (share) out.push(...shareLines(share, lang), '');

  const recorded = doc.readings.filter((r) => r.source.kind === 'user');
  out.push(
    lang === 'ko'
      ? `${label('readings')}: 에세이 ${doc.readings.length - recorded.length}개, 사용자 기록 ${recorded.length}개 (전체 목록: dispersion signals list)`
      : `${label('readings')}: ${doc.readings.length - recorded.length} from the essay, ${recorded.length} recorded (all of them: dispersion signals list)`,
  );
  if (recorded.length > 0) out.push(readingsTable(recorded, lang));
  return out.join('\n');
}

function relativeTable(signals: RelativeDoc[], lang: Lang): string {
  const rows = signals.map((s) => {
    const [basket, bench] = s.label.split(' vs ');
    const cells = [1, 3, 6, 12].map((m) => {
      const w = s.windows.find((x) => x.months === m);
      return w?.excess === null || w?.excess === undefined
        ? LABELS.noData[lang]
        : formatPoints(w.excess, lang);
    });
    return [basket ?? s.label, bench ?? '', ...cells];
  });
  return renderTable([LABELS.basket[lang], LABELS.versus[lang], '1m', '3m', '6m', '12m'], rows, [
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
  ]);
}

/** One line per basket member left out of a window, so a figure never silently covers fewer names. */
function droppedNotes(signals: RelativeDoc[], lang: Lang): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of signals) {
    for (const w of s.windows) {
      for (const d of [...w.dropped, ...w.benchmarkDropped]) {
        const key = `${s.id.split(':vs-')[0]}|${d.symbol}|${w.months}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          `  ${LABELS.dropped[lang]} ${d.symbol} (${w.months}m, ${s.label.split(' vs ')[0]}): ${d.message}`,
        );
      }
    }
  }
  return out;
}

/** Which dated FX rates converted non-USD closes at the as-of date: a monthly average can be weeks older. */
function fxNotes(signals: RelativeDoc[], lang: Lang): string[] {
  const seen = new Map<string, string>();
  for (const s of signals)
    for (const w of s.windows)
      for (const m of w.members)
        if (m.currency !== 'USD' && m.end.date === w.end) seen.set(m.currency, m.end.fxDate);
  return [...seen].map(([ccy, date]) =>
    lang === 'ko'
      ? `  ${ccy}→USD: 기준일 종가에 ${date} 환율 사용 (월평균은 그 달이 끝난 뒤에만 사용)`
      : `  ${ccy}→USD: closes on the as-of date converted at the rate of ${date} (a monthly average counts only once its month is over)`,
  );
}

function shareLines(s: EstimateDoc, lang: Lang): string[] {
  const p = (x: number) => formatPct(x, lang);
  const out = [LABELS.share[lang]];
  if (s.status !== 'ok' || !s.current) {
    out.push(`  ${LABELS.noData[lang]}: ${s.missing.map((m) => `${m.symbol} ${m.message}`).join('; ')}`);
    out.push(`  ${s.method}`);
    return out;
  }
  const a = s.anchor;
  const six = s.sixMonthsAgo;
  const twelve = s.twelveMonthsAgo;
  const src = a?.source.kind === 'user' ? LABELS.user[lang] : LABELS.essay[lang];
  out.push(
    lang === 'ko'
      ? `  추정 ${p(s.current.share)} (${s.current.date}); 6개월 전 ${six ? `${p(six.share)} (${six.date})` : '없음'}, 12개월 전 ${twelve ? `${p(twelve.share)} (${twelve.date})` : '없음'}; 기준 ${a ? `${p(a.share)} (${a.date}, ${src})` : ''}`
      : `  estimate ${p(s.current.share)} on ${s.current.date}; 6 months earlier ${six ? `${p(six.share)} (${six.date})` : 'none'}, 12 months earlier ${twelve ? `${p(twelve.share)} (${twelve.date})` : 'none'}; anchor ${a ? `${p(a.share)} (${a.date}, ${src})` : ''}`,
  );
  const b = s.backcheck;
  if (b?.estimatedPeak && b.peakDifference !== null) {
    const at =
      b.estimatedAtReadingDate && b.atReadingDateDifference !== null
        ? lang === 'ko'
          ? `; ${b.readingDate} 추정 ${p(b.estimatedAtReadingDate.share)} (${formatPoints(b.atReadingDateDifference, lang)})`
          : `; on ${b.readingDate} the estimate is ${p(b.estimatedAtReadingDate.share)} (${formatPoints(b.atReadingDateDifference, lang)})`
        : '';
    out.push(
      lang === 'ko'
        ? `  ${LABELS.backcheck[lang]}: 에세이 ${b.readingDate.slice(0, 4)}년 고점 ${p(b.reading)}, 추정 고점 ${p(b.estimatedPeak.share)} (${b.estimatedPeak.date}), 차이 ${formatPoints(b.peakDifference, lang)}${at}`
        : `  ${LABELS.backcheck[lang]}: the essay's ${b.readingDate.slice(0, 4)} peak ${p(b.reading)}; estimated ${b.readingDate.slice(0, 4)} peak ${p(b.estimatedPeak.share)} on ${b.estimatedPeak.date}, difference ${formatPoints(b.peakDifference, lang)}${at}`,
    );
  }
  out.push(`  ${s.method}`);
  return out;
}

/** A reading's value as written: 28.5%, 31x, $530–600B, 100+. */
export function readingValue(r: ReadingRow, lang: Lang): string {
  if (r.value === null) return r.text ? r.text[lang] : '';
  const plus = r.atLeast ? '+' : '';
  const n = (x: number) => formatNumber(x, lang, 2);
  switch (r.unit) {
    case 'percent':
      return r.high === null ? `${n(r.value)}%` : `${n(r.value)}–${n(r.high)}%`;
    case 'x':
      return r.high === null ? `${n(r.value)}x` : `${n(r.value)}–${n(r.high)}x`;
    case 'usd-billion':
      return r.high === null
        ? `${formatUsdBillions(r.value, lang)}${plus}`
        : `${formatUsdBillions(r.value, lang)}–${formatUsdBillions(r.high, lang)}`;
    case 'gw':
      return `${n(r.value)} GW`;
    case 'months':
      return lang === 'ko' ? `${n(r.value)}개월` : `${n(r.value)} months`;
    default:
      return `${n(r.value)}${plus}`;
  }
}

export function readingsTable(readings: ReadingRow[], lang: Lang): string {
  const rows = readings.map((r) => [
    r.id,
    r.label ? r.label[lang] : '',
    r.period ?? '',
    r.date,
    readingValue(r, lang),
    r.source.kind === 'essay' ? LABELS.essay[lang] : `${LABELS.user[lang]}: ${r.source.title ?? ''}`,
  ]);
  const header =
    lang === 'ko'
      ? ['id', '항목', '기간', '날짜', '값', '출처']
      : ['id', 'label', 'period', 'date', 'value', 'source'];
  return renderTable(header, rows, ['left', 'left', 'left', 'left', 'right', 'left']);
}

export function renderReadingsText(readings: ReadingRow[], lang: Lang): string {
  const essay = readings.find((r) => r.source.kind === 'essay')?.source;
  const title = essay
    ? lang === 'ko'
      ? `출처(에세이): ${essay.title} (${essay.date})`
      : `Essay: ${essay.title}${essay.titleEn ? ` ("${essay.titleEn}")` : ''}, ${essay.date}`
    : '';
  return [title, readingsTable(readings, lang)].filter(Boolean).join('\n');
}
