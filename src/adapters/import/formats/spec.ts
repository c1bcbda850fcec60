/**
 * The named broker formats: how each one's header reads, which column is which, and what its rows mean. A format is
 * recognised by its signature (header cells that must all be present, compared as `headerKey` gives them); when two
 * match, the longer signature wins, so Schwab's transaction history is never taken for a generic holdings file.
 *
 * Every layout here was copied from a public parser or fixture of the broker's real export (the fixture under
 * test/fixtures/import/formats/ names its source); none is guessed from the broker's name.
 */
import type { CurrencyCode } from '../../../core/currency.ts';
import type { TransactionKind } from '../../../core/transactions.ts';
import type { DateOrder } from './cells.ts';

/** `--format` names that choose a generic reading rather than a named layout. */
export const GENERIC_FORMATS = ['csv', 'transactions', 'snapshots'] as const;

export type FileKind = 'holdings' | 'transactions' | 'snapshots';

export type Role =
  | 'symbol'
  | 'name'
  | 'quantity'
  | 'account'
  | 'currency'
  | 'price'
  | 'value'
  | 'date'
  | 'action'
  | 'isin'
  /** A column saying domestic or overseas (Mirae's 유형: 주식 / 해외주식). */
  | 'market'
  /** IBKR's asset class (STK, Stocks, OPT…). */
  | 'assetClass'
  /** IBKR Activity Statement's DataDiscriminator (Summary / Lot). */
  | 'discriminator'
  /** Separate bought and sold quantities on one row (KIS 매매일자 report: 매수수량, 매도수량). */
  | 'bought'
  | 'sold'
  /** NH c8201's 미결제수량: the part of the balance bought or sold but not yet settled. */
  | 'unsettled'
  /** NH c8201's 신용코드 and 대출일: a balance bought on credit or held against a loan. */
  | 'creditCode'
  | 'loanDate';

export interface FormatSpec {
  id: string;
  label: string;
  labelKo: string;
  kind: FileKind;
  /** Header cells that must all be present; an inner array is "any one of these". */
  signature: readonly (string | readonly string[])[];
  columns: Partial<Record<Role, readonly string[]>>;
  /** Currency of cash rows (and of securities when the file has no currency column and `securitiesIn` says so). */
  currency?: CurrencyCode;
  dateOrder?: DateOrder;
  decimalComma?: boolean;
  /** The symbol column holds names only (Mirae, Samsung): resolve names to codes. */
  namesOnly?: boolean;
  /** Action words of this format (normalised lower-case) beyond the shared vocabulary. */
  actions?: Readonly<Record<string, TransactionKind>>;
  /** Action prefixes (Fidelity writes `YOU BOUGHT APPLE INC (AAPL)`). */
  actionPrefixes?: readonly (readonly [string, TransactionKind])[];
  /** IBKR Activity Statement: the section whose rows are the table (`Open Positions`). */
  section?: string;
  /** IBKR Activity Statement: the section that holds the cash per currency (`Forex Balances`: Currency, Quantity). */
  cashSection?: string;
  /** The file has no action column; the quantity's sign says bought or sold (Degiro transactions). */
  signedTrades?: boolean;
  /** Values of the `market` column that mean an overseas listing in USD. */
  overseas?: readonly string[];
  /** A lone text line right above a header names the account of the block below it (Schwab "all accounts"). */
  blockTitles?: boolean;
  /** The value sits in the unnamed column right after the currency column (Degiro: `Local value,,`). */
  valueAfterCurrency?: boolean;
  /**
   * The account's cash as a record of its own beside the grid (NH c8201's OutBlock: a header row with 예수금 and a
   * value row under it): `cash` is the deposit's column, `settled` the one after settlement (D2예수금).
   */
  cashBlock?: { cash: readonly string[]; settled: readonly string[] };
  /** Where the layout was copied from (for the README table and the fixture). */
  source: string;
}

const SYMBOL = ['symbol', 'ticker', 'code', '종목코드', '종목번호'];
const QUANTITY = ['quantity', 'qty', 'shares', 'units', '수량', '보유수량', '잔고수량'];

