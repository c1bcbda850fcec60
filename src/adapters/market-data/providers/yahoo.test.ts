import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { send, startServer, type TestServer } from '../../../../test/support/http-server.ts';
import { toDay } from '../../../core/dates.ts';
import { ProviderError } from './types.ts';
import { parseChart, YahooProvider } from './yahoo.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/providers/yahoo/${name}`, import.meta.url), 'utf8');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function yahooWith(routes: Parameters<typeof startServer>[0]): Promise<YahooProvider> {
  server = await startServer(routes);
  return new YahooProvider({ baseUrl: server.url });
}

describe('YahooProvider.history', () => {
  it('reads a KRX series: Seoul dates, KRW, null closes left out', async () => {
    const y = await yahooWith({ '/v8/finance/chart/005930.KS': send(200, fixture('005930.KS.json')) });
    const h = await y.history('005930.KS', '2026-11-16', '2026-11-20');
    expect(h.currency).toBe('KRW');
    expect(h.source).toBe('yahoo');
    // The 18 Nov bar has a null close: no trade, so no price (never a zero).
    expect(h.closes).toEqual([
      { date: '2026-11-16', value: 318500 },
      { date: '2026-11-17', value: 322000 },
      { date: '2026-11-19', value: 319000 },
      { date: '2026-11-20', value: 321500 },
    ]);
    // period1 = (day of 2026-11-16 − 1) × 86400; period2 = (day of 2026-11-20 + 2) × 86400.
    const p1 = (toDay('2026-11-16') - 1) * 86400;
    const p2 = (toDay('2026-11-20') + 2) * 86400;
    expect(server?.requests).toEqual([
      `/v8/finance/chart/005930.KS?period1=${p1}&period2=${p2}&interval=1d&events=div%7Csplit&includeAdjustedClose=true`,
    ]);
  });

  it('converts a London series quoted in pence (GBp) to pounds, dividends too', async () => {
    const y = await yahooWith({ '/v8/finance/chart/RR.L': send(200, fixture('RR.L.json')) });
    const h = await y.history('RR.L', '2026-11-16', '2026-11-20');
    expect(h.currency).toBe('GBP');
    // 1183.5p = 11.835 GBP …; 1199.99995117p is float32 noise for 1200p = 12 GBP.
    expect(h.closes.map((c) => c.value)).toEqual([11.835, 11.77, 11.86, 12, 11.925]);
    expect(h.dividends).toEqual([{ date: '2026-11-19', value: 0.045 }]); // 4.5p
  });

  it('keeps only the requested dates and reads split events', async () => {
    const y = await yahooWith({ '/v8/finance/chart/6954.T': send(200, fixture('6954.T.json')) });
    const h = await y.history('6954.T', '2024-03-26', '2024-03-28');
    expect(h.currency).toBe('JPY');
    expect(h.closes).toEqual([
      { date: '2024-03-26', value: 4251 },
      { date: '2024-03-27', value: 4308 },
      { date: '2024-03-28', value: 4259 },
    ]);
    expect(h.splits).toEqual([{ date: '2024-03-28', ratio: 5 }]);
  });

  it('asks for an unknown symbol and says not-found (HTTP 404, chart.error "Not Found")', async () => {
    const y = await yahooWith({ '/v8/finance/chart/NOPE.KS': send(404, fixture('not-found.json')) });
    const e = await y.history('NOPE.KS', '2026-11-16', '2026-11-20').catch((x) => x);
    expect(e).toBeInstanceOf(ProviderError);
    expect(e).toMatchObject({ kind: 'not-found', status: 404, retryable: false });
    expect(e.message).toContain('No data found');
  });

  it('calls a cut-off body malformed, not an empty history', async () => {
    const y = await yahooWith({ '/v8/finance/chart/NVDA': send(200, fixture('malformed.json')) });
    await expect(y.history('NVDA', '2026-11-16', '2026-11-20')).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('turns a 429 into rate-limited with the Retry-After it was given', async () => {
    const y = await yahooWith({
      '/v8/finance/chart/NVDA': send(429, 'Too Many Requests', { 'retry-after': '7' }),
    });
    await expect(y.history('NVDA', '2026-11-16', '2026-11-20')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 7000,
      retryable: true,
    });
  });
});

describe('YahooProvider FX and latest', () => {
  it('asks KRW=X for USDKRW and returns KRW per USD', async () => {
    const y = await yahooWith({ '/v8/finance/chart/KRW=X': send(200, fixture('KRW=X.json')) });
    const fx = await y.fxHistory('USD', 'KRW', '2026-11-16', '2026-11-20');
    expect(fx).toMatchObject({ base: 'USD', quote: 'KRW', source: 'yahoo' });
    // float32 values trimmed to 7 significant digits: 1401.0999755859375 → 1401.1, 1396.43994140625 → 1396.44.
    expect(fx.rates.map((r) => r.value)).toEqual([1401.1, 1396.44, 1399.8, 1402.15, 1398.2]);
    expect(server?.requests[0]).toMatch(/^\/v8\/finance\/chart\/KRW%3DX\?/);
  });

  it('latest is the last non-null close with its exchange date', async () => {
    const y = await yahooWith({ '/v8/finance/chart/005930.KS': send(200, fixture('005930.KS.json')) });
    expect(await y.latest('005930.KS')).toEqual({
      symbol: '005930.KS',
      currency: 'KRW',
      date: '2026-11-20',
      close: 321500,
      source: 'yahoo',
    });
    expect(server?.requests[0]).toBe('/v8/finance/chart/005930.KS?range=5d&interval=1d');
  });

  it('covers the listings the essay names, and not FX pairs as equities', () => {
    const y = new YahooProvider();
    for (const s of [
      'NVDA',
      '005380.KS',
      '247540.KQ',
      '6954.T',
      'SIE.DE',
      'ABBN.SW',
      'RR.L',
      'SU.PA',
      '^KS200',
    ])
      expect(y.covers(s), s).toBe(true);
    expect(y.covers('USDKRW')).toBe(false);
    expect(y.covers('XYZ.ZZ')).toBe(false);
  });
});

describe('parseChart dates', () => {
  it('dates a New York bar by New York, not UTC (gmtoffset −18000)', () => {
    // 2026-11-20 14:30 UTC = 09:30 EST on the 20th; a bar at 2026-11-21 02:00 UTC would still be the 20th in NY.
    const at = Date.UTC(2026, 10, 21, 2, 0) / 1000;
    const body = JSON.stringify({
      chart: {
        result: [
          {
            meta: { currency: 'USD', symbol: 'X', gmtoffset: -18000 },
            timestamp: [at],
            indicators: { quote: [{ close: [10] }] },
          },
        ],
        error: null,
      },
    });
    expect(parseChart(body, 'X').closes).toEqual([{ date: '2026-11-20', value: 10 }]);
  });
});
