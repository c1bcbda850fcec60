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
});
