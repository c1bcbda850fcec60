import { describe, expect, it } from 'vitest';
import { isinCheckDigit, isinCheckDigitOk, krxCodeOfIsin } from './isin.ts';

describe('ISIN check digit (ISO 6166)', () => {
  it('checks published ISINs', () => {
    // Apple US0378331005: U=30 S=28, so the digits are 3028037833100; doubling every second one from the right
    // (0,1,3,7,0,2,3 → 0,2,6,14→5,0,4,6) and adding the rest (0,3,8,3,8,0) sums to 45: check (10 − 5) mod 10 = 5.
    expect(isinCheckDigit('US037833100')).toBe(5);
    for (const isin of ['US0378331005', 'US67066G1040', 'DE0007236101', 'IE00B3RBWM25', 'KR7005930003']) {
      expect(isinCheckDigitOk(isin)).toBe(true);
    }
  });

  it('refuses a changed digit, a wrong length and lower case', () => {
    expect(isinCheckDigitOk('KR7005930004')).toBe(false);
    expect(isinCheckDigitOk('US0378331050')).toBe(false); // the last two swapped
    expect(isinCheckDigitOk('KR700593000')).toBe(false);
    expect(isinCheckDigitOk('kr7005930003')).toBe(false);
  });
});

describe('KRX code of a Korean ISIN', () => {
  it('reads the code of a common share or ETF (KR7 + code + 00 + check)', () => {
    expect(krxCodeOfIsin('KR7005930003')).toBe('005930');
    expect(krxCodeOfIsin('KR7069500007')).toBe('069500');
  });

  it('does not guess a preferred share, a foreign ISIN or one whose check digit fails', () => {
    expect(krxCodeOfIsin('KR7005931001')).toBeUndefined(); // 삼성전자우 is 005935, not 005931
    expect(krxCodeOfIsin('HK0000050325')).toBeUndefined();
    expect(krxCodeOfIsin('KR7005930004')).toBeUndefined();
  });
});
