/**
 * Every named format, end to end: the fixture's bytes through importHoldingsFile (decode → detect → read), and the
 * holdings worked out by hand from the fixture in the comment above each expectation. The fixtures copy the real
 * layouts (sources in formats/spec.ts and test/fixtures/import/README.md); every value in them is made up.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../../test/support/errors.ts';
import type { Holding } from '../../../core/holdings.ts';
import { noticesJson } from '../../../report/notice-json.ts';
import { importHoldingsFile } from '../index.ts';
import { type ListingName, nameResolver } from '../names.ts';
import { fixture } from '../test-support.ts';

const LISTING = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../test/fixtures/import/listing-names.json', import.meta.url)),
    'utf8',
  ),
) as ListingName[];
const names = nameResolver(LISTING);

function load(name: string, options: { asOf?: string; format?: string } = {}) {
  const { bytes, file } = fixture(`formats/${name}`);
  return importHoldingsFile(bytes, file, { names, ...options });
}

/** `account | symbol quantity [currency]` or `account | cash CCY amount`, one string per holding. */
function brief(holdings: readonly Holding[]): string[] {
  return holdings.map((h) =>
    h.kind === 'cash'
      ? `${h.account} | cash ${h.currency} ${h.amount}`
      : `${h.account} | ${h.symbol} ${h.quantity}${h.currency ? ` ${h.currency}` : ''}`,
  );
}

