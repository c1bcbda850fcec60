import { describe, expect, it } from 'vitest';
import { resolveKrxName, resolveSymbol } from '../../core/universe.ts';
import { parseKrxEtfListing } from './listing-file.ts';
import { loadUniverse } from './universe-file.ts';

// Rows checked by hand against the source, KRX's ETF 전종목 시세 export as saved in kanldark135/buyside_quant
// etf_list.csv @ d83ea87e (2023-08-10; 종목코드, 종목명, 기초지수_지수명; Excel dropped the codes' leading zeros):
//   line 2:   105190,ACE 200,…,코스피 200
//   line 31:  360200,ACE 미국S&P500,…,S&P 500
//   line 59:  238720,ACE 일본Nikkei225(H),…,Nikkei 225
//   line 29:  453850,ACE 미국30년국채액티브(H),…,Bloomberg U.S Treasury 20+ Year Total Return Index
//   line 393: 409810,KODEX 미국나스닥100선물인버스(H),…,NASDAQ 100
//   line 411: 91160,KODEX 반도체,…,KRX 반도체
describe('the bundled KRX ETF listing (data/listings/krx-etf.csv)', () => {
  const u = loadUniverse();
  const at = (written: string) => {
    const s = resolveSymbol(u, written);
    return s === undefined ? undefined : u.instruments.get(s);
  };

  it('resolves an ETF code in any form to the listing: KRW, lot 1, its Korean name', () => {
    for (const w of ['105190', 'A105190', '105190.KS']) expect(resolveSymbol(u, w), w).toBe('105190.KS');
    expect(at('105190')).toMatchObject({ type: 'etf', currency: 'KRW', lot: 1, nameKo: 'ACE 200' });
    // The source wrote 91160; the bundled file and every spelling keep the six characters.
    for (const w of ['091160', 'A091160', '091160.KS']) expect(resolveSymbol(u, w), w).toBe('091160.KS');
    expect(at('091160')).toMatchObject({ type: 'etf', currency: 'KRW', lot: 1, nameKo: 'KODEX 반도체' });
    expect(resolveKrxName(u, 'ACE 미국S&P500')).toEqual({ kind: 'code', symbol: '360200.KS' });
  });

  it('classifies by the index tracked: a foreign index is never country KR', () => {
    expect(at('105190')).toMatchObject({
      sleeve: 'emerging',
      country: 'KR',
      classifiedBy: 'kr-etf-korea-broad',
    });
    expect(at('360200')).toMatchObject({ sleeve: 'other', country: 'US', classifiedBy: 'kr-etf-us-broad' });
    expect(at('238720')).toMatchObject({ sleeve: 'emerging', country: 'JP', classifiedBy: 'kr-etf-japan' });
    // A US treasury fund and a Korean sector fund: no rule names their index, so the fund is not looked into.
    expect(at('453850')).toMatchObject({ sleeve: 'other', country: 'unknown', classifiedBy: 'kr-etf-other' });
    expect(at('091160')).toMatchObject({ country: 'unknown', classifiedBy: 'kr-etf-other' });
    // Inverse: it tracks the Nasdaq-100 but is short it, so the US rule does not take it.
    expect(at('409810')).toMatchObject({
      country: 'unknown',
      classifiedBy: 'kr-etf-other',
      listing: { market: 'ETF inverse', industry: 'NASDAQ 100' },
    });
    // Curated entries still win: KODEX 200 (069500) is in data/universe.json.
    expect(at('069500')?.classifiedBy).toBeUndefined();
  });

  it('names the line of a bad code', () => {
    expect(() =>
      parseKrxEtfListing('code,name,index\n069500,KODEX 200,코스피 200\n69500,x,y\n', 'e.csv'),
    ).toThrow('e.csv:3:1: bad KRX code 69500');
  });
});
