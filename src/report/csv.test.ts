import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, restoreCell } from './csv.ts';

describe('csv cells (OWASP CSV injection)', () => {
  it('prefixes text that starts a formula with a quote and quotes the cell', () => {
    expect(csvCell('=1+2')).toBe(`"'=1+2"`);
    expect(csvCell('+82')).toBe(`"'+82"`);
    expect(csvCell('-x')).toBe(`"'-x"`);
    expect(csvCell('@cmd')).toBe(`"'@cmd"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell('미국주식')).toBe('미국주식');
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
  });

  it('quotes every header cell', () => {
    expect(csvHeader(['date', 'model:x', '=evil'])).toBe(`"date","model:x","'=evil"`);
  });

  it('restores a neutralised cell and leaves other quotes alone', () => {
    expect(restoreCell("'=1+2")).toBe('=1+2');
    expect(restoreCell("'quoted")).toBe("'quoted");
  });
});
