import { describe, expect, it } from 'vitest';
import { holdingsOf, marketWith, model, universe } from '../../../../test/support/rebalance.ts';
import { toDay } from '../../dates.ts';
import { valueHoldings } from '../../valuation.ts';
import { buildFrame } from './frame.ts';
import { toLpText } from './lp.ts';
import { accountMarkets, placeLines } from './placement.ts';

const ctx = { universe, market: marketWith(), base: 'USD', asOf: toDay('2026-05-29') };
const positionsOf = (rows: Parameters<typeof holdingsOf>[0]) =>
  valueHoldings({ ...ctx, holdings: holdingsOf(rows) }).positions;

describe('placement', () => {
  // The test universe's listings sit on exchange "X" (one market): the markets here come from what each account holds.
  it('an account buys on the markets it holds, plus those named; naming an unknown account is an error', () => {
    const positions = positionsOf([
      ['US', 'NVDA', 10],
      ['KR', 'CASH', 1_000_000, 'KRW'],
    ]);
    const m = accountMarkets(positions, universe, {});
    expect([...(m.get('US') ?? [])]).toEqual(['X']);
    // An account with only won cash trades its currency's home market.
    expect([...(m.get('KR') ?? [])]).toEqual(['KRX']);
    expect([...(accountMarkets(positions, universe, { KR: ['us'] }).get('KR') ?? [])]).toEqual(['KRX', 'US']);
    expect(() => accountMarkets(positions, universe, { Nowhere: ['US'] })).toThrow(/Nowhere/);
  });

  it('keeps other holdings out of the trades under --other keep, sells them under --other sell', () => {
    const positions = positionsOf([
      ['A', 'QQQ', 10],
      ['A', 'NVDA', 10],
    ]);
    const place = (other: 'keep' | 'sell') =>
      placeLines({
        ...ctx,
        positions,
        model,
        frame: buildFrame({ model, other, held: ['other'] }),
        mode: 'full',
      });
    const qqq = (other: 'keep' | 'sell') => place(other).lines.find((l) => l.symbol === 'QQQ');
    expect(qqq('keep')).toMatchObject({ sell: false, exit: false, buy: false });
    expect(qqq('sell')).toMatchObject({ exit: true });
    // NVDA is named in the model's mag7-selected sleeve: bought as `named`, in the account that holds it.
    expect(place('keep').lines.find((l) => l.symbol === 'NVDA')).toMatchObject({
      buy: true,
      reason: 'named',
      account: 'A',
    });
  });

  it('cash-only sells nothing', () => {
    const positions = positionsOf([['A', 'NVDA', 10]]);
    const p = placeLines({
      ...ctx,
      positions,
      model,
      frame: buildFrame({ model, held: [] }),
      mode: 'cash-only',
    });
    expect(p.lines.every((l) => !l.sell)).toBe(true);
  });
});

describe('LP text', () => {
  it('writes bounds, ranges and integer columns in CPLEX LP format', () => {
    const text = toLpText({
      vars: [
        { name: 'x', lower: 0, upper: 5, kind: 'integer', cost: 2 },
        { name: 'y', lower: 0, upper: Number.POSITIVE_INFINITY, kind: 'continuous', cost: -1 },
      ],
      rows: [
        {
          name: 'r',
          terms: [
            ['x', 1],
            ['y', -0.5],
          ],
          lower: 1,
          upper: 3,
        },
      ],
    });
    expect(text).toBe(
      'Minimize\n obj: + 2 x - 1 y\nSubject To\n r_lo: 1 x - 0.5 y >= 1\n r_hi: 1 x - 0.5 y <= 3\nBounds\n 0 <= x <= 5\n 0 <= y <= +inf\nGeneral\n x\nEnd\n',
    );
  });
  it('leaves out the integer section for the relaxation', () => {
    const text = toLpText({
      relax: true,
      vars: [{ name: 'x', lower: 0, upper: 5, kind: 'integer', cost: 2 }],
      rows: [],
    });
    expect(text).toBe('Minimize\n obj: + 2 x\nSubject To\nBounds\n 0 <= x <= 5\nEnd\n');
  });
});
