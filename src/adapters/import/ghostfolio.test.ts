import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
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
    expect(warnings).toEqual([
      {
        code: 'ignored-activities',
        message: `${file}: 2 activities ignored (1 FEE, 1 DIVIDEND): only BUY and SELL change holdings; cash comes from the account balances`,
        file,
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

  it('reports truncated JSON at its end', () => {
    const p = problemOf(() => importGhostfolioJson('{\n  "activities": [\n', 'g.json'));
    expect(at(p)).toEqual({ file: 'g.json', line: 3, column: 1 });
    expect(p.message).toContain('ends too early');
  });
});
