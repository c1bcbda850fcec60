import { describe, expect, it } from 'vitest';
import { CHECK_NAMES, checkMessage, checkTitle, countryLabel, sleeveName } from './messages.ts';

describe('checkTitle', () => {
  it('states the threshold actually applied, in English and Korean', () => {
    expect(checkTitle({ id: 'mag7-max', threshold: 0.4 }, 'en')).toBe('Mag7 at most 40%');
    expect(checkTitle({ id: 'mag7-max', threshold: 0.4 }, 'ko')).toBe('Mag7 비중 40% 이하');
    expect(checkTitle({ id: 'physical-energy-min', threshold: 0.5 }, 'en')).toBe(
      'Physical AI + energy at least 50%',
    );
    expect(checkTitle({ id: 'physical-energy-min', threshold: 0.125 }, 'ko')).toBe(
      '피지컬 AI + 에너지 12.5% 이상',
    );
    expect(checkTitle({ id: 'monthly-rebalancing', threshold: 45 }, 'en')).toBe('Rebalanced within 45 days');
    expect(checkTitle({ id: 'monthly-rebalancing', threshold: 31 }, 'ko')).toBe('31일 이내 리밸런싱');
  });

  it('names the countries of business the regional check counts', () => {
    const r = { id: 'regional-diversification' as const, threshold: 0.15, countries: ['KR', 'JP', 'IN'] };
    expect(checkTitle(r, 'en')).toBe('Business in Korea, Japan, India at least 15%');
    expect(checkTitle(r, 'ko')).toBe('한국·일본·인도 사업 비중 15% 이상');
    // A country the table does not name is named from CLDR.
    expect(checkTitle({ ...r, countries: ['KR', 'VN'] }, 'en')).toBe(
      'Business in Korea, Vietnam at least 15%',
    );
    expect(checkTitle({ ...r, countries: ['KR', 'VN'] }, 'ko')).toBe('한국·베트남 사업 비중 15% 이상');
  });

  it('keeps threshold-free names for places that show a name alone', () => {
    expect(CHECK_NAMES['mag7-max']).toEqual({ en: 'Mag7 limit', ko: 'Mag7 비중 한도' });
  });
});

describe('sleeve and check wording', () => {
  it('tells the emerging sleeve (which holds TSMC) from the business-country check', () => {
    expect(sleeveName('emerging', 'en')).toBe('Emerging markets: Korea, Japan, India, Taiwan chips');
    expect(sleeveName('emerging', 'ko')).toBe('신흥시장 (한국·일본·인도·대만 반도체)');
    const r = {
      id: 'regional-diversification' as const,
      pass: true,
      value: 0.243,
      threshold: 0.15,
      countries: ['KR', 'JP', 'IN'],
    };
    expect(checkMessage(r, 'en')).toBe(
      'Businesses based in Korea, Japan, India are 24.3% of the portfolio (counted by where the business is, not where it is listed), at or above the 15.0% minimum.',
    );
    expect(checkMessage(r, 'ko')).toBe(
      '한국·일본·인도에 사업 기반을 둔 기업 비중 24.3%: 최소 15.0% 이상입니다 (상장 시장이 아니라 사업 소재국 기준).',
    );
  });
});

describe('countryLabel', () => {
  it('names every country by name: the table, then CLDR, and holdings of no known country', () => {
    expect(countryLabel('US', 'ko')).toBe('미국');
    expect(countryLabel('US', 'en')).toBe('United States');
    // Not in the table: the runtime's CLDR region names (Netherlands is 네덜란드 in Korean).
    expect(countryLabel('NL', 'ko')).toBe('네덜란드');
    expect(countryLabel('NL', 'en')).toBe('Netherlands');
    expect(countryLabel('unknown', 'ko')).toBe('국가 미상');
    expect(countryLabel('unknown', 'en')).toBe('Unknown');
    // A code nobody knows stays as it is rather than turn into a wrong name.
    expect(countryLabel('XX', 'ko')).toBe('XX');
  });
});
