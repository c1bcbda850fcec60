import { describe, expect, it } from 'vitest';
import { buildUniverse } from '../../core/universe.ts';
import { nameResolver, universeListingNames } from './names.ts';

describe('nameResolver', () => {
  const resolver = nameResolver([
    { symbol: '005930.KS', name: '삼성전자' },
    { symbol: '034020.KS', name: '두산에너빌리티' },
    { symbol: 'TSM', name: 'TSMC' },
    { symbol: '2330.TW', name: 'TSMC' },
  ]);

  it('finds a name after normalising spacing and broker decorations', () => {
    expect(resolver.resolve('삼성전자')).toEqual({ ok: true, symbol: '005930.KS' });
    expect(resolver.resolve(' 삼성 전자 ')).toEqual({ ok: true, symbol: '005930.KS' });
    expect(resolver.resolve('(주)두산에너빌리티')).toEqual({ ok: true, symbol: '034020.KS' });
  });

  it('finds a listing by its ISIN when the table has one', () => {
    const r = nameResolver([{ symbol: 'NVDA', name: 'Nvidia', isin: 'US67066G1040' }]);
    expect(r.resolveIsin?.('us67066g1040')).toBe('NVDA');
    expect(r.resolveIsin?.('DE0007236101')).toBeUndefined();
  });

  it('refuses a name two listings share, with both, and an unknown name', () => {
    expect(resolver.resolve('TSMC')).toEqual({
      ok: false,
      reason: 'ambiguous',
      candidates: ['2330.TW', 'TSM'],
    });
    expect(resolver.resolve('현대차')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
  });

  it('takes the universe as a listing table: English and Korean names, no indices', () => {
    const universe = buildUniverse([
      {
        symbol: '005380.KS',
        name: 'Hyundai Motor',
        nameKo: '현대차',
        type: 'stock',
        currency: 'KRW',
        exchange: 'KRX',
        country: 'KR',
        sleeve: 'physical-ai',
        lot: 1,
        mag7: false,
      },
      {
        symbol: '^KS200',
        name: 'KOSPI 200',
        nameKo: '코스피 200 지수',
        type: 'index',
        currency: 'KRW',
        exchange: 'KRX',
        country: 'KR',
        sleeve: 'other',
        lot: 1,
        mag7: false,
      },
    ] as never);
    const r = nameResolver(universeListingNames(universe));
    expect(r.resolve('현대차')).toEqual({ ok: true, symbol: '005380.KS' });
    expect(r.resolve('Hyundai Motor')).toEqual({ ok: true, symbol: '005380.KS' });
    expect(r.resolve('코스피 200 지수').ok).toBe(false);
  });

  it('finds a listing by a former name only where no listing has that name today, and an old ETF brand as the new', () => {
    const r = nameResolver([
      { symbol: '148020.KS', name: 'RISE 200' },
      { symbol: '148020.KS', name: 'KBSTAR 200', former: true },
      { symbol: '000001.KS', name: 'SAME' },
      { symbol: '000002.KS', name: 'SAME', former: true },
      { symbol: '0000J0.KS', name: 'PLUS 한화그룹주' },
    ]);
    expect(r.resolve('KBSTAR 200')).toEqual({ ok: true, symbol: '148020.KS' });
    expect(r.resolve('RISE 200')).toEqual({ ok: true, symbol: '148020.KS' });
    expect(r.resolve('SAME')).toEqual({ ok: true, symbol: '000001.KS' });
    // ARIRANG became PLUS (2024-10): a name under the old brand is tried under the new one.
    expect(r.resolve('ARIRANG 한화그룹주')).toEqual({ ok: true, symbol: '0000J0.KS' });
    expect(r.resolve('KBSTAR 한화그룹주')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
  });
});
