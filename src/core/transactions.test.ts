import { describe, expect, it } from 'vitest';
import { netPositions, type SplitFact, type Transaction } from './transactions.ts';

let line = 1;
const tx = (
  date: string | undefined,
  kind: Transaction['kind'],
  quantity: number,
  symbol = 'NVDA',
  ratio?: number,
): Transaction => ({
  date,
  account: 'A',
  symbol,
  kind,
  quantity,
  ...(ratio === undefined ? {} : { ratio }),
  origin: { file: 'log.csv', line: ++line },
});
const NVDA_2024: SplitFact = { symbol: 'NVDA', date: '2024-06-10', ratio: 10, source: 'test' };

describe('netPositions', () => {
  it('nets buys, sells, reinvestments and transfers; dividends, fees and interest do not move shares', () => {
    const r = netPositions(
      [
        tx('2024-01-02', 'buy', 10),
        tx('2024-01-03', 'dividend', 0),
        tx('2024-01-04', 'reinvest', 0.5),
        tx('2024-01-05', 'transfer-in', 2),
        tx('2024-01-06', 'sell', 4),
        tx('2024-01-07', 'transfer-out', 1),
        tx('2024-01-08', 'fee', 0),
      ],
      [],
      undefined,
    );
    // 10 + 0.5 + 2 − 4 − 1 = 7.5
    expect(r.positions).toMatchObject([{ symbol: 'NVDA', quantity: 7.5 }]);
    expect(Object.fromEntries(r.cashOnly)).toEqual({ dividend: 1, fee: 1 });
  });

  it('applies a bundled split to the shares held the day before it, in date order whatever the file order', () => {
    const rows = [tx('2024-06-14', 'sell', 10), tx('2024-06-03', 'buy', 1)];
    // 1 × 10 − 10 = 0: closed, so no position.
    expect(netPositions(rows, [NVDA_2024], undefined).positions).toEqual([]);
    // A buy on the split day itself is already in split shares.
    expect(netPositions([tx('2024-06-10', 'buy', 3)], [NVDA_2024], undefined).positions[0]?.quantity).toBe(3);
    // As of the day before the split: 1 share, the split not yet applied.
    const before = netPositions([tx('2024-06-03', 'buy', 1)], [NVDA_2024], '2024-06-09');
    expect(before.positions[0]?.quantity).toBe(1);
    expect(before.splitsApplied).toEqual([]);
  });

  it("prefers the file's own split row to the table's (no double split), as shares added or as a ratio", () => {
    const shares = [
      tx('2024-06-03', 'buy', 1),
      tx('2024-06-07', 'split-shares', 9),
      tx('2024-06-14', 'sell', 4),
    ];
    expect(netPositions(shares, [NVDA_2024], undefined).positions[0]?.quantity).toBe(6);
    const ratio = [tx('2024-06-03', 'buy', 2), tx('2024-06-10', 'split-ratio', 0, 'NVDA', 10)];
    expect(netPositions(ratio, [NVDA_2024], undefined).positions[0]?.quantity).toBe(20);
  });

  it('counts rows after the as-of day instead of netting them', () => {
    const r = netPositions(
      [tx('2024-01-02', 'buy', 5), tx('2024-03-01', 'sell', 5), tx('2024-02-01', 'buy', 1)],
      [],
      '2024-01-31',
    );
    expect(r.positions[0]?.quantity).toBe(5);
    expect(r.later).toEqual({ count: 2, first: '2024-02-01' });
  });

  it('refuses a sale of more than is held, at that row', () => {
    expect(() =>
      netPositions([tx('2024-01-02', 'buy', 1), tx('2024-01-03', 'sell', 2)], [], undefined),
    ).toThrow(/more NVDA sold than held in account A: this row leaves -1/);
  });

  it('keeps signed trades (Degiro) and binary dust out (0.3 − 0.1 − 0.2 = 0)', () => {
    const r = netPositions(
      [tx('2024-01-02', 'trade', 0.3), tx('2024-01-03', 'trade', -0.1), tx('2024-01-04', 'trade', -0.2)],
      [],
      undefined,
    );
    expect(r.positions).toEqual([]);
  });
});