const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe('Korean broker formats', () => {
  it('Kiwoom opw00018: account from the 계좌번호 title line, the 합계 row skipped, 현재가 kept as prices', () => {
    const r = load('kiwoom-opw00018.csv');
    expect(r.format).toBe('kiwoom-opw00018');
    // Line 3: A005930 보유수량 100; line 4: A000660 보유수량 10 (매매가능수량 is the sellable part, not read).
    expect(brief(r.holdings)).toEqual(['5012-3456-78 | A005930 100', '5012-3456-78 | A000660 10']);
    expect(codes(r)).toEqual(['summary-row']);
    expect(noticesJson(r.warnings, 'en')[0]?.line).toBe(5);
    expect(r.prices.map((p) => [p.symbol, p.price, p.currency, p.line])).toEqual([
      ['A005930', 61_500, 'KRW', 3],
      ['A000660', 198_000, 'KRW', 4],
    ]);
  });

  it('Kiwoom kt00018: zero-padded, signed REST numbers (000000010 → 10, +000063000 → 63000)', () => {
    const r = load('kiwoom-kt00018.csv');
    expect(r.format).toBe('kiwoom-kt00018');
    expect(brief(r.holdings)).toEqual(['kiwoom-kt00018 | A005930 10', 'kiwoom-kt00018 | A034020 25']);
    expect(r.prices.map((p) => p.price)).toEqual([63_000, 24_500]);
  });

  it('Kiwoom kt00018 as the REST response itself (JSON): the same rows, at the lines their objects start on', () => {
    const r = load('kiwoom-kt00018.json');
    expect(r.format).toBe('kiwoom-kt00018');
    expect(brief(r.holdings)).toEqual(['kiwoom-kt00018 | A005930 10', 'kiwoom-kt00018 | A034020 25']);
    expect(r.holdings.map((h) => h.origin.line)).toEqual([7, 20]);
    expect(r.prices.map((p) => p.price)).toEqual([63_000, 24_500]);
  });

  it('Kiwoom HTS grid: two title lines above the header', () => {
    const r = load('kiwoom-hts.csv');
    expect(r.format).toBe('kiwoom-hts');
    expect(brief(r.holdings)).toEqual(['5012-3456-78 | 005380 7', '5012-3456-78 | 012450 3']);
    expect(r.holdings.map((h) => h.origin.line)).toEqual([4, 5]);
  });

  it('Korea Investment (상품번호, 보유수량)', () => {
    const r = load('kis.csv');
    expect(r.format).toBe('kis');
    expect(brief(r.holdings)).toEqual(['12345678-01 | 005930 30', '12345678-01 | 069500 12']);
  });

  it('Korea Investment trades by day: 매수수량 and 매도수량 on one row, never its 보유수량 summed as holdings', () => {
    const r = load('kis-trades.csv');
    expect(r.format).toBe('kis-trades');
    // 005930: 10 + 6 − 2 = 14; 005380: 5 − 5 = 0 (closed). Read as holdings, 보유수량 would sum to 24 and 5.
    expect(brief(r.holdings)).toEqual(['kis-trades | 005930 14 KRW']);
    expect(brief(load('kis-trades.csv', { asOf: '2026-04-15' }).holdings)).toEqual([
      'kis-trades | 005930 14 KRW',
      'kis-trades | 005380 5 KRW',
    ]);
  });

  it('Mirae: names only, resolved through the listing table; 해외주식 rows in USD with USD prices', () => {
    const r = load('mirae.csv');
    expect(r.format).toBe('mirae');
    // 삼성전자 40 → 005930.KS; 엔비디아 (해외주식) 5 → NVDA in USD; 현대차 2 → 005380.KS.
    expect(brief(r.holdings)).toEqual(['mirae | 005930.KS 40', 'mirae | NVDA 5 USD', 'mirae | 005380.KS 2']);
    expect(r.prices.find((p) => p.symbol === 'NVDA')).toMatchObject({ price: 180.5, currency: 'USD' });
  });

  it('Mirae: a name the listing table does not know is refused, with Korean particles read off the words', () => {
    const { bytes, file } = fixture('formats/mirae.csv');
    const p = problemOf(() => importHoldingsFile(bytes, file, { names: nameResolver([]) }));
    // 삼성전자 ends in a vowel (라는), 보유종목 in a consonant (은).
    expect(p.ko?.message).toBe(
      '"삼성전자"라는 종목명을 찾을 수 없습니다 (미래에셋증권 보유종목은 종목코드 없이 종목명만 내보냅니다)',
    );
  });

  it('Mirae IRP: names only, no price column: the file price is 평가금액 ÷ 보유량', () => {
    const r = load('mirae-irp.csv');
    expect(r.format).toBe('mirae-irp');
    // KODEX 200 30 → 069500.KS; 삼성전자 12 → 005930.KS.
    expect(brief(r.holdings)).toEqual(['mirae-irp | 069500.KS 30', 'mirae-irp | 005930.KS 12']);
    // 1,240,500 / 30 = 41,350 won; 760,000 / 12 = 63,333.33… won.
    expect(r.prices.find((p) => p.symbol === '069500.KS')).toMatchObject({ price: 41_350, currency: 'KRW' });
    expect(r.prices.find((p) => p.symbol === '005930.KS')?.price).toBeCloseTo(760_000 / 12, 9);
  });

  it('Samsung: names only; the 계좌번호 column is the account', () => {
    const r = load('samsung.csv');
    expect(r.format).toBe('samsung');
    expect(brief(r.holdings)).toEqual([
      '7012345678 | 034020.KS 15',
      '7012345678 | 010120.KS 4',
      '7099999999 | 069500.KS 20',
    ]);
  });

  it('Hanwha domestic (two unnamed leading columns, 종목코드 last) and overseas (결제보유수량, 통화)', () => {
    const d = load('hanwha.csv');
    expect(d.format).toBe('hanwha');
    expect(brief(d.holdings)).toEqual(['hanwha | 064350 8', 'hanwha | 079550 3']);
    const o = load('hanwha-overseas.csv');
    expect(o.format).toBe('hanwha-overseas');
    expect(brief(o.holdings)).toEqual(['hanwha-overseas | PLTR 12 USD', 'hanwha-overseas | VRT 6 USD']);
    // Hanwha's overseas prices are in won per share: not kept as a USD price.
    expect(o.prices).toEqual([]);
  });
});

