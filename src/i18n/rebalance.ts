/**
 * Wording of `dispersion rebalance` in English and Korean: the table labels and one sentence per rebalance warning
 * code. The core returns codes and numbers (warning.params); this turns them into words. Warnings from valuation
 * (stale prices, unclassified holdings) are worded by warnings.ts.
 */

import { InputError } from '../core/errors.ts';
import { ownValue } from '../core/lookup.ts';
import type { DataFreshness } from '../core/rebalance/freshness.ts';
import { blockingData, staleDataError } from '../core/rebalance/freshness.ts';
import type { PassedOver, RebalanceWarning } from '../core/rebalance/types.ts';
import { STALE_ERROR_DAYS } from '../core/staleness.ts';
import type { Lang } from './format.ts';
import { formatMoney, formatPct } from './format.ts';
import { withJosa } from './josa.ts';
import { countryName, sleeveName } from './messages.ts';
import { warningText } from './warnings.ts';

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

const num = (w: RebalanceWarning, key: string): number => Number(w.params?.[key] ?? 0);
const str = (w: RebalanceWarning, key: string): string => String(w.params?.[key] ?? '');

/** The codes `rebalanceWarningText` writes itself; any other warning (valuation, import) goes to `warningText`. */
export const REBALANCE_WARNING_CODES: ReadonlySet<string> = new Set([
  'nothing-investable',
  'stale-allowed',
  'goal-missed',
  'other-policy',
  'named-passed-over',
  'solver-failed',
  'funding-short',
  'levers',
]);

/** What each lever (explain.ts `Lever`) does, and the option that pulls it. */
const LEVERS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    other: 'sell the holdings outside the model (--other sell)',
    prices: 'give prices for the named listings (--prices FILE, or dispersion data update)',
    'account-markets': 'let an account trade another market (--account-markets NAME=KRX,US)',
    transfers: 'let money move between accounts (--transfers)',
  },
  ko: {
    other: '모델 밖 종목 매도 (--other sell)',
    prices: '지목 종목의 가격 제공 (--prices FILE 또는 dispersion data update)',
    'account-markets': '계좌의 거래 시장 추가 (--account-markets 계좌=KRX,US)',
    transfers: '계좌 간 이체 허용 (--transfers)',
  },
};

