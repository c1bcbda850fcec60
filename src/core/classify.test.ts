import { describe, expect, it } from 'vitest';
import type { Listing } from './classify.ts';
import { classifyListing, compileRules, listingInstruments } from './classify.ts';

const kr = (code: string, name: string, industry: string, market = 'KOSPI'): Listing => ({
  symbol: `${code}.KS`,
  code,
  name,
  market,
  industry,
  type: 'stock',
  currency: 'KRW',
  exchange: 'KRX',
  lot: 1,
});
const rules = compileRules([
  {
    id: 'kr-defense',
    markets: ['KOSPI'],
    codes: ['064350'],
    industries: ['무기 및 총포탄 제조업'],
    sleeve: 'defense',
    country: 'KR',
  },
  { id: 'kr-other', markets: ['KOSPI'], sleeve: 'other', country: 'KR' },
  { id: 'us-utilities', markets: ['S&P 500'], sectors: ['Utilities'], sleeve: 'energy', country: 'US' },
]);

describe('classification rules', () => {
  it('the first matching rule decides: by code, by industry, else the market default', () => {
    // Hyundai Rotem is filed under railway equipment; the rule names its code.
    expect(classifyListing(kr('064350', '현대로템', '철도장비 제조업'), rules)).toEqual({
      sleeve: 'defense',
      country: 'KR',
      rule: 'kr-defense',
    });
    expect(classifyListing(kr('079550', 'LIG넥스원', '무기 및 총포탄 제조업'), rules)?.rule).toBe(
      'kr-defense',
    );
    expect(
      classifyListing(
        kr('035420', 'NAVER', '자료처리, 호스팅, 포털 및 기타 인터넷 정보매개 서비스업'),
        rules,
      ),
    ).toEqual({
      sleeve: 'other',
      country: 'KR',
      rule: 'kr-other',
    });
  });

  it('a rule for one market does not match another; no rule, no classification', () => {
    expect(
      classifyListing(kr('247540', '에코프로비엠', '일차전지 및 이차전지 제조업', 'KOSDAQ'), rules),
    ).toBeUndefined();
    const nee: Listing = {
      ...kr('NEE', 'NextEra', 'Electric Utilities', 'S&P 500'),
      symbol: 'NEE',
      sector: 'Utilities',
    };
    expect(classifyListing(nee, rules)?.rule).toBe('us-utilities');
  });

  it('instruments carry the deciding rule and what the listing said', () => {
    const [rotem] = listingInstruments([kr('064350', '현대로템', '철도장비 제조업')], rules);
    expect(rotem).toMatchObject({
      symbol: '064350.KS',
      sleeve: 'defense',
      country: 'KR',
      classifiedBy: 'kr-defense',
      listing: { market: 'KOSPI', industry: '철도장비 제조업' },
      currency: 'KRW',
      lot: 1,
      mag7: false,
    });
  });

  it('a rule may match by name (regular expressions), and name the fund that stands for its index', () => {
    const etfRules = compileRules([
      {
        id: 'nasdaq',
        markets: ['ETF'],
        names: ['미국나스닥100(레버리지)?(\\(합성\\))?$'],
        sleeve: 'other',
        country: 'US',
        lookThrough: 'QQQ',
      },
      { id: 'etf-other', markets: ['ETF'], sleeve: 'other', country: 'unknown' },
    ]);
    const etf = (code: string, name: string, leverage?: number): Listing => ({
      ...kr(code, name, '', 'ETF'),
      type: 'etf',
      ...(leverage ? { leverage } : {}),
    });
    expect(classifyListing(etf('0069M0', '1Q 미국나스닥100'), etfRules)).toEqual({
      sleeve: 'other',
      country: 'US',
      rule: 'nasdaq',
      lookThrough: 'QQQ',
    });
    // The name goes on past the pattern's end: a covered-call fund is not the index.
    expect(classifyListing(etf('441680', 'TIGER 미국나스닥100커버드콜(합성)'), etfRules)?.rule).toBe(
      'etf-other',
    );
    const [lev] = listingInstruments([etf('418660', 'TIGER 미국나스닥100레버리지(합성)', 2)], etfRules);
    expect(lev?.lookThroughVia).toEqual({ fund: 'QQQ', multiple: 2 });
  });
});