describe('US broker formats', () => {
  it('Schwab positions, 2021 headers: title line names the account and dates the prices; cash row; total skipped', () => {
    const r = load('schwab-positions-2021.csv');
    expect(r.format).toBe('schwab-positions');
    expect(brief(r.holdings)).toEqual([
      'Individual ...123 | NVDA 6',
      'Individual ...123 | VTI 12.5',
      'Individual ...123 | cash USD 1234.56',
    ]);
    expect(codes(r)).toEqual(['summary-row']);
    expect(r.prices.map((p) => [p.symbol, p.price, p.date])).toEqual([
      ['NVDA', 220, '2021-09-24'],
      ['VTI', 230, '2021-09-24'],
    ]);
  });

  it('Schwab positions, 2025 headers, all accounts: one block per account, named by the line above its header', () => {
    const r = load('schwab-positions-2025-all-accounts.csv');
    expect(r.format).toBe('schwab-positions-2025');
    // "1,050.50" in Qty (Quantity) → 1050.5; the Cash & Cash Investments rows come from Mkt Val.
    expect(brief(r.holdings)).toEqual([
      'Individual ...123 | TSLA 3',
      'Individual ...123 | cash USD 500',
      'Roth IRA ...456 | TSLA 2',
      'Roth IRA ...456 | SCHB 1050.5',
      'Roth IRA ...456 | cash USD 30129',
    ]);
    expect(codes(r)).toEqual(['summary-row', 'summary-row']);
  });

  it('Schwab transaction history is a log, not holdings: NVDA 1 + 9 (split) − 4 = 6, never 1 + 9 + 4 = 14', () => {
    const r = load('schwab-transactions.csv');
    expect(r.format).toBe('schwab-transactions');
    // VTI: Buy 10 + Reinvest Shares 0.5 = 10.5; Reinvest Dividend and Qualified Dividend move cash only.
    expect(brief(r.holdings)).toEqual([
      'schwab-transactions | NVDA 6 USD',
      'schwab-transactions | VTI 10.5 USD',
    ]);
    // The file has its own Stock Split row, so the bundled 10-for-1 of 2024-06-10 is not applied on top.
    expect(codes(r)).toEqual(['read-as-transactions', 'summary-row']);
    // As of 2024-06-12 the sale of 06-14 has not happened: 1 + 9 = 10.
    const before = load('schwab-transactions.csv', { asOf: '2024-06-12' });
    expect(brief(before.holdings)[0]).toBe('schwab-transactions | NVDA 10 USD');
    expect(codes(before)).toContain('activities-after-as-of');
  });

  it('Fidelity positions: SPAXX** and FCASH** as cash, Pending Activity skipped, the disclaimer footer not read', () => {
    const r = load('fidelity-positions.csv');
    expect(r.format).toBe('fidelity-positions');
    expect(brief(r.holdings)).toEqual([
      'Individual | cash USD 2500',
      'Individual | NVDA 20',
      'ROTH IRA | cash USD 100',
      'ROTH IRA | VOO 3.25',
    ]);
    expect(codes(r)).toEqual(['summary-row', 'table-end']);
    expect(noticesJson(r.warnings, 'en')[1]?.line).toBe(8);
  });

  it('Fidelity history: YOU BOUGHT / YOU SOLD / REINVESTMENT by prefix; AAPL 5 − 2 = 3, FXAIX 4 + 0.25', () => {
    const r = load('fidelity-history.csv');
    expect(r.format).toBe('fidelity-history');
    expect(brief(r.holdings)).toEqual(['fidelity-history | AAPL 3 USD', 'fidelity-history | FXAIX 4.25 USD']);
  });

  it('Vanguard: VMFXX is cash; the transactions block after the blank lines is not read', () => {
    const r = load('vanguard.csv');
    expect(r.format).toBe('vanguard');
    // Had the second block been read, VTI would be 8 + 2 = 10.
    expect(brief(r.holdings)).toEqual([
      '12345678 | cash USD 1500.25',
      '12345678 | VTI 8',
      '12345678 | VFIAX 2.5',
    ]);
    expect(r.warnings).toMatchObject([{ code: 'table-end', line: 8 }]);
  });

  it('E*TRADE: header below the account summary; CASH as cash, TOTAL skipped', () => {
    const r = load('etrade.csv');
    expect(r.format).toBe('etrade');
    expect(brief(r.holdings)).toEqual(['etrade | AMD 10', 'etrade | MU 7', 'etrade | cash USD 1234.5']);
    expect(codes(r)).toEqual(['summary-row', 'table-end']);
  });
});