/** Share-moving words every format understands (compared lower-case, trimmed). */
export const SHARED_ACTIONS: Readonly<Record<string, TransactionKind>> = {
  buy: 'buy',
  bought: 'buy',
  purchase: 'buy',
  'market buy': 'buy',
  'limit buy': 'buy',
  'stop buy': 'buy',
  매수: 'buy',
  장내매수: 'buy',
  매수체결: 'buy',
  sell: 'sell',
  sold: 'sell',
  sale: 'sell',
  'market sell': 'sell',
  'limit sell': 'sell',
  'stop sell': 'sell',
  매도: 'sell',
  장내매도: 'sell',
  매도체결: 'sell',
  reinvest: 'reinvest',
  'reinvest shares': 'reinvest',
  reinvestment: 'reinvest',
  drip: 'reinvest',
  'transfer in': 'transfer-in',
  'shares in': 'transfer-in',
  입고: 'transfer-in',
  'transfer out': 'transfer-out',
  'shares out': 'transfer-out',
  출고: 'transfer-out',
  split: 'split-shares',
  'stock split': 'split-shares',
  'forward split': 'split-shares',
  액면분할: 'split-shares',
  dividend: 'dividend',
  'cash dividend': 'dividend',
  'qualified dividend': 'dividend',
  'non-qualified div': 'dividend',
  'special dividend': 'dividend',
  'reinvest dividend': 'dividend',
  'pr yr cash div': 'dividend',
  'dividend (ordinary)': 'dividend',
  'dividend (dividend)': 'dividend',
  'dividend (dividends paid by us corporations)': 'dividend',
  배당: 'dividend',
  배당금: 'dividend',
  현금배당: 'dividend',
  배당금입금: 'dividend',
  fee: 'fee',
  fees: 'fee',
  commission: 'fee',
  'adr mgmt fee': 'fee',
  'service fee': 'fee',
  수수료: 'fee',
  interest: 'interest',
  'bank interest': 'interest',
  'credit interest': 'interest',
  'interest on cash': 'interest',
  'margin interest': 'interest',
  이자: 'interest',
  deposit: 'cash',
  withdrawal: 'cash',
  'wire funds': 'cash',
  'wire received': 'cash',
  'moneylink transfer': 'cash',
  'moneylink deposit': 'cash',
  'funds received': 'cash',
  journal: 'cash',
  'currency conversion': 'cash',
  입금: 'cash',
  출금: 'cash',
  liability: 'other',
  item: 'other',
};

