/**
 * Request guards for a server that only ever serves the person at this machine: the Host header must name the host
 * we bound (a DNS-rebinding page on another site sends its own host name), and uploads are size-limited.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Host header values we accept: the bound host and port; plus `localhost` and `[::1]` when bound to loopback; and,
 * when bound to every interface (`--host 0.0.0.0`), the loopback names and each of the machine's own addresses
 * (`machineAddresses`, from os.networkInterfaces), since those are the names one reaches it by.
 */
export function allowedHosts(
  host: string,
  port: number,
  machineAddresses: readonly string[] = [],
): Set<string> {
  const names = new Set([host.includes(':') && !host.startsWith('[') ? `[${host}]` : host]);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost' || WILDCARDS.has(host)) {
    for (const n of LOOPBACK_NAMES) names.add(n);
  }
  if (WILDCARDS.has(host)) {
    for (const a of machineAddresses) {
      if (a.includes('%')) continue; // a link-local address with a zone: no browser puts one in a URL
      names.add(a.includes(':') ? `[${a.toLowerCase()}]` : a);
    }
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

/** The header the dashboard sends its session token in (a custom header also makes a browser preflight it). */
export const TOKEN_HEADER = 'x-dispersion-token';

/**
 * Writes (every method but GET and HEAD) only from the dashboard itself. A page on another site can make the browser
 * send a POST to 127.0.0.1 with the right Host, but it cannot forge the Origin or Sec-Fetch-Site header the browser
 * adds, and it cannot read `/api/session` (no CORS) to learn the per-process token. So a write needs all three: no
 * cross-site Sec-Fetch-Site, an Origin (when sent) equal to the server's own, and the token.
 */
export function writeGuard(token: string): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const refuse = (message: string) =>
      c.json({ error: { message, expected: 'a request from the dashboard page itself' } }, 403);
    const site = c.req.header('sec-fetch-site');
    if (site === 'cross-site') {
      return refuse(`a ${method} from another site (Sec-Fetch-Site: ${site}) is refused`);
    }
    const origin = c.req.header('origin');
    const own = `http://${c.req.header('host')?.toLowerCase()}`;
    if (origin !== undefined && origin.toLowerCase() !== own) {
      return refuse(`a ${method} from origin ${origin} is refused; only ${own} may write`);
    }
    if (!sameToken(c.req.header(TOKEN_HEADER), token)) {
      return refuse(`a ${method} without this session's token (header ${TOKEN_HEADER}) is refused`);
    }
    return next();
  };
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
