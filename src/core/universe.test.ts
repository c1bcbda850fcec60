import { describe, expect, it } from 'vitest';
import { inst } from '../../test/support/universe.ts';
import { buildUniverse, padKrxCode, resolveSymbol } from './universe.ts';

describe('padKrxCode', () => {
  it('pads 1–5 digits to the six of a KRX code, and nothing else', () => {
    expect(padKrxCode('5930')).toBe('005930');
    expect(padKrxCode('660')).toBe('000660');
    expect(padKrxCode(' 69500 ')).toBe('069500');
    expect(padKrxCode('7')).toBe('000007');
    expect(padKrxCode('005930')).toBeUndefined(); // already six
    expect(padKrxCode('A5930')).toBeUndefined();
    expect(padKrxCode('59.30')).toBeUndefined();
    expect(padKrxCode('')).toBeUndefined();
  });
});

describe('resolveSymbol', () => {
  const universe = buildUniverse([
    inst('005930.KS', 'physical-ai', 'KR', 'KRW'),
    inst('000660.KQ', 'physical-ai', 'KR', 'KRW'),
    inst('2330.TW', 'physical-ai', 'TW', 'TWD', { aliases: ['2330'] }),
    // A user alias that pads to a KRX-looking key but names a non-KRX listing must not be reached by padding.
    inst('0700.HK', 'emerging', 'CN', 'HKD', { aliases: ['000700'] }),
  ]);

  it('resolves the broker forms of a KRX code, including the one Excel leaves after dropping the zeros', () => {
    expect(resolveSymbol(universe, '005930')).toBe('005930.KS');
    expect(resolveSymbol(universe, 'a005930')).toBe('005930.KS');
    expect(resolveSymbol(universe, '5930')).toBe('005930.KS');
    expect(resolveSymbol(universe, '660')).toBe('000660.KQ');
  });

  it('matches as written first, so a 4-digit Taiwan code keeps its meaning', () => {
    expect(resolveSymbol(universe, '2330')).toBe('2330.TW');
  });

  it('pads only onto a KRX listing, and leaves unknown codes unknown', () => {
    expect(resolveSymbol(universe, '700')).toBeUndefined(); // 000700 is an alias of 0700.HK, not a KRX listing
    expect(resolveSymbol(universe, '1234')).toBeUndefined();
  });
});
