/**
 * Wording of `dispersion rebalance` in English and Korean: the table labels, the band and rates as people read them,
 * and the refusal to rebalance on stale data. The rebalance's notices are worded by i18n/catalog like every other.
 */

import type { Lang } from './format.ts';
import { formatPct } from './format.ts';
import { withJosa } from './josa.ts';

export const REBALANCE_LABELS = {
  en: {
    title: 'Dispersion rebalance',
    model: 'model',
    asOf: 'as of',
    base: 'base',
    mode: 'mode',
    modes: { full: 'full (sell and buy)', 'cash-only': 'cash only (nothing is sold)' },
    band: 'band',
    orders: 'Orders',
    noOrders: 'No orders: every sleeve is within its band.',
    noOrdersOutside: 'No orders, although some sleeves are outside their band: the warnings below say why.',
    nothingInvestable:
      'Nothing to rebalance: every holding is left alone (other or unclassified) and there is no cash. Add money with --cash AMOUNT:CCY to invest it in the model.',
    bandRel: (abs: string, rel: string) => `±${abs} points, or ±${rel} of each target`,
    account: 'Account',
    side: 'Side',
    buy: 'BUY',
    sell: 'SELL',
    symbol: 'Symbol',
    name: 'Name',
    qty: 'Quantity',
    price: 'Price (last close)',
    currency: 'Currency',
    value: 'Value',
    valueBase: 'Value (base)',
    costBase: 'Cost (base)',
    costTotal: (total: string, bps: number) => `Trading costs: ${total} (${bps} bp of each order's value)`,
    transfers: 'Transfers between accounts (before the buys; the sender converts first)',
    transferFrom: 'From',
    transferTo: 'To',
    amountBase: 'Amount (base)',
    fx: 'Currency conversions',
    purpose: 'For',
    forOrders: "this account's buys",
    forTransfer: (to: string) => `transfer to ${to}`,
    cuts: 'Buys cut (the account could not pay for them, even after transfers)',
    cutLine: (planned: string, now: string) => `${now} instead of ${planned}`,
    from: 'Sell',
    to: 'Buy',
    amount: 'Amount',
    rate: 'Rate',
    date: 'Rate date',
    skipped: 'Skipped (under the minimum trade)',
    unresolved: 'Not placed (no instrument to buy)',
    tried: 'candidates tried',
    sleeves: 'Sleeves before and after (share of the whole portfolio, as check measures it)',
    checklistAfter: 'Checklist after the orders (what check will say once they are filled)',
    noConcentration: 'No company or country above its concentration limit.',
    why: 'Why',
    whys: {
      named: 'named in the essay',
      held: 'already held',
      candidate: 'in the sleeve',
      reduce: 'back within a limit',
      exit: 'outside the model',
    },
    listingOf: (symbol: string) => `as another listing of ${symbol}`,
    sleeve: 'Sleeve',
    before: 'Before',
    after: 'After',
    target: 'Target',
    within: 'In band',
    yes: 'yes',
    no: 'NO',
    cashAfter: 'Cash after the orders',
    warnings: 'Warnings',
    disclaimer:
      'Decision support, not investment advice. Prices are last closes: check the live quote before you order.',
  },
  ko: {
    title: 'Dispersion 리밸런싱',
    model: '모델',
    asOf: '기준일',
    base: '기준통화',
    mode: '방식',
    modes: { full: '전체 (매도와 매수)', 'cash-only': '현금만 (매도 없음)' },
    band: '허용 범위',
    orders: '주문',
    noOrders: '주문 없음: 모든 슬리브가 허용 범위 안에 있습니다.',
    noOrdersOutside:
      '주문 없음. 일부 슬리브가 허용 범위 밖이지만 주문을 낼 수 없습니다. 이유는 아래 주의 사항을 보세요.',
    nothingInvestable:
      '리밸런싱할 것이 없습니다: 모든 종목이 그대로 두는 종목(기타·미분류)이고 현금이 없습니다. 모델에 투자하려면 --cash 금액:통화로 현금을 넣으세요.',
    bandRel: (abs: string, rel: string) => `±${abs}%p 또는 목표의 ±${rel}`,
    account: '계좌',
    side: '구분',
    buy: '매수',
    sell: '매도',
    symbol: '종목코드',
    name: '종목명',
    qty: '수량',
    price: '가격 (최근 종가)',
    currency: '통화',
    value: '금액',
    valueBase: '금액 (기준통화)',
    costBase: '비용 (기준통화)',
    costTotal: (total: string, bps: number) => `거래 비용: ${total} (주문 금액의 ${bps}bp)`,
    transfers: '계좌 간 이체 (매수 전에; 보내는 계좌에서 먼저 환전)',
    transferFrom: '보내는 계좌',
    transferTo: '받는 계좌',
    amountBase: '금액 (기준통화)',
    fx: '환전',
    purpose: '용도',
    forOrders: '이 계좌의 매수',
    forTransfer: (to: string) => `${withJosa(to, '으로/로')} 이체`,
    cuts: '줄인 매수 (이체 후에도 계좌 잔액이 부족)',
    cutLine: (planned: string, now: string) => `${planned} 대신 ${now}`,
    from: '팔 통화',
    to: '살 통화',
    amount: '금액',
    rate: '환율',
    date: '환율 기준일',
    skipped: '건너뜀 (최소 주문금액 미만)',
    unresolved: '배정하지 못한 금액 (살 종목 없음)',
    tried: '검토한 후보',
    sleeves: '리밸런싱 전후 슬리브 비중 (dispersion check와 같은 전체 포트폴리오 기준)',
    checklistAfter: '주문 후 체크리스트 (주문이 체결되면 check가 보여줄 결과)',
    noConcentration: '집중 한도를 넘는 종목이나 국가가 없습니다.',
    why: '이유',
    whys: {
      named: '에세이가 지목한 종목',
      held: '이미 보유한 종목',
      candidate: '슬리브 후보',
      reduce: '한도 안으로 축소',
      exit: '모델 밖 종목',
    },
    listingOf: (symbol: string) => `${symbol}의 다른 상장`,
    sleeve: '슬리브',
    before: '전',
    after: '후',
    target: '목표',
    within: '범위 내',
    yes: '예',
    no: '아니오',
    cashAfter: '주문 후 현금',
    warnings: '주의',
    disclaimer:
      '투자 판단을 돕는 도구이며 투자 권유가 아닙니다. 가격은 최근 종가이니 주문 전 실시간 시세를 확인하세요.',
  },
} as const;

/**
 * A conversion rate as people read it: `1 USD = ₩1,509.86` rather than `0.000662`. `rate` is units of `to` per one
 * `from`; the side worth more than one unit of the other is the one written as 1.
 */
export function formatFxRate(rate: number, from: string, to: string, lang: Lang): string {
  if (!(rate > 0)) return '—';
  const [one, other, price] = rate >= 1 ? [from, to, rate] : [to, from, 1 / rate];
  const digits = price >= 100 ? 2 : 4;
  const money = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    style: 'currency',
    currency: other,
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(price);
  return `1 ${one} = ${money}`;
}

/** `±2.0%`, or with a relative band `±5.0 points, or ±25% of each target`. */
export function formatBand(band: { abs: number; rel: number }, lang: Lang): string {
  const abs = formatPct(band.abs, lang);
  if (!(band.rel > 0)) return `±${abs}`;
  const points = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(band.abs * 100);
  return REBALANCE_LABELS[lang].bandRel(points, formatPct(band.rel, lang, false, 0));
}