describe('Interactive Brokers', () => {
  it('Flex open positions: currency per row; an option is left out with a warning, never counted as shares', () => {
    const r = load('ibkr-flex-positions.csv');
    expect(r.format).toBe('ibkr-flex-positions');
    expect(brief(r.holdings)).toEqual(['U1234567 | VTI 17 USD', 'U1234567 | SIE 4 EUR']);
    expect(r.warnings).toMatchObject([{ code: 'unsupported-asset', line: 4 }]);
  });

  it('Flex trades: signed quantities; AAPL 3 bought before the 2020-08-31 4-for-1 split is 12', () => {
    const r = load('ibkr-flex-trades.csv');
    expect(r.format).toBe('ibkr-flex-trades');
    // VTI 17 − 5 = 12; AAPL 3 × 4 = 12.
    expect(brief(r.holdings)).toEqual(['U1234567 | AAPL 12 USD', 'U1234567 | VTI 12 USD']);
    expect(r.warnings.find((w) => w.code === 'split-applied')).toMatchObject({
      symbol: 'AAPL',
      date: '2020-08-31',
    });
    // The day before the split: still 3, and VTI not yet bought.
    expect(brief(load('ibkr-flex-trades.csv', { asOf: '2020-08-30' }).holdings)).toEqual([
      'U1234567 | AAPL 3 USD',
    ]);
  });

  it('Activity Statement: Open Positions (Summary rows) and the cash of Forex Balances, account from Account Information', () => {
    const r = load('ibkr-activity-statement.csv');
    expect(r.format).toBe('ibkr-activity');
    // The Trades section (AAPL 5) is another section and the Total rows are totals; the statement's cash is the
    // Forex Balances row `Forex,USD,USD,1500.5,…` on line 20 (Currency USD, Quantity 1500.5), not left out.
    expect(brief(r.holdings)).toEqual([
      'U7654321 | 6954 100 JPY',
      'U7654321 | AAPL 15 USD',
      'U7654321 | CEG 4 USD',
      'U7654321 | cash USD 1500.5',
    ]);
    expect(r.holdings.map((h) => h.origin.line)).toEqual([13, 15, 16, 20]);
  });

  it('Activity Statement: a Forex Balances row without an amount is refused at its cell', () => {
    const text = new TextDecoder()
      .decode(fixture('formats/ibkr-activity-statement.csv').bytes)
      .replace('Forex,USD,USD,1500.5,', 'Forex,USD,USD,,');
    const e = problemOf(() => importHoldingsFile(new TextEncoder().encode(text), 'ibkr.csv'));
    expect(e).toMatchObject({ file: 'ibkr.csv', line: 20, column: 6 });
    expect(e.ko?.message).toBe('Forex Balances 행에 금액이 없습니다');
  });
});

