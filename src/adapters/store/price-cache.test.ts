import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Journal, openJournal } from './database.ts';
import { PriceCache } from './price-cache.ts';

const NOW = new Date('2026-11-25T09:00:00Z');
let dir: string;
let journal: Journal;
let cache: PriceCache;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispersion-cache-'));
  journal = await openJournal(join(dir, 'journal.sqlite'), { now: NOW });
  cache = new PriceCache(journal);
});
afterEach(async () => {
  await journal.close();
  rmSync(dir, { recursive: true, force: true });
});

const rr = {
  symbol: 'RR.L',
  currency: 'GBP',
  closes: [
    { date: '2026-11-19', value: 11.86 },
    { date: '2026-11-20', value: 11.925 },
  ],
  dividends: [{ date: '2026-11-19', value: 0.045 }],
  source: 'yahoo',
};

describe('PriceCache', () => {
  it('round-trips closes, dividends and FX with their source and fetch time', async () => {
    expect(await cache.storePrices(rr, NOW)).toBe(2);
    await cache.storeFx(
      { base: 'USD', quote: 'KRW', rates: [{ date: '2026-11-20', value: 1398.2 }], source: 'fred:DEXKOUS' },
      NOW,
    );
    expect(await cache.symbols()).toEqual([
      {
        symbol: 'RR.L',
        first: '2026-11-19',
        last: '2026-11-20',
        rows: 2,
        currency: 'GBP',
        source: 'yahoo',
        fetchedAt: '2026-11-25T09:00:00.000Z',
      },
    ]);
    expect(await cache.dividends('RR.L')).toEqual([{ date: '2026-11-19', amount: 0.045 }]);
    expect(await cache.pairs()).toMatchObject([
      { base: 'USD', quote: 'KRW', last: '2026-11-20', source: 'fred:DEXKOUS' },
    ]);
  });

  it('upserts a revised close and keeps older rows', async () => {
    await cache.storePrices(rr, NOW);
    await cache.storePrices({ ...rr, closes: [{ date: '2026-11-20', value: 11.93 }], dividends: [] }, NOW);
    expect((await cache.closes('RR.L')).map((r) => [r.date, r.close])).toEqual([
      ['2026-11-19', 11.86],
      ['2026-11-20', 11.93],
    ]);
  });

  it('never deletes history for an empty answer, even when asked to replace', async () => {
    await cache.storePrices(rr, NOW);
    expect(await cache.storePrices({ ...rr, closes: [] }, NOW, { replace: true })).toBe(0);
    expect(await cache.closes('RR.L')).toHaveLength(2);
  });
});
