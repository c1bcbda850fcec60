/**
 * A local HTTP server for provider tests: 127.0.0.1, a random port, routes answered by the test. Provider clients
 * are pointed at it through their base URL, so tests exercise real HTTP without touching the internet.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export interface TestServer {
  url: string;
  /** Every request path+query received, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** `routes` is matched on the path (query excluded); an unmatched path answers 500 so a wrong URL fails loudly. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const route = routes[decodeURIComponent(url.pathname)];
    if (!route) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`no route for ${url.pathname}`);
      return;
    }
    route(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function send(status: number, body: string, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  };
}
