/**
 * Asks providers in priority order until one answers: per attempt a timeout (AbortController), retries with
 * exponential backoff for what a retry can fix (429 — honouring Retry-After —, 5xx, timeouts, dropped connections),
 * straight on to the next provider for what it cannot (unknown symbol, not covered, malformed answer), and a circuit
 * breaker per provider so a dead source is not hammered symbol after symbol. Clock and sleep are injected: tests
 * drive hours of backoff in microseconds. The runner never writes anything, so a failure cannot lose cached data.
 */
import type { CurrencyCode } from '../../../core/currency.ts';
import type { IsoDate } from '../../../core/dates.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import type { FailureKind, FxHistory, LatestPrice, PriceHistory, Provider } from './types.ts';
import { isProviderError, ProviderError } from './types.ts';

export interface RunnerOptions {
  /** Highest priority first. */
  providers: readonly Provider[];
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
  /** Extra attempts on a retryable failure, per provider. Default 2. */
  retries?: number;
  /** First backoff; doubles each retry, capped at maxDelayMs. Defaults 1 s and 30 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the next provider is tried instead. Default 120 s. */
  maxRetryAfterMs?: number;
  failureThreshold?: number;
  coolDownMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Attempt {
  provider: string;
  outcome: FailureKind | 'circuit-open' | 'ok';
  message?: string;
  /** The wait before the next attempt, when there was one. */
  waitedMs?: number;
}

export interface RunResult<T> {
  value: T;
  provider: string;
  attempts: Attempt[];
}

/** Every provider was tried (or skipped) and none answered; `attempts` says what each one did. */
export class NoProviderAnswered extends Error {
  readonly attempts: Attempt[];
  readonly notFound: boolean;
  constructor(what: string, attempts: Attempt[]) {
    const tried = attempts.filter((a) => a.outcome !== 'not-covered');
    super(
      tried.length === 0
        ? `no configured provider covers ${what}`
        : `no provider answered for ${what}: ${describeAttempts(tried)}`,
    );
    this.name = 'NoProviderAnswered';
    this.attempts = attempts;
    this.notFound = tried.length > 0 && tried.every((a) => a.outcome === 'not-found');
  }
}

/**
 * Each failure once: consecutive retries that failed the same way are one entry with their count
 * (`yahoo network: cannot reach 127.0.0.1:9 (fetch failed), 3 tries`), and a message's own `provider: ` prefix is
 * not repeated after the provider's name.
 */
export function describeAttempts(attempts: readonly Attempt[]): string {
  const groups: { a: Attempt; n: number }[] = [];
  for (const a of attempts) {
    const last = groups.at(-1);
    if (
      last &&
      last.a.provider === a.provider &&
      last.a.outcome === a.outcome &&
      last.a.message === a.message
    )
      last.n++;
    else groups.push({ a, n: 1 });
  }
  return groups
    .map(({ a, n }) => {
      const message = a.message?.startsWith(`${a.provider}: `)
        ? a.message.slice(a.provider.length + 2)
        : a.message;
      return `${a.provider} ${a.outcome}${message ? `: ${message}` : ''}${n > 1 ? `, ${n} tries` : ''}`;
    })
    .join('; ');
}

export class ProviderRunner {
  readonly breaker: CircuitBreaker;
  private readonly o: Required<Omit<RunnerOptions, 'providers' | 'failureThreshold' | 'coolDownMs'>>;
  private readonly providers: readonly Provider[];

  constructor(o: RunnerOptions) {
    const now = o.now ?? Date.now;
    this.providers = o.providers;
    this.o = {
      timeoutMs: o.timeoutMs ?? 15_000,
      retries: o.retries ?? 2,
      baseDelayMs: o.baseDelayMs ?? 1_000,
      maxDelayMs: o.maxDelayMs ?? 30_000,
      maxRetryAfterMs: o.maxRetryAfterMs ?? 120_000,
      now,
      sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    };
    this.breaker = new CircuitBreaker({
      now,
      ...(o.failureThreshold === undefined ? {} : { failureThreshold: o.failureThreshold }),
      ...(o.coolDownMs === undefined ? {} : { coolDownMs: o.coolDownMs }),
    });
  }

  history(symbol: string, from: IsoDate, to: IsoDate): Promise<RunResult<PriceHistory>> {
    return this.run(
      symbol,
      (p) => p.covers(symbol),
      (p, signal) => p.history(symbol, from, to, signal),
    );
  }

  latest(symbol: string): Promise<RunResult<LatestPrice>> {
    return this.run(
      symbol,
      (p) => p.covers(symbol),
      (p, signal) => p.latest(symbol, signal),
    );
  }

  fxHistory(
    base: CurrencyCode,
    quote: CurrencyCode,
    from: IsoDate,
    to: IsoDate,
  ): Promise<RunResult<FxHistory>> {
    const pair = `${base}${quote}`;
    return this.run(
      pair,
      (p) => p.coverage.fx && (!p.coverage.fxPairs || p.coverage.fxPairs.includes(pair)),
      (p, signal) => p.fxHistory(base, quote, from, to, signal),
    );
  }

  private async run<T>(
    what: string,
    covers: (p: Provider) => boolean,
    call: (p: Provider, signal: AbortSignal) => Promise<T>,
  ): Promise<RunResult<T>> {
    const attempts: Attempt[] = [];
    for (const p of this.providers) {
      if (!covers(p)) {
        attempts.push({ provider: p.id, outcome: 'not-covered' });
        continue;
      }
      for (let attempt = 0; ; attempt++) {
        if (!this.breaker.allows(p.id)) {
          attempts.push({ provider: p.id, outcome: 'circuit-open' });
          break;
        }
        try {
          const value = await this.withTimeout(p, call);
          this.breaker.success(p.id);
          attempts.push({ provider: p.id, outcome: 'ok' });
          return { value, provider: p.id, attempts };
        } catch (e) {
          if (!isProviderError(e)) throw e; // a bug, not an outage: let it surface
          const record: Attempt = { provider: p.id, outcome: e.kind, message: e.message };
          attempts.push(record);
          // The provider answered clearly that it has no such thing: it is healthy, ask the next one.
          if (e.kind === 'not-found' || e.kind === 'not-covered') {
            this.breaker.success(p.id);
            break;
          }
          this.breaker.failure(p.id);
          if (!e.retryable || attempt >= this.o.retries) break;
          const wait = this.delay(e, attempt);
          if (wait === undefined) break;
          record.waitedMs = wait;
          await this.o.sleep(wait);
        }
      }
    }
    throw new NoProviderAnswered(what, attempts);
  }

  /** Retry-After when the server gave one (unless absurdly long), else base × 2^attempt, capped. */
  private delay(e: ProviderError, attempt: number): number | undefined {
    if (e.retryAfterMs !== undefined)
      return e.retryAfterMs <= this.o.maxRetryAfterMs ? e.retryAfterMs : undefined;
    return Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** attempt);
  }

  private async withTimeout<T>(
    p: Provider,
    call: (p: Provider, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.o.timeoutMs);
    try {
      return await call(p, ctl.signal);
    } catch (e) {
      if (ctl.signal.aborted && !(isProviderError(e) && e.kind === 'timeout')) {
        throw new ProviderError(p.id, 'timeout', `no answer within ${this.o.timeoutMs} ms`);
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }
}
