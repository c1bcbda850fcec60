import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './start.ts';
import { startServer } from './start.ts';

const base = {
  holdings: ['examples/sample-holdings.csv'],
  defaults: { base: 'KRW', asOf: '2026-05-29' },
  now: () => new Date('2026-11-25T12:00:00Z'),
  maxUpload: 1000,
};

describe('startServer', () => {
  let first: RunningServer | undefined;
  afterAll(async () => first?.close());

  it('binds 127.0.0.1 and answers only to its own Host', async () => {
    first = await startServer({ ...base, host: '127.0.0.1', port: 0 });
    expect(first.url).toBe(`http://127.0.0.1:${first.port}`);
    const ok = await fetch(`${first.url}/api/session`);
    expect(ok.status).toBe(200);
    // fetch() will not send a forged Host header, so use node:http as a rebinding page's request would arrive.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: first?.port,
          path: '/api/session',
          headers: { host: `attacker.example:${first?.port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('says clearly when the port is taken', async () => {
    if (!first) throw new Error('first server did not start');
    await expect(startServer({ ...base, host: '127.0.0.1', port: first.port })).rejects.toThrow(
      new RegExp(`port ${first.port} on 127.0.0.1 is already in use`),
    );
  });
});