describe('European brokers and tools', () => {
  it('Degiro portfolio: decimal commas, the amount after the currency column, the cash fund row, ISIN → listing', () => {
    const r = load('degiro-portfolio.csv');
    expect(r.format).toBe('degiro-portfolio');
    expect(brief(r.holdings)).toEqual([
      'degiro-portfolio | cash EUR 1250.4',
      'degiro-portfolio | US67066G1040 12 USD',
      'degiro-portfolio | SIE.DE 3 EUR',
      'degiro-portfolio | IE00B3RBWM25 25 EUR',
    ]);
    expect(r.prices[0]).toMatchObject({ symbol: 'US67066G1040', price: 180.5, currency: 'USD' });
  });

  it('Degiro transactions: no action column, the sign says; the NVDA split found by its ISIN', () => {
    const r = load('degiro-transactions.csv');
    expect(r.format).toBe('degiro-transactions');
    // Siemens' ISIN is in the listing table (SIE.DE); NVIDIA's is not, so its ISIN stays the symbol.
    // NVDA (US67066G1040): +5 (15-03) − 2 (20-05) = 3, × 10 (2024-06-10) = 30, − 10 (01-07) = 20. Siemens +3.
    expect(brief(r.holdings)).toEqual([
      'degiro-transactions | US67066G1040 20',
      'degiro-transactions | SIE.DE 3',
    ]);
  });

  it('Trading 212: Market/Limit buy and sell count, the dividend row with its share count does not', () => {
    const r = load('trading212.csv');
    expect(r.format).toBe('trading212');
    // AAPL 2.5 − 1 = 1.5 (the dividend row's 2.5 is the shares it was paid on); MSFT 1.2.
    expect(brief(r.holdings)).toEqual(['trading212 | AAPL 1.5 USD', 'trading212 | MSFT 1.2 USD']);
  });

  it('Robinhood: multi-line descriptions, SPL adds shares, CDIV and ACH move cash', () => {
    const r = load('robinhood.csv');
    expect(r.format).toBe('robinhood');
    // NVDA 2 + 18 (SPL) − 3 = 17; TSLA 4. Quoted descriptions span lines, so TSLA's row starts on line 9.
    expect(brief(r.holdings)).toEqual(['robinhood | NVDA 17 USD', 'robinhood | TSLA 4 USD']);
    expect(r.holdings.map((h) => h.origin.line)).toEqual([2, 9]);
  });

  it('Ghostfolio activities CSV: a log (never holdings), dd-MM-yyyy dates, the NVDA split from the bundled table', () => {
    const r = load('ghostfolio-activities.csv');
    expect(r.format).toBe('ghostfolio-csv');
    // MSFT 5 − 2 = 3 (the dividend row's 5 is not shares); NVDA 2 × 10 − 15 = 5.
    expect(brief(r.holdings)).toEqual([
      'ghostfolio-activities | MSFT 3 USD',
      'ghostfolio-activities | NVDA 5 USD',
    ]);
  });

  it('Ghostfolio JSON with a split between the buy and the sell (as in Ghostfolio test/import/ok)', () => {
    const r = load('ghostfolio-split.json');
    expect(r.format).toBe('ghostfolio');
    // BUY 2 on 2024-06-03, 10-for-1 on 2024-06-10, SELL 15 on 2024-06-14: 20 − 15 = 5.
    expect(brief(r.holdings)).toEqual(['Ghostfolio | NVDA 5 USD']);
    expect(codes(r)).toContain('split-applied');
  });

  it('Wealthfolio snapshots: the latest on or before the as-of day, never the sum of the dates', () => {
    const latest = load('wealthfolio-holdings.csv');
    expect(latest.format).toBe('wealthfolio-holdings');
    // Summed it would be NVDA 22 and 7500 USD.
    expect(brief(latest.holdings)).toEqual([
      'wealthfolio-holdings | NVDA 12 USD',
      'wealthfolio-holdings | AAPL 3 USD',
      'wealthfolio-holdings | cash USD 2500',
    ]);
    expect(latest.prices.map((p) => [p.symbol, p.price, p.date])).toEqual([
      ['NVDA', 190, '2026-05-29'],
      ['AAPL', 200, '2026-05-29'],
    ]);
    const april = load('wealthfolio-holdings.csv', { asOf: '2026-05-15' });
    expect(brief(april.holdings)).toEqual([
      'wealthfolio-holdings | NVDA 10 USD',
      'wealthfolio-holdings | cash USD 5000',
    ]);
    const p = problemOf(() => load('wealthfolio-holdings.csv', { asOf: '2026-04-01' }));
    expect(p.message).toBe("no snapshot on or before 2026-04-01: the file's first snapshot is of 2026-04-30");
    expect(p.ko?.message).toContain('2026-04-01 이전의 스냅숏이 없습니다');
  });
});

describe('--format', () => {
  it('names the format to use, and refuses a file that lacks its columns, saying which', () => {
    expect(load('kis.csv', { format: 'kis' }).format).toBe('kis');
    const p = problemOf(() => load('kis.csv', { format: 'schwab-positions' }));
    expect(p.message).toMatch(/^not a Charles Schwab positions \(2021 headers\) file: /);
    expect(p.message).toContain('lacks "symbol", "description", "quantity", "market value", "security type"');
    expect(p.ko?.message).toMatch(/^찰스 슈왑 보유종목 \(2021년 헤더\) 파일이 아닙니다/);
  });

  it('refuses an unknown format name with the list', () => {
    const p = problemOf(() => load('kis.csv', { format: 'nope' }));
    expect(p.message).toBe('--format nope is not a known format');
    expect(p.expected).toContain('kiwoom-opw00018');
  });
});
