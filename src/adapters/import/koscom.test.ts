/**
 * KOSCOM 오픈플랫폼 계좌잔고 조회 responses (layout: devkoscom/openapi api/account.md), through importHoldingsFile:
 * holdings, cash, prices and what was left out, worked out by hand from test/fixtures/import/formats/koscom-balance.json.
 */
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { formatProblem } from '../../core/errors.ts';
import { importHoldingsFile } from './index.ts';
import { jsonValuePlaces } from './json-positions.ts';
import { nameResolver } from './names.ts';
import { fixture, utf8 } from './test-support.ts';

const ACCOUNT = '160600000000700001';

function load(path: string, options: { format?: string } = {}) {
  const { bytes, file } = fixture(path);
  return importHoldingsFile(bytes, file, options);
}

/** The parts of the fixture the tests below change. */
interface Doc {
  balanceResponseBody: { queryResult: unknown };
  balanceList: { balance: { equityList: [{ qty: unknown }, { tradeType: string }] } };
  resp: unknown;
}

/** The fixture with `edit` applied to its parsed document, as a file of its own name. */
function edited(edit: (d: Doc) => void, name = 'edited.json') {
  const { bytes } = fixture('formats/koscom-balance.json');
  const d = JSON.parse(new TextDecoder().decode(bytes)) as Doc;
  edit(d);
  return { bytes: utf8(JSON.stringify(d, null, 2)), file: name };
}

describe('KOSCOM 계좌잔고 조회', () => {
  const r = load('formats/koscom-balance.json');

  it('is detected by its structure; accInfo.vtAccNo is the account', () => {
    expect(r.format).toBe('koscom');
    expect(new Set(r.holdings.map((h) => h.account))).toEqual(new Set([ACCOUNT]));
  });

  it('reads summary.cashBalance as cash and the KSP/KDQ/ETF rows as shares', () => {
    // 005930: NRM 10 + CRD 2 = 12 (two rows, summed with a duplicate-rows warning); KR7069500007 → 069500, 30;
    // HK0000050325 (a foreign ISIN) and KR7005931001 (삼성전자우: the ISIN does not spell 005935) stay ISINs.
    const brief = r.holdings.map((h) =>
      h.kind === 'cash' ? `cash ${h.currency} ${h.amount}` : `${h.symbol} ${h.quantity} ${h.currency}`,
    );
    expect(brief).toEqual([
      'cash KRW 2500000',
      '005930 12 KRW',
      '069500 30 KRW',
      'HK0000050325 120 KRW',
      'KR7005931001 5 KRW',
    ]);
    expect(r.warnings.filter((w) => w.code === 'duplicate-rows').map((w) => w.symbol)).toEqual(['005930']);
  });

  it("keeps valAtCur ÷ qty as the file's own prices in won, at each row's line", () => {
    // 630,000 / 10 = 63,000; 126,000 / 2 = 63,000; 1,240,500 / 30 = 41,350; 245,400 / 120 = 2,045;
    // 260,000 / 5 = 52,000.
    expect(r.prices.map((p) => [p.symbol, p.price, p.currency, p.line])).toEqual([
      ['005930', 63_000, 'KRW', 41],
      ['005930', 63_000, 'KRW', 51],
      ['069500', 41_350, 'KRW', 61],
      ['HK0000050325', 2_045, 'KRW', 71],
      ['KR7005931001', 52_000, 'KRW', 81],
    ]);
  });

  it('names every row it cannot hold, with its value, instead of dropping it', () => {
    const left = r.warnings.filter((w) => w.code === 'left-out-holding');
    expect(left.map((w) => [w.symbol, w.kind, w.value, w.line])).toEqual([
      ['KRA580001238', 'ELW', 75_000, 91],
      ['가상코리아증권자1호[주식]', 'FUND', 5_000_000, 103],
      ['가상국고채권99-1', 'BOND', 10_150_000, 116], // valueAtCur, the spelling of the documentation's example
      ['가상증권(ELS)101', 'ELS', 3_000_000, 125],
    ]);
  });

  it('says the credit row and the account loan are not subtracted', () => {
    expect(r.warnings.find((w) => w.code === 'loan-not-subtracted')).toMatchObject({
      symbol: '005930',
      line: 51,
    });
    expect(r.warnings.find((w) => w.code === 'account-debt')).toMatchObject({
      loanCredit: 120_000,
      receivable: 0,
    });
  });

  it('a listing table that knows an ISIN wins over the code the ISIN spells', () => {
    const { bytes, file } = fixture('formats/koscom-balance.json');
    const names = nameResolver([{ symbol: '005935.KS', name: '삼성전자우', isin: 'KR7005931001' }]);
    const named = importHoldingsFile(bytes, file, { names });
    expect(named.holdings.some((h) => h.kind === 'security' && h.symbol === '005935.KS')).toBe(true);
  });

  it('warns when the response is one page of several', () => {
    const { bytes, file } = edited((d) => {
      d.balanceResponseBody.queryResult = { totalCnt: 20, count: 9, page: '201603100000000961' };
    });
    const w = importHoldingsFile(bytes, file).warnings.find((x) => x.code === 'more-pages');
    expect(w).toMatchObject({ page: '201603100000000961', count: 9, total: 20 });
  });
});

