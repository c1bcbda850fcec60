/** The line a report opens with when its prices are old: "prices are from 2026-05-29, 187 days old". */
import type { DataAge } from '../core/data-age.ts';
import type { Lang } from './format.ts';

export function dataAgeLine(a: DataAge, lang: Lang): string {
  return lang === 'ko'
    ? `가격이 ${a.date} 기준으로 ${a.days}일 지났습니다 (${a.tradingDays}거래일, 기준일 ${a.asOf})`
    : `prices are from ${a.date}, ${a.days} days old (${a.tradingDays} trading days before ${a.asOf})`;
}

/** What a document carries: the finding and the line in the reader's language (the dashboard shows `message`). */
export function dataAgeDoc(a: DataAge | null, lang: Lang) {
  return a === null ? null : { ...a, message: dataAgeLine(a, lang) };
}

export type DataAgeDoc = ReturnType<typeof dataAgeDoc>;

/** `signals` measured at an earlier day than asked (the last S&P 500 close): said, with the day asked for. */
export function asOfMovedLine(from: string, to: string, days: number, lang: Lang): string {
  return lang === 'ko'
    ? `기준일을 ${from}에서 마지막 S&P 500 종가일 ${to}로 옮겼습니다 (${days}일 전 데이터)`
    : `as-of moved back from ${from} to ${to}, the last S&P 500 close (${days} days old)`;
}
