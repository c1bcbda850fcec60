/**
 * Warnings in the reader's language. The core writes each warning with a stable code, an English sentence and the
 * facts it is about (symbol, date, age, currency, `params`); this writes every code in Korean from those facts.
 * warnings.test.ts finds every code the source emits and fails when one has no Korean sentence here. A warning whose
 * facts are missing keeps its English sentence rather than print a sentence with a hole in it.
 */

import { ownValue } from '../core/lookup.ts';
import { STALE_ERROR_DAYS } from '../core/staleness.ts';
import type { Warning } from '../core/warnings.ts';
import type { Lang } from './format.ts';
import { formatMoney, formatNumber, formatPct } from './format.ts';
import { withJosa } from './josa.ts';
import { countryName } from './messages.ts';

type Ko = (w: Warning) => string | undefined;

/** "한국(KR)" for a country with a Korean name, else the code. */
const koCountry = (code: string) => {
  const name = countryName(code, 'ko');
  return name === code ? code : `${name}(${code})`;
};

const param = (w: Warning, key: string): string | undefined => {
  const v = w.params?.[key];
  return v === undefined ? undefined : String(v);
};

/** `file:line: ` in front of an import warning, as the English sentence has it. */
const at = (w: Warning) => (w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : '');

/** A holding named in a warning: `NVDA`, or `USD 현금` for a cash row. */
const what = (w: Warning) => (w.currency && w.symbol === w.currency ? `${w.currency} 현금` : w.symbol);

