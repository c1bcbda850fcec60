/**
 * Words for the signals command in English and Korean: claim names, verdicts, each verdict's rule, the evidence
 * sentence built from a scorecard item's figures, basket names and why a member was left out.
 */
import type { DropReason } from '../core/signals/basket.ts';
import type { ClaimId, ScoreItem, Verdict } from '../core/signals/scorecard.ts';
import type { Lang } from './format.ts';
import { formatNumber, formatPct } from './format.ts';
import { sleeveName } from './messages.ts';

type Words = Record<Lang, string>;

export const CLAIM_NAMES: Record<ClaimId, Words> = {
  'concentration-falling': { en: 'Mag7 concentration falling', ko: 'Mag7 집중도 하락' },
  'valuations-contracting': { en: 'Mag7 valuations contracting', ko: 'Mag7 밸류에이션 축소' },
  'capex-outrunning-revenue': { en: 'AI capex outrunning AI revenue', ko: 'AI 설비투자가 AI 매출을 앞지름' },
  'flows-physical-ai': { en: 'Money flowing to physical AI', ko: '피지컬 AI로 자금 이동' },
  'flows-energy': { en: 'Money flowing to energy infrastructure', ko: '에너지 인프라로 자금 이동' },
  'flows-emerging': { en: 'Money flowing to Korea/Japan/India', ko: '한국·일본·인도로 자금 이동' },
  'flows-korea': { en: 'Money flowing to Korea', ko: '한국으로 자금 이동' },
  'flows-japan': { en: 'Money flowing to Japan', ko: '일본으로 자금 이동' },
  'flows-india': { en: 'Money flowing to India', ko: '인도로 자금 이동' },
};

export const VERDICT_NAMES: Record<Verdict, Words> = {
  agrees: { en: 'agrees', ko: '부합' },
  disagrees: { en: 'disagrees', ko: '불일치' },
  inconclusive: { en: 'inconclusive', ko: '판단 보류' },
};

/** The rule behind each verdict, as written in src/core/signals/scorecard.ts. */
export const CLAIM_RULES: Record<ClaimId, Words> = {
  'concentration-falling': {
    en: 'Agrees when the estimated Mag7 share of the S&P 500 on the as-of date is below its estimate 6 and 12 months earlier; disagrees when above both; otherwise inconclusive.',
    ko: '기준일의 추정 Mag7 비중이 6개월 전과 12개월 전 추정치보다 모두 낮으면 부합, 모두 높으면 불일치, 그 밖에는 판단 보류.',
  },
  'valuations-contracting': {
    en: "No P/E data is bundled and the essay's own figures are the claim: agrees when a recorded mag7-avg-pe reading dated after the essay is below the essay's latest figure; disagrees when at or above it; inconclusive without such a reading.",
    ko: 'P/E 데이터가 번들에 없고 에세이의 수치는 주장 자체이므로: 에세이 이후 날짜로 기록한 mag7-avg-pe가 에세이의 최신 수치보다 낮으면 부합, 같거나 높으면 불일치, 기록이 없으면 판단 보류.',
  },
  'capex-outrunning-revenue': {
    en: "Outrunning = the dollar gap (capex low end − revenue high end) keeps widening: with a recorded ai-capex or ai-revenue reading dated after the essay, agrees when the gap is wider than the essay's latest gap; disagrees when not; inconclusive without such a reading.",
    ko: '앞지름 = 달러 격차(설비투자 하단 − 매출 상단)가 계속 벌어짐: 에세이 이후 날짜로 기록한 ai-capex 또는 ai-revenue가 있을 때 격차가 에세이의 최신 격차보다 크면 부합, 아니면 불일치, 기록이 없으면 판단 보류.',
  },
  'flows-physical-ai': {
    en: 'Agrees when the sleeve basket beat the S&P 500 (SPY) over both 6 and 12 months (return difference > 0); disagrees when it lagged over both; otherwise inconclusive.',
    ko: '슬리브 바스켓이 6개월과 12개월 모두 S&P 500(SPY)보다 수익률이 높으면 부합, 모두 낮으면 불일치, 그 밖에는 판단 보류.',
  },
  'flows-energy': { en: '', ko: '' },
  'flows-emerging': {
    en: 'Judged per region (the emerging sleeve holds Taiwan and no Japan, so it says nothing about Japan or India): agrees only when Korea, Japan and India each agree; disagrees when all three disagree; otherwise inconclusive.',
    ko: '지역별로 판정합니다(신흥시장 슬리브에는 대만이 있고 일본이 없어 일본·인도에 대해 말해 주지 않습니다): 한국·일본·인도가 모두 부합이면 부합, 모두 불일치면 불일치, 그 밖에는 판단 보류.',
  },
  'flows-korea': {
    en: "Agrees when the region's basket beat the S&P 500 (SPY) over both 6 and 12 months (return difference > 0); disagrees when it lagged over both; otherwise inconclusive.",
    ko: '지역 바스켓이 6개월과 12개월 모두 S&P 500(SPY)보다 수익률이 높으면 부합, 모두 낮으면 불일치, 그 밖에는 판단 보류.',
  },
  'flows-japan': { en: '', ko: '' },
  'flows-india': { en: '', ko: '' },
};
CLAIM_RULES['flows-energy'] = CLAIM_RULES['flows-physical-ai'];
CLAIM_RULES['flows-japan'] = CLAIM_RULES['flows-korea'];
CLAIM_RULES['flows-india'] = CLAIM_RULES['flows-korea'];

