import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Route, send, startServer, type TestServer } from '../../../../test/support/http-server.ts';
import { FredProvider } from './fred.ts';
import { describeAttempts, NoProviderAnswered, ProviderRunner, type RunnerOptions } from './runner.ts';
import { YahooProvider } from './yahoo.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/providers/${name}`, import.meta.url), 'utf8');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A fake clock and sleep: waits are recorded and advance the clock, so backoff costs no real time. */
function fakeTime() {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    slept,
  };
}

/** Answers with each route in turn, the last one repeating. */
function sequence(...routes: Route[]): Route {
  let i = 0;
  return (req, res, url) => {
    const r = routes[Math.min(i++, routes.length - 1)] as Route;
    r(req, res, url);
  };
}

const never: Route = () => {
  /* holds the connection open: only the runner's timeout ends it */
};

async function setup(routes: Record<string, Route>, o: Partial<RunnerOptions> = {}) {
  server = await startServer(routes);
  const time = fakeTime();
  const yahoo = new YahooProvider({ baseUrl: server.url });
  const fred = new FredProvider({ baseUrl: server.url });
  const runner = new ProviderRunner({
    providers: [yahoo, fred],
    now: time.now,
    sleep: time.sleep,
    baseDelayMs: 1000,
    ...o,
  });
  return { runner, time, server };
}

const SAMSUNG = '/v8/finance/chart/005930.KS';

describe('ProviderRunner retries', () => {
  it('waits what a 429 Retry-After asks, then succeeds', async () => {
    const { runner, time } = await setup({
      [SAMSUNG]: sequence(
        send(429, 'Too Many Requests', { 'retry-after': '7' }),
        send(200, fixture('yahoo/005930.KS.json')),
      ),
    });
    const r = await runner.history('005930.KS', '2026-11-16', '2026-11-20');
    expect(r.provider).toBe('yahoo');
    expect(r.value.closes).toHaveLength(4);
    expect(time.slept).toEqual([7000]);
    expect(r.attempts.map((a) => a.outcome)).toEqual(['rate-limited', 'ok']);
  });

  it('backs off exponentially without Retry-After (1 s, then 2 s)', async () => {
    const { runner, time } = await setup({
      [SAMSUNG]: sequence(
        send(429, 'slow down'),
        send(503, 'unavailable'),
        send(200, fixture('yahoo/005930.KS.json')),
      ),
    });
    await runner.history('005930.KS', '2026-11-16', '2026-11-20');
    expect(time.slept).toEqual([1000, 2000]); // base 1000 × 2^0, × 2^1
  });

  it('does not sit out an absurd Retry-After: it gives up on that provider', async () => {
    const { runner, time } = await setup(
      { [SAMSUNG]: send(429, 'come back tomorrow', { 'retry-after': '86400' }) },
      { maxRetryAfterMs: 120_000 },
    );
    const e = await runner.history('005930.KS', '2026-11-16', '2026-11-20').catch((x) => x);
    expect(e).toBeInstanceOf(NoProviderAnswered);
    expect(time.slept).toEqual([]);
    // FRED does not list equities, so it was skipped, not tried.
    expect(
      e.attempts.map((a: { provider: string; outcome: string }) => `${a.provider}:${a.outcome}`),
    ).toEqual(['yahoo:rate-limited', 'fred:not-covered']);
  });

  it('does not retry an unknown symbol or a malformed answer', async () => {
    const {
      runner,
      time,
      server: s,
    } = await setup({
      '/v8/finance/chart/NOPE.KS': send(404, fixture('yahoo/not-found.json')),
      '/v8/finance/chart/NVDA': send(200, fixture('yahoo/malformed.json')),
    });
    const nf = await runner.history('NOPE.KS', '2026-11-16', '2026-11-20').catch((x) => x);
    expect(nf).toMatchObject({ notFound: true });
    const bad = await runner.history('NVDA', '2026-11-16', '2026-11-20').catch((x) => x);
    expect(bad.attempts[0]).toMatchObject({ provider: 'yahoo', outcome: 'malformed' });
    expect(s.requests).toHaveLength(2);
    expect(time.slept).toEqual([]);
  });
});

describe('ProviderRunner failover and timeouts', () => {
  it('times out a provider that never answers and fails over to the next (FX: Yahoo → FRED)', async () => {
    const { runner } = await setup(
      {
        '/v8/finance/chart/KRW=X': never,
        '/graph/fredgraph.csv': send(200, fixture('fred/DEXKOUS.csv')),
      },
      { timeoutMs: 50, retries: 0 },
    );
    const r = await runner.fxHistory('USD', 'KRW', '2026-11-09', '2026-11-13');
    expect(r.provider).toBe('fred');
    expect(r.value.rates).toHaveLength(4);
    expect(r.attempts.map((a) => `${a.provider}:${a.outcome}`)).toEqual(['yahoo:timeout', 'fred:ok']);
  });
});

describe('ProviderRunner circuit breaker', () => {
  it('opens after N consecutive failures, skips the provider, and half-opens after the cool-down', async () => {
    let healthy = false;
    const {
      runner,
      time,
      server: s,
    } = await setup(
      {
        [SAMSUNG]: (req, res, url) =>
          healthy
            ? send(200, fixture('yahoo/005930.KS.json'))(req, res, url)
            : send(500, 'boom')(req, res, url),
      },
      { retries: 0, failureThreshold: 2, coolDownMs: 60_000 },
    );
    const ask = () => runner.history('005930.KS', '2026-11-16', '2026-11-20').catch((e) => e);
    await ask();
    expect(runner.breaker.state('yahoo')).toBe('closed'); // 1 failure < 2
    await ask();
    expect(runner.breaker.state('yahoo')).toBe('open');
    const skipped = await ask();
    expect(skipped.attempts[0]).toEqual({ provider: 'yahoo', outcome: 'circuit-open' });
    expect(s.requests).toHaveLength(2); // the third call never reached the server

    healthy = true;
    time.advance(59_999);
    expect((await ask()).attempts[0].outcome).toBe('circuit-open'); // 1 ms short of the cool-down
    time.advance(1);
    const ok = await ask();
    expect(ok.provider).toBe('yahoo'); // the half-open trial went through
    expect(runner.breaker.state('yahoo')).toBe('closed');
  });

  it('re-opens at once when the half-open trial fails', async () => {
    const { runner, time } = await setup(
      { [SAMSUNG]: send(500, 'boom') },
      { retries: 0, failureThreshold: 1, coolDownMs: 1000 },
    );
    await runner.history('005930.KS', '2026-11-16', '2026-11-20').catch(() => undefined);
    expect(runner.breaker.state('yahoo')).toBe('open');
    time.advance(1000);
    await runner.history('005930.KS', '2026-11-16', '2026-11-20').catch(() => undefined);
    expect(runner.breaker.state('yahoo')).toBe('open');
  });
});

describe('describeAttempts (each failure said once)', () => {
  it('folds retries that failed the same way into one entry with their count', () => {
    const net = {
      provider: 'yahoo',
      outcome: 'network' as const,
      message: 'yahoo: cannot reach 127.0.0.1:9',
    };
    expect(
      describeAttempts([net, net, net, { provider: 'fred', outcome: 'malformed', message: 'not a CSV' }]),
    ).toBe('yahoo network: cannot reach 127.0.0.1:9, 3 tries; fred malformed: not a CSV');
  });
});
