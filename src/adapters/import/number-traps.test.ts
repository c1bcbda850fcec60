/**
 * Issue 11 item 12: numbers that parse but probably do not mean what they say. Dates pasted into the quantity column
 * are warned about with their line; quantities a semicolon file makes ambiguous are refused with line and column.
 */
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { describeNotice } from '../../i18n/catalog/catalog.ts';
import { parseHoldingsCsv } from './csv-holdings.ts';
import { dateLikeQuantity } from './numbers.ts';

describe('quantities that look like dates', () => {
  it('names the date each shape stands for', () => {
    expect(dateLikeQuantity('20260529')).toBe('2026-05-29');
    expect(dateLikeQuantity('2026.05')).toBe('2026-05');
    // Excel serial: 46171 days after 1899-12-30. 1899-12-30 + 46,171 d = 2026-05-29 (checked with Excel's DATE(2026,5,29)).
    expect(dateLikeQuantity('46171')).toBe('2026-05-29');
    expect(dateLikeQuantity('20260231')).toBeUndefined(); // no 31 February
    expect(dateLikeQuantity('2026.13')).toBeUndefined();
    expect(dateLikeQuantity('120')).toBeUndefined();
    expect(dateLikeQuantity('46,171')).toBeUndefined(); // formatted as a number by whoever wrote it
  });

  it('imports the row and warns with its line', () => {
    const r = parseHoldingsCsv(
      'symbol,quantity\nAAPL,10\nNVDA,20260529\nTSLA,2026.05\nMSFT,46171\n',
      'h.csv',
    );
    expect(r.holdings.map((h) => (h.kind === 'security' ? h.quantity : h.amount))).toEqual([
      10, 20_260_529, 2026.05, 46_171,
    ]);
    const dated = r.warnings.filter((w) => w.code === 'quantity-looks-like-date');
    expect(dated.map((w) => [w.line, w.symbol, w.date])).toEqual([
      [3, 'NVDA', '2026-05-29'],
      [4, 'TSLA', '2026-05'],
      [5, 'MSFT', '2026-05-29'],
    ]);
    expect(dated[0] && describeNotice(dated[0], 'en')).toBe(
      'h.csv:3: the quantity of NVDA is 20260529, which looks like the date 2026-05-29: check that the quantity column holds the quantity',
    );
  });
});

describe('semicolon-separated files', () => {
  it('refuses 1.234 and 1,234 as ambiguous, at their line and column', () => {
    const dot = problemOf(() => parseHoldingsCsv('symbol;quantity\nAAPL;12.5\nNVDA;1.234\n', 'eu.csv'));
    expect({ line: dot.line, column: dot.column, message: dot.message }).toEqual({
      line: 3,
      column: 2,
      message: '"1.234" is ambiguous in a semicolon-separated file: it may mean 1234 or 1.234',
    });
    const comma = problemOf(() => parseHoldingsCsv('symbol;quantity\nAAPL;1,234\n', 'eu.csv'));
    expect(comma.message).toBe(
      '"1,234" is ambiguous in a semicolon-separated file: it may mean 1.234 or 1234',
    );
    expect(comma.expected).toBe(
      'a quantity without a thousands separator, with a point for decimals (1234 or 1234.5)',
    );
  });

  it('accepts quantities only one reading fits', () => {
    const r = parseHoldingsCsv('symbol;quantity\nAAPL;12.5\nNVDA;1234\nBTC;0.125\nMSFT;1.5\n', 'eu.csv');
    expect(r.holdings.map((h) => (h.kind === 'security' ? h.quantity : 0))).toEqual([12.5, 1234, 0.125, 1.5]);
  });

  it('reads 1,234 as 1234 in a comma-separated file, where it is quoted and unambiguous', () => {
    const r = parseHoldingsCsv('symbol,quantity\nAAPL,"1,234"\n', 'us.csv');
    expect(r.holdings[0]).toMatchObject({ quantity: 1234 });
  });
});
