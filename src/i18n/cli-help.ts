/**
 * The Korean help of every command: what `dispersion … --help` prints in Korean mode. The English stays where each
 * command registers it (src/cli/commands/*.ts); this table is laid over the registered program by src/cli/help-ko.ts
 * and is loaded only when the language is Korean, so English `--help` does not pay for it. Keys are exactly what
 * commander registers, so src/cli/help-ko.test.ts can walk the whole program and fail on a command, argument or
 * option without an entry here, and on an entry that no longer matches anything.
 */

/** One command's Korean words. */
export interface CommandHelpKo {
  /** The command's description (also its line in its parent's list of commands). */
  readonly description: string;
  /** Each argument's description, keyed by the argument's name (`holdings` for `<holdings...>`). */
  readonly arguments?: Readonly<Record<string, string>>;
  /** Each option's description, keyed by its flags exactly as registered (`--model <id|file>`). */
  readonly options?: Readonly<Record<string, string>>;
}

/** Commander's own words: section titles, the usage placeholders, the help option and command, the notes. */
export const HELP_WORDS_KO = {
  titles: {
    'Usage:': '사용법:',
    'Arguments:': '인자:',
    'Options:': '옵션:',
    'Global Options:': '전역 옵션:',
    'Commands:': '명령:',
  } as Readonly<Record<string, string>>,
  /** The words commander puts in a usage line and a command's term (`check [options] <holdings...>`). */
  usage: { '[options]': '[옵션]', '[command]': '[명령]' } as Readonly<Record<string, string>>,
  helpOption: '도움말 보기',
  helpCommand: '명령의 도움말 보기',
  /** The notes after a description: `(기본값: "USD")`, `(선택: "a", "b")`. */
  default: '기본값',
  choices: '선택',
  preset: '값 없이 쓰면',
  env: '환경 변수',
} as const;

// Descriptions several commands share word for word in English share them here too.
const LANG_REPORT = '보고서 언어 (기본값: LANG 환경 변수에 따름)';
const LANG_OUTPUT = '출력 언어 (기본값: LANG 환경 변수에 따름)';
const JSON_REPORT = '보고서 대신 JSON 문서 하나를 출력합니다';
const JSON_DOCUMENT = 'JSON 문서 하나를 출력합니다';
const MODEL = '모델 ID 또는 모델 JSON 파일';
const BASE = '평가 금액의 기준통화';
const AS_OF_VALUATION = '평가일 YYYY-MM-DD (기본값: 오늘)';
const DB_JOURNAL = '저널 데이터베이스 (기본값: 사용자별 저널)';
const DB_PRICE_CACHE = '가격 캐시를 읽을 저널 데이터베이스 (기본값: 사용자별 저널)';
const DB_CACHE = '캐시가 있는 저널 데이터베이스 (기본값: 사용자별 저널)';
const UNIVERSE = '추가 종목 (JSON, data/universe.json과 같은 형식)';
const FORCE_CSV = '--csv가 이미 있는 파일을 덮어쓰게 합니다';

/** The options of every holdings command (src/cli/commands/data-options.ts). */
const HOLDINGS_DATA = {
  '--format <name>': '자동 감지 대신 쓸 보유 종목 파일 형식 (README의 형식 표 참고)',
  '--prices <dir>': '가격 파일 폴더: <SYMBOL>.csv (date,close)와 fx/<AAABBB>.csv (date,rate)',
  '--universe <file>': UNIVERSE,
  '--rules <file>':
    'data/classification.json보다 먼저 적용할 분류 규칙 (같은 형식): 시장과 업종으로 슬리브와 국가를 정합니다',
  '--look-through <file>':
    '펀드 구성 종목 (JSON, data/lookthrough.json과 같은 형식): 펀드를 추가하고, 같은 번들 펀드는 대체합니다',
};

