import { describe, expect, it } from 'vitest';
import { NOTICE_CODES, type Notice, type NoticeOf } from './notices.ts';

describe('Notice', () => {
  it('narrows to one code’s facts by its code', () => {
    const stale: Notice = { code: 'stale-price', symbol: 'NVDA', date: '2026-05-22', age: 5 };
    // The switch reads `age` only because the code narrowed the union to stale-price's facts.
    const age = stale.code === 'stale-price' ? stale.age : undefined;
    expect(age).toBe(5);
  });

  it('rejects a notice without its facts or with another code’s facts (checked by tsc --noEmit)', () => {
    // @ts-expect-error: funding-short needs its account, amount and currency.
    const missing: Notice = { code: 'funding-short', account: 'ISA' };
    const stalePrice = { code: 'stale-price', symbol: 'X', date: '2026-01-02', limit: 1 } as const;
    // @ts-expect-error: stale-price has no `limit`; that is a concentration fact.
    const foreign: NoticeOf<'stale-price'> = { ...stalePrice, limit: 1 };
    // @ts-expect-error: not a code any emitter uses.
    const unknown: Notice = { code: 'no-such-code' };
    expect([missing, foreign, unknown].length).toBe(3);
  });

  it('lists each code once', () => {
    // 48 codes emitted in src/ at this commit (the scan in i18n/warnings.test.ts finds the same set).
    expect(NOTICE_CODES.length).toBe(48);
    expect(new Set(NOTICE_CODES).size).toBe(NOTICE_CODES.length);
  });
});
