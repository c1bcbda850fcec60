import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../currency.ts';
import { planFunding } from './funding.ts';

// Base KRW: 1 USD = 1,000 KRW, 1 JPY = 10 KRW. Conversions at the same rates, dated the as-of day.
const BASE: Record<string, number> = { KRW: 1, USD: 1_000, JPY: 10 };
const baseRate = (c: CurrencyCode) => BASE[c] as number;
const quote = (from: CurrencyCode, to: CurrencyCode) => ({
  rate: baseRate(from) / baseRate(to),
  date: '2026-05-29',
});
const book = (rows: Record<string, Record<string, number>>) =>
  new Map(Object.entries(rows).map(([a, m]) => [a, new Map(Object.entries(m))]));

describe('planFunding: three accounts in KRW, USD and JPY', () => {
  // US is short 5,000 USD after its own orders and holds 500,000 KRW.
  // KR holds 4,000,000 KRW and keeps 1,000,000 for the cash sleeve: spare 3,000,000 KRW.
  // JP holds 300,000 JPY (3,000,000 KRW) and 200 USD (200,000 KRW) and keeps 2,000,000: spare 1,200,000 KRW.
  const run = (usShort: number) => {
    const balances = book({
      US: { USD: -usShort, KRW: 500_000 },
      KR: { KRW: 4_000_000 },
      JP: { JPY: 300_000, USD: 200 },
    });
    const reserve = new Map([
      ['KR', 1_000_000],
      ['JP', 2_000_000],
    ]);
    return { plan: planFunding({ balances, reserve, quote, baseRate }), balances };
  };

  it('converts inside the account first, then takes transfers from the largest spare, and reports the rest', () => {
    const { plan, balances } = run(5_000);
    expect(plan.spare).toEqual(
      new Map([
        ['KR', 3_000_000],
        ['JP', 1_200_000],
      ]),
    );
    expect(plan.fx).toEqual([
      // US converts its own 500,000 KRW → 500 USD: still short 4,500 USD (4,500,000 KRW).
      {
        account: 'US',
        from: 'KRW',
        to: 'USD',
        amount: 500_000,
        rate: 0.001,
        date: '2026-05-29',
        purpose: 'orders',
      },
      // KR (spare 3,000,000, the largest) converts all of it to 3,000 USD before sending: 1,500 USD still short.
      {
        account: 'KR',
        from: 'KRW',
        to: 'USD',
        amount: 3_000_000,
        rate: 0.001,
        date: '2026-05-29',
        purpose: 'transfer',
        transferTo: 'US',
      },
      // JP (spare 1,200,000 = 1,200 USD) sends its 200 USD as they are, then converts 1,000 USD worth of yen:
      // 1,000 / 0.01 = 100,000 JPY.
      {
        account: 'JP',
        from: 'JPY',
        to: 'USD',
        amount: 100_000,
        rate: 0.01,
        date: '2026-05-29',
        purpose: 'transfer',
        transferTo: 'US',
      },
    ]);
    expect(plan.transfers).toEqual([
      { from: 'KR', to: 'US', currency: 'USD', amount: 3_000, amountBase: 3_000_000 },
      { from: 'JP', to: 'US', currency: 'USD', amount: 1_200, amountBase: 1_200_000 },
    ]);
    // 4,500 − 3,000 − 1,200 = 300 USD that no account can spare.
    expect(plan.short).toHaveLength(1);
    expect(plan.short[0]?.account).toBe('US');
    expect(plan.short[0]?.currency).toBe('USD');
    expect(plan.short[0]?.amount).toBeCloseTo(300, 9);
    // The donors keep exactly their reserves: KR 1,000,000 KRW; JP 200,000 JPY = 2,000,000 KRW.
    expect(balances.get('KR')?.get('KRW')).toBeCloseTo(1_000_000, 6);
    expect(balances.get('JP')?.get('JPY')).toBeCloseTo(200_000, 6);
    expect(balances.get('JP')?.get('USD')).toBeCloseTo(0, 9);
    expect(balances.get('US')?.get('USD')).toBeCloseTo(-300, 9);
  });

  it('needs only the largest spare when it covers the shortfall, and leaves the other account alone', () => {
    // Short 2,000 USD; 500 covered in the account → 1,500 USD from KR (1,500,000 KRW of its 3,000,000 spare).
    const { plan, balances } = run(2_000);
    expect(plan.transfers).toEqual([
      { from: 'KR', to: 'US', currency: 'USD', amount: 1_500, amountBase: 1_500_000 },
    ]);
    expect(plan.fx.map((f) => [f.account, f.from, f.to, f.amount])).toEqual([
      ['US', 'KRW', 'USD', 500_000],
      ['KR', 'KRW', 'USD', 1_500_000],
    ]);
    expect(plan.short).toEqual([]);
    expect(balances.get('KR')?.get('KRW')).toBe(2_500_000);
    expect(balances.get('JP')).toEqual(
      new Map([
        ['JPY', 300_000],
        ['USD', 200],
      ]),
    );
    expect(balances.get('US')?.get('USD')).toBeCloseTo(0, 9);
  });

  it('never sends a reserve, and an account that is short itself sends nothing', () => {
    // JP needs 50,000 JPY (500,000 KRW); KR is short 100 USD with nothing to convert; US holds 800,000 KRW and keeps
    // 700,000: spare 100,000 KRW, so JP gets 10,000 JPY and is still short 40,000.
    const balances = book({
      JP: { JPY: -50_000 },
      KR: { USD: -100 },
      US: { KRW: 800_000 },
    });
    const plan = planFunding({ balances, reserve: new Map([['US', 700_000]]), quote, baseRate });
    expect([...plan.spare]).toEqual([['US', 100_000]]);
    // The larger need (JP, 500,000 KRW) is served first and takes all of US's spare; KR gets nothing.
    expect(plan.transfers).toEqual([
      { from: 'US', to: 'JP', currency: 'JPY', amount: 10_000, amountBase: 100_000 },
    ]);
    expect(plan.short.map((s) => [s.account, s.currency, Math.round(s.amount)])).toEqual([
      ['JP', 'JPY', 40_000],
      ['KR', 'USD', 100],
    ]);
    expect(balances.get('US')?.get('KRW')).toBeCloseTo(700_000, 6);
  });
});
