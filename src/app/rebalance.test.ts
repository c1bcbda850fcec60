import { describe, expect, it } from 'vitest';
import { parseMoney, parseMoneyList } from './rebalance.ts';

describe('--cash and --min-trade amounts', () => {
  it('reads thousands commas inside an amount and commas between entries', () => {
    // "5,000,000:KRW,1000:USD": the comma after "KRW" ends the first entry; the ones before it group thousands.
    expect(parseMoneyList('5,000,000:KRW,1000:USD', '--cash')).toEqual([
      { amount: 5_000_000, currency: 'KRW' },
      { amount: 1_000, currency: 'USD' },
    ]);
    expect(parseMoneyList('1,500.50:usd', '--cash')).toEqual([{ amount: 1_500.5, currency: 'USD' }]);
    expect(parseMoney('5_000_000:KRW', '--min-trade')).toEqual({ amount: 5_000_000, currency: 'KRW' });
    expect(parseMoney('1,000,000:KRW', '--min-trade')).toEqual({ amount: 1_000_000, currency: 'KRW' });
  });

  it('names the whole value in the error, and the entry that is wrong', () => {
    // "50,00" is not a thousands grouping (groups of three after the first comma).
    expect(() => parseMoneyList('50,00:KRW,1000:USD', '--cash')).toThrow(
      '--cash 50,00:KRW,1000:USD is not an amount with a currency (the entry "50,00:KRW")',
    );
    expect(() => parseMoneyList('5,000,000', '--cash')).toThrow(
      '--cash 5,000,000 is not an amount with a currency',
    );
    expect(() => parseMoney('0:KRW', '--min-trade')).toThrow(
      '--min-trade 0:KRW is not an amount with a currency',
    );
  });
});
