/** Starts the dashboard server on a host and port, turning "port taken" into a clear InputError. */
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { serve } from '@hono/node-server';
import { InputError } from '../app/errors.ts';
import type { ServerConfig } from './app.ts';
import { createApp } from './app.ts';
import { allowedHosts } from './guard.ts';

export interface StartOptions extends Omit<ServerConfig, 'allowedHosts'> {
  host: string;
  port: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

export function startServer(o: StartOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    // Port 0 asks the OS for a free port (tests); the Host check then uses the port actually bound.
    const hosts = new Set<string>();
    const { app } = createApp({ ...o, allowedHosts: hosts });
    const server = serve({ fetch: app.fetch, hostname: o.host, port: o.port }, (info: AddressInfo) => {
      for (const h of allowedHosts(o.host, info.port, machineAddresses())) hosts.add(h);
      const shown = o.host.includes(':') ? `[${o.host}]` : o.host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') {
        reject(
          new InputError({
            message: `port ${o.port} on ${o.host} is already in use`,
            hint: `stop the other program, or choose another port with --port (e.g. --port ${o.port + 1})`,
            ko: {
              message: `${o.host}의 포트 ${o.port}번을 이미 다른 프로그램이 쓰고 있습니다`,
              hint: `그 프로그램을 멈추거나 --port로 다른 포트를 고르세요 (예: --port ${o.port + 1})`,
            },
          }),
        );
      } else if (e.code === 'EACCES') {
        reject(
          new InputError({
            message: `not allowed to listen on ${o.host}:${o.port}`,
            hint: 'use a port above 1024',
            ko: {
              message: `${o.host}:${o.port}에서 연결을 받을 권한이 없습니다`,
              hint: '1024보다 큰 포트를 쓰세요',
            },
          }),
        );
      } else reject(e);
    });
  });
}

/** This machine's own IP addresses (every interface), for the Host check of a server bound to 0.0.0.0. */
function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((i) => i.address);
}
