import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { noticesJson } from '../../report/notice-json.ts';
import { importHoldingsCsv, parseHoldingsCsv } from './csv-holdings.ts';
import { at, fixture, utf8 } from './test-support.ts';

function load(name: string, options?: { defaultAccount?: string }) {
  const { bytes, file } = fixture(name);
  return { file, ...importHoldingsCsv(bytes, file, options) };
}

describe('importHoldingsCsv: ok fixtures', () => {
  it('english-two-accounts.csv: two accounts, cash rows, quoted numbers, a two-line name, duplicates, a zero row', () => {
    const { file, holdings, warnings, encoding } = load('ok/english-two-accounts.csv');
    expect(encoding).toBe('utf-8');
    expect(holdings).toEqual([
      {
        kind: 'security',
        account: 'Brokerage',
        symbol: 'VTI',
        quantity: 120,
        currency: 'USD',
        name: 'Vanguard Total Stock Market ETF',
        origin: { file, line: 2 },
      },
      {
        kind: 'security',
        account: 'Brokerage',
        symbol: 'VXUS',
        quantity: 1050, // "1,050"
        currency: 'USD',
        name: 'Vanguard Total International Stock ETF',
        origin: { file, line: 3 },
      },
      {
        kind: 'security',
        account: 'Brokerage',
        symbol: 'GOOGL',
        quantity: 15.5,
        currency: 'USD',
        name: 'Alphabet Inc., Class A',
        origin: { file, line: 4 },
      },
      { kind: 'cash', account: 'Brokerage', currency: 'USD', amount: 2500.75, origin: { file, line: 5 } },
      {
        kind: 'security',
        account: 'IRA',
        symbol: 'BND',
        quantity: 80,
        currency: 'USD',
        name: 'Vanguard Total Bond Market ETF\n(note: held since 2019)',
        origin: { file, line: 6 }, // the quoted name runs onto line 7
      },
      {
        kind: 'security',
        account: 'IRA',
        symbol: 'VTI', // as written on the first row (line 9 writes `vti`)
        quantity: 40, // 30 (line 8) + 10 (line 9, written "+10")
        currency: 'USD',
        name: 'Vanguard Total Stock Market ETF',
        origin: { file, line: 8 },
      },
      { kind: 'cash', account: 'IRA', currency: 'USD', amount: 1200, origin: { file, line: 10 } },
    ]);
    expect(noticesJson(warnings, 'en')).toEqual([
      {
        code: 'zero-quantity',
        message: `${file}:11: TLT in account IRA has a quantity of 0 and was left out`,
        symbol: 'TLT',
        account: 'IRA',
        file,
        line: 11,
      },
      {
        code: 'duplicate-rows',
        message: `${file}: VTI in account IRA appears on lines 8 and 9; the rows were summed to 40`,
        symbol: 'VTI',
        account: 'IRA',
        file,
        line: 8,
        params: { lines: '8, 9', total: 40 },
      },
    ]);
  });

  it('korean-broker-bom.csv: Korean headers, A-codes, "1,234", 원, 예수금', () => {
    const { file, holdings, warnings, encoding } = load('ok/korean-broker-bom.csv');
    expect(encoding).toBe('utf-8-bom');
    expect(warnings).toEqual([]);
    expect(holdings).toEqual([
      {
        kind: 'security',
        account: '위탁계좌',
        symbol: 'A005930',
        quantity: 1234,
        currency: 'KRW', // written 원
        name: '삼성전자',
        origin: { file, line: 2 },
      },
      {
        kind: 'security',
        account: '위탁계좌',
        symbol: 'A000660',
        quantity: 50,
        currency: 'KRW',
        name: 'SK하이닉스',
        origin: { file, line: 3 },
      },
      {
        kind: 'security',
        account: '위탁계좌',
        symbol: 'A069500',
        quantity: 300,
        currency: 'KRW',
        name: 'KODEX 200',
        origin: { file, line: 4 },
      },
      {
        kind: 'security',
        account: '연금저축',
        symbol: 'A360750',
        quantity: 1020,
        currency: 'KRW',
        name: 'TIGER 미국S&P500',
        origin: { file, line: 5 },
      },
      // Same code as line 2 but another account: not a duplicate.
      {
        kind: 'security',
        account: '연금저축',
        symbol: 'A005930',
        quantity: 10,
        currency: 'KRW',
        name: '삼성전자',
        origin: { file, line: 6 },
      },
      { kind: 'cash', account: '연금저축', currency: 'KRW', amount: 352480, origin: { file, line: 7 } },
    ]);
  });

  it('korean-cp949.csv: detected as cp949, Korean names intact, 예수금 in KRW and USD', () => {
    const { file, holdings, warnings, encoding } = load('ok/korean-cp949.csv');
    expect(encoding).toBe('cp949');
    expect(warnings).toEqual([]);
    expect(holdings).toEqual([
      {
        kind: 'security',
        account: '종합매매',
        symbol: '005930',
        quantity: 100,
        currency: 'KRW',
        name: '삼성전자',
        origin: { file, line: 2 },
      },
      {
        kind: 'security',
        account: '종합매매',
        symbol: '035420',
        quantity: 25,
        currency: 'KRW',
        name: 'NAVER',
        origin: { file, line: 3 },
      },
      {
        kind: 'security',
        account: '종합매매',
        symbol: '360750',
        quantity: 1500,
        currency: 'KRW',
        name: 'TIGER 미국S&P500',
        origin: { file, line: 4 },
      },
      { kind: 'cash', account: '종합매매', currency: 'KRW', amount: 2345678, origin: { file, line: 5 } },
      {
        kind: 'security',
        account: '해외주식',
        symbol: 'AAPL',
        quantity: 12,
        currency: 'USD', // written 달러
        name: '애플',
        origin: { file, line: 6 },
      },
      { kind: 'cash', account: '해외주식', currency: 'USD', amount: 1520.35, origin: { file, line: 7 } },
    ]);
  });

  it('tab-separated.tsv: tab delimiter, blank lines above the header, account from the file name', () => {
    const { file, holdings, warnings } = load('ok/tab-separated.tsv');
    expect(warnings).toEqual([]);
    // Lines 1–2 are blank, the header is line 3.
    expect(holdings).toEqual([
      {
        kind: 'security',
        account: 'tab-separated',
        symbol: '7203.T',
        quantity: 200,
        currency: 'JPY',
        name: 'Toyota Motor',
        origin: { file, line: 4 },
      },
      {
        kind: 'security',
        account: 'tab-separated',
        symbol: 'INFY.NS',
        quantity: 40,
        currency: 'INR',
        name: 'Infosys',
        origin: { file, line: 5 },
      },
      { kind: 'cash', account: 'tab-separated', currency: 'JPY', amount: 150000, origin: { file, line: 6 } },
    ]);
  });

  it('tab-separated.tsv with a default account option', () => {
    const { holdings } = load('ok/tab-separated.tsv', { defaultAccount: 'NISA' });
    expect(holdings.map((h) => h.account)).toEqual(['NISA', 'NISA', 'NISA']);
  });

  it('excel-unicode-text.txt: UTF-16LE, tab-separated, 현금 in 유로', () => {
    const { file, holdings, warnings, encoding } = load('ok/excel-unicode-text.txt');
    expect(encoding).toBe('utf-16le');
    expect(warnings).toEqual([]);
    expect(holdings).toEqual([
      {
        kind: 'security',
        account: 'excel-unicode-text',
        symbol: 'VWCE.DE',
        quantity: 35,
        currency: 'EUR',
        name: 'Vanguard FTSE All-World UCITS ETF',
        origin: { file, line: 2 },
      },
      {
        kind: 'security',
        account: 'excel-unicode-text',
        symbol: 'CSPX.L',
        quantity: 12,
        currency: 'USD',
        name: 'iShares Core S&P 500 UCITS ETF',
        origin: { file, line: 3 },
      },
      {
        kind: 'cash',
        account: 'excel-unicode-text',
        currency: 'EUR',
        amount: 500,
        origin: { file, line: 4 },
      },
    ]);
  });
});

