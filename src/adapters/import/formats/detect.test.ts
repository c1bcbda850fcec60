/** What a file is, before any row is read as a holding: the generic cases and the refusals. */
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../../test/support/errors.ts';
import { importHoldingsFile } from '../index.ts';
import { utf8 } from '../test-support.ts';

const read = (text: string, file = 'export.csv', asOf?: string) =>
  importHoldingsFile(utf8(text), file, { splits: [], ...(asOf ? { asOf } : {}) });

describe('detection', () => {
  it('reads a generic file with date and type columns as a transaction log, not as holdings', () => {
    const r = read(
      'date,symbol,quantity,type\n2026-01-02,NVDA,10,Buy\n2026-02-02,NVDA,4,Sell\n2026-03-02,NVDA,3,Dividend\n',
    );
    expect(r.format).toBe('transactions');
    // 10 − 4 = 6; as holdings it would have been 10 + 4 + 3 = 17.
    expect(r.holdings).toMatchObject([{ symbol: 'NVDA', quantity: 6 }]);
  });

  it('finds the action column by its values (Buy/Sell/매수/매도) when its header does not say so', () => {
    const r = read('일자,종목코드,수량,적요\n2026-01-02,005930,10,매수\n2026-02-02,005930,3,매도\n');
    expect(r.format).toBe('transactions');
    expect(r.holdings).toMatchObject([{ symbol: '005930', quantity: 7 }]);
  });

  it('refuses actions without a date: a log cannot be netted as of a day without one', () => {
    const p = problemOf(() => read('symbol,quantity,memo\nNVDA,10,Buy\nNVDA,4,Sell\n'));
    expect(p).toMatchObject({ file: 'export.csv', line: 1, column: 3 });
    expect(p.message).toMatch(/looks like a transaction log .* no date column/);
    expect(p.ko?.message).toMatch(/거래내역으로 보입니다/);
  });

  it('asks whether several dates are snapshots or purchase dates, and reads either when told', () => {
    const text = 'date,symbol,quantity\n2026-04-30,NVDA,10\n2026-05-29,NVDA,12\n';
    const p = problemOf(() => read(text));
    expect(p).toMatchObject({ line: 1, column: 1 });
    expect(p.message).toMatch(/^the "date" column holds 2 different dates/);
    expect(p.expected).toMatch(/--format snapshots .* or --format csv/);
    const as = (format: string, asOf?: string) =>
      importHoldingsFile(utf8(text), 'export.csv', { splits: [], format, ...(asOf ? { asOf } : {}) });
    // Snapshots: the latest on or before the as-of day. Holdings: both rows, summed (10 + 12, with a warning).
    expect(as('snapshots').holdings).toMatchObject([{ symbol: 'NVDA', quantity: 12 }]);
    expect(as('snapshots', '2026-05-01').holdings).toMatchObject([{ symbol: 'NVDA', quantity: 10 }]);
    expect(as('csv').holdings).toMatchObject([{ symbol: 'NVDA', quantity: 22 }]);
    expect(problemOf(() => as('transactions')).message).toBe(
      '--format transactions needs a date and an action column, and the header has none',
    );
  });

  it('keeps one-date files and plain files on the generic holdings reader, title lines allowed', () => {
    const r = read('계좌번호: 1234-56\n\nsymbol,quantity\nNVDA,3\n');
    expect(r.format).toBe('csv');
    // The line numbers are still the file's own: NVDA is on line 4.
    expect(r.holdings).toMatchObject([{ symbol: 'NVDA', quantity: 3, origin: { line: 4 } }]);
  });

  it('refuses an unknown layout, naming what it recognised and what was missing', () => {
    const p = problemOf(() => read('Title\nTicker,Weight\nNVDA,0.5\n'));
    expect(p).toMatchObject({ file: 'export.csv', line: 2 });
    expect(p.message).toBe(
      'unknown layout: the likeliest header (line 2: "ticker", "weight") has symbol but no quantity column, and no named format matches',
    );
    expect(p.ko?.message).toMatch(/^알 수 없는 형식입니다/);
  });

  it('refuses an unknown action on a row that has a quantity, since it may move shares', () => {
    const p = problemOf(() =>
      read('date,symbol,quantity,type\n2026-01-02,NVDA,10,Buy\n2026-01-05,NVDA,2,Gift\n'),
    );
    expect(p).toMatchObject({ line: 3, column: 4 });
    expect(p.message).toMatch(/^unknown action "Gift"/);
  });

  it('refuses data after a lone text line inside a named table rather than dropping or merging it', () => {
    const text =
      'Symbol,Last Price $,Change $,Change %,Qty #,Price Paid $,Value $\nAMD,150,1,0.67,10,120,1500\nRetirement\nMU,100,-1,-0.99,7,90,700\n';
    const p = problemOf(() => read(text, 'etrade.csv'));
    expect(p).toMatchObject({ file: 'etrade.csv', line: 4 });
    expect(p.message).toMatch(/table seemed to end at line 3 \("Retirement"\)/);
  });

  it('refuses a sale of more than is held, at the selling row', () => {
    const p = problemOf(() =>
      read('date,symbol,quantity,type\n2026-01-02,NVDA,1,Buy\n2026-01-05,NVDA,2,Sell\n'),
    );
    expect(p).toMatchObject({ line: 3 });
    expect(p.message).toBe('more NVDA sold than held in account export: this row leaves -1');
  });
});
