/**
 * Request guards for a server that only ever serves the person at this machine: the Host header must name the host
 * we bound (a DNS-rebinding page on another site sends its own host name), and uploads are size-limited.
 */
import type { MiddlewareHandler } from 'hono';

/** Host header values we accept: the bound host and port, plus `localhost` when bound to loopback. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([host]);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') {
    names.add('127.0.0.1');
    names.add('localhost');
    names.add('[::1]');
  }
  const out = new Set<string>();
  for (const n of names) {
    out.add(`${n}:${port}`);
    if (port === 80) out.add(n);
  }
  return out;
}

export function hostGuard(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (!host || !allowed.has(host)) {
      return c.json(
        {
          error: {
            message: `Host ${host ?? '(none)'} is not allowed; this server answers only to ${[...allowed][0]}`,
          },
        },
        403,
      );
    }
    await next();
  };
}