const REGION_WORDS: Record<'korea' | 'japan' | 'india', Words> = {
  korea: { en: 'Korea', ko: '한국' },
  japan: { en: 'Japan', ko: '일본' },
  india: { en: 'India', ko: '인도' },
};

/** What a region basket's members stand in for (baskets.ts codes `region:…`). */
const STAND_IN_CODES: Record<string, Words> = {
  'region:korea': {
    en: 'one of two large caps standing in for the Korean market',
    ko: '한국 시장을 대신하는 대형주 2종목 중 하나',
  },
  'region:india': { en: 'ADR standing in for the Indian market', ko: '인도 시장을 대신하는 ADR' },
  'region:japan': {
    en: 'one company standing in for Japanese automation',
    ko: '일본 자동화를 대신하는 한 종목',
  },
};

/**
 * The basket a verdict rests on, in one line: "ISRG 20%*, TER 20%*, … vs S&P 500 (SPY); * stand-in: ISRG: US-listed
 * proxy …". Stand-ins are starred and each reason given once (members sharing one are listed together).
 */
export function basketText(item: Pick<ScoreItem, 'claim' | 'basket'>, lang: Lang): string {
  const ko = lang === 'ko';
  const b = item.basket;
  if (item.claim === 'flows-emerging')
    return ko
      ? '바스켓: 지역별 (아래 한국·일본·인도 각각의 바스켓)'
      : "baskets: one per region (Korea's, Japan's and India's, below)";
  if (b === null) return ko ? '바스켓 없음: 기록된 수치로 판정' : 'no basket: judged on recorded readings';
  if (b.members.length === 0) return ko ? '바스켓: 가격이 있는 종목 없음' : 'basket: no member with prices';
  if (b.unpriced) {
    const list = b.members.map((m) => m.symbol).join(', ');
    return ko
      ? `바스켓: ${list} 중 가격이 있는 종목이 없습니다 (--prices 또는 dispersion data update로 추가)`
      : `basket: none of ${list} has prices (add them with --prices or data update)`;
  }
  const members = b.members
    .map((m) => `${m.symbol} ${formatPct(m.weight, lang, false, 0)}${m.standIn ? '*' : ''}`)
    .join(', ');
  const byReason = new Map<string, string[]>();
  for (const m of b.members) {
    if (!m.standIn) continue;
    const reason =
      STAND_IN_CODES[m.standIn]?.[lang] ?? (lang === 'ko' && m.standInKo ? m.standInKo : m.standIn);
    byReason.set(reason, [...(byReason.get(reason) ?? []), m.symbol]);
  }
  const stand = [...byReason].map(([reason, symbols]) => `${symbols.join(', ')}: ${reason}`).join('; ');
  const vs = ko ? '— S&P 500 (SPY) 대비' : 'vs S&P 500 (SPY)';
  const est = b.estimate ? (ko ? ', 가격 비율 추정' : ', an estimate from price ratios') : '';
  const head = ko ? `바스켓: ${members} ${vs}${est}` : `basket: ${members} ${vs}${est}`;
  return stand ? `${head}; * ${ko ? '대용' : 'stand-in'}: ${stand}` : head;
}

