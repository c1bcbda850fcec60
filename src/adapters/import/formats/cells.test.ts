import { describe, expect, it } from 'vitest';
import { headerKey, parseAmount, parseDateCell } from './cells.ts';

describe('parseAmount', () => {
  it.each([
    ['$1,234.56', 1234.56],
    ['-$12.00', -12],
    ['$-12.00', -12],
    ['(12.50)', -12.5],
    ['+000063000', 63000],
    ['000000010', 10],
    ['USD 1500.00', 1500],
    ['1,234원', 1234],
    ['--', undefined],
    ['12주', undefined],
    ['1,23', undefined],
  ])('%s → %s', (cell, value) => expect(parseAmount(cell)).toBe(value));

  it('reads decimal commas only when the format says so', () => {
    expect(parseAmount('150,00', { decimalComma: true })).toBe(150);
    expect(parseAmount('1.234,5', { decimalComma: true })).toBe(1234.5);
    expect(parseAmount('150,00')).toBeUndefined();
  });
});

describe('parseDateCell', () => {
  it.each([
    ['2024-06-03', 'ymd', '2024-06-03'],
    ['2024-06-03T00:00:00.000Z', 'ymd', '2024-06-03'],
    ['20230403;095853', 'ymd', '2023-04-03'],
    ['2024.06.03', 'ymd', '2024-06-03'],
    ['06/03/2024', 'mdy', '2024-06-03'],
    ['06/03/2024 as of 05/31/2024', 'mdy', '2024-06-03'],
    ['06/03/2024', 'dmy', '2024-03-06'],
    ['17/11/2021', 'dmy', '2021-11-17'],
    ['2024-02-30', 'ymd', undefined],
    ['soon', 'ymd', undefined],
  ] as const)('%s (%s) → %s', (cell, order, iso) => expect(parseDateCell(cell, order)).toBe(iso));
});

describe('headerKey', () => {
  it('normalises case, spacing, quotes and a trailing *', () => {
    expect(headerKey(' "Qty  (Quantity)" ')).toBe('qty (quantity)');
    expect(headerKey('Ticker*')).toBe('ticker');
  });
});
