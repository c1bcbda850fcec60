/** Words for `dispersion data status` and `data update`, in English and Korean. */
import type { Gap, Jump } from '../core/health.ts';
import type { Staleness } from '../core/staleness.ts';
import { STALE_ERROR_DAYS, STALE_WARN_DAYS } from '../core/staleness.ts';
import type { Lang } from './format.ts';

export const STALENESS_LABEL: Record<Staleness, Record<Lang, string>> = {
  fresh: { en: 'ok', ko: '최신' },
  warning: { en: 'STALE', ko: '오래됨' },
  error: { en: 'STALE!', ko: '매우 오래됨' },
  missing: { en: 'MISSING', ko: '없음' },
};

export const DATA_WORDS = {
  /** Where a series comes from (`bundled`, `user`, `cache:yahoo`): the JSON keeps the id, the Korean table names it. */
  source: {
    en: (kind: string) => kind,
    ko: (kind: string) =>
      kind === 'bundled'
        ? '번들'
        : kind === 'user'
          ? '사용자 파일'
          : kind.startsWith('cache:')
            ? `캐시(${kind.slice('cache:'.length)})`
            : kind,
  },
  header: {
    en: (asOf: string) =>
      `Market data as of ${asOf} (precedence: your --prices folder > cache when newer > bundled)`,
    ko: (asOf: string) =>
      `${asOf} 기준 시세 데이터 (우선순위: 사용자 --prices 폴더 > 더 최신인 캐시 > 번들 데이터)`,
  },
  cache: { en: (f: string) => `Cache: ${f}`, ko: (f: string) => `캐시: ${f}` },
  noCache: {
    en: 'Cache: none yet (dispersion data update --provider yahoo,fred)',
    ko: '캐시: 아직 없음 (dispersion data update --provider yahoo,fred 로 받으세요)',
  },
  columns: {
    en: ['symbol', 'first', 'last', 'days old', 'trading days', 'status', 'source', 'checks'],
    ko: ['종목', '시작일', '최종일', '경과일', '경과 거래일', '상태', '출처', '점검'],
  },
  fxColumns: {
    en: ['fx', 'kind', 'first', 'last', 'days old', 'trading days', 'status', 'source'],
    ko: ['환율', '종류', '시작일', '최종일', '경과일', '경과 거래일', '상태', '출처'],
  },
  kind: {
    en: { daily: 'daily', 'monthly-average': 'monthly average' },
    ko: { daily: '일별', 'monthly-average': '월평균' },
  },
  /** Calendar days, and trading days (Mon–Fri), from the last date to the as-of day. */
  age: { en: (n: number) => `${n}d`, ko: (n: number) => `${n}일` },
  trading: { en: (n: number) => `${n}`, ko: (n: number) => `${n}거래일` },
  counts: {
    en: (jumps: number, gaps: number) =>
      [jumps ? `${jumps} jump${jumps > 1 ? 's' : ''}` : '', gaps ? `${gaps} gap${gaps > 1 ? 's' : ''}` : '']
        .filter(Boolean)
        .join(', '),
    ko: (jumps: number, gaps: number) =>
      [jumps ? `급변 ${jumps}건` : '', gaps ? `공백 ${gaps}건` : ''].filter(Boolean).join(', '),
  },
  checkThese: { en: 'Check these:', ko: '확인이 필요한 항목:' },
  allFresh: { en: 'Every series is current.', ko: '모든 시계열이 최신입니다.' },
  staleSummary: {
    en: (n: number) =>
      `${n} series are stale or missing: older than ${STALE_WARN_DAYS} trading days is flagged, older than ${STALE_ERROR_DAYS} is an error.`,
    ko: (n: number) =>
      `${n}개 시계열이 오래되었거나 없습니다: ${STALE_WARN_DAYS}거래일 초과는 경고, ${STALE_ERROR_DAYS}거래일 초과는 오류입니다.`,
  },
};

export function jumpNote(symbol: string, j: Jump, lang: Lang): string {
  const pct = ((j.move - 1) * 100).toFixed(1);
  if (lang === 'ko') {
    const why = j.reason === 'split-ratio' ? `${j.ratio} 분할 비율과 일치` : '다음 날 원래 수준으로 복귀';
    return `${symbol}: ${j.previousDate} → ${j.date} ${pct}% 변동 (${j.from} → ${j.to}), ${why} — 분할 미반영이나 오류 시세일 수 있습니다`;
  }
  const why = j.reason === 'split-ratio' ? `matches a ${j.ratio} split` : 'and reverts the next day';
  return `${symbol}: ${j.previousDate} → ${j.date} moved ${pct}% (${j.from} → ${j.to}), ${why}: an unadjusted split or a bad price?`;
}

export function gapNote(symbol: string, g: Gap, lang: Lang): string {
  if (lang === 'ko')
    return `${symbol}: ${g.from}부터 ${g.to}까지 종가 없음 (${g.calendarDays}일: 장기 휴장, 거래정지 또는 누락)`;
  return `${symbol}: no closes between ${g.from} and ${g.to} (${g.calendarDays} days: a long holiday, a halt or missing data)`;
}
