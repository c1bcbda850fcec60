/**
 * Every notice in Korean, one function per code of exactly its facts (catalog.ts): no code falls back to English, and
 * particles after a word the sentence does not know in advance (a ticker, an account) come from josa.ts.
 */
import { STALE_ERROR_DAYS } from '../../core/staleness.ts';
import { formatMoney, formatNumber, formatPct } from '../format.ts';
import { withJosa } from '../josa.ts';
import { sleeveName } from '../messages.ts';
import type { Catalog } from './catalog.ts';
import { goalName, koCountry, LEVERS, passedOverList } from './words.ts';

const pct = (x: number) => formatPct(x, 'ko');

/** A holding named in a notice: `NVDA`, or `USD 현금` for a cash row. */
const holding = (n: { symbol: string; currency?: string }) => (n.currency ? `${n.currency} 현금` : n.symbol);

const monthly = (m: boolean | undefined) => (m ? ' (월평균)' : '');

export const KO = {
  'stale-price': (n) =>
    n.until !== undefined
      ? `${n.symbol}의 마지막 종가가 ${n.date}입니다. ${n.until}까지 그 값을 이어 씁니다.`
      : `${n.symbol} 가격이 ${n.date} 기준으로, 기준일보다 ${n.age}거래일 전입니다.`,
  'stale-price-error': (n) =>
    `${n.symbol} 가격이 ${n.date} 기준으로, 기준일보다 ${n.age}거래일 전입니다 (${STALE_ERROR_DAYS}거래일 초과).`,
  'stale-fx': (n) =>
    n.from !== undefined && n.base !== undefined
      ? `${n.from}부터 ${n.currency}→${n.base} 환율이 한 달 넘게 오래되었습니다 (${n.date} 환율).`
      : `${n.currency} 환율이 ${n.date} 기준${monthly(n.monthlyAverage)}으로, 기준일보다 ${n.age}거래일 전입니다.`,
  'stale-fx-error': (n) =>
    `${n.currency} 환율이 ${n.date} 기준${monthly(n.monthlyAverage)}으로, 기준일보다 ${n.age}거래일 전입니다 (너무 오래됨).`,
  'concentration-position': (n) =>
    `${n.symbols.length > 1 ? `${n.symbols.join(' + ')} (한 회사)` : n.symbol}${n.funds?.length ? ` (${n.funds.join(', ')} 보유분 포함)` : ''} 비중이 현금 제외 보유액의 ${pct(n.weight)}로, 한 회사 한도 ${pct(n.limit)}를 넘습니다: 한 종목에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.`,
  'concentration-country': (n) =>
    `${koCountry(n.country)} 사업 비중이 현금 제외 보유액의 ${pct(n.weight)}로, 한 국가 한도 ${pct(n.limit)}를 넘습니다: 한 국가에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.`,
  'no-look-through': (n) =>
    n.etn
      ? `${withJosa(n.symbol, '은/는')} ETN(상장지수증권)입니다(포트폴리오의 ${pct(n.weight)}): 펀드가 아니라 발행사가 지수 수익을 지급하는 채무증권이라 들여다볼 보유 종목이 없습니다. Mag7 비중에 넣지 않았고 종목명으로 한 분류에 집계했습니다.`
      : `${withJosa(n.symbol, '은/는')} 보유 종목 자료(look-through)가 없는 펀드입니다(포트폴리오의 ${pct(n.weight)}): 보유 종목을 알 수 없어 Mag7 비중에 넣지 않았고 펀드 전체를 한 분류로 집계했습니다. --look-through FILE로 보유 종목을 추가하세요.`,
  'look-through-old': (n) =>
    `${n.symbol}의 보유 종목 자료는 ${n.date} 기준으로, 기준일보다 ${n.age}일 전입니다: 그동안 비중이 달라졌습니다. --look-through FILE로 최신 자료를 넣으세요.`,

  unclassified: (n) =>
    `${withJosa(n.symbol, '은/는')} 종목 유니버스에 없어 미분류로 집계했습니다. --universe FILE로 추가하세요.`,
  'currency-mismatch': (n) =>
    'listed' in n
      ? `${n.symbol}: ${n.source} 종가는 ${n.valuedIn}인데 종목 유니버스에는 ${withJosa(n.listed, '으로/로')} 되어 있습니다. ${withJosa(n.valuedIn, '으로/로')} 평가했습니다.`
      : `${n.symbol}: 상장 통화는 ${n.valuedIn}인데 파일에는 ${withJosa(n.row, '으로/로')} 적혀 있습니다. ${withJosa(n.valuedIn, '으로/로')} 평가했습니다.`,

  'listing-start': (n) =>
    `${n.symbol}: ${n.date} 이전 종가는 이 회사의 것이 아니어서(합병 전 SPAC 등) 백테스트에서 뺐습니다.`,
  'file-price': (n) =>
    `${n.symbol}: 더 최신 가격이 없어 ${n.file}:${n.line}의 가격(${formatMoney(n.price, n.currency, 'ko')}, ${n.date} 기준${n.dated ? '' : ': 파일에 날짜가 없어 기준일로 봄'})을 썼습니다.`,

  'solver-failed': () => '솔버가 주문을 찾지 못해 아무 주문도 내지 않습니다.',
  'nothing-investable': () =>
    '리밸런싱할 것이 없습니다: 모든 종목이 그대로 두는 종목(기타·미분류)이고 현금이 없습니다. --cash 금액:통화로 현금을 넣으세요.',
  'other-policy': (n) => {
    const share = pct(n.share);
    switch (n.policy) {
      case 'keep':
        return `모델 밖 종목(전체의 ${share})은 그대로 둡니다 (--other keep). 목표 비중은 여전히 전체 포트폴리오 기준이므로 모델 슬리브는 나머지 ${pct(n.rest)}를 나눠 가집니다.`;
      case 'reduce':
        return `모델 밖 종목(전체의 ${share})은 한도를 지키는 데 필요한 만큼만 팝니다 (--other reduce).`;
      default:
        return `모델 밖 종목(전체의 ${share})은 모두 팝니다 (--other sell).`;
    }
  },
  'goal-missed': (n) => {
    // Two decimals when one would show the miss as no miss (7.0% against 7.0%).
    const digits = pct(n.reached) === pct(n.limit) ? 2 : 1;
    const tail =
      n.why === 'cash-only'
        ? ' (현금 전용 모드는 아무것도 팔지 않습니다)'
        : n.why === 'other-kept'
          ? ` (모델 밖 종목 ${withJosa(pct(n.otherShare), '을/를')} 그대로 두므로)`
          : '';
    return `${goalName(n.kind, n.key, 'ko')}: 지킬 수 없습니다. 이 주문으로 ${formatPct(n.reached, 'ko', false, digits)}까지 갑니다 (한도 ${formatPct(n.limit, 'ko', false, digits)})${tail}. 가장 가까운 주문입니다.`;
  },
  'named-passed-over': (n) =>
    `${sleeveName(n.sleeve, 'ko')}: 에세이가 지목한 ${withJosa(n.passed.map((t) => t.symbol).join(', '), '은/는')} 살 수 없습니다: ${passedOverList(n.passed, 'ko')}`,
  levers: (n) =>
    `모델에 더 가까이 가려면: ${new Intl.ListFormat('ko', { type: 'disjunction' }).format(n.levers.map((l) => LEVERS.ko[l]))}.`,
  'funding-short': (n) =>
    `${n.account} 계좌는 자체 환전 후에도 ${formatMoney(n.amount, n.currency, 'ko')} 부족합니다.`,
  'stale-allowed': (n) =>
    `--allow-stale: 오래된 데이터로 주문을 냈습니다. ${n.what}: ${n.date ? `${n.date} (${n.age}거래일 전)` : '없음'}. 주문 전에 현재 시세를 확인하세요.`,

  'backtest-start': (n) =>
    `백테스트는 모든 자산에 종가가 있는 첫날인 ${n.date}에 시작합니다 (${n.symbol}의 이력이 가장 늦게 시작).`,
  'whole-shares-cash': (n) => {
    const money = (x: number) => formatMoney(x, n.currency, 'ko');
    return `${n.portfolio}: 거래 단위 정수 주식으로 사면 초기 금액 ${money(n.initial)} 중 ${money(n.left)}(${pct(n.weight)})이 현금으로 남습니다. 한 단위 가격이 이 금액에 비해 큽니다. --initial을 늘리거나 --whole-shares를 빼세요.`;
  },
  'policy-missed': (n) =>
    `대분산 리밸런서가 리밸런싱일 ${n.of}일 중 ${n.days}일에 모든 목표를 지키지 못했습니다 (처음 ${n.date}: ${n.goals.join(', ')}). 가장 가까운 주문을 따랐습니다.`,
  'cash-rate': (n) =>
    n.currency === undefined
      ? '국채 금리 데이터가 없어 현금 수익을 0으로 계산합니다.'
      : `현금은 ${withJosa(n.currency, '으로/로')} 보유하지만 미국 3개월 국채 금리를 받는 것으로 계산합니다 (${n.currency} 단기 금리 데이터가 번들에 없음).`,
  'currency-assumed': (n) =>
    `${withJosa(n.symbol, '은/는')} 종목 유니버스에 없어 종가를 ${withJosa(n.currency, '으로/로')} 보았습니다. 다르면 --universe FILE로 추가하세요.`,

  'stress-unshocked': (n) =>
    `${n.scenarioKo} 시나리오에 ${n.symbols.join(', ')}에 대한 충격이 없어 가격 변동 없음으로 두었습니다 (환율 변동만 적용).`,
  'risk-history-too-short': (n) =>
    `${n.date} 이전의 일간 수익률이 ${n.needed}개보다 적어 위험 지표를 내지 않았습니다.`,
  'risk-window-shortened': (n) =>
    `위험 지표는 ${n.requestedFrom}부터의 3년이 아니라 ${n.from}~${n.to} 구간으로 계산했습니다.${n.symbol ? ` ${n.symbol}의 가격 이력이 더 늦게 시작합니다.` : ''}`,
  'risk-monthly-fx': (n) =>
    `${n.currency}→${n.base} 일별 환율이 위험 구간 일부에 없어 그 기간은 월평균 환율을 썼습니다. 그래서 환율 변동성이 실제보다 작게 나옵니다.`,

  'quantity-looks-like-date': (n) => {
    const what = n.cash ? '금액' : '수량';
    return `${n.line}행 ${n.symbol}의 ${what}이 날짜 ${n.date}처럼 보입니다: ${what} 열에 ${what}이 들어 있는지 확인하세요.`;
  },
  'summary-row': (n) =>
    `${n.file}:${n.line}: ${n.line}행의 합계 행을 건너뛰었습니다. 위 행들의 합계이지 보유 종목이 아닙니다.`,
  'table-end': (n) => `${n.file}:${n.line}: 표가 여기서 끝납니다. 그 뒤의 내용은 읽지 않았습니다.`,
  'unsupported-asset': (n) => `${n.file}:${n.line}: 주식·ETF·펀드만 읽으므로 이 행은 제외했습니다.`,
  'loan-not-subtracted': (n) =>
    `${n.file}:${n.line}: ${n.account} 계좌의 ${withJosa(n.symbol, '은/는')} 신용 또는 대출로 보유한 잔고입니다 (${n.credit.join(', ')}): 주식은 셌지만 대출금은 빼지 않았습니다.`,
  'account-debt': (n) =>
    `${n.file}:${n.line}: ${n.account} 계좌에 대출·신용금 ${formatNumber(n.loanCredit, 'ko')}원과 미수·미납금 ${formatNumber(n.receivable, 'ko')}원이 있습니다: 보유 자산은 셌지만 빚은 빼지 않았습니다.`,
  'left-out-holding': (n) => {
    const why =
      n.from === 'fund'
        ? '펀드 행에는 평가금액만 있고 수량이 없습니다'
        : n.from === 'etc'
          ? '채권·ELS·DLS·CP·CD·RP는 주당 가격이 있는 종목이 아닙니다 (qty가 액면금액입니다)'
          : '코스피·코스닥·ETF 주식만 읽습니다 (선물·옵션·ELW 등은 제외)';
    const valued = n.value === undefined ? '' : `, 평가금액 ${formatNumber(n.value, 'ko')}원`;
    return `${n.file}:${n.line}: ${n.account} 계좌의 다음 항목을 제외했습니다: ${n.symbol} (${n.kind}${valued}). ${why}.`;
  },
  'more-pages': (n) =>
    `${n.file}: 여러 페이지 중 한 페이지의 응답입니다 (queryResult.page "${n.page}"): 이 페이지만 읽었으므로 다른 페이지의 종목은 합계에서 빠졌습니다. 페이지 파일들을 함께 주면 요약의 현금이 다시 더해지니, 전체 잔고를 한 번에 받으세요 (assetType ALL, count 0).`,
  'cash-unsettled': (n) => {
    const why =
      n.unsettledRows === 0
        ? '미결제수량이 있는 행이 없어, 두 금액의 차이는 표에 없는 거래 때문입니다'
        : '미결제수량이 있는 행이 있어, 잔고수량에 아직 결제되지 않은 거래가 이미 들어 있습니다';
    return `${n.file}:${n.line}: 현금은 ${n.read} ${formatNumber(n.amount, 'ko')}원입니다 (${n.other} ${formatNumber(n.otherAmount, 'ko')}원이 아님): ${why}.`;
  },
  'read-as-transactions': (n) =>
    `${n.file}: 거래내역으로 읽어 계좌·종목별 순수량을 계산했습니다 (배당·수수료·이자·입출금은 주식 수를 바꾸지 않습니다).`,
  'split-applied': (n) => `${n.file}: ${n.account} 계좌의 ${n.symbol}에 ${n.date} 액면분할을 반영했습니다.`,
  'snapshot-chosen': (n) => `${n.file}: 여러 날짜의 스냅숏 중 ${n.date} 스냅숏을 읽었습니다.`,
  'cash-currency-assumed': (n) =>
    `통화 열이 없어 ${withJosa(n.label, '을/를')} 원화(${n.symbol})로 보았습니다.`,
  'zero-quantity': (n) => `${n.file}:${n.line}: ${n.account} 계좌의 ${holding(n)} 수량이 0이라 제외했습니다.`,
  'duplicate-rows': (n) =>
    `${n.file}: ${n.account} 계좌의 ${withJosa(holding(n), '이/가')} ${n.lines.join(', ')}행에 나뉘어 있어 합산했습니다 (합계 ${formatNumber(n.total, 'ko')}).`,
  'excluded-account': (n) => {
    const left = [
      `거래 ${n.activities}건`,
      ...(n.balance !== 0
        ? [`현금 잔액 ${formatNumber(n.balance, 'ko')}${n.currency ? ` ${n.currency}` : ''}`]
        : []),
    ];
    return `${n.file}: ${n.account} 계좌는 Ghostfolio에서 분석 제외("isExcluded": true)로 설정되어 ${withJosa(left.join('과 '), '을/를')} Ghostfolio처럼 뺐습니다.`;
  },
  'balances-as-of-export': (n) =>
    `${n.file}: 현금 잔액은 ${withJosa(n.asOf, '이/가')} 아니라 내보낸 날짜 ${n.date} 기준입니다. Ghostfolio 내보내기 파일에는 현재 잔액만 있습니다.`,
  'activities-after-as-of': (n) =>
    `${n.file}: 기준일 ${n.asOf} 이후 날짜의 거래 ${n.count}건을 무시했습니다${n.date ? ` (${n.date}부터)` : ''}.`,
  'ignored-activities': (n) =>
    `${n.file}: 거래 ${n.count}건을 무시했습니다 (${n.types.map((t) => `${t.count} ${t.type}`).join(', ')}). 보유 수량은 BUY와 SELL만 바꾸고, 현금은 계좌 잔액에서 가져옵니다.`,
} satisfies Catalog;
