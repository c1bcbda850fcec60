import { describe, expect, it } from 'vitest';
import { loadUniverse } from '../../adapters/config/universe-file.ts';
import { REGION_BASKETS } from './baskets.ts';

describe('region baskets', () => {
  it("Japan's candidates are exactly the universe's Tokyo listings", () => {
    // data/universe.json lists 6954.T (Fanuc), 6758.T (Sony) and 1306.T (TOPIX ETF) on the TSE (^TOPX is the index, not a listing);
    // a new Tokyo listing must join the basket.
    const jp = [...loadUniverse().instruments.values()]
      .filter((i) => i.country === 'JP' && i.exchange === 'TSE')
      .map((i) => i.symbol)
      .sort();
    const japan = REGION_BASKETS.find((r) => r.region === 'japan');
    expect(japan?.pricedOnly).toBe(true);
    expect(japan?.members.map((m) => m.symbol).sort()).toEqual(jp);
    expect(jp).toEqual(['1306.T', '6758.T', '6954.T']);
  });
});
