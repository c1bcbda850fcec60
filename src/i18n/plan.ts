/** Words of the monthly plan (its calendar events and what `dispersion plan` prints), in English and Korean. */
import type { Lang } from './format.ts';

export interface PlanWords {
  summary: string;
  description: string;
}

export const PLAN_WORDS: Record<Lang, PlanWords> = {
  en: {
    summary: 'Dispersion: monthly rebalancing',
    description:
      'First trading day of the month (exchange holidays are not known: if the market is closed, do it on the next ' +
      'open day). Routine: dispersion check, then dispersion rebalance, then dispersion journal record --executed.',
  },
  ko: {
    summary: 'Dispersion: 월간 리밸런싱',
    description:
      '이번 달 첫 거래일입니다 (거래소 휴장일은 반영하지 않았습니다: 휴장이면 다음 개장일에 하세요). ' +
      '순서: dispersion check → dispersion rebalance → dispersion journal record --executed.',
  },
};

/** What `dispersion plan` prints: the note under the dates, and the line after writing the calendar file. */
export interface PlanOutputWords {
  note: string;
  wrote: (n: number, file: string) => string;
}

export const PLAN_OUTPUT: Record<Lang, PlanOutputWords> = {
  en: {
    note: 'Monday–Friday except 1 January; exchange holidays are not known: on a closed day, use the next open one.',
    wrote: (n, file) => `Wrote ${n} rebalancing days to ${file}.`,
  },
  ko: {
    note: '월–금 중 1월 1일을 뺀 날입니다. 거래소 휴장일은 반영하지 않았습니다: 휴장이면 다음 개장일에 하세요.',
    wrote: (n, file) => `리밸런싱 날짜 ${n}개를 ${file}에 저장했습니다.`,
  },
};