describe('importHoldingsCsv: Korean export opened in Excel', () => {
  it('korean-excel-summary.csv: stripped codes kept as written, 예수금 in KRW, 소계 and 합계 rows skipped', () => {
    const { file, holdings, warnings } = load('ok/korean-excel-summary.csv');
    const account = 'korean-excel-summary'; // no account column: the file's base name
    expect(holdings).toEqual([
      // Excel turned 005930, 000660 and 069500 into numbers; the symbol stays as written (the universe pads it).
      {
        kind: 'security',
        account,
        symbol: '5930',
        quantity: 1200,
        name: '삼성전자',
        origin: { file, line: 2 },
      },
      {
        kind: 'security',
        account,
        symbol: '660',
        quantity: 15,
        name: 'SK하이닉스',
        origin: { file, line: 3 },
      },
      {
        kind: 'security',
        account,
        symbol: '69500',
        quantity: 30,
        name: 'KODEX 200',
        origin: { file, line: 4 },
      },
      { kind: 'cash', account, currency: 'KRW', amount: 1500000, origin: { file, line: 5 } },
    ]);
    expect(noticesJson(warnings, 'en')).toEqual([
      {
        code: 'cash-currency-assumed',
        message: `${file}:5: 예수금 has no currency column; taken as KRW, the currency Korean brokers mean by 예수금`,
        symbol: 'KRW',
        account,
        file,
        line: 5,
      },
      {
        code: 'summary-row',
        message: `${file}:6: a summary row ("소계") was skipped: it totals the rows above, it is not a holding`,
        file,
        line: 6,
      },
      {
        // "합  계" with spaces, and an empty quantity: still a total.
        code: 'summary-row',
        message: `${file}:7: a summary row ("합  계") was skipped: it totals the rows above, it is not a holding`,
        file,
        line: 7,
      },
    ]);
  });

  it('skips Total / TOTAL / 총계, also when the label sits in the account column with the symbol empty', () => {
    const text = 'Account,Symbol,Quantity\nIRA,VTI,10\nIRA,Total,10\nTOTAL,,\n,총계,10\n';
    const { holdings, warnings } = parseHoldingsCsv(text, 'h.csv');
    expect(holdings).toEqual([
      { kind: 'security', account: 'IRA', symbol: 'VTI', quantity: 10, origin: { file: 'h.csv', line: 2 } },
    ]);
    expect(warnings.map((w) => [w.code, 'line' in w ? w.line : undefined])).toEqual([
      ['summary-row', 3],
      ['summary-row', 4],
      ['summary-row', 5],
    ]);
  });

  it('does not take a symbol that merely contains a summary word for a total', () => {
    const problem = problemOf(() => parseHoldingsCsv('Symbol,Quantity\nTOTALX,\n', 'h.csv'));
    expect(problem.message).toBe('the quantity of TOTALX is empty');
  });

  it('keeps 예수금 in the currency a currency column gives, and CASH without a currency column an error', () => {
    const { holdings, warnings } = parseHoldingsCsv('종목코드,수량,통화\n예수금,100,USD\n', 'h.csv');
    expect(holdings).toEqual([
      { kind: 'cash', account: 'h', currency: 'USD', amount: 100, origin: { file: 'h.csv', line: 2 } },
    ]);
    expect(warnings).toEqual([]);
    const problem = problemOf(() => parseHoldingsCsv('Symbol,Quantity\nCASH,100\n', 'h.csv'));
    expect(problem.message).toBe('the cash row CASH has no currency');
  });
});

