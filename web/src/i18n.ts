/** Dashboard wording in English and Korean. Sleeve and check names come from the same module the CLI uses. */
import { STALE_WARN_DAYS } from '../../src/core/staleness.ts';
import type { Lang } from '../../src/i18n/format.ts';

export { CHECK_NAMES, checkTitle, countryLabel, sleeveName } from '../../src/i18n/messages.ts';
export type { Lang };

const en = {
  title: 'Dispersion',
  tagline: 'Your portfolio against the Great Dispersion',
  overview: 'Overview',
  holdings: 'Holdings',
  rebalance: 'Rebalance',
  backtest: 'Backtest',
  journal: 'Journal',
  stress: 'Stress',
  signals: 'Signals',
  base: 'Base',
  asOf: 'As of',
  total: 'Total value',
  positions: 'positions',
  accounts: 'accounts',
  loadFile: 'Load holdings file',
  dropHere: 'Drop holdings files (CSV, .xlsx, broker exports, Ghostfolio JSON) here, one or several, or',
  choose: 'choose files',
  useSample: 'Back to the sample',
  showing: 'Showing',
  localOnly: 'Files are read by this local server only; nothing leaves your machine.',
  checklist: 'Checklist',
  pass: 'Pass',
  fail: 'Fail',
  threshold: 'threshold',
  sleeves: 'Sleeves against the model',
  weight: 'Weight',
  target: 'Target',
  band: 'band',
  drift: 'Drift',
  value: 'Value',
  countries: 'Countries',
  currencies: 'Currencies',
  unclassified: 'Unclassified holdings',
  unclassifiedHelp:
    'Not in the instrument universe, so not counted in any model sleeve. Add them with --universe FILE.',
  stale: 'Stale prices and rates',
  staleHelp: `These numbers are older than ${STALE_WARN_DAYS} trading days. Supply fresh closes with --prices DIR or dispersion data update.`,
  account: 'Account',
  symbol: 'Symbol',
  name: 'Name',
  sleeve: 'Sleeve',
  country: 'Country',
  quantity: 'Quantity',
  price: 'Price',
  priceDate: 'Price date',
  currency: 'Currency',
  filter: 'Filter',
  all: 'All',
  loading: 'Loading…',
  error: 'Error',
  expected: 'expected',
  disclaimer: 'Decision support, not investment advice. Everything is computed locally from the data shown.',
  warnings: 'Warnings',
  allocation: 'Allocation',
  /** A number of days (the days since the last rebalance). */
  days: (n: number) => `${n}d`,
  buy: 'Buy',
  sell: 'Sell',
  /** Under a holding's sleeve: the classification rule of data/classification.json that decided it. */
  byRule: (rule: string) => `by rule ${rule}`,
  /** Under a fund's name: what it holds, as counted. */
  fundMag7: (share: string, date: string) => `Mag7 ${share} of it · holdings as of ${date}`,
  noLookThrough: 'No look-through data: counted as a whole, Mag7 not counted',
  /** Above the table: the portfolio's Mag7 share and the part of it held through funds. */
  mag7Line: (total: string, through: string) =>
    `Mag7 ${total} of the portfolio, of which ${through} through funds`,
};

export type Strings = typeof en;

const ko: Strings = {
  title: 'Dispersion',
  tagline: '대분산 프레임워크로 보는 내 포트폴리오',
  overview: '개요',
  holdings: '보유 종목',
  rebalance: '리밸런싱',
  backtest: '백테스트',
  journal: '저널',
  stress: '스트레스',
  signals: '시그널',
  base: '기준통화',
  asOf: '기준일',
  total: '총평가액',
  positions: '종목',
  accounts: '계좌',
  loadFile: '보유 종목 파일 불러오기',
  dropHere:
    '보유 종목 파일(CSV, .xlsx, 증권사 내보내기, Ghostfolio JSON)을 하나 또는 여러 개 여기에 끌어다 놓거나',
  choose: '파일을 선택하세요 (여러 개 가능)',
  useSample: '샘플로 돌아가기',
  showing: '표시 중',
  localOnly: '파일은 이 컴퓨터의 로컬 서버만 읽습니다. 외부로 전송되지 않습니다.',
  checklist: '체크리스트',
  pass: '통과',
  fail: '미달',
  threshold: '기준',
  sleeves: '모델 대비 슬리브 비중',
  weight: '비중',
  target: '목표',
  band: '허용 범위',
  drift: '괴리',
  value: '평가액',
  countries: '국가별',
  currencies: '통화별',
  unclassified: '미분류 종목',
  unclassifiedHelp: '종목 유니버스에 없어 모델 슬리브에 포함되지 않았습니다. --universe FILE로 추가하세요.',
  stale: '오래된 가격·환율',
  staleHelp: `${STALE_WARN_DAYS}거래일보다 오래된 값입니다. --prices DIR 또는 dispersion data update로 최신 종가를 넣으세요.`,
  account: '계좌',
  symbol: '종목코드',
  name: '종목명',
  sleeve: '슬리브',
  country: '국가',
  quantity: '수량',
  price: '가격',
  priceDate: '가격일',
  currency: '통화',
  filter: '필터',
  all: '전체',
  loading: '불러오는 중…',
  error: '오류',
  expected: '필요한 값:',
  disclaimer:
    '투자 판단을 돕는 도구이며 투자 권유가 아닙니다. 모든 계산은 표시된 데이터로 이 컴퓨터에서 이루어집니다.',
  warnings: '주의',
  allocation: '자산 배분',
  days: (n: number) => `${n}일`,
  buy: '매수',
  sell: '매도',
  byRule: (rule: string) => `규칙 ${rule}로 분류`,
  fundMag7: (share: string, date: string) => `이 중 Mag7 ${share} · ${date} 기준 보유 종목`,
  noLookThrough: '구성 종목 자료 없음: 펀드 전체로 분류, Mag7 미반영',
  mag7Line: (total: string, through: string) => `포트폴리오의 Mag7 ${total}, 그중 펀드를 통한 몫 ${through}`,
};

export const STRINGS: Record<Lang, Strings> = { en, ko };

export function initialLang(): Lang {
  const saved = localStorage.getItem('dispersion.lang');
  if (saved === 'en' || saved === 'ko') return saved;
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
