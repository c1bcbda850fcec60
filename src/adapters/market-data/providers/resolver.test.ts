import { describe, expect, it } from 'vitest';
import { fredFxSeries, listingSuffix, parseFxPair, yahooSymbol } from './resolver.ts';

describe('symbol resolver', () => {
  it('spells FX pairs the way Yahoo does', () => {
    expect(yahooSymbol('USDKRW')).toBe('KRW=X'); // KRW per 1 USD
    expect(yahooSymbol('USDJPY')).toBe('JPY=X');
    expect(yahooSymbol('EURUSD')).toBe('EURUSD=X');
    expect(yahooSymbol('GBPUSD')).toBe('GBPUSD=X');
    expect(yahooSymbol('EURKRW')).toBe('EURKRW=X');
  });

  it('leaves canonical listings as they are (they are Yahoo-style already)', () => {
    for (const s of ['005930.KS', '6954.T', 'RR.L', 'ABBN.SW', 'SIE.DE', 'SU.PA', '^KS200', '^TOPX', 'BRK-B'])
      expect(yahooSymbol(s)).toBe(s);
  });

  it('maps a pair to its FRED series in FRED’s orientation', () => {
    expect(fredFxSeries('USD', 'KRW')).toEqual({ id: 'DEXKOUS', invert: false });
    expect(fredFxSeries('KRW', 'USD')).toEqual({ id: 'DEXKOUS', invert: true });
    expect(fredFxSeries('EUR', 'USD')).toEqual({ id: 'DEXUSEU', invert: false }); // USD per EUR
    expect(fredFxSeries('USD', 'GBP')).toEqual({ id: 'DEXUSUK', invert: true });
    expect(fredFxSeries('USD', 'CHF')).toEqual({ id: 'DEXSZUS', invert: false });
    expect(fredFxSeries('USD', 'INR')).toEqual({ id: 'DEXINUS', invert: false });
    expect(fredFxSeries('USD', 'JPY')).toEqual({ id: 'DEXJPUS', invert: false });
    expect(fredFxSeries('EUR', 'KRW')).toBeUndefined(); // FRED has no cross rates
  });

  it('tells pairs from listings', () => {
    expect(parseFxPair('usdkrw')).toEqual({ base: 'USD', quote: 'KRW' });
    expect(parseFxPair('NVDA')).toBeUndefined();
    expect(parseFxPair('USDUSD')).toBeUndefined();
    expect(parseFxPair('ABCDEF')).toBeUndefined(); // six letters, not ISO codes
    expect(listingSuffix('005930.KS')).toBe('.KS');
    expect(listingSuffix('NVDA')).toBe('');
    expect(listingSuffix('^KS200')).toBe('^');
  });
});
