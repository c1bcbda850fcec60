import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../../test/support/http-server.ts';
import { FredProvider } from './fred.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/providers/fred/${name}`, import.meta.url), 'utf8');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves fred/<id>.csv for ?id=<id>, and the HTML error page for an id without a fixture. */
async function fred(): Promise<FredProvider> {
  server = await startServer({
    '/graph/fredgraph.csv': (_req, res, url) => {
      const id = url.searchParams.get('id') ?? '';
      let body: string | undefined;
      try {
        body = fixture(`${id}.csv`);
      } catch {
        body = undefined;
      }
      if (body === undefined)
        res.writeHead(200, { 'content-type': 'text/html' }).end(fixture('not-a-series.html'));
      else res.writeHead(200, { 'content-type': 'text/csv' }).end(body);
    },
  });
  return new FredProvider({ baseUrl: server.url });
}

describe('FredProvider', () => {
  it('reads DEXKOUS as USDKRW and skips the holiday', async () => {
    const p = await fred();
    const fx = await p.fxHistory('USD', 'KRW', '2026-11-09', '2026-11-13');
    expect(fx).toMatchObject({ base: 'USD', quote: 'KRW', source: 'fred:DEXKOUS' });
    expect(fx.rates).toEqual([
      { date: '2026-11-09', value: 1389.42 },
      { date: '2026-11-10', value: 1392.05 },
      { date: '2026-11-12', value: 1395.7 },
      { date: '2026-11-13', value: 1401.18 },
    ]);
    expect(server?.requests).toEqual(['/graph/fredgraph.csv?id=DEXKOUS&cosd=2026-11-09&coed=2026-11-13']);
  });

  it('inverts when asked the other way round (KRW→USD from DEXKOUS)', async () => {
    const p = await fred();
    const fx = await p.fxHistory('KRW', 'USD', '2026-11-09', '2026-11-09');
    expect(fx.rates).toEqual([{ date: '2026-11-09', value: 1 / 1389.42 }]);
  });

  it('minds DEXUSEU orientation (USD per EUR), the old DATE header and "." holidays', async () => {
    const p = await fred();
    const eurusd = await p.fxHistory('EUR', 'USD', '2026-11-09', '2026-11-13');
    expect(eurusd.rates.map((r) => r.value)).toEqual([1.1562, 1.158, 1.1534, 1.1549]);
    const usdeur = await p.fxHistory('USD', 'EUR', '2026-11-12', '2026-11-12');
    expect(usdeur.rates).toEqual([{ date: '2026-11-12', value: 1 / 1.1534 }]);
  });

  it('reads DTB3 (percent) as a plain series', async () => {
    const p = await fred();
    expect(await p.series('DTB3', '2026-11-10', '2026-11-13')).toEqual([
      { date: '2026-11-10', value: 3.51 },
      { date: '2026-11-12', value: 3.5 },
      { date: '2026-11-13', value: 3.5 },
    ]);
  });

  it('calls an HTML answer malformed, and an unknown pair not covered', async () => {
    const p = await fred();
    await expect(p.series('NOSUCH', '2026-11-09', '2026-11-13')).rejects.toMatchObject({ kind: 'malformed' });
    await expect(p.fxHistory('USD', 'CNY', '2026-11-09', '2026-11-13')).rejects.toMatchObject({
      kind: 'not-covered',
    });
    expect(server?.requests).toHaveLength(1); // the uncovered pair never went out
  });
});
