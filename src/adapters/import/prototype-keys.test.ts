/**
 * Issue 11 item 9: user text used as a key in a table must only find the table's own entries. A currency cell
 * `toString` found Object.prototype.toString in the table of Korean currency words and was accepted as a currency.
 */
import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/support/errors.ts';
import { quoteToMajor } from '../../core/currency.ts';
import { parseHoldingsCsv } from './csv-holdings.ts';
import { parseCurrencyCell } from './currency-cell.ts';

const INHERITED = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('inherited object keys are not table entries', () => {
  it('a currency cell naming an Object.prototype member is an unknown currency', () => {
    for (const cell of INHERITED) {
      expect(parseCurrencyCell(cell), cell).toEqual({
        ok: false,
        message: `unknown currency "${cell}"`,
        expected: 'an ISO 4217 currency code such as KRW, USD, JPY, EUR, INR',
        ko: {
          message: `통화 "${cell}"를 알 수 없습니다`,
          expected: 'KRW, USD, JPY, EUR, INR 같은 ISO 4217 통화 코드',
        },
      });
    }
  });

  it('a holdings row with such a currency stops the import at its line and column', () => {
    for (const cell of INHERITED) {
      const p = problemOf(() =>
        parseHoldingsCsv(`symbol,quantity,currency\nAAPL,3,USD\nMSFT,2,${cell}\n`, 'h.csv'),
      );
      expect({ line: p.line, column: p.column, message: p.message }, cell).toEqual({
        line: 3,
        column: 3,
        message: `unknown currency "${cell}"`,
      });
    }
  });

  it('quoteToMajor knows minor units and ISO codes only', () => {
    for (const code of INHERITED) expect(quoteToMajor(code), code).toBeUndefined();
    expect(quoteToMajor('GBp')).toEqual({ currency: 'GBP', factor: 0.01 });
  });
});