/** The sentence for a rebalance warning in `lang`; the warnings it inherits from valuation go to `warningText`. */
export function rebalanceWarningText(w: RebalanceWarning, lang: Lang): string {
  const p = (x: number) => formatPct(x, lang);
  const sleeve = w.sleeve ? sleeveName(w.sleeve, lang) : '';
  const ko = lang === 'ko';
  switch (w.code) {
    case 'nothing-investable':
      return ko
        ? '리밸런싱할 것이 없습니다: 모든 종목이 그대로 두는 종목(기타·미분류)이고 현금이 없습니다. --cash 금액:통화로 현금을 넣으세요.'
        : 'Nothing to rebalance: every holding is left alone (other or unclassified) and there is no cash. Add money with --cash AMOUNT:CCY.';
    case 'stale-allowed': {
      const age = num(w, 'age');
      const when = str(w, 'date')
        ? ko
          ? `${str(w, 'date')} (${age}거래일 전)`
          : `${str(w, 'date')} (${age} trading days old)`
        : ko
          ? '없음'
          : 'none';
      return ko
        ? `--allow-stale: 오래된 데이터로 주문을 냈습니다. ${str(w, 'what')}: ${when}. 주문 전에 현재 시세를 확인하세요.`
        : `--allow-stale: orders use old data for ${str(w, 'what')}: ${when}. Check the live quote before you order.`;
    }
    case 'goal-missed': {
      const kind = str(w, 'kind');
      const key = str(w, 'key');
      const what = goalName(kind, key, lang);
      // Two decimals when one would show the miss as no miss (7.0% against 7.0%).
      const digits = p(num(w, 'reached')) === p(num(w, 'limit')) ? 2 : 1;
      const reached = formatPct(num(w, 'reached'), lang, false, digits);
      const limit = formatPct(num(w, 'limit'), lang, false, digits);
      const why = str(w, 'why');
      const tail =
        why === 'cash-only'
          ? ko
            ? ' (현금 전용 모드는 아무것도 팔지 않습니다)'
            : ' (cash-only mode sells nothing)'
          : why === 'other-kept'
            ? ko
              ? ` (모델 밖 종목 ${withJosa(p(num(w, 'otherShare')), '을/를')} 그대로 두므로)`
              : ` (with ${p(num(w, 'otherShare'))} kept in holdings outside the model)`
            : '';
      return ko
        ? `${what}: 지킬 수 없습니다. 이 주문으로 ${reached}까지 갑니다 (한도 ${limit})${tail}. 가장 가까운 주문입니다.`
        : `${what} cannot hold: the orders reach ${reached} against ${limit}${tail}; these are the closest orders.`;
    }
    case 'other-policy': {
      const share = p(num(w, 'share'));
      const rest = p(num(w, 'rest'));
      switch (str(w, 'policy')) {
        case 'keep':
          return ko
            ? `모델 밖 종목(전체의 ${share})은 그대로 둡니다 (--other keep). 목표 비중은 여전히 전체 포트폴리오 기준이므로 모델 슬리브는 나머지 ${rest}를 나눠 가집니다.`
            : `Holdings outside the model (${share} of the total) are kept (--other keep); the model's targets still apply to the whole portfolio, so its sleeves share the other ${rest}.`;
        case 'reduce':
          return ko
            ? `모델 밖 종목(전체의 ${share})은 한도를 지키는 데 필요한 만큼만 팝니다 (--other reduce).`
            : `Holdings outside the model (${share} of the total) are sold only where a limit needs it (--other reduce).`;
        default:
          return ko
            ? `모델 밖 종목(전체의 ${share})은 모두 팝니다 (--other sell).`
            : `Holdings outside the model (${share} of the total) are sold (--other sell).`;
      }
    }
    case 'named-passed-over': {
      const reasons = w.passed
        ? w.passed.map((t) => `${t.symbol} (${passedOverReason(t, lang)})`).join(', ')
        : str(w, 'reasons');
      return ko
        ? `${sleeve}: 에세이가 지목한 ${withJosa(str(w, 'symbols'), '은/는')} 살 수 없습니다: ${reasons}`
        : `${sleeve}: the essay's ${str(w, 'symbols')} could not be bought: ${reasons}`;
    }
    case 'levers': {
      const list = str(w, 'levers')
        .split(',')
        .map((l) => LEVERS[lang][l] ?? l);
      const joined = new Intl.ListFormat(ko ? 'ko' : 'en', { type: 'disjunction' }).format(list);
      return ko ? `모델에 더 가까이 가려면: ${joined}.` : `To get closer to the model: ${joined}.`;
    }
    case 'solver-failed':
      return ko
        ? '솔버가 주문을 찾지 못해 아무 주문도 내지 않습니다.'
        : 'The solver found no orders; nothing is proposed.';
    case 'funding-short': {
      const amount = formatMoney(num(w, 'amount'), str(w, 'currency'), lang);
      return ko
        ? `${w.account} 계좌는 자체 환전 후에도 ${amount} 부족합니다.`
        : `${w.account} is short of ${amount} after its own conversions.`;
    }
    default:
      return warningText(w, lang);
  }
}

/** "미국(US)", as the concentration warning names a country; the code alone when it has no Korean name. */
function koCountry(code: string): string {
  const name = countryName(code, 'ko');
  return name === code ? code : `${name}(${code})`;
}

/**
 * A listing market (placement.ts `listingMarket`: `US`, or an exchange code) by the country it trades in, as a Korean
 * reader says it: 미국 시장, 일본 시장. An exchange this does not know keeps its code.
 */
const MARKETS_KO: Readonly<Record<string, string>> = {
  US: '미국',
  KRX: '한국',
  TSE: '일본',
  TWSE: '대만',
  LSE: '영국',
  SIX: '스위스',
  XETRA: '독일',
  EPA: '프랑스',
  NSE: '인도',
};
const marketKo = (market: string): string => ownValue(MARKETS_KO, market) ?? market;