/** A difference of two returns: "+11.2 pts" / "+11.2%p". */
export function formatPoints(x: number, lang: Lang): string {
  const n = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(x * 100);
  return lang === 'ko' ? `${n}%p` : `${n} pts`;
}

/** Billions of dollars: "$530B"; in Korean counted in 억 (10⁸), so $530B is 5,300억 달러. */
export function formatUsdBillions(x: number, lang: Lang): string {
  return lang === 'ko' ? `${formatNumber(x * 10, lang, 1)}억 달러` : `$${formatNumber(x, lang, 1)}B`;
}

/** The evidence sentence of a scorecard item, from its figures. */
export function evidenceText(item: ScoreItem, lang: Lang): string {
  const f = item.figures;
  const p = (k: string) => formatPct(f[k] as number, lang);
  const s = (k: string) => String(f[k]);
  const ko = lang === 'ko';
  switch (item.claim) {
    case 'concentration-falling': {
      if (item.reason === 'no-data')
        return ko
          ? '추정치 없음: Mag7 종목 또는 SPY에 기준일 근처 종가가 없습니다.'
          : 'No estimate: a Mag7 member or SPY has no close near the as-of date.';
      const anchor =
        f.anchorShare === undefined
          ? ''
          : ko
            ? ` 기준 기록 ${p('anchorShare')}(${s('anchorDate')}) 대비 ${formatPoints((f.share as number) - (f.anchorShare as number), lang)}.`
            : ` Since the anchor reading ${p('anchorShare')} (${s('anchorDate')}): ${formatPoints((f.share as number) - (f.anchorShare as number), lang)}.`;
      return ko
        ? `추정 Mag7 비중 ${p('share')}(${s('date')}), 6개월 전 ${p('share6m')}(${s('date6m')}), 12개월 전 ${p('share12m')}(${s('date12m')}).${anchor} 시가총액 데이터가 없어 가격 비율로 추정한 값입니다.`
        : `Estimated Mag7 share ${p('share')} on ${s('date')}, vs ${p('share6m')} on ${s('date6m')} (6 months) and ${p('share12m')} on ${s('date12m')} (12 months).${anchor} An estimate from price ratios: no market caps are bundled.`;
    }
    case 'valuations-contracting': {
      if (item.reason === 'no-data')
        return ko ? '에세이 P/E 기록이 없습니다.' : 'No P/E reading from the essay.';
      const essay = `${formatNumber(f.essay as number, lang)}x`;
      if (item.reason === 'no-user-reading')
        return ko
          ? `에세이 수치: Mag7 평균 PER ${essay}(${s('essayDate')}). 번들 P/E 데이터가 없고 이후 기록도 없습니다. 기록하려면: dispersion signals add mag7-avg-pe 값 --date YYYY-MM-DD`
          : `The essay's figure: Mag7 average P/E ${essay} (${s('essayDate')}). No P/E data is bundled and nothing has been recorded since. To record one: dispersion signals add mag7-avg-pe VALUE --date YYYY-MM-DD`;
      const latest = `${formatNumber(f.latest as number, lang)}x`;
      return ko
        ? `기록 ${latest}(${s('latestDate')}): 에세이 ${essay}(${s('essayDate')})${item.verdict === 'agrees' ? '보다 낮습니다' : '보다 낮지 않습니다'}.`
        : `Recorded ${latest} on ${s('latestDate')}: ${item.verdict === 'agrees' ? 'below' : 'not below'} the essay's ${essay} (${s('essayDate')}).`;
    }
    case 'capex-outrunning-revenue': {
      if (item.reason === 'no-data')
        return ko ? '에세이 설비투자·매출 기록이 없습니다.' : 'No capex or revenue reading from the essay.';
      const b = (k: string) => formatUsdBillions(f[k] as number, lang);
      const essay = ko
        ? `에세이: 설비투자 ${b('essayCapex')} 이상, 매출 ${b('essayRevenue')}, 격차 ${b('essayGap')}(${s('essayDate')})`
        : `The essay: capex at least ${b('essayCapex')} vs revenue ${b('essayRevenue')}, a gap of ${b('essayGap')} (${s('essayDate')})`;
      if (item.reason === 'no-user-reading')
        return ko
          ? `${essay}. 이후 기록이 없습니다. 기록하려면: dispersion signals add ai-capex 값 --date YYYY-MM-DD (또는 ai-revenue)`
          : `${essay}. Nothing recorded since. To record: dispersion signals add ai-capex VALUE --date YYYY-MM-DD (or ai-revenue)`;
      return ko
        ? `설비투자 ${b('capex')}(${s('capexDate')}), 매출 ${b('revenue')}(${s('revenueDate')}): 격차 ${b('gap')}, 에세이 격차 ${b('essayGap')}(${s('essayDate')})${item.verdict === 'agrees' ? '보다 큽니다' : '보다 크지 않습니다'}.`
        : `Capex ${b('capex')} (${s('capexDate')}) vs revenue ${b('revenue')} (${s('revenueDate')}): a gap of ${b('gap')}, ${item.verdict === 'agrees' ? 'wider than' : 'not wider than'} the essay's ${b('essayGap')} (capex at least ${b('essayCapex')} vs revenue ${b('essayRevenue')}, ${s('essayDate')}).`;
    }
    case 'flows-emerging': {
      const one = (r: 'korea' | 'japan' | 'india') => {
        const v = String(f[r]);
        const word = v === 'no-data' ? LABELS.noData[lang] : VERDICT_NAMES[v as Verdict][lang];
        const six = f[`${r}6m`];
        const pts =
          typeof six === 'number'
            ? ko
              ? ` (6개월 ${formatPoints(six, lang)})`
              : ` (${formatPoints(six, lang)} over 6 months)`
            : '';
        return `${REGION_WORDS[r][lang]} ${word}${pts}`;
      };
      const list = (['korea', 'japan', 'india'] as const).map(one).join(', ');
      return ko ? `지역별: ${list}.` : `Per region: ${list}.`;
    }
    default: {
      if (item.reason === 'no-data')
        return ko
          ? '6개월 또는 12개월 구간에 가격 데이터가 있는 종목이 없습니다.'
          : 'No member of the basket has prices over the 6- or 12-month window.';
      const r = (k: string) => formatPct(f[k] as number, lang, true);
      const d = (k: string) => formatPoints(f[k] as number, lang);
      return ko
        ? `6개월(${s('start6m')}~${s('end')}) 바스켓 ${r('basket6m')}, S&P 500 ${r('benchmark6m')}: ${d('excess6m')}. 12개월(${s('start12m')}~) 바스켓 ${r('basket12m')}, S&P 500 ${r('benchmark12m')}: ${d('excess12m')}.`
        : `6 months (${s('start6m')} to ${s('end')}): basket ${r('basket6m')} vs S&P 500 ${r('benchmark6m')}, ${d('excess6m')}. 12 months (from ${s('start12m')}): basket ${r('basket12m')} vs ${r('benchmark12m')}, ${d('excess12m')}.`;
    }
  }
}

