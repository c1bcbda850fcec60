import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../cli/commands/check.ts';
import { createApp } from './app.ts';
import { allowedHosts } from './guard.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLE = 'examples/sample-holdings.csv';

function app(maxUpload = 1_000_000) {
  return createApp({
    holdings: [SAMPLE],
    defaults: { base: 'KRW', asOf: '2026-05-29' },
    allowedHosts: allowedHosts('127.0.0.1', 4173),
    now: () => NOW,
    maxUpload,
  }).app;
}

// biome-ignore lint/suspicious/noExplicitAny: API bodies are checked field by field below.
const body = async (r: Response): Promise<any> => r.json();

const get = (a: ReturnType<typeof app>, path: string, host = '127.0.0.1:4173') =>
  a.request(path, { headers: { host } });

function upload(a: ReturnType<typeof app>, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  return a.request('/api/holdings', { method: 'POST', body: form, headers: { host: '127.0.0.1:4173' } });
}

describe('dashboard API', () => {
  it('/api/check is the CLI document for the same holdings and options', async () => {
    const res = await get(app(), '/api/check?lang=ko');
    expect(res.status).toBe(200);
    const cli = await runCheckCommand([SAMPLE], { base: 'KRW', asOf: '2026-05-29', lang: 'ko' }, NOW);
    expect(await body(res)).toEqual(JSON.parse(JSON.stringify(cli)));
  });

  it('takes base and as-of from the query', async () => {
    const doc = await body(await get(app(), '/api/check?base=USD&asOf=2026-04-30'));
    expect(doc.base).toBe('USD');
    expect(doc.asOf).toBe('2026-04-30');
  });

  it('rejects a Host header that is not the bound host (DNS rebinding)', async () => {
    const res = await get(app(), '/api/check', 'evil.example:4173');
    expect(res.status).toBe(403);
    expect((await get(app(), '/api/check', 'localhost:4173')).status).toBe(200);
    expect((await get(app(), '/api/check', '127.0.0.1:9999')).status).toBe(403);
  });

  it('replaces the holdings with an uploaded file, parsed by the same importer', async () => {
    const a = app();
    const bytes = readFileSync('test/fixtures/import/ok/korean-cp949.csv');
    const res = await upload(a, 'korean-cp949.csv', bytes);
    expect(res.status).toBe(200);
    // 6 data rows: 4 in 종합매매, 2 in 해외주식
    expect(await body(res)).toMatchObject({ holdings: 'korean-cp949.csv', rows: 6 });
    // The CP949 file holds symbols with no bundled price: the check now says so, naming the uploaded file and line.
    const check = await get(a, '/api/check');
    expect(check.status).toBe(400);
    expect((await body(check)).error).toMatchObject({ file: 'korean-cp949.csv', line: 3 });
  });

  it('takes several files at once, as the CLI does: each its own account, together the holdings', async () => {
    const a = app();
    const form = new FormData();
    form.append(
      'file',
      new File([readFileSync('test/fixtures/import/formats/schwab-transactions.csv')], 'schwab.csv'),
    );
    form.append(
      'file',
      new File([readFileSync('test/fixtures/import/formats/kiwoom-opw00018.csv')], 'kiwoom.csv'),
    );
    const res = await a.request('/api/holdings', {
      method: 'POST',
      body: form,
      headers: { host: '127.0.0.1:4173' },
    });
    expect(res.status).toBe(200);
    // Schwab's log nets to NVDA 6 and VTI 10.5; the Kiwoom grid holds A005930 100 and A000660 10: 4 holdings.
    expect(await body(res)).toMatchObject({ holdings: 'schwab.csv, kiwoom.csv', rows: 4 });
    const check = await body(await get(a, '/api/check'));
    const q = Object.fromEntries(
      check.positions.map((p: { symbol: string; quantity: number }) => [p.symbol, p.quantity]),
    );
    expect(q).toEqual({ NVDA: 6, VTI: 10.5, '005930.KS': 100, '000660.KS': 10 });
  });

  it('reports a malformed upload with file, line and column and keeps the current holdings', async () => {
    const a = app();
    const res = await upload(a, 'neg.csv', readFileSync('test/fixtures/import/bad/negative-quantity.csv'));
    expect(res.status).toBe(400);
    expect((await body(res)).error).toMatchObject({ file: 'neg.csv', line: 4, column: 2 });
    const session = await body(await get(a, '/api/session'));
    expect(session.holdings).toBe('sample-holdings.csv');
  });

  it('limits the upload size', async () => {
    const res = await upload(app(100), 'big.csv', new Uint8Array(5000).fill(65));
    expect(res.status).toBe(413);
  });

  it('answers an unknown API path with 404 JSON', async () => {
    const res = await get(app(), '/api/nope');
    expect(res.status).toBe(404);
    expect((await body(res)).error.message).toMatch(/no such API/);
  });
});
