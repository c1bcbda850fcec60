/** The small pieces on their own: number cells, currency cells, header names, JSON positions, quote finding. */
import { describe, expect, it } from 'vitest';
import { normaliseHeader } from './csv-header.ts';
import { detectDelimiter, findUnclosedQuote } from './csv-records.ts';
import { parseCurrencyCell } from './currency-cell.ts';
import { findJsonSyntaxError, topLevelArrayElementLines } from './json-positions.ts';
import { parseDecimal, roundQuantity } from './numbers.ts';

describe('parseDecimal', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234.5', 1234.5],
    [' +12.5 ', 12.5],
    ['-3', -3],
    ['0.00000001', 1e-8],
    ['.5', 0.5],
    ['1,234,567', 1234567],
  ])('%j → %d', (cell, value) => expect(parseDecimal(cell)).toBe(value));

  it.each(['', 'ten', '12주', '1.234,5', '1,23', '1,2345', '1e3', '--1', '1 234', 'NaN', 'Infinity'])(
    'refuses %j',
    (cell) => expect(parseDecimal(cell)).toBeUndefined(),
  );

  it('rounds float dust away and never yields −0', () => {
    expect(roundQuantity(0.05 - 0.02)).toBe(0.03);
    expect(Object.is(roundQuantity(-1e-17), 0)).toBe(true);
  });
});

describe('parseCurrencyCell', () => {
  it('accepts ISO codes in any case and the Korean words', () => {
    expect(parseCurrencyCell(' usd ')).toEqual({ ok: true, currency: 'USD' });
    expect(parseCurrencyCell('원')).toEqual({ ok: true, currency: 'KRW' });
    expect(parseCurrencyCell('')).toEqual({ ok: true, currency: undefined });
  });

  it('refuses quote units and unknown codes', () => {
    expect(parseCurrencyCell('ZAc')).toMatchObject({ ok: false, expected: 'an ISO 4217 code such as ZAR' });
    expect(parseCurrencyCell('ILA')).toMatchObject({ ok: false, expected: 'an ISO 4217 code such as ILS' });
    expect(parseCurrencyCell('XYZ')).toMatchObject({ ok: false, message: 'unknown currency "XYZ"' });
  });
});

describe('CSV header and records', () => {
  it('normalises header names', () => {
    expect(normaliseHeader(' "Quantity*" ')).toBe('quantity');
    expect(normaliseHeader('보유수량 *')).toBe('보유수량');
  });

  it('detects the delimiter from the header only', () => {
    expect(detectDelimiter('\n\nSymbol\tQty\nA\t"1,000"\n')).toBe('\t');
    expect(detectDelimiter('Symbol;Qty\nA;"1,000"\n')).toBe(';');
    expect(detectDelimiter('Symbol,Qty\tx\n')).toBe(',');
  });

  it('finds where an unclosed quote was opened, ignoring escaped quotes', () => {
    expect(findUnclosedQuote('a,b\n"x ""y""",1\n2,"z\n', ',')).toEqual({ line: 3, column: 2 });
    expect(findUnclosedQuote('a,b\n"x",1\n', ',')).toBeUndefined();
  });
});

describe('JSON positions', () => {
  it('finds element lines of a top-level array, not of nested ones', () => {
    const text = '{\n "a": [\n  {"b": [1,\n 2]},\n  3\n ],\n "c": {"a": [9]}\n}';
    expect(topLevelArrayElementLines(text, 'a')).toEqual([3, 5]);
  });

  it('locates syntax errors', () => {
    expect(findJsonSyntaxError('{"a": 1}')).toBeUndefined();
    expect(findJsonSyntaxError('{"a": 1 "b": 2}')).toMatchObject({ line: 1, column: 9 });
    expect(findJsonSyntaxError('{\n  "a": 1,\n}')).toMatchObject({ line: 2, column: 9 });
    expect(findJsonSyntaxError("{'a': 1}")).toMatchObject({ line: 1, column: 2 });
    expect(findJsonSyntaxError('Date,Symbol\n')).toMatchObject({ line: 1, column: 1 });
  });
});