const KO: Record<string, Ko> = {
  'stale-price': (w) => {
    if (!w.symbol || !w.date) return undefined;
    // The backtest's form: a series that ends early and is carried forward to the end of the window.
    const until = param(w, 'until');
    if (w.age === undefined)
      return until
        ? `${w.symbol}의 마지막 종가가 ${w.date}입니다. ${until}까지 그 값을 이어 씁니다.`
        : undefined;
    return `${w.symbol} 가격이 ${w.date} 기준으로, 기준일보다 ${w.age}거래일 전입니다.`;
  },
  'stale-price-error': (w) =>
    w.symbol && w.date && w.age !== undefined
      ? `${w.symbol} 가격이 ${w.date} 기준으로, 기준일보다 ${w.age}거래일 전입니다 (${STALE_ERROR_DAYS}거래일 초과).`
      : undefined,
  'stale-fx': (w) => {
    if (!w.currency || !w.date) return undefined;
    const from = param(w, 'from');
    const base = param(w, 'base');
    if (w.age === undefined)
      return from && base
        ? `${from}부터 ${w.currency}→${base} 환율이 한 달 넘게 오래되었습니다 (${w.date} 환율).`
        : undefined;
    return `${w.currency} 환율이 ${w.date} 기준${w.monthlyAverage ? ' (월평균)' : ''}으로, 기준일보다 ${w.age}거래일 전입니다.`;
  },
  'stale-fx-error': (w) =>
    w.currency && w.date && w.age !== undefined
      ? `${w.currency} 환율이 ${w.date} 기준${w.monthlyAverage ? ' (월평균)' : ''}으로, 기준일보다 ${w.age}거래일 전입니다 (너무 오래됨).`
      : undefined,
  unclassified: (w) =>
    w.symbol
      ? `${withJosa(w.symbol, '은/는')} 종목 유니버스에 없어 미분류로 집계했습니다. --universe FILE로 추가하세요.`
      : undefined,
  'concentration-position': (w) =>
    w.symbols?.length && w.weight !== undefined && w.limit !== undefined
      ? `${w.symbols.length > 1 ? `${w.symbols.join(' + ')} (한 회사)` : w.symbols[0]}${w.funds?.length ? ` (${w.funds.join(', ')} 보유분 포함)` : ''} 비중이 현금 제외 보유액의 ${formatPct(w.weight, 'ko')}로, 한 회사 한도 ${formatPct(w.limit, 'ko')}를 넘습니다: 한 종목에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.`
      : undefined,
  'concentration-country': (w) =>
    w.country && w.weight !== undefined && w.limit !== undefined
      ? `${koCountry(w.country)} 사업 비중이 현금 제외 보유액의 ${formatPct(w.weight, 'ko')}로, 한 국가 한도 ${formatPct(w.limit, 'ko')}를 넘습니다: 한 국가에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.`
      : undefined,
  'no-look-through': (w) =>
    w.symbol && w.weight !== undefined
      ? `${withJosa(w.symbol, '은/는')} 보유 종목 자료(look-through)가 없는 펀드입니다(포트폴리오의 ${formatPct(w.weight, 'ko')}): 보유 종목을 알 수 없어 Mag7 비중에 넣지 않았고 펀드 전체를 한 분류로 집계했습니다. --look-through FILE로 보유 종목을 추가하세요.`
      : undefined,
  'look-through-old': (w) =>
    w.symbol && w.date
      ? `${w.symbol}의 보유 종목 자료는 ${w.date} 기준으로, 기준일보다 ${w.age}일 전입니다: 그동안 비중이 달라졌습니다. --look-through FILE로 최신 자료를 넣으세요.`
      : undefined,
  'summary-row': (w) =>
    w.line
      ? `${at(w)}${w.line}행의 합계 행을 건너뛰었습니다. 위 행들의 합계이지 보유 종목이 아닙니다.`
      : undefined,
  'listing-start': (w) =>
    w.symbol && w.date
      ? `${w.symbol}: ${w.date} 이전 종가는 이 회사의 것이 아니어서(합병 전 SPAC 등) 백테스트에서 뺐습니다.`
      : undefined,
  'quantity-looks-like-date': (w) =>
    w.line && w.symbol && w.date
      ? `${w.line}행 ${w.symbol}의 수량이 날짜 ${w.date}처럼 보입니다: 수량 열에 수량이 들어 있는지 확인하세요.`
      : undefined,
  'cash-currency-assumed': () => '통화 열이 없어 예수금을 원화(KRW)로 보았습니다.',
  'zero-quantity': (w) =>
    w.symbol && w.account ? `${at(w)}${w.account} 계좌의 ${what(w)} 수량이 0이라 제외했습니다.` : undefined,
  'duplicate-rows': (w) => {
    const lines = param(w, 'lines');
    const total = w.params?.total;
    if (!w.symbol || !w.account || !lines || typeof total !== 'number') return undefined;
    return `${w.file ? `${w.file}: ` : ''}${w.account} 계좌의 ${withJosa(what(w) ?? '', '이/가')} ${lines}행에 나뉘어 있어 합산했습니다 (합계 ${formatNumber(total, 'ko')}).`;
  },
  'excluded-account': (w) => {
    if (!w.account) return undefined;
    const n = w.params?.activities;
    const balance = w.params?.balance;
    const left = [
      ...(typeof n === 'number' ? [`거래 ${n}건`] : []),
      ...(typeof balance === 'number' && balance !== 0
        ? [
            `현금 잔액 ${formatNumber(balance, 'ko')}${param(w, 'currency') ? ` ${param(w, 'currency')}` : ''}`,
          ]
        : []),
    ];
    const head = `${w.account} 계좌는 Ghostfolio에서 분석 제외("isExcluded": true)로 설정되어`;
    return left.length
      ? `${w.file ? `${w.file}: ` : ''}${head} ${withJosa(left.join('과 '), '을/를')} Ghostfolio처럼 뺐습니다.`
      : `${head} 빠졌습니다.`;
  },
  'balances-as-of-export': (w) => {
    const asOf = param(w, 'asOf');
    return w.date && asOf
      ? `${w.file ? `${w.file}: ` : ''}현금 잔액은 ${asOf}가 아니라 내보낸 날짜 ${w.date} 기준입니다. Ghostfolio 내보내기 파일에는 현재 잔액만 있습니다.`
      : undefined;
  },
  'activities-after-as-of': (w) => {
    const count = param(w, 'count');
    const asOf = param(w, 'asOf');
    if (count && asOf && w.date)
      return `${w.file ? `${w.file}: ` : ''}기준일 ${asOf} 이후 날짜의 거래 ${count}건을 무시했습니다 (${w.date}부터).`;
    return w.date ? `${w.file}: 기준일 이후의 거래(${w.date}부터)는 제외했습니다.` : undefined;
  },
  'ignored-activities': (w) => {
    const count = param(w, 'count');
    const types = param(w, 'types');
    return count && types
      ? `${w.file ? `${w.file}: ` : ''}거래 ${count}건을 무시했습니다 (${types}). 보유 수량은 BUY와 SELL만 바꾸고, 현금은 계좌 잔액에서 가져옵니다.`
      : undefined;
  },
  'currency-mismatch': (w) => {
    const valuedIn = param(w, 'valuedIn');
    const listed = param(w, 'listed');
    const row = param(w, 'row');
    if (!w.symbol || !valuedIn) return undefined;
    if (listed)
      return `${w.symbol}: ${param(w, 'source') ?? '시세'} 종가는 ${valuedIn}인데 종목 유니버스에는 ${listed}로 되어 있습니다. ${valuedIn}로 평가했습니다.`;
    if (row)
      return `${w.symbol}: 상장 통화는 ${valuedIn}인데 파일에는 ${row}로 적혀 있습니다. ${valuedIn}로 평가했습니다.`;
    return undefined;
  },
  'whole-shares-cash': (w) => {
    const [portfolio, left, initial] = [param(w, 'portfolio'), w.params?.left, w.params?.initial];
    if (
      !portfolio ||
      typeof left !== 'number' ||
      typeof initial !== 'number' ||
      !w.currency ||
      w.weight === undefined
    )
      return undefined;
    const money = (x: number) => formatMoney(x, w.currency as string, 'ko');
    return `${portfolio}: 거래 단위 정수 주식으로 사면 초기 금액 ${money(initial)} 중 ${money(left)}(${formatPct(w.weight, 'ko')})이 현금으로 남습니다. 한 단위 가격이 이 금액에 비해 큽니다. --initial을 늘리거나 --whole-shares를 빼세요.`;
  },
  'policy-missed': (w) => {
    const [days, of, goals] = [param(w, 'days'), param(w, 'of'), param(w, 'goals')];
    if (!days || !of || !goals || !w.date) return undefined;
    return `대분산 리밸런서가 리밸런싱일 ${of}일 중 ${days}일에 모든 목표를 지키지 못했습니다 (처음 ${w.date}: ${goals}). 가장 가까운 주문을 따랐습니다.`;
  },
  'cash-rate': (w) =>
    w.currency
      ? `현금은 ${w.currency}로 보유하지만 미국 3개월 국채 금리를 받는 것으로 계산합니다 (${w.currency} 단기 금리 데이터가 번들에 없음).`
      : '국채 금리 데이터가 없어 현금 수익을 0으로 계산합니다.',
  'currency-assumed': (w) =>
    w.symbol && w.currency
      ? `${withJosa(w.symbol, '은/는')} 종목 유니버스에 없어 종가를 ${w.currency}로 보았습니다. 다르면 --universe FILE로 추가하세요.`
      : undefined,
  'backtest-start': (w) =>
    w.symbol && w.date
      ? `백테스트는 모든 자산에 종가가 있는 첫날인 ${w.date}에 시작합니다 (${w.symbol}의 이력이 가장 늦게 시작).`
      : undefined,
  'stress-unshocked': (w) => {
    const scenario = param(w, 'scenarioKo');
    return scenario && w.symbols?.length
      ? `${scenario} 시나리오에 ${w.symbols.join(', ')}에 대한 충격이 없어 가격 변동 없음으로 두었습니다 (환율 변동만 적용).`
      : undefined;
  },
  'risk-history-too-short': (w) => {
    const needed = param(w, 'needed');
    return needed && w.date
      ? `${w.date} 이전의 일간 수익률이 ${needed}개보다 적어 위험 지표를 내지 않았습니다.`
      : undefined;
  },
  'risk-window-shortened': (w) => {
    const [from, to, requested] = ['from', 'to', 'requestedFrom'].map((k) => param(w, k));
    return from && to && requested && w.symbol
      ? `위험 지표는 ${requested}부터의 3년이 아니라 ${from}~${to} 구간으로 계산했습니다. ${w.symbol}의 가격 이력이 더 늦게 시작합니다.`
      : undefined;
  },
  'risk-monthly-fx': (w) => {
    const base = param(w, 'base');
    return w.currency && base
      ? `${w.currency}→${base} 일별 환율이 위험 구간 일부에 없어 그 기간은 월평균 환율을 썼습니다. 그래서 환율 변동성이 실제보다 작게 나옵니다.`
      : undefined;
  },
  'read-as-transactions': (w) =>
    `${w.file}: 거래내역으로 읽어 계좌·종목별 순수량을 계산했습니다 (배당·수수료·이자·입출금은 주식 수를 바꾸지 않습니다).`,
  'split-applied': (w) =>
    w.symbol && w.date
      ? `${w.file}: ${w.account} 계좌의 ${w.symbol}에 ${w.date} 액면분할을 반영했습니다.`
      : undefined,
  'snapshot-chosen': (w) =>
    w.date ? `${w.file}: 여러 날짜의 스냅숏 중 ${w.date} 스냅숏을 읽었습니다.` : undefined,
  'table-end': (w) =>
    w.line ? `${w.file}:${w.line}: 표가 여기서 끝납니다. 그 뒤의 내용은 읽지 않았습니다.` : undefined,
  'unsupported-asset': (w) =>
    w.line ? `${w.file}:${w.line}: 주식·ETF·펀드만 읽으므로 이 행은 제외했습니다.` : undefined,
  'loan-not-subtracted': (w) =>
    w.symbol && w.account
      ? `${at(w)}${w.account} 계좌의 ${withJosa(w.symbol, '은/는')} 신용 또는 대출로 보유한 잔고입니다: 주식은 셌지만 대출금은 빼지 않았습니다.`
      : undefined,
  'account-debt': (w) => {
    const loan = w.params?.loanCredit;
    const receivable = w.params?.receivable;
    if (!w.account || typeof loan !== 'number' || typeof receivable !== 'number') return undefined;
    return `${at(w)}${w.account} 계좌에 대출·신용금 ${formatNumber(loan, 'ko')}원과 미수·미납금 ${formatNumber(receivable, 'ko')}원이 있습니다: 보유 자산은 셌지만 빚은 빼지 않았습니다.`;
  },
  'left-out-holding': (w) => {
    const kind = param(w, 'kind');
    const from = param(w, 'from');
    if (!w.symbol || !kind || !from) return undefined;
    const value = w.params?.value;
    const why =
      from === 'fund'
        ? '펀드 행에는 평가금액만 있고 수량이 없습니다'
        : from === 'etc'
          ? '채권·ELS·DLS·CP·CD·RP는 주당 가격이 있는 종목이 아닙니다 (qty가 액면금액입니다)'
          : '코스피·코스닥·ETF 주식만 읽습니다 (선물·옵션·ELW 등은 제외)';
    const valued = typeof value === 'number' ? `, 평가금액 ${formatNumber(value, 'ko')}원` : '';
    return `${at(w)}${w.account ? `${w.account} 계좌의 ` : ''}다음 항목을 제외했습니다: ${w.symbol} (${kind}${valued}). ${why}.`;
  },
  'more-pages': (w) => {
    const page = param(w, 'page');
    return page
      ? `${w.file}: 여러 페이지 중 한 페이지의 응답입니다 (queryResult.page "${page}"): 이 페이지만 읽었으므로 다른 페이지의 종목은 합계에서 빠졌습니다. 페이지 파일들을 함께 주면 요약의 현금이 다시 더해지니, 전체 잔고를 한 번에 받으세요 (assetType ALL, count 0).`
      : undefined;
  },
  'cash-unsettled': (w) => {
    const read = param(w, 'read');
    const other = param(w, 'other');
    const amount = w.params?.amount;
    const otherAmount = w.params?.otherAmount;
    if (!read || !other || typeof amount !== 'number' || typeof otherAmount !== 'number') return undefined;
    const why =
      w.params?.unsettledRows === 0
        ? '미결제수량이 있는 행이 없어, 두 금액의 차이는 표에 없는 거래 때문입니다'
        : '미결제수량이 있는 행이 있어, 잔고수량에 아직 결제되지 않은 거래가 이미 들어 있습니다';
    return `${at(w)}현금은 ${read} ${formatNumber(amount, 'ko')}원입니다 (${other} ${formatNumber(otherAmount, 'ko')}원이 아님): ${why}.`;
  },
  'file-price': (w) =>
    w.symbol && w.date
      ? `${w.symbol}: 더 최신 가격이 없어 ${w.file}:${w.line}의 가격(${w.date} 기준)을 썼습니다.`
      : undefined,
};

/** The codes this module writes in Korean (warnings.test.ts checks every code the source emits is among them). */
export const KOREAN_WARNING_CODES: ReadonlySet<string> = new Set(Object.keys(KO));

export function warningText(w: Warning, lang: Lang): string {
  if (lang === 'en') return w.message;
  return ownValue(KO, w.code)?.(w) ?? w.message;
}
