/**
 * Warnings in the reader's language. The core writes each warning with a stable code, an English sentence and the
 * facts it is about (symbol, date, age, currency); this turns the codes it knows into Korean from those facts, and
 * keeps the English sentence for any code it does not know, so nothing is ever dropped.
 */
import type { Warning } from '../core/warnings.ts';
import type { Lang } from './format.ts';

type Ko = (w: Warning) => string | undefined;

const KO: Record<string, Ko> = {
  'stale-price': (w) =>
    w.symbol && w.date
      ? `${w.symbol} 가격이 ${w.date} 기준으로, 기준일보다 ${w.age}거래일 전입니다.`
      : undefined,
  'stale-price-error': (w) =>
    w.symbol && w.date
      ? `${w.symbol} 가격이 ${w.date} 기준으로, 기준일보다 ${w.age}거래일 전입니다 (10거래일 초과).`
      : undefined,
  'stale-fx': (w) =>
    w.currency && w.date
      ? `${w.currency} 환율이 ${w.date} 기준${w.monthlyAverage ? ' (월평균)' : ''}으로, 기준일보다 ${w.age}거래일 전입니다.`
      : undefined,
  'stale-fx-error': (w) =>
    w.currency && w.date
      ? `${w.currency} 환율이 ${w.date} 기준${w.monthlyAverage ? ' (월평균)' : ''}으로, 기준일보다 ${w.age}거래일 전입니다 (너무 오래됨).`
      : undefined,
  unclassified: (w) =>
    w.symbol
      ? `${w.symbol}은(는) 종목 유니버스에 없어 미분류로 집계했습니다. --universe FILE로 추가하세요.`
      : undefined,
  'currency-mismatch': (w) =>
    w.symbol ? `${w.symbol}: 파일의 통화와 상장 통화가 다릅니다. ${w.message}` : undefined,
};

export function warningText(w: Warning, lang: Lang): string {
  if (lang === 'en') return w.message;
  return KO[w.code]?.(w) ?? w.message;
}
