/**
 * The one place providers touch the network: a GET through an injectable `fetch`, turning every way it can go wrong
 * into a ProviderError the runner knows how to handle. No retries here (that is the runner's job, with its breaker).
 */
import { ProviderError } from './types.ts';

export type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string> },
) => Promise<Response>;

export interface HttpOptions {
  fetch?: FetchLike;
  signal?: AbortSignal;
  /** For an HTTP-date Retry-After; the runner passes its injected clock. */
  nowMs?: () => number;
}

export interface HttpAnswer {
  status: number;
  text: string;
}

/** Yahoo answers a bare client with 429s more often than a browser-like one; the header is harmless elsewhere. */
const HEADERS = { 'User-Agent': 'Mozilla/5.0 (dispersion; +https://github.com/)', Accept: '*/*' };

/**
 * GET `url`. 2xx and 404 are returned (Yahoo explains a 404 in its JSON body); 429 and other statuses throw.
 * An aborted request is a `timeout` (the runner aborts only on its timer).
 */
export async function httpGet(provider: string, url: string, o: HttpOptions = {}): Promise<HttpAnswer> {
  const doFetch = o.fetch ?? (globalThis.fetch as FetchLike);
  let res: Response;
  try {
    res = await doFetch(url, { signal: o.signal, headers: HEADERS });
  } catch (e) {
    if (o.signal?.aborted)
      throw new ProviderError(provider, 'timeout', `no answer from ${hostOf(url)} in time`);
    throw new ProviderError(provider, 'network', `cannot reach ${hostOf(url)} (${(e as Error).message})`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    if (o.signal?.aborted) throw new ProviderError(provider, 'timeout', `${hostOf(url)} stopped answering`);
    throw new ProviderError(provider, 'network', `reading the answer failed (${(e as Error).message})`);
  }
  if (res.status === 429) {
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), o.nowMs?.() ?? Date.now());
    throw new ProviderError(provider, 'rate-limited', `rate limited (HTTP 429)`, {
      status: 429,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (res.status >= 400 && res.status !== 404) {
    throw new ProviderError(provider, 'http', `HTTP ${res.status} from ${hostOf(url)}`, {
      status: res.status,
    });
  }
  return { status: res.status, text };
}

/** What a provider that answers over HTTP is built with: where it is (tests point it at a local server) and the fetch. */
export interface HttpProviderOptions {
  baseUrl?: string;
  fetch?: FetchLike;
}

/** A provider's endpoint: its base URL (no trailing slash) and fetch; `get` is `httpGet` under the provider's id. */
export class Endpoint {
  readonly baseUrl: string;
  private readonly fetchFn: FetchLike | undefined;

  constructor(
    private readonly provider: string,
    defaultBaseUrl: string,
    o: HttpProviderOptions,
  ) {
    this.baseUrl = (o.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '');
    this.fetchFn = o.fetch;
  }

  /** GET base URL + `pathAndQuery` (which starts with `/`). */
  get(pathAndQuery: string, signal?: AbortSignal): Promise<HttpAnswer> {
    return httpGet(this.provider, `${this.baseUrl}${pathAndQuery}`, { fetch: this.fetchFn, signal });
  }
}

/** `Retry-After: 120` (seconds) or an HTTP date; anything else is ignored (the runner's own backoff applies). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