/** Every command by its path as a usage line names it (`dispersion data update`). */
export const CLI_HELP_KO: Readonly<Record<string, CommandHelpKo>> = {
  dispersion: {
    description:
      'Great Dispersion 프레임워크에 내 포트폴리오를 비추어 봅니다 (투자 판단 보조 도구이며 투자 권유가 아닙니다).',
    options: {
      '-V, --version': '버전 보기',
      '--tz <zone>':
        '"오늘"을 정하는 시간대 (기본값: 시스템 시간대), 예: Asia/Seoul (서울 09:00 전이면 UTC로는 아직 전날입니다)',
    },
  },
  'dispersion backtest': {
    description: '모델 배분이 과거에 SPY, QQQ, Mag7 집중 포트폴리오에 비해 어떤 성과를 냈을지 봅니다',
    options: {
      '--model <id|file>': `${MODEL} (기본값: great-dispersion-2026)`,
      '--weights <list>': '모델 대신 쓸 나의 비중, 예: NVDA=0.5,TSLA=0.3 (나머지는 현금)',
      '--from <date>': '첫날 YYYY-MM-DD (기본값: 모든 자산의 종가가 있는 첫날)',
      '--to <date>': '마지막 날 YYYY-MM-DD (기본값: 오늘 또는 마지막 종가일)',
      '--rebalance <how>':
        'monthly(매월), quarterly(분기마다), annual(매년), none(안 함), 또는 band:절대/상대 (예: band:0.05/0.25)',
      '--policy <weights|dispersion>':
        'weights: 목표 비중으로 되돌리는 매매, dispersion: 리밸런싱일마다 `dispersion rebalance`가 낼 주문',
      '--base <ccy>': '포트폴리오의 기준통화',
      '--price-only': '배당을 무시합니다 (기본값: 배당락일에 재투자)',
      '--whole-shares': '거래 단위에 맞춰 온주로 매수합니다 (기본값: 소수점 단위)',
      '--cost-bps <n>': '매매마다의 거래 비용 (bp 단위)',
      '--contribution <amount[/period]>': '기간마다 이 금액을 넣습니다 (음수면 인출), 예: 500/monthly',
      '--initial <amount>':
        '기준통화로 된 시작 금액 (기본값: 약 10,000 USD 상당: 10,000,000 KRW, 1,000,000 JPY, 10,000 USD/EUR/GBP/CHF)',
      '--benchmark <list>': '비교할 종목과 model:ID, 또는 "none"',
      '--risk-free <rate>': '샤프·소르티노 비율에 쓰는 연 무위험 수익률, 예: 0.03',
      '--prices <dir>': HOLDINGS_DATA['--prices <dir>'],
      '--universe <file>': UNIVERSE,
      '--db <file>': DB_PRICE_CACHE,
      '--json': JSON_REPORT,
      '--csv <file>': '포트폴리오와 벤치마크의 일별 가치를 CSV 파일로 씁니다',
      '--force': FORCE_CSV,
      '--lang <en|ko>': LANG_REPORT,
    },
  },
  'dispersion check': {
    description: '보유 종목을 모델 슬리브로 분류하고 체크리스트를 점검합니다',
    arguments: {
      holdings:
        '보유 종목 파일: CSV (UTF-8 또는 CP949), .xlsx, 증권사 내보내기 파일 (--format 참고) 또는 Ghostfolio JSON 내보내기',
    },
    options: {
      '--model <id|file>': MODEL,
      '--base <ccy>': BASE,
      '--as-of <date>': AS_OF_VALUATION,
      ...HOLDINGS_DATA,
      '--threshold <list>': '체크리스트 기준값 바꾸기, 예: mag7-max=0.4,regional-diversification=0.2',
      '--lang <en|ko>': LANG_REPORT,
      '--db <file>':
        '저널 데이터베이스: 가격 캐시 (data update로 받은 것)와 월간 리밸런싱 점검에 씁니다 (기본값: 사용자별 저널)',
      '--portfolio <name>': '저널에서 기록한 달을 셀 포트폴리오 (기본값: 계좌 이름들로 지은 이름)',
      '--json': JSON_REPORT,
    },
  },
  'dispersion data': {
    description: '최신 시장 데이터: 캐시로 받아 오고 상태를 점검합니다',
  },
  'dispersion data update': {
    description: '빠졌거나 오래된 가격과 환율을 캐시로 받아 옵니다 (네트워크: 지정한 제공자만)',
    options: {
      '--symbols <list>': '업데이트할 종목, 예: 005930.KS,NVDA,RR.L (기본값: 유니버스와 캐시의 종목)',
      '--holdings <file>': '이 보유 종목 파일에 있는 종목을 업데이트합니다',
      '--provider <list>': '우선순위 순서의 데이터 제공자: yahoo,fred',
      '--config <file>': 'JSON: {"providers": ["yahoo","fred"], "baseUrls": {"yahoo": URL, "fred": URL}}',
      '--db <file>': DB_CACHE,
      '--universe <file>': UNIVERSE,
      '--listings':
        '가격 대신 KRX 상장 목록 (모든 코드, 종목명, 시장, 업종)을 새로 받습니다. 오프라인이면 --from FILE을 주세요',
      '--from <file>':
        '--listings와 함께: KRX 상장 목록 파일 (code,market,name,industry; FinanceDataReader; 또는 KIND 상장법인목록 CSV)',
      '--json': '결과를 JSON으로 출력합니다',
    },
  },
  'dispersion data status': {
    description: '각 시계열의 첫날과 마지막 날, 출처, 오래된 정도, 분할로 보이는 급변과 빈 구간',
    options: {
      '--as-of <date>': '오래됨을 판정할 날짜 YYYY-MM-DD (기본값: 오늘)',
      '--symbols <list>': '이 종목만',
      '--holdings <file>': '이 보유 종목 파일에 있는 종목 (과 통화)만',
      '--prices <dir>': '나의 가격 폴더 (check와 같음)',
      '--db <file>': DB_CACHE,
      '--universe <file>': UNIVERSE,
      '--lang <en|ko>': '텍스트 보고서 언어 (기본값: LANG 환경 변수에 따름)',
      '--json': JSON_DOCUMENT,
    },
  },
  'dispersion rebalance': {
    description: '이번 달 주문: 계좌별 거래 단위 주문, 환전, 리밸런싱 전후 슬리브',
    arguments: { holdings: '보유 종목 파일: CSV (UTF-8 또는 CP949) 또는 Ghostfolio JSON 내보내기' },
    options: {
      '--model <id|file>': MODEL,
      '--base <ccy>': BASE,
      '--as-of <date>': '가격 기준일 YYYY-MM-DD (기본값: 오늘)',
      ...HOLDINGS_DATA,
      '--db <file>': DB_PRICE_CACHE,
      '--allow-stale':
        '종가나 환율이 10거래일보다 오래되어도 주문을 냅니다 (하나하나 주의 사항으로 알립니다)',
      '--mode <full|cash-only>': 'full: 매도와 매수, cash-only: 현금과 새 자금만 쓰고 아무것도 팔지 않습니다',
      '--band <abs[/rel]>': '목표 비중 둘레의 허용 범위, 예: 0.02 또는 0.05/0.25 (기본값: 모델의 범위)',
      '--cash <amount:ccy>':
        '투자할 새 자금, 예: 5,000,000:KRW (여러 번 쓰거나 목록으로: 5,000,000:KRW,1000:USD)',
      '--fractional': '증권사가 소수점 주식을 허용합니다: 거래 단위로 맞추지 않습니다',
      '--min-trade <amount:ccy>': '이 금액보다 작은 주문은 건너뜁니다, 예: 50,000:KRW',
      '--candidates <n>':
        '슬리브가 비어 있을 때 그 후보 중 몇 종목을 같은 금액으로 살지 (기본값: 모델에 정한 수, 없으면 3)',
      '--cost-bps <n>': '주문마다의 거래 비용 (수수료 + 스프레드), bp 단위, 예: 25',
      '--other <keep|reduce|sell>':
        '모델 밖 보유 종목: keep은 그대로 두고, reduce는 한도에 필요한 만큼만 팔고, sell은 모두 팝니다',
      '--transfers': '계좌 사이 자금 이동을 허용합니다 (기본값: 계좌마다 자기 매수 대금을 스스로 냅니다)',
      '--account-markets <name=markets>':
        '계좌가 보유한 시장 말고도 매수할 수 있는 시장, 예: "미국주식=US" 또는 "키움 위탁=KRX,US" (여러 번 쓸 수 있음)',
      '--accounts <file>': '계좌 파일 (JSON): 계좌마다 매수할 수 있는 시장 (--account-markets와 같음)',
      '--json': '주문표 대신 JSON 문서 하나를 출력합니다',
      '--csv <file>': '주문을 CSV로도 씁니다 (journal record --orders에 쓸 파일)',
      '--force': FORCE_CSV,
      '--lang <en|ko>': LANG_REPORT,
    },
  },
  'dispersion journal': {
    description: '월간 기록: 달마다 보유 종목, 체크리스트, 주문 (SQLite, 로컬)',
  },
  'dispersion journal record': {
    description: '점검을 실행하고 이번 달의 보유 종목, 체크리스트, 주문을 기록합니다',
    arguments: { holdings: '보유 종목 파일 (dispersion check와 같음)' },
    options: {
      '--orders <file>': '`dispersion rebalance --csv`가 쓰는 형식의 주문 CSV',
      '--executed': '주문을 실행했습니다 (주문이 없어도 리밸런싱한 달로 기록합니다)',
      '--note <text>': '이유: 슬리브가 허용 범위 밖인데 주문 없이 --executed로 기록할 때 필요합니다',
      '--portfolio <name>': '이 기록이 속한 포트폴리오 (기본값: 계좌 이름들로 지은 이름)',
      '--db <file>': '기록을 쓰고 가격 캐시를 읽을 저널 데이터베이스 (기본값: 사용자별 저널)',
      '--model <id|file>': MODEL,
      '--base <ccy>': BASE,
      '--as-of <date>': AS_OF_VALUATION,
      '--prices <dir>': '가격 파일 폴더 (dispersion check와 같음)',
      '--universe <file>': '추가 종목 (JSON)',
      '--threshold <list>': '체크리스트 기준값 바꾸기 (dispersion check와 같음)',
      '--lang <en|ko>': LANG_OUTPUT,
      '--json': JSON_DOCUMENT,
    },
  },
  'dispersion journal list': {
    description: '기록된 달 목록 (포트폴리오별)',
    options: {
      '--db <file>': DB_JOURNAL,
      '--portfolio <name>': '이 포트폴리오의 달만',
      '--lang <en|ko>': LANG_OUTPUT,
      '--json': JSON_DOCUMENT,
    },
  },
  'dispersion journal show': {
    description: '한 달의 기록: 보유 종목, 체크리스트, 주문',
    arguments: { month: 'YYYY-MM, 또는 그 달의 아무 날짜' },
    options: {
      '--db <file>': DB_JOURNAL,
      '--portfolio <name>': '어느 포트폴리오의 달인지 (여러 포트폴리오가 그 달을 기록했을 때 필요)',
      '--lang <en|ko>': LANG_OUTPUT,
      '--json': JSON_DOCUMENT,
    },
  },
  'dispersion plan': {
    description: '월간 리밸런싱일 (매월 첫 거래일)을 출력하거나 .ics 캘린더로 씁니다',
    options: {
      '--months <n>': '몇 달을 보여 줄지',
      '--from <date>': '고려할 첫날 YYYY-MM-DD (기본값: 오늘)',
      '--ics <file>': '캘린더 앱에 가져올 iCalendar 파일을 씁니다',
      '--force': '--ics 파일이 이미 있으면 덮어씁니다',
      '--lang <en|ko>': '캘린더 일정의 언어 (기본값: LANG 환경 변수에 따름)',
      '--json': JSON_DOCUMENT,
    },
  },
  'dispersion serve': {
    description: '로컬 대시보드를 엽니다 (기본으로 127.0.0.1에만 바인드합니다)',
    options: {
      '--holdings <files...>': '보여 줄 보유 종목 파일 (기본값: 번들 예시)',
      '--port <n>': '포트',
      '--host <host>': '바인드할 주소. 127.0.0.1이 아니면 보유 종목이 네트워크에 드러납니다',
      '--db <file>': '저널 데이터베이스',
      '--prices <dir>': '가격 폴더 (check와 같음)',
      '--as-of <date>': '평가일 (기본값: 오늘)',
      '--base <ccy>': '기준통화',
      '--model <id|file>': '모델 ID 또는 파일',
      '--universe <file>': '추가 종목',
    },
  },
  'dispersion stress': {
    description: 'AI 버블, 보호무역, 지정학 시나리오와 과거 폭락이 내 포트폴리오에 어떤 영향을 줄지 봅니다',
    arguments: { holdings: '보유 종목 파일: CSV (UTF-8 또는 CP949) 또는 Ghostfolio JSON 내보내기' },
    options: {
      '--scenario <list>':
        '쉼표로 구분한 시나리오 ID (ai-bubble, protectionism, geopolitical, dotcom, gfc, covid, rates-2022), 시나리오 JSON 파일, 또는 "all"',
      '--window <from:to>': '직접 고른 과거 구간을 재생합니다 YYYY-MM-DD:YYYY-MM-DD (여러 번 쓸 수 있음)',
      '--model <id|file>': `${MODEL} (슬리브 대용 종목용)`,
      '--base <ccy>': BASE,
      '--as-of <date>': AS_OF_VALUATION,
      ...HOLDINGS_DATA,
      '--db <file>': DB_PRICE_CACHE,
      '--lang <en|ko>': LANG_REPORT,
      '--json': JSON_REPORT,
    },
  },
  'dispersion signals': {
    description: 'Great Dispersion이 일어나고 있을까? 가격과 지표에서 읽은 신호, 그리고 논지 점검표',
    options: {
      '--as-of <date>': 'YYYY-MM-DD (기본값: 오늘이나 그 전의 가장 최근 S&P 500 종가일)',
      '--model <id|file>': '슬리브 바스켓을 잴 모델',
      '--prices <dir>': '가격 파일 폴더: <SYMBOL>.csv와 fx/<AAABBB>.csv',
      '--universe <file>': UNIVERSE,
      '--db <file>': '저널 데이터베이스: 기록한 지표 값과 가격 캐시 (기본값: 사용자별 저널)',
      '--lang <en|ko>': LANG_REPORT,
      '--json': JSON_REPORT,
      '--series': '--json과 함께: 각 신호를 계산한 일별 시계열도 넣습니다 (차트용)',
    },
  },
  'dispersion signals add': {
    description: '신호의 새 지표 값을 저널에 기록합니다 (예: 이번 달 Mag7 평균 PER)',
    arguments: {
      id: '지표 ID, 예: mag7-avg-pe, mag7-sp500-share, ai-capex (`signals list` 참고)',
      value: '지표 단위로 쓴 숫자 (28.5%는 28.5, 31배는 31, 5,300억 달러는 530)',
    },
    options: {
      '--date <date>': '그 수치의 기준일, YYYY-MM-DD',
      '--source <text>': '수치의 출처',
      '--db <file>': DB_JOURNAL,
    },
  },
  'dispersion signals remove': {
    description: '`signals add`로 기록한 지표 값을 지웁니다 (에세이의 번들 값은 그대로 남습니다)',
    arguments: { id: '지표 ID, 예: mag7-avg-pe' },
    options: {
      '--date <date>': '지울 값의 날짜, YYYY-MM-DD',
      '--source <text>': '이 출처의 값만 (기본값: 그날의 모든 출처)',
      '--db <file>': DB_JOURNAL,
    },
  },
  'dispersion signals list': {
    description: '지표 값 목록: 에세이의 값 (번들)과 저널에 기록한 값',
    options: {
      '--db <file>': DB_JOURNAL,
      '--lang <en|ko>': '언어 (기본값: LANG 환경 변수에 따름)',
      '--json': 'JSON으로 출력합니다',
    },
  },
};