export const DROP_REASONS: Record<DropReason, Words> = {
  'no-prices': { en: 'no price data (bundled or --prices)', ko: '가격 데이터 없음 (번들 또는 --prices)' },
  'no-close-at-start': { en: 'no close on or before the window start', ko: '구간 시작일 이전 종가 없음' },
  'stale-close': { en: 'last close is too old', ko: '마지막 종가가 너무 오래됨' },
  'unknown-currency': { en: 'listing currency unknown', ko: '상장 통화를 알 수 없음' },
  'no-fx-rate': { en: 'no FX rate to USD', ko: '달러 환율 없음' },
};

export function dropReason(reason: DropReason, date: string | undefined, lang: Lang): string {
  const base = DROP_REASONS[reason][lang];
  return date ? `${base} (${date})` : base;
}

export const BENCHMARK_NAMES: Record<'SPY' | 'MAG7', Words> = {
  SPY: { en: 'S&P 500 (SPY)', ko: 'S&P 500 (SPY)' },
  MAG7: { en: 'Mag7 (equal weight)', ko: 'Mag7 (동일가중)' },
};

export const REGION_NAMES: Record<'korea' | 'japan' | 'india', Words> = {
  korea: {
    en: 'Korea (Samsung Electronics, SK Hynix; KRW → USD)',
    ko: '한국 (삼성전자·SK하이닉스, 원화→달러)',
  },
  japan: { en: 'Japan', ko: '일본' },
  india: { en: 'India (Infosys, Wipro ADRs)', ko: '인도 (인포시스·위프로 ADR)' },
};

