import { describe, expect, it } from 'vitest';
import { warningText } from './warnings.ts';

describe('warningText', () => {
  it('keeps the English sentence in English', () => {
    const w = {
      code: 'stale-fx',
      message: 'USD exchange rate is from 2026-04-30 …',
      currency: 'USD',
      date: '2026-04-30',
      age: 21,
    };
    expect(warningText(w, 'en')).toBe(w.message);
  });
  it('writes the known codes in Korean from their facts', () => {
    expect(
      warningText(
        {
          code: 'stale-fx',
          message: 'x',
          currency: 'USD',
          date: '2026-04-30',
          age: 21,
          monthlyAverage: true,
        },
        'ko',
      ),
    ).toBe('USD 환율이 2026-04-30 기준 (월평균)으로, 기준일보다 21거래일 전입니다.');
    expect(warningText({ code: 'unclassified', message: 'x', symbol: 'BTCUSD' }, 'ko')).toContain(
      'BTCUSD은(는) 종목 유니버스에 없어',
    );
  });
  it('falls back to the English sentence for a code it does not know, or when facts are missing', () => {
    expect(warningText({ code: 'duplicate-rows', message: 'rows 3 and 7 summed' }, 'ko')).toBe(
      'rows 3 and 7 summed',
    );
    expect(warningText({ code: 'stale-price', message: 'old' }, 'ko')).toBe('old');
  });
  it('writes the concentration warnings in Korean from their numbers', () => {
    expect(
      warningText(
        {
          code: 'concentration-position',
          message: 'x',
          symbols: ['GOOG', 'GOOGL'],
          weight: 0.25,
          limit: 0.2,
        },
        'ko',
      ),
    ).toBe(
      'GOOG + GOOGL (한 회사) 비중이 현금 제외 보유액의 25.0%로, 한 회사 한도 20.0%를 넘습니다: 한 종목에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.',
    );
    expect(
      warningText(
        { code: 'concentration-country', message: 'x', country: 'KR', weight: 1, limit: 0.6 },
        'ko',
      ),
    ).toBe(
      '한국(KR) 사업 비중이 현금 제외 보유액의 100.0%로, 한 국가 한도 60.0%를 넘습니다: 한 국가에 집중된 포트폴리오는 2026년을 견디기 어렵습니다.',
    );
  });
});

describe('warningText for import warnings', () => {
  it('says in Korean which summary row was skipped and which account was excluded', () => {
    expect(warningText({ code: 'summary-row', message: 'x', line: 9 }, 'ko')).toBe(
      '9행의 합계 행을 건너뛰었습니다.',
    );
    expect(warningText({ code: 'excluded-account', message: 'x', account: '연금' }, 'ko')).toBe(
      '연금 계좌는 Ghostfolio에서 분석 제외로 설정되어 빠졌습니다.',
    );
  });
});