describe('importHoldingsCsv: bad fixtures', () => {
  const problem = (name: string) => {
    const { bytes, file } = fixture(name);
    return { file, p: problemOf(() => importHoldingsCsv(bytes, file)) };
  };

  it('missing-quantity-column.csv', () => {
    const { file, p } = problem('bad/missing-quantity-column.csv');
    expect(at(p)).toEqual({ file, line: 1, column: undefined });
    expect(p.message).toContain('no quantity column');
    expect(p.expected).toBe(
      'a quantity column named one of quantity, qty, shares, units, 수량, 보유수량, 잔고수량',
    );
  });

  it('non-numeric-quantity.csv', () => {
    const { file, p } = problem('bad/non-numeric-quantity.csv');
    expect(at(p)).toEqual({ file, line: 3, column: 3 });
    expect(p.message).toBe('"12주" is not a number');
    expect(p.expected).toBe('a number such as 1,234 or 12.5');
  });

  it('negative-quantity.csv', () => {
    const { file, p } = problem('bad/negative-quantity.csv');
    expect(at(p)).toEqual({ file, line: 4, column: 2 });
    expect(p.message).toContain('TSLA');
    expect(p.expected).toBe('a quantity of zero or more');
    expect(p.hint).toContain('short positions are not supported');
  });

  it('unknown-currency.csv', () => {
    const { file, p } = problem('bad/unknown-currency.csv');
    expect(at(p)).toEqual({ file, line: 3, column: 3 });
    expect(p.message).toBe('unknown currency "US$"');
    expect(p.expected).toBe('an ISO 4217 currency code such as KRW, USD, JPY, EUR, INR');
  });

  it('empty.csv', () => {
    const { file, p } = problem('bad/empty.csv');
    expect(at(p)).toEqual({ file, line: 1, column: undefined });
    expect(p.message).toContain('no holdings in file');
    expect(p.expected).toBe('a header row followed by one row per holding');
  });

  it('header-only.csv', () => {
    const { file, p } = problem('bad/header-only.csv');
    expect(at(p)).toEqual({ file, line: 1, column: undefined });
    expect(p.message).toContain('no holdings in file');
    expect(p.message).toContain('no data rows');
    expect(p.expected).toBe('a header row followed by one row per holding');
  });

  it('unknown-encoding.csv', () => {
    const { file, p } = problem('bad/unknown-encoding.csv');
    expect(at(p)).toEqual({ file, line: 3, column: undefined });
    expect(p.message).toContain('unknown encoding');
    expect(p.expected).toBe('UTF-8, UTF-8 with BOM, UTF-16 with BOM or CP949 (EUC-KR)');
  });

  it('unclosed-quote.csv: points at where the quote was opened, not at the end of the file', () => {
    const { file, p } = problem('bad/unclosed-quote.csv');
    expect(at(p)).toEqual({ file, line: 2, column: 2 });
    expect(p.message).toContain('never closed');
    expect(p.expected).toBe('a closing double quote (") at the end of the field');
  });

  it('implausible-quantity.csv: a trillion shares is a paste error', () => {
    const { file, p } = problem('bad/implausible-quantity.csv');
    expect(at(p)).toEqual({ file, line: 3, column: 2 });
    expect(p.message).toBe('the quantity of TSLA is implausibly large (1,000,000,000,000)');
    expect(p.expected).toBe('a quantity below 1,000,000,000,000');
  });

  it('cash-without-currency.csv', () => {
    const { file, p } = problem('bad/cash-without-currency.csv');
    expect(at(p)).toEqual({ file, line: 3, column: 4 });
    expect(p.message).toBe('the cash row CASH has no currency');
    expect(p.expected).toBe('a currency on every cash row, such as KRW or USD');
  });
});

