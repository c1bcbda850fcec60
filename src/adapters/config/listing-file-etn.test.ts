import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveKrxName, resolveSymbol } from '../../core/universe.ts';
import { BUNDLED_KRX_ETN_LISTING, parseKrxEtnListing } from './listing-file.ts';
import { couldBeListed, loadUniverse } from './universe-file.ts';

// Rows checked by hand against the sources, Korea Investment & Securities' KOSPI master file (kospi_code.mst,
// CP949, fixed width: 9-character short code `Q530031  `, 12-character ISIN, name, then 227 characters whose first
// two are the group code, `EN` for an ETN), as committed in pride167100-pixel/quant-project @ bd8d5fc7 (2026-07-23)
// and ChiwonMoon/StockFlow @ 16425f2f (2026-02-10):
//   Q530031  KRG532400311삼성 레버리지 WTI원유 선물 ETN          EN … (both files)
//   Q500085  …신한 코스피 200 TR ETN                                EN … (2026-07-23)
//   Q530120  …삼성 나스닥 100 TR ETN                                EN … (2026-07-23)
//   Q520088  …미래에셋 S&P500 VIX S/T 선물 ETN(H)                   EN … (2026-07-23)
//   Q530036  …삼성 인버스 2X WTI원유 선물 ETN                       EN … (2026-02-10 only)
// 386 ETNs in the July file, 381 in the February one, 44 of those not in July: 430 codes in all.
describe('the bundled KRX ETN listing (data/listings/krx-etn.csv)', () => {
  const u = loadUniverse();
  const at = (written: string) => {
    const s = resolveSymbol(u, written);
    return s === undefined ? undefined : u.instruments.get(s);
  };

  it('holds the 430 codes of the two master files, six digits each', () => {
    const rows = parseKrxEtnListing(readFileSync(BUNDLED_KRX_ETN_LISTING, 'utf8'), BUNDLED_KRX_ETN_LISTING);
    expect(rows).toHaveLength(430);
    expect(rows.every((r) => /^\d{6}$/.test(r.code) && r.type === 'etn')).toBe(true);
  });

  it('resolves an ETN code in every broker form to the listing: KRW, lot 1, its Korean name', () => {
    for (const w of ['530031', 'Q530031', 'q530031', 'A530031', '530031.KS', 'Q530031.KS', '530031.KQ'])
      expect(resolveSymbol(u, w), w).toBe('530031.KS');
    expect(at('Q530031')).toMatchObject({
      type: 'etn',
      currency: 'KRW',
      lot: 1,
      exchange: 'KRX',
      nameKo: '삼성 레버리지 WTI원유 선물 ETN',
    });
    expect(resolveKrxName(u, '삼성 레버리지 WTI원유 선물 ETN')).toEqual({
      kind: 'code',
      symbol: '530031.KS',
    });
    // A share keeps its meaning: Q is an ETN's prefix only.
    expect(resolveSymbol(u, 'Q005930')).toBeUndefined();
    // February's name (ChiwonMoon/StockFlow: Q610089 메리츠 솔랙티브 -2X WTI원유 선물 ETN(H)) finds July's listing,
    // 메리츠 인버스 2X WTI원유 선물 ETN(H).
    expect(resolveKrxName(u, '메리츠 솔랙티브 -2X WTI원유 선물 ETN(H)')).toEqual({
      kind: 'code',
      symbol: '610089.KS',
    });
    expect(at('610089')).toMatchObject({
      nameKo: '메리츠 인버스 2X WTI원유 선물 ETN(H)',
      formerNames: ['메리츠 솔랙티브 -2X WTI원유 선물 ETN(H)'],
      classifiedBy: 'kr-etn-inverse',
    });
  });

  it('classifies a note by its name, flagging leveraged and inverse ones; no rule looks it through', () => {
    expect(at('530031')).toMatchObject({
      sleeve: 'other',
      country: 'unknown',
      classifiedBy: 'kr-etn-leveraged',
      listing: { market: 'ETN leveraged' },
    });
    expect(at('530036')).toMatchObject({
      classifiedBy: 'kr-etn-inverse',
      country: 'unknown',
      listing: { market: 'ETN inverse' },
    });
    expect(at('500085')).toMatchObject({
      sleeve: 'emerging',
      country: 'KR',
      classifiedBy: 'kr-etn-korea-broad',
    });
    expect(at('530120')).toMatchObject({ sleeve: 'other', country: 'US', classifiedBy: 'kr-etn-us-broad' });
    expect(at('520088')).toMatchObject({ country: 'unknown', classifiedBy: 'kr-etn-other' });
    const etns = [...u.instruments.values()].filter((i) => i.type === 'etn');
    expect(etns).toHaveLength(430);
    expect(etns.filter((i) => i.lookThroughVia !== undefined)).toEqual([]);
  });

  it('reads the listing when a Q code is the only symbol (it could be a listing)', () => {
    expect(couldBeListed('Q530031')).toBe(true);
    expect(couldBeListed('Q530031.KS')).toBe(true);
    const lazy = loadUniverse(undefined, undefined, { symbols: ['Q530031'] });
    expect(resolveSymbol(lazy, 'Q530031')).toBe('530031.KS');
  });
});

describe('parseKrxEtnListing', () => {
  it('takes a Q code or six digits, and reads the multiple and the direction from the name', () => {
    const rows = parseKrxEtnListing(
      [
        'code,name',
        'Q530031,삼성 레버리지 WTI원유 선물 ETN',
        '530036,삼성 인버스 2X WTI원유 선물 ETN',
        '520077,미래에셋 -1.5X 천연가스 선물 ETN',
        '610015,메리츠 3X 레버리지 국채3년 ETN',
        '610007,메리츠 국채30년 ETN',
      ].join('\n'),
      'etn.csv',
    );
    expect(rows.map((r) => [r.symbol, r.market, r.leverage])).toEqual([
      ['530031.KS', 'ETN leveraged', 2],
      ['530036.KS', 'ETN inverse', undefined],
      // -1.5X: short, without 인버스 in the name.
      ['520077.KS', 'ETN inverse', undefined],
      ['610015.KS', 'ETN leveraged', 3],
      ['610007.KS', 'ETN', undefined],
    ]);
    expect(rows[0]).toMatchObject({ code: '530031', type: 'etn', currency: 'KRW', lot: 1 });
  });

  it('names the line of a bad code', () => {
    expect(() => parseKrxEtnListing('code,name\n530031,x\nQ53003,y\n', 'etn.csv')).toThrow(
      'etn.csv:3:1: bad KRX code Q53003',
    );
  });
});
