/**
 * `dispersion data update` and `data status` end to end: provider answers served from the hand-recorded fixtures by a
 * local server, a real journal database in a temp folder, and the sample portfolio against the bundled data.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDataStatusCommand, runDataUpdateCommand } from '../../src/app/data.ts';
import { run } from '../../src/cli/main.ts';
import { send, startServer, type TestServer } from '../support/http-server.ts';

const NOW = new Date('2026-11-25T09:00:00Z');
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');

let dir: string;
let server: TestServer | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dispersion-data-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('data status on the sample portfolio, bundled data only', () => {
  it('says honestly that every price is months old on 25 Nov 2026', async () => {
    const doc = await runDataStatusCommand(
      { holdings: 'examples/sample-holdings.csv', db: join(dir, 'none.sqlite'), asOf: '2026-11-25' },
      NOW,
    );
    expect(doc.cache).toBeNull();
    expect(doc.symbols.map((s) => s.symbol)).toEqual([
      '000660.KS',
      '005930.KS',
      'AAPL',
      'AMZN',
      'CEG',
      'GOOGL',
      'META',
      'MSFT',
      'NVDA',
      'QQQ',
      'TSLA',
    ]);
    // Bundled closes end Fri 2026-05-29: 128 weekdays to Wed 2026-11-25 (counted with Python's datetime) > 10.
    for (const s of doc.symbols)
      expect(s).toMatchObject({ last: '2026-05-29', source: 'bundled', stale: 'error', age: 128, days: 180 });
    // Holdings in KRW and USD: only the USDKRW pair, whose newest usable figure is the June 2026 monthly average.
    expect(doc.fx).toEqual([
      {
        pair: 'USDKRW',
        kind: 'monthly-average',
        first: '1981-04-01',
        last: '2026-06-30',
        source: 'bundled',
        stale: 'error',
        age: 106, // weekdays 1 Jul..25 Nov 2026
        days: 148, // 31 + 31 + 30 + 31 + 25 calendar days from 30 Jun
      },
    ]);
    // Korea's 2025 Chuseok closure (2 → 10 Oct, 8 days) is listed as a gap, not hidden.
    expect(doc.symbols.find((s) => s.symbol === '005930.KS')?.gaps).toContainEqual({
      from: '2025-10-02',
      to: '2025-10-10',
      calendarDays: 8,
    });
  });

  it('prints the --json shape the brief promises through the CLI', async () => {
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => {
      out += s;
      return true;
    }) as typeof process.stdout.write;
    try {
      const code = await run([
        'data',
        'status',
        '--symbols',
        '005930,NVDA,SIE.DE',
        '--as-of',
        '2026-06-01',
        '--db',
        join(dir, 'none.sqlite'),
        '--json',
      ]);
      expect(code).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const doc = JSON.parse(out);
    // 005930 resolves through the universe; SIE.DE has no bundled prices. 29 May → 1 Jun (Mon) is 1 trading day.
    expect(
      doc.symbols.map((s: Record<string, unknown>) => [s.symbol, s.first, s.last, s.source, s.stale]),
    ).toEqual([
      ['005930.KS', '2000-01-04', '2026-05-29', 'bundled', 'fresh'],
      ['NVDA', '1999-12-31', '2026-05-29', 'bundled', 'fresh'],
      ['SIE.DE', null, null, null, 'missing'],
    ]);
  });
});

describe('data update → data status', () => {
  async function serveProviders() {
    server = await startServer({
      '/v8/finance/chart/005930.KS': send(200, fixture('yahoo/005930.KS.json')),
      '/v8/finance/chart/RR.L': send(200, fixture('yahoo/RR.L.json')),
      '/v8/finance/chart/KRW=X': send(200, fixture('yahoo/KRW=X.json')),
      '/v8/finance/chart/GBPUSD=X': send(404, fixture('yahoo/not-found.json')),
      '/graph/fredgraph.csv': (_req, res, url) => {
        // Only DEXKOUS is recorded; any other series gets FRED's HTML error page.
        const id = url.searchParams.get('id');
        const body = id === 'DEXKOUS' ? fixture('fred/DEXKOUS.csv') : fixture('fred/not-a-series.html');
        res.writeHead(200).end(body);
      },
    });
    const config = join(dir, 'data.json');
    writeFileSync(
      config,
      JSON.stringify({ providers: ['yahoo', 'fred'], baseUrls: { yahoo: server.url, fred: server.url } }),
    );
    return config;
  }

  it('fetches into the cache, reports a failure without losing anything, and status reads the cache', async () => {
    const config = await serveProviders();
    const db = join(dir, 'journal.sqlite');
    const progress: string[] = [];
    const outcomes = await runDataUpdateCommand({ symbols: '005930.KS,RR.L', config, db }, NOW, {
      sleep: async () => undefined,
      progress: (done, total, label) => progress.push(`[${done}/${total}] ${label}`),
    });
    expect(outcomes.map((o) => [o.item, o.status, o.provider, o.rows])).toEqual([
      ['005930.KS', 'fetched', 'yahoo', 4],
      ['RR.L', 'fetched', 'yahoo', 5],
      // GBP → FRED orientation GBPUSD: Yahoo does not know it here (404) and FRED answers HTML.
      ['GBPUSD', 'failed', undefined, undefined],
      ['USDKRW', 'fetched', 'yahoo', 5],
    ]);
    expect(outcomes[2]?.message).toMatch(/yahoo not-found.*fred malformed/);
    expect(progress).toEqual(['[0/4] 005930.KS', '[1/4] RR.L', '[2/4] GBPUSD', '[3/4] USDKRW', '[4/4] ']);

    const doc = await runDataStatusCommand({ symbols: '005930.KS,RR.L,NVDA', db, asOf: '2026-11-25' }, NOW);
    expect(doc.cache).toBe(db);
    // age in trading days, days in calendar days: 2026-05-29 → 2026-11-25 is 2 + 30 + 31 + 31 + 30 + 31 + 25 = 180.
    expect(doc.symbols.map((s) => [s.symbol, s.last, s.source, s.stale, s.age, s.days])).toEqual([
      ['005930.KS', '2026-11-20', 'cache:yahoo', 'fresh', 3, 5], // Mon 23, Tue 24, Wed 25
      ['NVDA', '2026-05-29', 'bundled', 'error', 128, 180],
      ['RR.L', '2026-11-20', 'cache:yahoo', 'fresh', 3, 5],
    ]);
    const krw = doc.fx.find((p) => p.pair === 'USDKRW');
    expect(krw).toMatchObject({
      kind: 'daily',
      last: '2026-11-20',
      source: 'cache:yahoo',
      stale: 'fresh',
      days: 5,
    });
  });

  /** `dispersion data update …` in-process (the local provider server must keep answering): exit code and stdout. */
  async function cliUpdate(args: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      return { code: await run(['data', 'update', ...args]), out };
    } finally {
      process.stdout.write = write;
    }
  }

  it('exits 1 when some requested series failed, 2 when all did, and names each failure once', async () => {
    const config = await serveProviders();
    const db = join(dir, 'journal.sqlite');
    const partial = await cliUpdate(['--symbols', '005930.KS,RR.L', '--config', config, '--db', db]);
    expect(partial.code).toBe(1);
    const failures = partial.out.split('\n').filter((l) => l.includes('FAILED'));
    expect(failures).toEqual([
      // Yahoo's 404 body (fixtures/providers/yahoo/not-found.json) and FRED's HTML page, each said once.
      'GBPUSD: FAILED no provider answered for GBPUSD: yahoo not-found: GBPUSD: Not Found (No data found, symbol may be delisted); fred malformed: the answer for DEXUSUK is not its CSV (header "<!DOCTYPE html>")',
    ]);
    expect(partial.out).toContain('3 fetched, 0 already up to date, 1 failed');
    // Everything requested failing (a symbol no provider knows; no currency to fetch for it): exit 2.
    const all = await cliUpdate(['--symbols', 'NOPE.KS', '--config', config, '--db', db]);
    expect(all.out).toMatch(/^NOPE\.KS: FAILED /m);
    expect(all.code).toBe(2);
  });

  it('refuses to go online without a named provider', async () => {
    await expect(
      runDataUpdateCommand({ symbols: 'NVDA', db: join(dir, 'j.sqlite') }, NOW),
    ).rejects.toMatchObject({
      name: 'InputError',
    });
    await expect(
      runDataUpdateCommand({ symbols: 'NVDA', provider: 'bloomberg', db: join(dir, 'j.sqlite') }, NOW),
    ).rejects.toThrow('--provider bloomberg is not a known provider; expected yahoo or fred');
  });
});
