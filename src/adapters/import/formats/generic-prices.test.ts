import { describe, expect, it } from 'vitest';
import { importTabular } from './index.ts';

const read = (text: string) => importTabular(text, 'mine.csv', { defaultAccount: 'A' });

describe('a generic holdings file’s own prices', () => {
  it('takes the price column, dated by a price-date column where there is one (a plain date column makes a snapshot file)', () => {
    const r = read(
      'symbol,quantity,currency,price,price date\nNVDA,10,USD,"1,180.50",2026-05-28\n005380,8,KRW,"250,000",\n',
    );
    expect(r.format).toBe('csv');
    expect(r.prices).toEqual([
      { symbol: 'NVDA', price: 1180.5, currency: 'USD', date: '2026-05-28', file: 'mine.csv', line: 2 },
      { symbol: '005380', price: 250_000, currency: 'KRW', file: 'mine.csv', line: 3 },
    ]);
  });

  it('without a price column, divides the row’s value by the row’s own quantity', () => {
    // 두산에너빌리티 40 주, 평가금액 2,400,000 → 60,000 a share; the second 034020 row (10 shares, 600,000) is its own
    // price (60,000 again), though the holding sums both rows to 50 shares.
    const r = read(
      '종목코드,종목명,보유수량,평가금액\n034020,두산에너빌리티,40,"2,400,000"\n034020,두산에너빌리티,10,"600,000"\n',
    );
    expect(r.prices.map((p) => [p.symbol, p.price, p.line])).toEqual([['034020', 60_000, 2]]);
  });

  it('takes a Korean header’s amounts as won when the row names no currency, so a dollar listing is not priced in won', () => {
    const r = read('종목코드,보유수량,현재가\nAAPL,2,"430,000"\n005380,8,"250,000"\n');
    expect(r.prices.map((p) => [p.symbol, p.price, p.currency])).toEqual([
      ['AAPL', 430_000, 'KRW'],
      ['005380', 250_000, 'KRW'],
    ]);
  });

  it('states no price for a file without price or value columns, or for a row whose cell is empty', () => {
    expect(read('symbol,quantity\nNVDA,10\n').prices).toEqual([]);
    expect(read('symbol,quantity,price\nNVDA,10,\nTSLA,2,--\n').prices).toEqual([]);
  });
});
