import { describe, expect, it } from 'vitest';
import { describeNotice } from './catalog/catalog.ts';

describe('rebalance notices in Korean name countries and markets by name (issue 15)', () => {
  it('a one-country limit that cannot hold says which country, as the concentration warning does', () => {
    const n = {
      code: 'goal-missed' as const,
      kind: 'country-max' as const,
      key: 'US',
      reached: 0.8,
      limit: 0.6,
      otherShare: 0,
      why: 'reach' as const,
    };
    expect(describeNotice(n, 'ko')).toBe(
      '미국(US) 한 국가 한도: 지킬 수 없습니다. 이 주문으로 80.0%까지 갑니다 (한도 60.0%). 가장 가까운 주문입니다.',
    );
  });

  it('a listing no account can buy names its market by country; an unknown exchange keeps its code', () => {
    const n = {
      code: 'named-passed-over' as const,
      sleeve: 'physical-ai' as const,
      passed: [
        { symbol: 'TER', why: 'no-account' as const, market: 'US' },
        { symbol: '6954.T', why: 'no-account' as const, market: 'TSE' },
        { symbol: 'X', why: 'no-account' as const, market: 'MOEX' },
      ],
    };
    expect(describeNotice(n, 'ko')).toBe(
      '피지컬 AI·자동화: 에세이가 지목한 TER, 6954.T, X는 살 수 없습니다: TER (미국 시장을 거래하는 계좌 없음), ' +
        '6954.T (일본 시장을 거래하는 계좌 없음), X (MOEX 시장을 거래하는 계좌 없음)',
    );
    expect(describeNotice(n, 'en')).toContain('TER (no account trades US)');
  });
});
