import { describe, expect, it } from 'vitest';
import { resolveKrxName, resolveSymbol } from '../../core/universe.ts';
import { mergeKrxEtfListings, parseKrxEtfListing } from './listing-file.ts';
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
      classifiedBy: 'kr-etf-kospi200',
      lookThroughVia: { fund: '069500.KS', multiple: 1 },
    });
    expect(at('360200')).toMatchObject({ sleeve: 'other', country: 'US', classifiedBy: 'kr-etf-sp500' });
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

// Rows checked by hand against data/listings/krx-etf-2026.csv (jongho1972/etf-dashboard etf_list.csv @ 5eabdf0a,
// 2026-04-15) and the 2023 list above:
//   2026 line 291: 148020,RISE 200            2023 line 76:  148020,KBSTAR 200,코스피 200
//   2026 line 294: 152100,PLUS 200            2023 line 79:  152100,ARIRANG 200,코스피 200
//   2026 line 222: 069660,KIWOOM 200          2023 line 3:   069660,KOSEF 200,코스피 200
//   2026 line 83:  0069M0,1Q 미국나스닥100     (not in 2023: listed since)
//   2026 line 89:  0080G0,KODEX 방산TOP10      (not in 2023)
//   2026 line 1063: 494840,TIGER 미국방산TOP10 (not in 2023)
//   2026 line 761: 441680,TIGER 미국나스닥100커버드콜(합성) 2023 line 613: …,Cboe Nasdaq-100 BuyWrite V2 지수 (Total Return)
//   2026 line 254: 122630,KODEX 레버리지       2023 line 36:  122630,KODEX 레버리지,코스피 200
//   2026 line 698: 418660,TIGER 미국나스닥100레버리지(합성)   2023 line 536: …,NASDAQ 100
//   2026 line 410: 253160,PLUS 200선물인버스2X 2023 line 199: 253160,ARIRANG 200선물인버스2X,코스피 200 선물지수
//   2026: no 252720; 2023 line 196: 252720,KBSTAR 모멘텀밸류 (delisted since; kept under its 2023 name)
describe('the KRX ETF names of 2026-04-15 (data/listings/krx-etf-2026.csv) over the 2023 list', () => {
  const u = loadUniverse();
  const at = (written: string) => {
    const s = resolveSymbol(u, written);
    return s === undefined ? undefined : u.instruments.get(s);
  };

  it('names an ETF as it is called today, and still finds it by its 2023 name', () => {
    expect(at('148020')).toMatchObject({ nameKo: 'RISE 200', formerNames: ['KBSTAR 200'] });
    expect(resolveKrxName(u, 'RISE 200')).toEqual({ kind: 'code', symbol: '148020.KS' });
    expect(resolveKrxName(u, 'KBSTAR 200')).toEqual({ kind: 'code', symbol: '148020.KS' });
    expect(resolveKrxName(u, 'ARIRANG 200')).toEqual({ kind: 'code', symbol: '152100.KS' });
    expect(resolveKrxName(u, 'KOSEF 200')).toEqual({ kind: 'code', symbol: '069660.KS' });
    // The index comes from the 2023 list: RISE 200 is a KOSPI 200 fund.
    expect(at('148020')).toMatchObject({
      classifiedBy: 'kr-etf-kospi200',
      listing: { industry: '코스피 200' },
    });
  });

  it('tries an old brand under its new name for an ETF the 2023 list does not have', () => {
    // 0000J0 PLUS 한화그룹주 (2026 line 4, listed after 2023-08): a file written before Hanwha's rename says ARIRANG.
    expect(resolveKrxName(u, 'ARIRANG 한화그룹주')).toEqual({ kind: 'code', symbol: '0000J0.KS' });
  });

  it('keeps an ETF of the 2023 list that the 2026 list no longer has, under its 2023 name', () => {
    expect(at('252720')).toMatchObject({ nameKo: 'KBSTAR 모멘텀밸류' });
  });

  it('classifies an ETF listed since 2023 by its name', () => {
    expect(at('0069M0')).toMatchObject({
      type: 'etf',
      sleeve: 'other',
      country: 'US',
      classifiedBy: 'kr-etf-nasdaq100',
      lookThroughVia: { fund: 'QQQ', multiple: 1 },
    });
    expect(at('0080G0')).toMatchObject({
      sleeve: 'defense',
      country: 'KR',
      classifiedBy: 'kr-etf-defense-kr',
    });
    expect(at('494840')).toMatchObject({
      sleeve: 'defense',
      country: 'US',
      classifiedBy: 'kr-etf-defense-us',
    });
    // A covered-call fund on the Nasdaq-100 is not the Nasdaq-100: no name rule takes it.
    expect(at('441680')).toMatchObject({ country: 'unknown', classifiedBy: 'kr-etf-other' });
    expect(at('441680')?.lookThroughVia).toBeUndefined();
  });

  it('looks a KRX index fund through as the fund of its index, a leveraged one at 2×, an inverse one not', () => {
    // 0069M0 (1Q 미국나스닥100) as QQQ, dated as QQQ's holdings; 418660 (…레버리지) the same at 2×.
    expect(u.lookThrough.get('0069M0.KS')).toMatchObject({ via: 'QQQ', asOf: '2025-10-04' });
    expect(u.lookThrough.get('0069M0.KS')?.multiple).toBeUndefined();
    expect(u.lookThrough.get('418660.KS')).toMatchObject({ via: 'QQQ', multiple: 2 });
    // KODEX 레버리지 (122630) tracks the KOSPI 200 at 2×: KODEX 200's index-rules look-through, at 2×.
    expect(u.lookThrough.get('122630.KS')).toMatchObject({ via: '069500.KS', multiple: 2 });
    // PLUS 200선물인버스2X is inverse: no look-through (flagged by check).
    expect(at('253160')?.listing?.market).toBe('ETF inverse');
    expect(u.lookThrough.has('253160.KS')).toBe(false);
    // A curated fund keeps its own (133690 TIGER 미국나스닥100: QQQ's weights, bundled with their basis).
    expect(u.lookThrough.get('133690.KS')?.via).toBeUndefined();
  });

  it('merges the two lists by code', () => {
    const older = parseKrxEtfListing('code,name,index\n000010,OLD A,X\n000020,OLD B,Y\n', 'o.csv');
    const newer = parseKrxEtfListing('code,name\n000010,NEW A\n000030,NEW C 레버리지\n', 'n.csv');
    expect(
      mergeKrxEtfListings(older, newer).map((l) => [l.code, l.name, l.industry, l.formerNames, l.leverage]),
    ).toEqual([
      ['000010', 'NEW A', 'X', ['OLD A'], undefined],
      ['000030', 'NEW C 레버리지', undefined, undefined, 2],
      ['000020', 'OLD B', 'Y', undefined, undefined],
    ]);
  });
});