export const JAPAN_NO_DATA: Words = {
  en: 'no data: no Tokyo listing (1306.T TOPIX ETF, 6954.T Fanuc) or Japanese ADR is bundled; add one with --prices to measure it',
  ko: '데이터 없음: 도쿄 상장 종목(1306.T TOPIX ETF, 6954.T 화낙)이나 일본 ADR이 번들에 없습니다. --prices로 추가하세요',
};

export function basketName(sleeve: string, lang: Lang): string {
  return sleeveName(sleeve, lang);
}

export const SHARE_METHOD: Words = {
  en: 'ESTIMATE, not a measurement: no market caps are bundled. share(t) = share(t0) × (M(t)/M(t0)) / (S(t)/S(t0)), anchored on the latest mag7-sp500-share reading (t0); M = Mag7 cap-weighted price index with constant share counts, S = SPY closes. The essay gives no per-name caps, so the Mag7 weights at the anchor are assumed equal (1/7 each, GOOGL for Alphabet).',
  ko: '측정치가 아닌 추정치입니다: 번들에 시가총액 데이터가 없습니다. 비중(t) = 비중(t0) × (M(t)/M(t0)) / (S(t)/S(t0)), 기준은 최신 mag7-sp500-share 기록(t0). M = 주식 수 고정 Mag7 시가총액 가중 가격지수, S = SPY 종가. 에세이에 종목별 시가총액이 없어 기준일 Mag7 가중치를 동일(각 1/7, 알파벳은 GOOGL)로 가정합니다.',
};

export const LABELS = {
  title: { en: 'Is the Great Dispersion happening?', ko: '대분산은 실제로 일어나고 있는가?' },
  asOf: { en: 'as of', ko: '기준일' },
  priceNote: {
    en: 'Price returns in USD (dividends left out), KRW listings converted with the dated FX rate.',
    ko: '달러 기준 가격 수익률(배당 제외), 원화 종목은 해당 날짜 환율로 환산.',
  },
  scorecard: { en: 'Thesis scorecard', ko: '논지 점검표' },
  claim: { en: 'claim', ko: '주장' },
  verdict: { en: 'verdict', ko: '판정' },
  evidence: { en: 'evidence', ko: '근거' },
  rule: { en: 'rule', ko: '규칙' },
  relative: {
    en: 'Relative strength: basket return − benchmark return',
    ko: '상대 강도: 바스켓 수익률 − 벤치마크 수익률',
  },
  basket: { en: 'basket', ko: '바스켓' },
  versus: { en: 'vs', ko: '대비' },
  regions: { en: 'Regions against the US (S&P 500)', ko: '지역별 미국(S&P 500) 대비' },
  share: { en: 'Mag7 share of the S&P 500 (estimate)', ko: 'S&P 500 중 Mag7 비중 (추정)' },
  backcheck: { en: 'back-check', ko: '역검증' },
  readings: { en: 'Readings', ko: '기록된 수치' },
  dropped: { en: 'left out', ko: '제외' },
  noData: { en: 'no data', ko: '데이터 없음' },
  essay: { en: 'essay', ko: '에세이' },
  user: { en: 'recorded', ko: '사용자 기록' },
} satisfies Record<string, Words>;