describe('bad KOSCOM files', () => {
  it('an ISIN whose check digit fails: its line and column, in English and Korean', () => {
    const p = problemOf(() => load('bad/koscom-bad-isin.json'));
    expect([p.line, p.column]).toEqual([53, 23]);
    expect(formatProblem(p, 'en')).toMatch(
      /koscom-bad-isin\.json:53:23: balanceList\.balance\.equityList\[1\]\.isinCode "KR7069500008" has the check digit 8, but its first eleven characters call for 7/,
    );
    expect(formatProblem(p, 'ko')).toMatch(/koscom-bad-isin\.json:53:23: .*검사 숫자는 8이지만 .* 7입니다/);
  });

  it('a quantity that is not a number, a SUM row beside an NRM row, a broker error', () => {
    const text = edited((d) => {
      d.balanceList.balance.equityList[0].qty = '열 주';
    });
    expect(problemOf(() => importHoldingsFile(text.bytes, text.file)).message).toBe(
      'balanceList.balance.equityList[0].qty is "열 주", not a number',
    );
    const sum = edited((d) => {
      d.balanceList.balance.equityList[1].tradeType = 'SUM';
    });
    expect(problemOf(() => importHoldingsFile(sum.bytes, sum.file)).message).toMatch(
      /^KR7005930003 has a SUM row and a NRM row .*count shares twice/,
    );
    const error = edited((d) => {
      d.resp = { respCode: '500', respMsg: 'ERROR' };
    });
    expect(problemOf(() => importHoldingsFile(error.bytes, error.file)).ko?.message).toMatch(
      /200\(정상\)이 아니라 500/,
    );
  });

  it('a 자산 포트폴리오 조회 response (weights, not quantities) is refused for what it is', () => {
    const text = utf8('{"accInfo":{"vtAccNo":"1"},"portfolioList":{"portfolio":{"cash":{"amt":0.5}}}}');
    expect(problemOf(() => importHoldingsFile(text, 'p.json')).message).toMatch(
      /weights within each asset class/,
    );
  });

  it('--format koscom on a Ghostfolio export', () => {
    const { bytes, file } = fixture('ok/ghostfolio-export.json');
    const p = problemOf(() => importHoldingsFile(bytes, file, { format: 'koscom' }));
    expect(p.message).toBe(
      'not a KOSCOM open platform account balance (계좌잔고 조회) response: there is no balanceList.balance object',
    );
    expect(p.line).toBe(1);
  });
});

describe('jsonValuePlaces', () => {
  it('gives each value its path, line and column', () => {
    const places = jsonValuePlaces('{\n  "a": [1,\n    {"b": "x"}]\n}');
    expect(places?.get('a[1].b')).toEqual({ line: 3, column: 11 });
    expect(places?.get('a[0]')).toEqual({ line: 2, column: 9 });
    expect(places?.get('')).toEqual({ line: 1, column: 1 });
    expect(jsonValuePlaces('{"a": }')).toBeUndefined();
  });
});