/** A goal in words: a sleeve's band end, a check, a company or a country limit. */
function goalName(kind: string, key: string, lang: Lang): string {
  const ko = lang === 'ko';
  switch (kind) {
    case 'sleeve-low':
      return ko ? `${sleeveName(key, lang)} 하한` : `${sleeveName(key, lang)} (lower end of its band)`;
    case 'sleeve-high':
      return ko ? `${sleeveName(key, lang)} 상한` : `${sleeveName(key, lang)} (upper end of its band)`;
    case 'mag7-max':
      return ko ? 'Mag7 상한' : 'Mag7 at most';
    case 'physical-energy-min':
      return ko ? '피지컬 AI + 에너지 하한' : 'Physical AI + energy at least';
    case 'regional-diversification':
      return ko ? '한국·일본·인도 사업 비중 하한' : 'Business in Korea, Japan, India at least';
    case 'company-max':
      return ko ? `${key} 한 회사 한도` : `${key} (one-company limit)`;
    case 'country-max':
      return ko ? `${koCountry(key)} 한 국가 한도` : `${key} (one-country limit)`;
    case 'fill': {
      const [sleeve, name] = key.split('\u0000');
      return ko
        ? `${sleeveName(sleeve ?? '', lang)}: ${name} (분산 한도)`
        : `${sleeveName(sleeve ?? '', lang)}: ${name} (spread over the sleeve's fill)`;
    }
    default:
      return key;
  }
}

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

/**
 * The refusal to rebalance on stale data, in `lang`: English is the core's own error (freshness.ts); Korean names the
 * same closes and rates, with symbols, dates and ages exactly as in English.
 */
export function staleDataRefusal(f: DataFreshness, asOf: string, lang: Lang): InputError {
  if (lang !== 'ko') return staleDataError(f, asOf);
  const { prices, rates } = blockingData(f);
  const items = [
    ...prices.map(
      (g) =>
        `${g.symbols.join(', ')}: ${g.last === null ? '종가 없음' : `최근 종가 ${g.last}, ${g.age}거래일 전`}`,
    ),
    ...rates.map((x) => {
      const pair = `${x.from}→${x.to}`;
      if (x.last === null) return `${pair}: 환율 없음`;
      return `${pair}: ${x.kind === 'monthly-average' ? '월평균 환율' : '환율'} ${x.last}, ${x.age}거래일 전`;
    }),
  ];
  return new InputError({
    message: `데이터가 오래되어 ${asOf} 기준으로 리밸런싱하지 않습니다: ${items.join('; ')}`,
    expected: `${STALE_ERROR_DAYS}거래일 이내의 종가와 일별 환율, 직전 달의 월평균 환율`,
    hint:
      '`dispersion data update`로 최신 가격을 받거나(저널 또는 --db FILE), 최신 <SYMBOL>.csv와 fx/<AAABBB>.csv 파일을 ' +
      '--prices 폴더에 넣으세요. 또는 --as-of YYYY-MM-DD로 데이터 날짜 기준으로 리밸런싱하거나, --allow-stale로 ' +
      '그래도 주문을 받으세요.',
  });
}

/** Why one named instrument could not be bought, in the reader's language. */
function passedOverReason(t: PassedOver, lang: Lang): string {
  const ko = lang === 'ko';
  switch (t.why) {
    case 'no-price':
      return ko ? '기준일 이전 가격 없음' : 'no price on or before the as-of date';
    case 'not-in-universe':
      return ko ? '종목 유니버스에 없음' : 'not in the instrument universe';
    case 'stale':
      return ko
        ? `마지막 종가 ${t.date}, ${t.age}거래일 전`
        : `last close ${t.date}, ${t.age} trading days old`;
    case 'no-account':
      return ko ? `${marketKo(t.market)} 시장을 거래하는 계좌 없음` : `no account trades ${t.market}`;
  }
}