export const FORMATS: readonly FormatSpec[] = [
  // ── Korea ──────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'kiwoom-opw00018',
    label: 'Kiwoom OpenAPI opw00018 (계좌평가잔고내역)',
    labelKo: '키움 OpenAPI opw00018 (계좌평가잔고내역)',
    kind: 'holdings',
    signature: ['종목번호', '종목명', '보유수량', '매매가능수량', '현재가'],
    columns: {
      symbol: ['종목번호'],
      name: ['종목명'],
      quantity: ['보유수량'],
      price: ['현재가'],
      value: ['평가금액'],
    },
    currency: 'KRW',
    source: 'KOA Studio TR opw00018 멀티데이터 필드 (pykiwoom examples, sharebook-kr/pykiwoom)',
  },
  {
    id: 'kiwoom-kt00018',
    label: 'Kiwoom REST kt00018 (acnt_evlt_remn_indv_tot)',
    labelKo: '키움 REST API kt00018 (계좌평가잔고내역)',
    kind: 'holdings',
    signature: ['stk_cd', 'stk_nm', 'rmnd_qty'],
    columns: {
      symbol: ['stk_cd'],
      name: ['stk_nm'],
      quantity: ['rmnd_qty'],
      price: ['cur_prc'],
      value: ['evlt_amt'],
    },
    currency: 'KRW',
    source: 'Kiwoom REST API kt00018 response fields (acnt_evlt_remn_indv_tot), as in public clients',
  },
  {
    id: 'kiwoom-hts',
    label: 'Kiwoom HTS grid (영웅문 계좌평가잔고)',
    labelKo: '키움 영웅문 HTS 잔고 화면 저장',
    kind: 'holdings',
    signature: ['종목코드', '종목명', '보유수량', '가능수량', '매입가', '현재가'],
    columns: {
      symbol: ['종목코드'],
      name: ['종목명'],
      quantity: ['보유수량'],
      price: ['현재가'],
      value: ['평가금액'],
    },
    currency: 'KRW',
    source: 'Kiwoom HTS [0391] 계좌평가잔고 grid as saved to Excel (column names as in opw00018)',
  },
  {
    id: 'kis',
    label: 'Korea Investment & Securities (KIS) balance (상품번호)',
    labelKo: '한국투자증권 잔고 (상품번호)',
    kind: 'holdings',
    signature: ['상품번호', '상품명', '보유수량'],
    columns: {
      symbol: ['상품번호'],
      name: ['상품명'],
      quantity: ['보유수량'],
      price: ['현재가'],
      value: ['평가금액'],
    },
    currency: 'KRW',
    source:
      'KIS Open API inquire-balance output1 (pdno 상품번호, prdt_name 상품명, hldg_qty 보유수량, prpr 현재가, evlu_amt 평가금액)',
  },
  {
    id: 'kis-trades',
    label: 'Korea Investment & Securities trades by day (매매일자, 매수수량, 매도수량)',
    labelKo: '한국투자증권 기간별 매매내역 (매매일자, 매수수량, 매도수량)',
    kind: 'transactions',
    signature: ['매매일자', '종목코드', '매수수량', '매도수량'],
    columns: {
      date: ['매매일자'],
      symbol: ['종목코드'],
      name: ['종목명'],
      bought: ['매수수량'],
      sold: ['매도수량'],
    },
    currency: 'KRW',
    dateOrder: 'ymd',
    source:
      'KIS domestic trades CSV: 매매일자|종목명|종목코드|구분|대출일자|보유수량|매입단가|매수수량|매도단가|매도수량|매수금액|매도금액|실현손익|손익률|수수료|이자|제세금 (a public KIS CSV parser)',
  },
  {
    id: 'mirae',
    label: 'Mirae Asset holdings (유형, 보유량)',
    labelKo: '미래에셋증권 보유종목',
    kind: 'holdings',
    signature: ['유형', '종목명', '보유량', '주문가능'],
    columns: {
      symbol: ['종목명'],
      name: ['종목명'],
      quantity: ['보유량'],
      price: ['현재가'],
      value: ['평가금액'],
      market: ['유형'],
    },
    currency: 'KRW',
    namesOnly: true,
    overseas: ['해외주식'],
    source:
      'Mirae Asset general-account Excel export: 유형|종목명|종목구분|보유량|주문가능|평균단가|매입금액|현재가|평가금액|평가손익|수익률',
  },
  {
    id: 'mirae-irp',
    label: 'Mirae Asset pension (IRP) holdings (보유량, 운용비율)',
    labelKo: '미래에셋증권 IRP 보유종목',
    kind: 'holdings',
    signature: ['종목명', '보유량', '매입금액', '평가금액', '운용비율'],
    columns: {
      symbol: ['종목명'],
      name: ['종목명'],
      quantity: ['보유량'],
      value: ['평가금액'],
    },
    currency: 'KRW',
    namesOnly: true,
    source:
      'Mirae Asset IRP (pension) Excel export: 종목명|보유량|매입금액|평가금액|평가손익|수익률|운용비율 (no code, no price column; a public holdings-Excel parser)',
  },
  {
    id: 'samsung',
    label: 'Samsung Securities holdings (계좌번호, 계좌유형, 잔고수량)',
    labelKo: '삼성증권 잔고',
    kind: 'holdings',
    signature: ['계좌번호', '계좌유형', '종목명', '잔고수량'],
    columns: {
      account: ['계좌번호'],
      symbol: ['종목명'],
      name: ['종목명'],
      quantity: ['잔고수량'],
      price: ['현재가'],
      value: ['평가금액'],
    },
    currency: 'KRW',
    namesOnly: true,
    source:
      'Samsung Securities Excel export: 계좌번호|계좌유형|종목명|구분|잔고수량|매수단가|현재가|평가금액|매수금액|평가손익|수익률',
  },
  {
    id: 'hanwha',
    label: 'Hanwha Investment & Securities, domestic (잔고비중, 신용구분)',
    labelKo: '한화투자증권 국내 잔고',
    kind: 'holdings',
    signature: ['종목명', '보유수량', '잔고비중(%)', '신용구분', '종목코드'],
    columns: {
      symbol: ['종목코드'],
      name: ['종목명'],
      quantity: ['보유수량'],
      price: ['현재가'],
      value: ['평가금액'],
    },
    currency: 'KRW',
    source:
      'Hanwha domestic Excel export: ·|·|종목명|보유수량|매입단가|평가손익|수익률|현재가|평가금액|매입금액|잔고비중(%)|신용구분|종목코드',
  },
  {
    id: 'hanwha-overseas',
    label: 'Hanwha Investment & Securities, overseas (결제보유수량)',
    labelKo: '한화투자증권 해외 잔고 (결제보유수량)',
    kind: 'holdings',
    signature: ['종목명', '결제보유수량', '종목코드', '통화'],
    columns: {
      symbol: ['종목코드'],
      name: ['종목명'],
      quantity: ['결제보유수량'],
      currency: ['통화'],
    },
    source:
      'Hanwha overseas Excel export: 구분|종목명|결제보유수량|매입단가|매입금액|현재가|평가금액|평가손익|수익률|종목코드|기준환율|통화|거래국가|거래시장 (prices in KRW, so not kept)',
  },
  {
    id: 'nh',
    label: 'NH Investment & Securities (나무/QV) c8201 stock balance',
    labelKo: 'NH투자증권 (나무/QV) c8201 주식잔고조회',
    kind: 'holdings',
    // The grid's Korean labels or its field names (trio_ord.h), whichever the saved file has as its header.
    signature: [
      ['종목번호', 'issue_codez6'],
      ['잔고유형', 'bal_typez6'],
      ['잔고수량', 'bal_qtyz16'],
      ['미결제수량', 'unstl_qtyz16'],
      ['신용코드', 'mrgn_codez4'],
    ],
    columns: {
      symbol: ['종목번호', 'issue_codez6'],
      name: ['종목명', 'issue_namez40'],
      // 잔고수량, not 잔량 (jan_qtyz16: what is left to order against once open orders are counted).
      quantity: ['잔고수량', 'bal_qtyz16'],
      price: ['현재가', 'prsnt_pricez16'],
      value: ['평가금액', 'ass_amtz16'],
      unsettled: ['미결제수량', 'unstl_qtyz16'],
      creditCode: ['신용코드', 'mrgn_codez4'],
      loanDate: ['대출일', 'loan_datez10'],
    },
    currency: 'KRW',
    cashBlock: { cash: ['예수금', 'dpsit_amtz16'], settled: ['d2예수금', 'dpsit_amtz_d2_16'] },
    source:
      'NH OpenAPI (WMCA) TR c8201 주식잔고조회, trio_ord.h: OutBlock1 종목번호 issue_codez6|종목명 issue_namez40|잔고유형 bal_typez6|대출일 loan_datez10|잔고수량 bal_qtyz16|미결제수량 unstl_qtyz16|평균매입가 slby_amtz16|현재가 prsnt_pricez16|손익(천원) lsnpf_amtz16|손익율 earn_ratez9|신용코드 mrgn_codez4|잔량 jan_qtyz16|만기일 expr_datez10|평가금액 ass_amtz16|증거금율 issue_mgamt_ratez6|매도매입금 medo_slby_amtz16|매도손익 post_lsnpf_amtz16; OutBlock 예수금 dpsit_amtz16 … D2예수금 dpsit_amtz_d2_16 (odumag99/pynamuh structures/ord/c8201.py)',
  },
  // ── United States ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'schwab-positions',
    label: 'Charles Schwab positions (2021 headers)',
    labelKo: '찰스 슈왑 보유종목 (2021년 헤더)',
    kind: 'holdings',
    signature: ['symbol', 'description', 'quantity', 'market value', 'security type'],
    columns: {
      symbol: ['symbol'],
      name: ['description'],
      quantity: ['quantity'],
      price: ['price'],
      value: ['market value'],
    },
    currency: 'USD',
    blockTitles: true,
    source:
      'Schwab "Positions for account … as of …" CSV (beancount_reds_importers schwab_csv_positions; portopt parser)',
  },
  {
    id: 'schwab-positions-2025',
    label: 'Charles Schwab positions (2025 headers, Qty (Quantity))',
    labelKo: '찰스 슈왑 보유종목 (2025년 헤더)',
    kind: 'holdings',
    signature: ['symbol', 'description', 'qty (quantity)', 'mkt val (market value)'],
    columns: {
      symbol: ['symbol'],
      name: ['description'],
      quantity: ['qty (quantity)'],
      price: ['price'],
      value: ['mkt val (market value)'],
    },
    currency: 'USD',
    blockTitles: true,
    source: 'Schwab positions CSV, 2025 header (vroonhof/opensteuerauszug importers/schwab/formats.md)',
  },
  {
    id: 'schwab-transactions',
    label: 'Charles Schwab transaction history',
    labelKo: '찰스 슈왑 거래내역',
    kind: 'transactions',
    signature: [
      'date',
      'action',
      'symbol',
      'description',
      'quantity',
      'price',
      ['fees & comm', 'fees & commissions'],
      'amount',
    ],
    columns: {
      date: ['date'],
      action: ['action'],
      symbol: ['symbol'],
      name: ['description'],
      quantity: ['quantity'],
      price: ['price'],
    },
    currency: 'USD',
    dateOrder: 'mdy',
    actions: { 'journaled shares': 'trade', 'stock split': 'split-shares', 'internal transfer': 'trade' },
    source:
      'Schwab transactions CSV: Date|Action|Symbol|Description|Quantity|Price|Fees & Comm|Amount (dickwolff/Export-To-Ghostfolio SchwabRecord)',
  },
  {
    id: 'fidelity-positions',
    label: 'Fidelity positions',
    labelKo: '피델리티 보유종목',
    kind: 'holdings',
    signature: [
      'account number',
      'account name',
      'symbol',
      'description',
      'quantity',
      'last price',
      'current value',
    ],
    columns: {
      account: ['account name'],
      symbol: ['symbol'],
      name: ['description'],
      quantity: ['quantity'],
      price: ['last price'],
      value: ['current value'],
    },
    currency: 'USD',
    source:
      'Fidelity Portfolio_Positions CSV: Account Number|Account Name|Symbol|Description|Quantity|Last Price|…|Current Value|…, disclaimer footer',
  },
  {
    id: 'fidelity-history',
    label: 'Fidelity account history',
    labelKo: '피델리티 거래내역',
    kind: 'transactions',
    signature: ['run date', 'action', 'symbol', 'quantity', ['amount ($)', 'amount']],
    columns: {
      date: ['run date'],
      action: ['action'],
      symbol: ['symbol'],
      name: ['description'],
      quantity: ['quantity'],
      price: ['price ($)', 'price'],
      account: ['account'],
    },
    currency: 'USD',
    dateOrder: 'mdy',
    actionPrefixes: [
      ['you bought', 'buy'],
      ['you sold', 'sell'],
      ['reinvestment', 'reinvest'],
      ['dividend received', 'dividend'],
      ['interest earned', 'interest'],
      ['transfer of assets', 'trade'],
      ['electronic funds transfer', 'cash'],
      ['direct deposit', 'cash'],
      ['fee charged', 'fee'],
    ],
    source:
      'Fidelity History_for_Account CSV: Run Date|Action|Symbol|Description|Type|Quantity|Price ($)|Commission ($)|Fees ($)|Accrued Interest ($)|Amount ($)|Settlement Date',
  },
  {
    id: 'vanguard',
    label: 'Vanguard holdings (OfxDownload.csv, first section)',
    labelKo: '뱅가드 보유종목',
    kind: 'holdings',
    signature: ['account number', 'investment name', 'symbol', 'shares', 'share price', 'total value'],
    columns: {
      account: ['account number'],
      symbol: ['symbol'],
      name: ['investment name'],
      quantity: ['shares'],
      price: ['share price'],
      value: ['total value'],
    },
    currency: 'USD',
    source:
      'Vanguard OfxDownload.csv: holdings block, blank lines, then the transactions block (its own header)',
  },
  {
    id: 'etrade',
    label: 'E*TRADE portfolio download (Qty #)',
    labelKo: 'E*TRADE 포트폴리오 (Qty #)',
    kind: 'holdings',
    signature: ['symbol', 'last price $', 'qty #', 'value $'],
    columns: {
      symbol: ['symbol'],
      quantity: ['qty #'],
      price: ['last price $'],
      value: ['value $'],
    },
    currency: 'USD',
    source:
      'E*TRADE PortfolioDownload.csv: account summary lines, then Symbol|Last Price $|Change $|Change %|Qty #|Price Paid $|…|Value $, CASH and TOTAL rows',
  },
  {
    id: 'ibkr-flex-positions',
    label: 'Interactive Brokers Flex Query, open positions',
    labelKo: '인터랙티브 브로커스 Flex 보유종목',
    kind: 'holdings',
    signature: ['clientaccountid', 'currencyprimary', 'symbol', 'quantity', ['markprice', 'positionvalue']],
    columns: {
      account: ['clientaccountid'],
      currency: ['currencyprimary'],
      symbol: ['symbol'],
      name: ['description'],
      quantity: ['quantity'],
      price: ['markprice'],
      value: ['positionvalue'],
      assetClass: ['assetclass'],
    },
    source: 'IBKR Flex Query "Open Positions" CSV (tfiala/ibkr-flex-statement-rs field list)',
  },
  {
    id: 'ibkr-flex-trades',
    label: 'Interactive Brokers Flex Query, trades',
    labelKo: '인터랙티브 브로커스 Flex 거래내역',
    kind: 'transactions',
    signature: ['symbol', 'tradedate', 'quantity', 'buy/sell'],
    columns: {
      account: ['clientaccountid'],
      currency: ['currencyprimary'],
      symbol: ['symbol'],
      name: ['description'],
      date: ['tradedate'],
      action: ['buy/sell'],
      quantity: ['quantity'],
      price: ['tradeprice'],
      assetClass: ['assetclass'],
    },
    dateOrder: 'ymd',
    actions: { 'buy (ca.)': 'buy', 'sell (ca.)': 'sell' },
    source: 'IBKR Flex Query trades CSV (ghostfolio/ghostfolio test/import/ok/vti-buy-on-ibkr.csv)',
  },
  {
    id: 'ibkr-activity',
    label: 'Interactive Brokers Activity Statement (Open Positions section)',
    labelKo: '인터랙티브 브로커스 활동 명세서 (Open Positions)',
    kind: 'holdings',
    signature: ['open positions', 'header', 'asset category', 'currency', 'symbol', 'quantity'],
    columns: {
      currency: ['currency'],
      symbol: ['symbol'],
      quantity: ['quantity'],
      price: ['close price'],
      value: ['value'],
      assetClass: ['asset category'],
      discriminator: ['datadiscriminator'],
    },
    section: 'Open Positions',
    cashSection: 'Forex Balances',
    source:
      'IBKR Activity Statement CSV: Section|Header/Data/Total|… rows; Open Positions: DataDiscriminator|Asset Category|Currency|Symbol|Quantity|Mult|Cost Price|Cost Basis|Close Price|Value|Unrealized P/L|Code',
  },
  // ── Europe ─────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'degiro-portfolio',
    label: 'Degiro portfolio (Portfolio.csv)',
    labelKo: '디지로 포트폴리오',
    kind: 'holdings',
    signature: [
      'product',
      ['symbol/isin', 'symbool/isin'],
      ['amount', 'aantal', 'quantity'],
      ['closing', 'slotkoers'],
    ],
    columns: {
      name: ['product'],
      isin: ['symbol/isin', 'symbool/isin'],
      quantity: ['amount', 'aantal', 'quantity'],
      price: ['closing', 'slotkoers'],
      currency: ['local value', 'lokale waarde'],
    },
    decimalComma: true,
    valueAfterCurrency: true,
    source:
      'Degiro Portfolio.csv: Product|Symbol/ISIN|Amount|Closing|Local value||Value in EUR, decimal commas, CASH & CASH FUND row',
  },
  {
    id: 'degiro-transactions',
    label: 'Degiro transactions (Transactions.csv)',
    labelKo: '디지로 거래내역',
    kind: 'transactions',
    signature: ['date', 'product', 'isin', ['reference exchange', 'venue'], 'quantity'],
    columns: { date: ['date'], name: ['product'], isin: ['isin'], quantity: ['quantity'], price: ['price'] },
    dateOrder: 'dmy',
    decimalComma: true,
    signedTrades: true,
    source: 'Degiro Transactions.csv: Date|Time|Product|ISIN|Reference exchange|Venue|Quantity|Price|…',
  },
  {
    id: 'trading212',
    label: 'Trading 212 history export',
    labelKo: '트레이딩 212 거래내역',
    kind: 'transactions',
    signature: ['action', 'time', 'isin', 'ticker', 'no. of shares'],
    columns: {
      action: ['action'],
      date: ['time'],
      isin: ['isin'],
      symbol: ['ticker'],
      name: ['name'],
      quantity: ['no. of shares'],
      price: ['price / share'],
      currency: ['currency (price / share)'],
    },
    dateOrder: 'ymd',
    source:
      'Trading 212 CSV: Action|Time|ISIN|Ticker|Name|No. of shares|Price / share|Currency (Price / share)|…',
  },
  {
    id: 'robinhood',
    label: 'Robinhood activity report',
    labelKo: '로빈후드 활동 내역',
    kind: 'transactions',
    signature: ['activity date', 'instrument', 'trans code', 'quantity'],
    columns: {
      date: ['activity date'],
      symbol: ['instrument'],
      name: ['description'],
      action: ['trans code'],
      quantity: ['quantity'],
      price: ['price'],
    },
    currency: 'USD',
    dateOrder: 'mdy',
    actions: {
      spl: 'split-shares',
      cdiv: 'dividend',
      mdiv: 'dividend',
      dtax: 'fee',
      ach: 'cash',
      int: 'interest',
      gold: 'fee',
      slip: 'interest',
      acati: 'transfer-in',
      acato: 'transfer-out',
    },
    source:
      'Robinhood activity CSV: Activity Date|Process Date|Settle Date|Instrument|Description|Trans Code|Quantity|Price|Amount',
  },
  // ── Tools ──────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'ghostfolio-csv',
    label: 'Ghostfolio activities CSV',
    labelKo: 'Ghostfolio 거래 CSV',
    kind: 'transactions',
    signature: ['date', ['code', 'symbol'], 'datasource', 'quantity', ['action', 'type']],
    columns: {
      date: ['date'],
      symbol: ['code', 'symbol'],
      currency: ['currency'],
      quantity: ['quantity'],
      action: ['action', 'type'],
      price: ['price', 'unitprice'],
      account: ['account'],
    },
    dateOrder: 'dmy',
    source:
      'Ghostfolio CSV import: Date|Code|DataSource|Currency|Price|Quantity|Action|Fee|Note (ghostfolio/ghostfolio test/import/ok/sample.csv)',
  },
  {
    id: 'wealthfolio-holdings',
    label: 'Wealthfolio holdings snapshots (date, symbol, quantity, price, currency)',
    labelKo: 'Wealthfolio 보유 스냅숏',
    kind: 'snapshots',
    signature: ['date', 'symbol', 'quantity', 'price', 'currency'],
    columns: {
      date: ['date'],
      symbol: ['symbol'],
      quantity: ['quantity'],
      price: ['price'],
      currency: ['currency'],
      account: ['account'],
    },
    dateOrder: 'ymd',
    source:
      'Wealthfolio import_holdings_csv: date,symbol,quantity,price,currency; $CASH for cash; one snapshot per date (afadil/wealthfolio)',
  },
];

/** Column names of a generic holdings file (csv-header.ts), for the generic transaction reader. */
export const GENERIC_TRANSACTIONS: FormatSpec = {
  id: 'generic-transactions',
  label: 'transaction log (date, action, symbol, quantity)',
  labelKo: '거래내역 (날짜, 구분, 종목, 수량)',
  kind: 'transactions',
  signature: [],
  columns: {
    date: [
      'date',
      'trade date',
      'transaction date',
      '거래일',
      '거래일자',
      '체결일',
      '체결일자',
      '매매일자',
      '일자',
    ],
    action: [
      'action',
      'type',
      'activity type',
      'activitytype',
      'transaction type',
      '거래구분',
      '매매구분',
      '거래유형',
      '구분',
    ],
    symbol: SYMBOL,
    name: ['name', '종목명'],
    quantity: [...QUANTITY, '거래수량', '체결수량'],
    account: ['account', '계좌', '계좌명'],
    currency: ['currency', 'ccy', '통화'],
    price: ['price', 'unit price', 'unitprice', '단가', '체결단가'],
  },
  dateOrder: 'ymd',
  source: 'generic',
};

export function formatById(id: string): FormatSpec | undefined {
  return FORMATS.find((f) => f.id === id);
}
