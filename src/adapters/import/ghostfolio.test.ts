import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { noticesJson } from '../../report/notice-json.ts';
import { importGhostfolioJson } from './ghostfolio.ts';
import { at, fixture } from './test-support.ts';

const text = (name: string) => {
  const { bytes, file } = fixture(name);
  return { file, text: new TextDecoder().decode(bytes) };
};

describe('importGhostfolioJson', () => {
  it('ghostfolio-export.json: nets BUY/SELL per account and symbol, balances become cash', () => {
    const { file, text: json } = text('ok/ghostfolio-export.json');
    const { holdings, warnings } = importGhostfolioJson(json, file);
    expect(holdings).toEqual([
      {
        kind: 'security',
        account: 'Interactive Brokers',
        symbol: 'VTI',
        quantity: 12, // 10 bought + 5 bought − 3 sold = 12 (the DIVIDEND of 15 is ignored)
        currency: 'USD',
        origin: { file, line: 50 }, // the first VTI BUY
      },
      // MSFT: 4 bought − 4 sold = 0 → closed, left out.
      {
        kind: 'security',
        account: 'Ghostfolio', // accountId: null
        symbol: 'BTCUSD',
        quantity: 0.03, // 0.05 bought − 0.02 sold = 0.03 (not 0.030000000000000002)
        currency: 'USD',
        origin: { file, line: 78 },
      },
      {
        kind: 'security',
        account: '키움증권 위탁',
        symbol: '005930.KS',
        quantity: 30,
        currency: 'KRW',
        origin: { file, line: 92 },
      },
      {
        kind: 'cash',
        account: 'Interactive Brokers',
        currency: 'USD',
        amount: 1520.5,
        origin: { file, line: 7 },
      },
      {
        kind: 'cash',
        account: '키움증권 위탁',
        currency: 'KRW',
        amount: 2500000,
        origin: { file, line: 23 },
      },
    ]);
    expect(noticesJson(warnings, 'en')).toEqual([
      {
        code: 'ignored-activities',
        message: `${file}: 2 activities ignored (1 FEE, 1 DIVIDEND): only BUY and SELL change holdings; cash comes from the account balances`,
        file,
        params: { count: 2, types: '1 FEE, 1 DIVIDEND' },
      },
    ]);
  });

  it('bad/ghostfolio-oversold.json: names the symbol and points at the SELL', () => {
    const { file, text: json } = text('bad/ghostfolio-oversold.json');
    const p = problemOf(() => importGhostfolioJson(json, file));
    expect(at(p)).toEqual({ file, line: 37, column: undefined });
    expect(p.message).toContain('more NVDA sold than bought');
    expect(p.message).toContain('bought 5, sold 8');
    expect(p.expected).toBe('sales of at most the quantity bought; short positions are not supported');
  });

  it('bad/not-json.json: line and column of the trailing comma', () => {
    const { file, text: json } = text('bad/not-json.json');
    const p = problemOf(() => importGhostfolioJson(json, file));
    expect(at(p)).toEqual({ file, line: 17, column: 6 });
    expect(p.message).toContain('not valid JSON');
    expect(p.expected).toContain('Ghostfolio export');
  });

  it('accepts an export without accounts (Ghostfolio test/import/ok/without-accounts.json shape)', () => {
    const json = JSON.stringify({
      meta: { date: '2022-04-01T00:00:00.000Z', version: 'dev' },
      activities: [
        {
          fee: 0,
          quantity: 5,
          type: 'BUY',
          unitPrice: 298.58,
          currency: 'USD',
          dataSource: 'YAHOO',
          date: '2021-09-16T00:00:00.000Z',
          symbol: 'MSFT',
        },
        {
          fee: 0,
          quantity: 3,
          type: 'BUY',
          unitPrice: 10,
          currency: 'GBp',
          dataSource: 'YAHOO',
          date: '2021-09-16T00:00:00.000Z',
          symbol: 'VOD.L',
        },
      ],
    });
    expect(importGhostfolioJson(json, 'g.json').holdings).toEqual([
      {
        kind: 'security',
        account: 'Ghostfolio',
        symbol: 'MSFT',
        quantity: 5,
        currency: 'USD',
        origin: { file: 'g.json', line: 1 },
      },
      // Ghostfolio quotes London in pence; holdings carry the major currency.
      {
        kind: 'security',
        account: 'Ghostfolio',
        symbol: 'VOD.L',
        quantity: 3,
        currency: 'GBP',
        origin: { file: 'g.json', line: 1 },
      },
    ]);
  });

  it('falls back to the account id when the account has no name', () => {
    const json = JSON.stringify({
      accounts: [{ id: 'acc-1', name: null, currency: 'EUR', balance: 10 }],
      activities: [{ accountId: 'acc-1', quantity: 1, type: 'BUY', symbol: 'SAP.DE', currency: 'EUR' }],
    });
    expect(importGhostfolioJson(json, 'g.json').holdings.map((h) => h.account)).toEqual(['acc-1', 'acc-1']);
  });

  it('reports a malformed activity with its index, JSON path and line', () => {
    const json = `{
  "activities": [
    { "quantity": 1, "type": "BUY", "symbol": "VTI" },
    { "quantity": "ten", "type": "BUY", "symbol": "BND" }
  ]
}`;
    const p = problemOf(() => importGhostfolioJson(json, 'g.json'));
    expect(p).toMatchObject({ file: 'g.json', line: 4 });
    expect(p.message).toBe('not a valid Ghostfolio export: activity 2 of 2: activities[1].quantity is "ten"');
    expect(p.expected).toBe('a quantity (a number)');
  });

  it('refuses an unknown activity type', () => {
    const json = JSON.stringify({ activities: [{ quantity: 1, type: 'SPLIT', symbol: 'NVDA' }] });
    const p = problemOf(() => importGhostfolioJson(json, 'g.json'));
    expect(p.message).toContain('activities[0].type is "SPLIT"');
    expect(p.expected).toContain('one of BUY, SELL');
  });

  it('refuses JSON that is not an export', () => {
    const p = problemOf(() => importGhostfolioJson('{"holdings": []}', 'g.json'));
    expect(p.message).toBe('not a valid Ghostfolio export: activities is missing');
    expect(p.expected).toBe('an "activities" array');
  });

  it('refuses a cash balance without a currency', () => {
    const json = JSON.stringify({
      accounts: [{ id: 'a', name: 'Main', currency: null, balance: 5 }],
      activities: [],
    });
    const p = problemOf(() => importGhostfolioJson(json, 'g.json'));
    expect(p.message).toContain('no currency');
  });

  it('ghostfolio-excluded-account.json: leaves out the activities and balance of isExcluded accounts', () => {
    const { file, text: json } = text('ok/ghostfolio-excluded-account.json');
    const { holdings, warnings } = importGhostfolioJson(json, file);
    // Only IB counts: NVDA 10 (line 9) and its 1000 USD (line 4). Old 401k's AAPL (bought 1000, sold 1200: it would
    // be oversold if it were netted), its DIVIDEND and its 999999 USD, and acc-ex2's 5 × 005930.KS are all left out.
    expect(holdings).toEqual([
      {
        kind: 'security',
        account: 'IB',
        symbol: 'NVDA',
        quantity: 10,
        currency: 'USD',
        origin: { file, line: 9 },
      },
      { kind: 'cash', account: 'IB', currency: 'USD', amount: 1000, origin: { file, line: 4 } },
    ]);
    expect(noticesJson(warnings, 'en')).toEqual([
      {
        code: 'excluded-account',
        message: `${file}: account Old 401k is excluded from analysis in Ghostfolio ("isExcluded": true), so its 3 activities and its cash balance of 999999 USD were left out, as Ghostfolio does`,
        account: 'Old 401k',
        file,
        params: { activities: 3, balance: 999999, currency: 'USD' },
      },
      {
        code: 'excluded-account', // no name → the id; a zero balance is not mentioned
        message: `${file}: account acc-ex2 is excluded from analysis in Ghostfolio ("isExcluded": true), so its 1 activity was left out, as Ghostfolio does`,
        account: 'acc-ex2',
        file,
        params: { activities: 1, balance: 0, currency: 'KRW' },
      },
    ]);
  });

  describe('ghostfolio-as-of.json with an as-of date', () => {
    const { file, text: json } = text('ok/ghostfolio-as-of.json');
    const cash = [
      { kind: 'cash', account: 'IB', currency: 'USD', amount: 1000, origin: { file, line: 4 } },
      { kind: 'cash', account: '키움', currency: 'KRW', amount: 3000000, origin: { file, line: 5 } },
    ];
    const samsung = {
      kind: 'security',
      account: '키움',
      symbol: '005930.KS',
      quantity: 20,
      currency: 'KRW',
      origin: { file, line: 13 },
    };
    const balancesWarning = (asOf: string) => ({
      code: 'balances-as-of-export',
      message: `${file}: cash balances are as of the export date 2026-05-30, not as of ${asOf}: a Ghostfolio export carries only the current balances`,
      file,
      date: '2026-05-30',
      params: { asOf },
    });

    it('2026-05-10: ignores the three activities dated after it, keeps one at 23:59 on the day', () => {
      const { holdings, warnings } = importGhostfolioJson(json, file, { asOf: '2026-05-10' });
      expect(holdings).toEqual([
        // 10 (2024-07-01, after the 2024-06-10 split) + 8 (2026-05-10T23:59:59.999Z: the same calendar day) = 18; the SELLs of 4 (05-11) and
        // 12 (05-29) and the TSLA BUY (05-20) are after the as-of date.
        {
          kind: 'security',
          account: 'IB',
          symbol: 'NVDA',
          quantity: 18,
          currency: 'USD',
          origin: { file, line: 8 },
        },
        samsung,
        ...cash,
      ]);
      expect(noticesJson(warnings, 'en')).toEqual([
        {
          code: 'activities-after-as-of',
          message: `${file}: 3 activities dated after the as-of date 2026-05-10 ignored (from 2026-05-11 on)`,
          file,
          date: '2026-05-11',
          params: { count: 3, asOf: '2026-05-10' },
        },
        balancesWarning('2026-05-10'),
      ]);
    });

    it('2026-05-20: only the SELL of 2026-05-29 is after it', () => {
      const { holdings, warnings } = importGhostfolioJson(json, file, { asOf: '2026-05-20' });
      // NVDA 10 − 4 + 8 = 14; TSLA bought on the as-of day itself counts.
      expect(
        holdings.map((h) => (h.kind === 'security' ? [h.symbol, h.quantity] : [h.currency, h.amount])),
      ).toEqual([
        ['NVDA', 14],
        ['TSLA', 5],
        ['005930.KS', 20],
        ['USD', 1000],
        ['KRW', 3000000],
      ]);
      expect(noticesJson(warnings, 'en')).toEqual([
        {
          code: 'activities-after-as-of',
          message: `${file}: 1 activity dated after the as-of date 2026-05-20 ignored (from 2026-05-29 on)`,
          file,
          date: '2026-05-29',
          params: { count: 1, asOf: '2026-05-20' },
        },
        balancesWarning('2026-05-20'),
      ]);
    });

    it('on the export date, or without an as-of date: every activity counts and nothing is said', () => {
      // NVDA 10 − 4 − 12 + 8 = 2.
      for (const options of [{ asOf: '2026-05-30' }, {}]) {
        const { holdings, warnings } = importGhostfolioJson(json, file, options);
        expect(holdings.map((h) => (h.kind === 'security' ? h.quantity : h.amount))).toEqual([
          2, 5, 20, 1000, 3000000,
        ]);
        expect(noticesJson(warnings, 'en')).toEqual([]);
      }
    });
  });

  it('refuses an implausible quantity, in the same words as the CSV importer', () => {
    const json = JSON.stringify({ activities: [{ quantity: 1e12, type: 'BUY', symbol: 'NVDA' }] });
    const p = problemOf(() => importGhostfolioJson(json, 'g.json'));
    expect(p.message).toBe(
      'not a valid Ghostfolio export: activity 1 of 1: activities[0].quantity is 1000000000000',
    );
    expect(p.expected).toBe('a quantity below 1,000,000,000,000');
  });

  it('reports truncated JSON at its end', () => {
    const p = problemOf(() => importGhostfolioJson('{\n  "activities": [\n', 'g.json'));
    expect(at(p)).toEqual({ file: 'g.json', line: 3, column: 1 });
    expect(p.message).toContain('ends too early');
  });

  it('refuses JSON nested 10,000 levels deep with exit-2 error and its place, not a stack overflow', () => {
    // Line 3 holds `"x": ` (4 spaces of indent + 5 characters) then 10,000 '['. The document object is level 1, so
    // the 512th '[' opens level 513, one more than MAX_JSON_DEPTH: it sits at column 4 + 5 + 512 = 521.
    const deep = `{\n  "activities": [],\n    "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}`;
    const p = problemOf(() => importGhostfolioJson(deep, 'deep.json'));
    expect(at(p)).toEqual({ file: 'deep.json', line: 3, column: 521 });
    expect(p.message).toBe(
      'the file cannot be imported: arrays and objects are nested more than 512 levels deep',
    );
  });

  it('points at the right line of every activity in a long export (lines counted in one pass)', () => {
    // One activity per line after `{"activities": [` on line 1: activity i (0-based) is on line i + 2. Activity
    // 40,000 is a SELL of a symbol never bought, so the error names its line, 40,002.
    const buy = '{"type":"BUY","quantity":1,"symbol":"VTI"}';
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      i === 40_000 ? '{"type":"SELL","quantity":1,"symbol":"XOM"}' : buy,
    );
    const json = `{"activities": [\n${rows.join(',\n')}\n]}`;
    const p = problemOf(() => importGhostfolioJson(json, 'long.json'));
    expect(p.line).toBe(40_002);
    expect(p.message).toBe(
      'more XOM sold than bought in account Ghostfolio: bought 0, sold 1 (activities 40001)',
    );
  });

  it('lists at most twenty activity numbers in an oversold message', () => {
    const sells = Array.from({ length: 25 }, () => ({ type: 'SELL', quantity: 1, symbol: 'XOM' }));
    const p = problemOf(() => importGhostfolioJson(JSON.stringify({ activities: sells }), 'g.json'));
    expect(p.message).toContain(
      '(activities 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 and 5 more)',
    );
  });
});
