/**
 * Warnings in the reader's language. The core writes each warning with a stable code, an English sentence and the
 * facts it is about (symbol, date, age, currency); this turns the codes it knows into Korean from those facts, and
 * keeps the English sentence for any code it does not know, so nothing is ever dropped.
 */

import { ownValue } from '../core/lookup.ts';
import type { Warning } from '../core/warnings.ts';
import type { Lang } from './format.ts';
import { formatPct } from './format.ts';
import { countryName } from './messages.ts';

type Ko = (w: Warning) => string | undefined;

/** "한국(KR)" for a country with a Korean name, else the code. */
const koCountry = (code: string) => {
  const name = countryName(code, 'ko');
  return name === code ? code : `${name}(${code})`;
};

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
  'concentration-position': (w) =>
    w.symbols?.length && w.weight !== undefined && w.limit !== undefined
      ? `${w.symbols.length > 1 ? `${w.symbols.join(' + ')} (한 회사)` : w.symbols[0]} 비중이 현금 제외 보유액의 ${formatPct(w.weight, 'ko')}로, 한 회사 한도 ${formatPct(w.limit, 'ko')}를 넘습니다: 한 종목에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.`
      : undefined,
  'concentration-country': (w) =>
    w.country && w.weight !== undefined && w.limit !== undefined
      ? `${koCountry(w.country)} 사업 비중이 현금 제외 보유액의 ${formatPct(w.weight, 'ko')}로, 한 국가 한도 ${formatPct(w.limit, 'ko')}를 넘습니다: 한 국가에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.`
      : undefined,
  'summary-row': (w) => (w.line ? `${w.line}행의 합계 행을 건너뛰었습니다.` : undefined),
  'quantity-looks-like-date': (w) =>
    w.line && w.symbol && w.date
      ? `${w.line}행 ${w.symbol}의 수량이 날짜 ${w.date}처럼 보입니다: 수량 열에 수량이 들어 있는지 확인하세요.`
      : undefined,
  'cash-currency-assumed': () => '통화 열이 없어 예수금을 원화(KRW)로 보았습니다.',
  'excluded-account': (w) =>
    w.account ? `${w.account} 계좌는 Ghostfolio에서 분석 제외로 설정되어 빠졌습니다.` : undefined,
  'currency-mismatch': (w) =>
    w.symbol ? `${w.symbol}: 파일의 통화와 상장 통화가 다릅니다. ${w.message}` : undefined,
};

export function warningText(w: Warning, lang: Lang): string {
  if (lang === 'en') return w.message;
  return ownValue(KO, w.code)?.(w) ?? w.message;
}