describe('parseHoldingsCsv: details', () => {
  const p = (text: string) => problemOf(() => parseHoldingsCsv(text, 'h.csv'));

  it('detects a semicolon delimiter from the header', () => {
    // Plain 1000: in a semicolon file "1,000" is ambiguous (German 1,000 is one) and refused (number-traps.test.ts).
    const { holdings } = parseHoldingsCsv('Symbol;Quantity;Currency\nSAP.DE;1000;EUR\n', 'de.csv');
    expect(holdings).toEqual([
      {
        kind: 'security',
        account: 'de',
        symbol: 'SAP.DE',
        quantity: 1000,
        currency: 'EUR',
        origin: { file: 'de.csv', line: 2 },
      },
    ]);
  });

  it('accepts header names in any case, quoted, with a trailing * and spaces', () => {
    const { holdings } = parseHoldingsCsv('" TICKER* ",QTY  ,Ccy\nnvda, 1,usd\n', 'x.csv');
    expect(holdings).toEqual([
      {
        kind: 'security',
        account: 'x',
        symbol: 'nvda',
        quantity: 1,
        currency: 'USD',
        origin: { file: 'x.csv', line: 2 },
      },
    ]);
  });

  it('maps the Korean currency words', () => {
    const { holdings } = parseHoldingsCsv(
      '종목코드,수량,통화\nA,1,원\nB,1,달러\nC,1,엔\nD,1,유로\n',
      'k.csv',
    );
    expect(holdings.map((h) => (h.kind === 'security' ? h.currency : undefined))).toEqual([
      'KRW',
      'USD',
      'JPY',
      'EUR',
    ]);
  });

  it('refuses GBp / GBX as a holdings currency (a quote unit, not a currency)', () => {
    for (const unit of ['GBp', 'GBX', 'gbx']) {
      const problem = p(`Symbol,Quantity,Currency\nVOD.L,500,${unit}\n`);
      expect(at(problem)).toEqual({ file: 'h.csv', line: 2, column: 3 });
      expect(problem.message).toContain('quote unit');
      expect(problem.expected).toBe('an ISO 4217 code such as GBP');
    }
    // Lower-case gbp is the pound, not pence.
    const { holdings } = parseHoldingsCsv('Symbol,Quantity,Currency\nVOD.L,500,gbp\n', 'h.csv');
    expect(holdings[0]).toMatchObject({ currency: 'GBP' });
  });

  it('sums duplicate cash rows of the same account and currency', () => {
    const { holdings, warnings } = parseHoldingsCsv(
      'Account,Symbol,Quantity,Currency\nA,CASH,0.1,USD\nA,현금,0.2,USD\nA,예수금,100,KRW\n',
      'h.csv',
    );
    expect(holdings).toEqual([
      // 0.1 + 0.2 = 0.3 (not 0.30000000000000004)
      { kind: 'cash', account: 'A', currency: 'USD', amount: 0.3, origin: { file: 'h.csv', line: 2 } },
      { kind: 'cash', account: 'A', currency: 'KRW', amount: 100, origin: { file: 'h.csv', line: 4 } },
    ]);
    expect(warnings).toMatchObject([{ code: 'duplicate-rows', symbol: 'USD', account: 'A', line: 2 }]);
  });

  it('refuses duplicate rows that disagree on the currency', () => {
    const problem = p('Symbol,Quantity,Currency\nVTI,1,USD\nVTI,2,EUR\n');
    expect(problem).toMatchObject({ file: 'h.csv', line: 3 });
    expect(problem.message).toContain('line 2');
  });

  it('skips rows of bare delimiters and blank lines between rows', () => {
    const { holdings } = parseHoldingsCsv('Symbol,Quantity\nVTI,1\n,\n\n , \nBND,2\n', 'h.csv');
    expect(holdings.map((h) => h.origin.line)).toEqual([2, 6]);
  });

  it('refuses an unquoted thousands separator (the row has more fields than the header)', () => {
    const problem = p('Symbol,Quantity,Currency\nAAPL,1,234,USD\n');
    expect(at(problem)).toEqual({ file: 'h.csv', line: 2, column: 4 });
    expect(problem.hint).toContain('"1,234"');
  });

  it('tolerates trailing empty fields beyond the header (Excel)', () => {
    const { holdings } = parseHoldingsCsv('Symbol,Quantity\nVTI,1,,\n', 'h.csv');
    expect(holdings).toHaveLength(1);
  });

  it('refuses an empty symbol', () => {
    const problem = p('Symbol,Quantity\nVTI,1\n,5\n');
    expect(at(problem)).toEqual({ file: 'h.csv', line: 3, column: 1 });
    expect(problem.message).toBe('the symbol is empty');
  });

  it('refuses an empty quantity', () => {
    const problem = p('Symbol,Quantity\nVTI,\n');
    expect(at(problem)).toEqual({ file: 'h.csv', line: 2, column: 2 });
    expect(problem.expected).toBe('a number such as 1,234 or 12.5');
  });

  it('refuses a cash row when the file has no currency column', () => {
    const problem = p('Symbol,Quantity\nCASH,100\n');
    expect(at(problem)).toEqual({ file: 'h.csv', line: 2, column: undefined });
    expect(problem.hint).toContain('currency column');
  });

  it('accepts a quantity just below 1e12, refuses more than 15 significant digits, says "cash amount" for cash', () => {
    const { holdings } = parseHoldingsCsv(
      'Symbol,Quantity\nNVDA,"999,999,999,999"\nBTC,0.00000012\n',
      'h.csv',
    );
    expect(holdings.map((h) => (h.kind === 'security' ? h.quantity : 0))).toEqual([999999999999, 0.00000012]);

    const digits = p('Symbol,Quantity\nNVDA,1\nBTC,1.0000000000000001\n');
    expect(at(digits)).toEqual({ file: 'h.csv', line: 3, column: 2 });
    expect(digits.message).toBe(
      'the quantity of BTC has more digits than a number can hold exactly (1.0000000000000001)',
    );
    expect(digits.expected).toBe('a quantity with at most 15 significant digits'); // 17 here

    const cash = p('Symbol,Quantity,Currency\n예수금,"99,999,999,999,999",KRW\n');
    expect(at(cash)).toEqual({ file: 'h.csv', line: 2, column: 2 });
    expect(cash.expected).toBe('a cash amount below 1,000,000,000,000');
  });

  it('refuses a header with two quantity columns', () => {
    const problem = p('종목코드,수량,보유수량\nA005930,1,1\n');
    expect(at(problem)).toEqual({ file: 'h.csv', line: 1, column: 3 });
  });

  it('reports the header line when blank lines precede it', () => {
    const problem = p('\n\nSymbol,Price\nVTI,1\n');
    expect(problem).toMatchObject({ file: 'h.csv', line: 3 });
    expect(problem.message).toContain('no quantity column');
  });

  it('refuses a title line above the header rather than guessing (strict)', () => {
    const problem = p('보유종목 현황 2024-05-02\n종목코드,수량\nA005930,1\n');
    expect(problem).toMatchObject({ file: 'h.csv', line: 1 });
    expect(problem.message).toContain('the header has no symbol and no quantity column');
  });

  it('refuses a file whose every row has quantity 0', () => {
    const problem = p('Symbol,Quantity\nVTI,0\n');
    expect(problem.message).toContain('every row has a quantity of 0');
  });

  it('wraps other csv-parse errors (text after a closing quote) with line and field', () => {
    const problem = p('Symbol,Name,Quantity\nAAPL,"Apple" Inc.,10\n');
    expect(at(problem)).toEqual({ file: 'h.csv', line: 2, column: 2 });
    expect(problem.message).toBe('text follows the closing quote of a quoted field');
  });

  it('handles CRLF line ends and a multi-line quoted field with CRLF inside', () => {
    const { holdings } = parseHoldingsCsv('Symbol,Name,Quantity\r\nA,"x\r\ny",1\r\nB,z,2\r\n', 'h.csv');
    expect(holdings.map((h) => h.origin.line)).toEqual([2, 4]);
  });

  it('keeps error lines right after a CRLF inside a quoted field', () => {
    const problem = p('Symbol,Name,Quantity\r\nA,"x\r\ny",1\r\nB,"z"q,2\r\n');
    expect(at(problem)).toEqual({ file: 'h.csv', line: 4, column: 2 });
  });

  it('utf8 bytes go through decoding too', () => {
    expect(importHoldingsCsv(utf8('Symbol,Quantity\nVTI,1\n'), 'u.csv').encoding).toBe('utf-8');
  });
});
