import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { send, startServer, type TestServer } from '../../../test/support/http-server.ts';
import { fromDay } from '../../core/dates.ts';
import { type Journal, openJournal } from '../store/database.ts';
import { PriceCache } from '../store/price-cache.ts';
import { cacheLayer } from './cache.ts';
import { loadMarketData } from './load.ts';
import { ProviderRunner } from './providers/runner.ts';
import { YahooProvider } from './providers/yahoo.ts';
import { updateCache } from './update.ts';

const NOW = new Date('2026-11-25T09:00:00Z');
let dir: string;
let journal: Journal;
let cache: PriceCache;
let server: TestServer | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispersion-cache-'));
  journal = await openJournal(join(dir, 'journal.sqlite'), { now: NOW });
  cache = new PriceCache(journal);
});
afterEach(async () => {
  await journal.close();
  await server?.close();
  server = undefined;
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

describe('cacheLayer + loadMarketData', () => {
  it('keeps a GBP close in pounds and says so (valuation applies no pence factor to a series with a currency)', async () => {
    await cache.storePrices(rr, NOW);
    const layer = await cacheLayer(cache);
    const s = layer.prices.get('RR.L');
    expect([...(s?.values ?? [])]).toEqual([11.86, 11.925]); // as fetched: pounds, not pence
    expect(s?.currency).toBe('GBP');
    expect(s?.source).toBe('cache:yahoo');
    expect([...(layer.dividends?.get('RR.L')?.values ?? [])]).toEqual([0.045]); // same unit as the closes
  });

  it('reads only the symbols asked for, and every FX pair', async () => {
    await cache.storePrices(rr, NOW);
    await cache.storePrices(
      { symbol: 'NVDA', currency: 'USD', closes: [{ date: '2026-11-20', value: 180 }], source: 'yahoo' },
      NOW,
    );
    await cache.storeFx(
      { base: 'USD', quote: 'KRW', rates: [{ date: '2026-11-20', value: 1398.2 }], source: 'fred:DEXKOUS' },
      NOW,
    );
    const layer = await cacheLayer(cache, { symbols: ['nvda'] });
    expect([...layer.prices.keys()]).toEqual(['NVDA']);
    expect(layer.fx.map((f) => `${f.base}${f.quote}`)).toEqual(['USDKRW']);
  });

  it('precedence: the cache replaces a bundled series only when newer; the user folder beats both', async () => {
    // Bundled 005930.KS ends 2026-05-29; SIE.DE is not bundled; NVDA cached only up to 2020 (older than bundled).
    await cache.storePrices(
      {
        symbol: '005930.KS',
        currency: 'KRW',
        closes: [{ date: '2026-11-20', value: 321500 }],
        source: 'yahoo',
      },
      NOW,
    );
    await cache.storePrices(
      { symbol: 'SIE.DE', currency: 'EUR', closes: [{ date: '2026-11-20', value: 231.4 }], source: 'yahoo' },
      NOW,
    );
    await cache.storePrices(
      { symbol: 'NVDA', currency: 'USD', closes: [{ date: '2020-01-02', value: 59.98 }], source: 'yahoo' },
      NOW,
    );
    const layer = await cacheLayer(cache);
    const symbols = ['005930.KS', 'SIE.DE', 'NVDA'];
    const m = loadMarketData({ symbols, cache: layer });
    expect(m.prices.get('005930.KS')?.source).toBe('cache:yahoo');
    expect(m.prices.get('SIE.DE')?.source).toBe('cache:yahoo');
    expect(m.prices.get('NVDA')?.source).toBe('bundled:prices/NVDA.csv');

    const userDir = new URL('../../../test/fixtures/prices-user', import.meta.url).pathname;
    const withUser = loadMarketData({ symbols, cache: layer, userDir });
    expect(withUser.prices.get('SIE.DE')?.source).toMatch(/^user:/);
  });

  it('lists cached FX ahead of the bundled series of the pair', async () => {
    await cache.storeFx(
      { base: 'USD', quote: 'KRW', rates: [{ date: '2026-11-20', value: 1398.2 }], source: 'fred:DEXKOUS' },
      NOW,
    );
    const m = loadMarketData({ symbols: [], cache: await cacheLayer(cache) });
    const list = m.fx.get('USDKRW') ?? [];
    expect(list[0]?.source).toBe('cache:fred:DEXKOUS');
    expect(fromDay(list[0]?.days[0] as number)).toBe('2026-11-20');
    expect(list.slice(1).every((s) => s.source.startsWith('bundled:'))).toBe(true);
  });
});

describe('updateCache', () => {
  const fixture = (name: string) =>
    new URL(`../../../test/fixtures/providers/yahoo/${name}`, import.meta.url);

  async function runnerFor(routes: Parameters<typeof startServer>[0]) {
    server = await startServer(routes);
    return new ProviderRunner({
      providers: [new YahooProvider({ baseUrl: server.url })],
      retries: 0,
      sleep: async () => undefined,
    });
  }

  it('fetches a missing symbol, then a failing provider leaves the cached rows as they were', async () => {
    const { readFileSync } = await import('node:fs');
    let up = true;
    const runner = await runnerFor({
      '/v8/finance/chart/005930.KS': (req, res, url) =>
        up
          ? send(200, readFileSync(fixture('005930.KS.json'), 'utf8'))(req, res, url)
          : send(503, 'down')(req, res, url),
    });
    const first = await updateCache({
      cache,
      runner,
      items: [{ kind: 'price', symbol: '005930.KS' }],
      today: '2026-11-25',
      now: () => NOW,
    });
    expect(first).toEqual([
      {
        item: '005930.KS',
        status: 'fetched',
        provider: 'yahoo',
        rows: 4,
        from: '2026-11-16',
        to: '2026-11-20',
      },
    ]);
    // The first request covered all history: 1985-01-01 = day 5479 (Python datetime); period1 = (5479 − 1) × 86400.
    expect(server?.requests[0]).toContain(`period1=${(5479 - 1) * 86400}&`);

    up = false;
    const second = await updateCache({
      cache,
      runner,
      items: [{ kind: 'price', symbol: '005930.KS' }],
      today: '2026-11-25',
      now: () => NOW,
    });
    expect(second[0]).toMatchObject({ item: '005930.KS', status: 'failed' });
    expect(second[0]?.message).toContain('HTTP 503');
    expect((await cache.closes('005930.KS')).map((r) => r.close)).toEqual([318500, 322000, 319000, 321500]);
    // The incremental request started a week before the cached last date: 2026-11-13 = day 20770 (Python datetime).
    expect(server?.requests[1]).toContain(`period1=${(20770 - 1) * 86400}&`);
  });

  it('skips what is already current', async () => {
    const runner = await runnerFor({});
    await cache.storePrices(
      { symbol: 'NVDA', currency: 'USD', closes: [{ date: '2026-11-24', value: 180 }], source: 'yahoo' },
      NOW,
    );
    // 24 Nov (Tue) → 25 Nov (Wed) is 1 weekday: stale, would be fetched; as of the 24th it is current.
    const out = await updateCache({
      cache,
      runner,
      items: [{ kind: 'price', symbol: 'NVDA' }],
      today: '2026-11-24',
      now: () => NOW,
    });
    expect(out).toEqual([{ item: 'NVDA', status: 'up-to-date' }]);
    expect(server?.requests).toEqual([]);
  });

  it('refetches the whole history when an incremental answer reports a split', async () => {
    const { readFileSync } = await import('node:fs');
    const runner = await runnerFor({
      '/v8/finance/chart/6954.T': send(200, readFileSync(fixture('6954.T.json'), 'utf8')),
    });
    // Unadjusted pre-split closes cached earlier (5× the adjusted ones), one of them outside the new answer.
    await cache.storePrices(
      {
        symbol: '6954.T',
        currency: 'JPY',
        closes: [
          { date: '2024-03-22', value: 21700 },
          { date: '2024-03-25', value: 21490 },
        ],
        source: 'yahoo',
      },
      NOW,
    );
    const out = await updateCache({
      cache,
      runner,
      items: [{ kind: 'price', symbol: '6954.T' }],
      today: '2024-03-29',
      now: () => NOW,
    });
    expect(out[0]).toMatchObject({ status: 'fetched', refetched: true, rows: 5 });
    expect(server?.requests).toHaveLength(2);
    // The old-basis 22 Mar row is gone; 25 Mar now holds the adjusted 4298.
    expect((await cache.closes('6954.T')).map((r) => [r.date, r.close])).toEqual([
      ['2024-03-25', 4298],
      ['2024-03-26', 4251],
      ['2024-03-27', 4308],
      ['2024-03-28', 4259],
      ['2024-03-29', 4217],
    ]);
  });

  it('a full refetch with fewer rows than the cache never replaces it', async () => {
    const { readFileSync } = await import('node:fs');
    const runner = await runnerFor({
      '/v8/finance/chart/6954.T': send(200, readFileSync(fixture('6954.T.json'), 'utf8')),
    });
    // Six cached closes (2024-03-18 … 03-25); the provider's whole answer after the split is the fixture's 5.
    const closes = ['2024-03-18', '2024-03-19', '2024-03-20', '2024-03-21', '2024-03-22', '2024-03-25'].map(
      (date, i) => ({ date, value: 21000 + i }),
    );
    await cache.storePrices({ symbol: '6954.T', currency: 'JPY', closes, source: 'yahoo' }, NOW);
    const out = await updateCache({
      cache,
      runner,
      items: [{ kind: 'price', symbol: '6954.T' }],
      today: '2024-03-29',
      now: () => NOW,
    });
    expect(out[0]).toMatchObject({ item: '6954.T', status: 'failed', provider: 'yahoo' });
    expect(out[0]?.message).toBe(
      'yahoo answered the full refetch (after a split) with 5 closes, fewer than the 6 cached (2024-03-18..2024-03-25): the cached series is kept',
    );
    expect((await cache.closes('6954.T')).map((r) => r.close)).toEqual(closes.map((c) => c.value));
  });
});
