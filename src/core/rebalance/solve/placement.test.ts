import { describe, expect, it } from 'vitest';
import { holdingsOf, inst, marketWith, model, universe } from '../../../../test/support/rebalance.ts';
import { toDay } from '../../dates.ts';
import { buildUniverse } from '../../universe.ts';
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

describe('placement: a named listing no account trades', () => {
  // Fanuc is named on Tokyo (6954.T, lot 100); a US broker account holds NVDA on NASDAQ. Its ADR FANUY (OTC, USD)
  // is the same company: offered to the US account as the essay's name, saying which listing it stands for.
  const u = buildUniverse([
    ...universe.instruments.values(),
    inst('NVDA', 'mag7-selected', 'USD', { mag7: true, exchange: 'NASDAQ' }),
    inst('6954.T', 'physical-ai', 'JPY', { lot: 100, exchange: 'TSE' }),
    inst('FANUY', 'physical-ai', 'USD', { exchange: 'OTC', country: 'JP', company: '6954.T' }),
  ]);
  const place = (market = marketWith({ FANUY: 20 })) => {
    const c = { ...ctx, universe: u, market };
    const positions = valueHoldings({ ...c, holdings: holdingsOf([['US', 'NVDA', 10]]) }).positions;
    return placeLines({ ...c, positions, model, frame: buildFrame({ model, held: [] }), mode: 'full' });
  };

  it('is bought through the same company’s listing the account trades, as a named buy, one company for the limits', () => {
    const p = place();
    expect(p.lines.find((l) => l.symbol === 'FANUY')).toMatchObject({
      account: 'US',
      reason: 'named',
      listingOf: '6954.T',
      company: '6954.T',
      market: 'US',
      buy: true,
    });
    expect(p.lines.some((l) => l.symbol === '6954.T')).toBe(false);
    // Bought after all, through its ADR: the Tokyo listing is not reported as passed over.
    expect(p.passedOver.get('physical-ai')).toBeUndefined();
  });

  it('without a price for the other listing, nothing stands in and only the named listing is reported', () => {
    const p = place(marketWith());
    expect(p.lines.some((l) => l.symbol === 'FANUY')).toBe(false);
    expect(p.passedOver.get('physical-ai')).toEqual([{ symbol: '6954.T', why: 'no-account', market: 'TSE' }]);
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
