import { describe, expect, it } from 'vitest';
import { withJosa } from './josa.ts';

describe('withJosa', () => {
  it('follows the final Hangul syllable', () => {
    // 자: open syllable → 는/를/가; 차 likewise; 금 closes on ㅁ → 은/을/이.
    expect(withJosa('삼성전자', '은/는')).toBe('삼성전자는');
    expect(withJosa('현대차', '을/를')).toBe('현대차를');
    expect(withJosa('예수금', '이/가')).toBe('예수금이');
  });

  it('reads a final Latin letter by its Korean name', () => {
    // NVDA ends on 에이 (open) → 는; AAPL ends on 엘 (ㄹ) → 은.
    expect(withJosa('NVDA', '은/는')).toBe('NVDA는');
    expect(withJosa('AAPL', '은/는')).toBe('AAPL은');
  });

  it('reads a final digit as it is spoken', () => {
    // 005930 ends on 영 (ㅇ) → 은; 000660.KS ends on S 에스 → 는; 12 ends on 이 → 를; TIGER 미국나스닥100 ends on 백 → 을.
    expect(withJosa('005930', '은/는')).toBe('005930은');
    expect(withJosa('000660.KS', '은/는')).toBe('000660.KS는');
    expect(withJosa('12', '을/를')).toBe('12를');
    expect(withJosa('TIGER 미국나스닥100', '을/를')).toBe('TIGER 미국나스닥100을');
    // 으로/로: ㄹ takes 로 (1 일, 7 칠, 8 팔), other closed syllables 으로 (3 삼), open ones 로 (2 이).
    expect(withJosa('계좌1', '으로/로')).toBe('계좌1로');
    expect(withJosa('계좌3', '으로/로')).toBe('계좌3으로');
    expect(withJosa('계좌2', '으로/로')).toBe('계좌2로');
  });
});
