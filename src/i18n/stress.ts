/** Words for `dispersion stress` in English and Korean: historical window names and the report's labels. */

import { ownValue } from '../core/lookup.ts';
import type { Lang } from './format.ts';

export const WINDOW_NAMES: Record<string, Record<Lang, string>> = {
  dotcom: { en: 'Dot-com bust', ko: '닷컴 버블 붕괴' },
  gfc: { en: 'Global financial crisis', ko: '글로벌 금융위기' },
  covid: { en: 'COVID crash', ko: '코로나 폭락' },
  'rates-2022': { en: '2022 rate shock', ko: '2022 금리 충격' },
};

export function windowName(id: string, from: string, to: string, lang: Lang): string {
  const known = ownValue(WINDOW_NAMES, id)?.[lang];
  if (known) return known;
  return lang === 'ko' ? `사용자 구간 ${from}~${to}` : `Your window ${from} to ${to}`;
}

export const PROXY_REASONS: Record<string, Record<Lang, string>> = {
  'no-history': { en: 'no price history in the window', ko: '구간 내 가격 이력 없음' },
  'short-history': { en: 'less than a year of history', ko: '가격 이력 1년 미만' },
};

export const STRESS_LABELS = {
  en: {
    title: 'Dispersion stress',
    asOf: 'as of',
    base: 'base',
    total: 'Portfolio',
    summary: 'Scenarios',
    scenario: 'Scenario',
    kind: 'Kind',
    hypothetical: 'hypothetical',
    historical: 'historical',
    loss: 'Loss',
    lossPct: 'Loss %',
    after: 'After',
    sleeve: 'Sleeve',
    value: 'Value',
    ofTotal: 'Of portfolio',
    worst: 'Hurts most',
    account: 'Account',
    symbol: 'Symbol',
    price: 'Price',
    fx: 'FX',
    why: 'Why',
    window: 'window',
    sources: 'Sources',
    proxy: (symbol: string, proxy: string | null, why: string) =>
      proxy === null
        ? `${symbol}: ${why}; held flat (no bond proxy)`
        : `${symbol}: ${why}; replayed with ${proxy}`,
    proxyRule: 'proxy',
    cash: 'cash: currency only',
    history: 'own history',
    flat: 'held flat',
    none: 'no shock: held flat',
    risk: 'Risk of the current portfolio',
    riskWindow: (from: string, to: string, n: number) =>
      `daily history ${from} to ${to} (${n} daily returns), base-currency returns with FX`,
    shortened: (from: string, by: string) => `shorter than three years: ${by}'s history starts ${from}`,
    volatility: 'Volatility (annualised)',
    volNoFx: 'without currency moves',
    fxShare: 'share of variance from currency',
    varTitle: 'Value at risk (historical)',
    horizon: 'Horizon',
    confidence: 'Confidence',
    var: 'VaR',
    cvar: 'CVaR',
    day: '1 day',
    month: '1 month (21-day overlapping)',
    contribution: 'Contribution to risk (Euler)',
    weight: 'Weight',
    sleeveVol: 'Own volatility',
    share: 'Share of risk',
    correlation: 'Correlation of sleeves (daily, base currency)',
    noRisk: 'No risk figures: not enough daily history.',
    warnings: 'Warnings',
    sign: 'Loss is positive; a negative loss is a gain.',
    disclaimer: 'Decision support, not investment advice. Scenarios are what-ifs, not forecasts.',
  },
  ko: {
    title: 'Dispersion 스트레스 테스트',
    asOf: '기준일',
    base: '기준통화',
    total: '포트폴리오',
    summary: '시나리오',
    scenario: '시나리오',
    kind: '유형',
    hypothetical: '가상',
    historical: '과거 재현',
    loss: '손실',
    lossPct: '손실률',
    after: '충격 후',
    sleeve: '슬리브',
    value: '평가액',
    ofTotal: '전체 대비',
    worst: '손실이 가장 큰 종목',
    account: '계좌',
    symbol: '종목코드',
    price: '가격',
    fx: '환율',
    why: '근거',
    window: '구간',
    sources: '출처',
    proxy: (symbol: string, proxy: string | null, why: string) =>
      proxy === null
        ? `${symbol}: ${why}; 가격 변동 없음으로 처리 (채권 대용 없음)`
        : `${symbol}: ${why}; ${proxy}로 대체`,
    proxyRule: '대용',
    cash: '현금: 환율만',
    history: '자체 이력',
    flat: '변동 없음',
    none: '충격 없음: 변동 없음',
    risk: '현재 포트폴리오의 위험',
    riskWindow: (from: string, to: string, n: number) =>
      `일별 이력 ${from}~${to} (일간 수익률 ${n}개), 환율 포함 기준통화 수익률`,
    shortened: (from: string, by: string) => `3년보다 짧음: ${by}의 가격 이력이 ${from}에 시작`,
    volatility: '변동성 (연율)',
    volNoFx: '환율 변동 제외 시',
    fxShare: '분산 중 환율 기여',
    varTitle: '역사적 VaR',
    horizon: '기간',
    confidence: '신뢰수준',
    var: 'VaR',
    cvar: 'CVaR',
    day: '1일',
    month: '1개월 (21거래일 중첩)',
    contribution: '위험 기여도 (오일러)',
    weight: '비중',
    sleeveVol: '자체 변동성',
    share: '위험 기여',
    correlation: '슬리브 간 상관계수 (일간, 기준통화)',
    noRisk: '위험 지표 없음: 일별 이력이 부족합니다.',
    warnings: '주의',
    sign: '손실은 양수, 음수 손실은 이익입니다.',
    disclaimer: '투자 판단을 돕는 도구이며 투자 권유가 아닙니다. 시나리오는 가정이며 예측이 아닙니다.',
  },
} as const;
