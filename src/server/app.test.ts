import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../app/check.ts';
import { createApp } from './app.ts';
import { allowedHosts } from './guard.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLE = 'examples/sample-holdings.csv';

const TOKEN = 'test-token-0123456789';
const OWN = 'http://127.0.0.1:4173';

function app(maxUpload = 1_000_000) {
  return createApp({
    holdings: [SAMPLE],
    defaults: { base: 'KRW', asOf: '2026-05-29' },
    allowedHosts: allowedHosts('127.0.0.1', 4173),
    now: () => NOW,
    maxUpload,
    token: TOKEN,
  }).app;
}

// biome-ignore lint/suspicious/noExplicitAny: API bodies are checked field by field below.
const body = async (r: Response): Promise<any> => r.json();

const get = (a: ReturnType<typeof app>, path: string, host = '127.0.0.1:4173') =>
  a.request(path, { headers: { host } });

function upload(a: ReturnType<typeof app>, name: string, bytes: Uint8Array, path = '/api/holdings') {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  return a.request(path, {
    method: 'POST',
    body: form,
    headers: { host: '127.0.0.1:4173', origin: OWN, 'x-dispersion-token': TOKEN },
  });
}

/** A POST as a browser sends it: Host, Origin, Sec-Fetch-Site, and the token header when given. */
function post(
  a: ReturnType<typeof app>,
  path: string,
  o: { origin?: string; site?: string; token?: string; body?: string; type?: string } = {},
) {
  const headers: Record<string, string> = { host: '127.0.0.1:4173', 'content-type': o.type ?? 'text/plain' };
  if (o.origin !== undefined) headers.origin = o.origin;
  if (o.site !== undefined) headers['sec-fetch-site'] = o.site;
  if (o.token !== undefined) headers['x-dispersion-token'] = o.token;
  return a.request(path, { method: 'POST', headers, body: o.body ?? '{}' });
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
    // The CP949 file holds symbols with no bundled price (NAVER, TIGER 미국S&P500): its own 현재가 prices them, and
    // the check says so, naming the uploaded file and line.
    const check = await get(a, '/api/check');
    expect(check.status).toBe(200);
    const doc = await body(check);
    expect(
      doc.warnings
        .filter((w: { code: string }) => w.code === 'file-price')
        .map((w: { line: number }) => w.line),
    ).toEqual([3, 4]);
    // A file with no price column and a holding nothing prices is refused, naming the file and line.
    const bare = await upload(
      a,
      'naver-no-price.csv',
      readFileSync('test/fixtures/check/naver-no-price.csv'),
    );
    expect(bare.status).toBe(200);
    const refused = await get(a, '/api/check');
    expect(refused.status).toBe(400);
    expect((await body(refused)).error).toMatchObject({ file: 'naver-no-price.csv', line: 3 });
  });

  it('checks each query with the use case’s request schema: a field given twice is a 400 naming it, no run', async () => {
    const a = app();
    for (const [path, field] of [
      ['/api/check?base=KRW&base=USD', 'base'],
      ['/api/rebalance?cash=1000:USD&cash=5000:KRW', 'cash'],
      ['/api/stress?scenario=gfc&scenario=covid', 'scenario'],
      ['/api/signals?asOf=2026-05-29&asOf=2026-05-28', 'asOf'],
      ['/api/backtest?from=2020-01-02&from=2021-01-04', 'from'],
    ] as const) {
      const res = await get(a, path);
      expect(res.status, path).toBe(400);
      expect((await body(res)).error.message, path).toMatch(new RegExp(`query: ${field}: `));
    }
    // Once each, the same fields run as before.
    expect((await get(a, '/api/check?base=USD')).status).toBe(200);
  });

  it('previews a name-only export (Mirae: 종목명, no code) with names resolved as check resolves them', async () => {
    const a = app();
    const res = await upload(a, 'mirae.csv', readFileSync('test/fixtures/import/formats/mirae.csv'));
    expect(res.status).toBe(200);
    // The fixture's three rows: 삼성전자 40, 엔비디아 5, 현대차 2, each found by its Korean name in the universe.
    expect(await body(res)).toMatchObject({ holdings: 'mirae.csv', rows: 3 });
    const check = await body(await get(a, '/api/check'));
    const q = Object.fromEntries(
      check.positions.map((p: { symbol: string; quantity: number }) => [p.symbol, p.quantity]),
    );
    expect(q).toEqual({ '005930.KS': 40, NVDA: 5, '005380.KS': 2 });
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
      headers: { host: '127.0.0.1:4173', origin: OWN, 'x-dispersion-token': TOKEN },
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

  it('words a refusal in the request’s language: ?lang=ko gives the Korean sentence, with file, line and column', async () => {
    const res = await upload(
      app(),
      'neg.csv',
      readFileSync('test/fixtures/import/bad/negative-quantity.csv'),
      '/api/holdings?lang=ko',
    );
    expect(res.status).toBe(400);
    const e = (await body(res)).error;
    // Row 4 of the fixture is TSLA,-5,USD: the quantity (column 2) is negative.
    expect(e.text).toBe(
      'neg.csv:4:2: TSLA의 수량이 음수입니다 (-5); 필요한 것: 0 이상의 수량\n  도움말: 공매도 포지션은 지원하지 않습니다',
    );
    expect(e).toMatchObject({
      file: 'neg.csv',
      line: 4,
      column: 2,
      ko: { message: 'TSLA의 수량이 음수입니다 (-5)' },
    });
  });

  it('words a refused journal record in the language its JSON body asks for (a POST has no ?lang)', async () => {
    const record = (lang: string) =>
      post(app(), '/api/journal/record', {
        origin: OWN,
        token: TOKEN,
        type: 'application/json',
        // What the Rebalance page sends when the cash box holds `12abc`: the amount is not a number.
        body: JSON.stringify({
          lang,
          base: 'KRW',
          mode: 'full',
          band: '0.02',
          cash: '12abc:KRW',
          executed: true,
        }),
      });
    const ko = await record('ko');
    expect(ko.status).toBe(400);
    expect((await body(ko)).error.text).toBe(
      '--cash 12abc:KRW는 통화가 붙은 금액이 아닙니다; 필요한 것: 0보다 큰 금액:통화, 예: 5000000:KRW, ' +
        '5,000,000:KRW 또는 1500.50:USD; 여러 개는 쉼표로 구분',
    );
    const en = await record('en');
    expect((await body(en)).error.text).toMatch(
      /^--cash 12abc:KRW is not an amount with a currency; expected/,
    );
  });

  it('reports a malformed upload with file, line and column and keeps the current holdings', async () => {
    const a = app();
    const res = await upload(a, 'neg.csv', readFileSync('test/fixtures/import/bad/negative-quantity.csv'));
    expect(res.status).toBe(400);
    const e = (await body(res)).error;
    expect(e).toMatchObject({ file: 'neg.csv', line: 4, column: 2 });
    // Without lang the sentence is English: row 4 is TSLA,-5,USD.
    expect(e.text).toBe(
      'neg.csv:4:2: the quantity of TSLA is negative (-5); expected a quantity of zero or more\n' +
        '  hint: short positions are not supported',
    );
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

describe('dashboard API: writes only from the dashboard', () => {
  const writes = ['/api/journal/record', '/api/holdings', '/api/holdings/reset'];

  it('refuses a cross-origin POST (another site, text/plain, correct Host) with 403 JSON', async () => {
    for (const path of writes) {
      const res = await post(app(), path, { origin: 'http://evil.example', token: TOKEN });
      expect(res.status, path).toBe(403);
      expect((await body(res)).error.message).toMatch(/origin http:\/\/evil\.example is refused/);
    }
  });

  it('refuses Sec-Fetch-Site: cross-site even without an Origin', async () => {
    const res = await post(app(), '/api/holdings/reset', { site: 'cross-site', token: TOKEN });
    expect(res.status).toBe(403);
    expect((await body(res)).error.message).toMatch(/another site/);
  });

  it('refuses a same-origin write without the session token, or with a wrong one', async () => {
    for (const path of writes) {
      expect((await post(app(), path, { origin: OWN, site: 'same-origin' })).status, path).toBe(403);
      const wrong = await post(app(), path, { origin: OWN, token: 'test-token-0123456780' });
      expect(wrong.status, path).toBe(403);
      expect((await body(wrong)).error.message).toMatch(/token/);
    }
  });

  it('accepts a write from its own origin with the token /api/session gave out', async () => {
    const a = app();
    const session = await body(await get(a, '/api/session'));
    expect(session.token).toBe(TOKEN);
    const res = await post(a, '/api/holdings/reset', {
      origin: OWN,
      site: 'same-origin',
      token: session.token,
      type: 'application/json',
    });
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ holdings: 'sample-holdings.csv' });
  });

  it('gives each process its own random token', async () => {
    const make = () =>
      createApp({
        holdings: [SAMPLE],
        defaults: { base: 'KRW' },
        allowedHosts: allowedHosts('127.0.0.1', 4173),
        now: () => NOW,
        maxUpload: 100,
      }).app;
    const a = (await body(await get(make(), '/api/session'))).token;
    const b = (await body(await get(make(), '/api/session'))).token;
    expect(a).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(a).not.toBe(b);
  });
});

describe('dashboard API: files are never named in a query string', () => {
  it('refuses a model path with 400, reading no file', async () => {
    for (const model of ['/dev/zero', '/root/.bashrc', 'examples/sample-holdings.csv', '../data/models/x']) {
      const res = await get(app(), `/api/check?model=${encodeURIComponent(model)}`);
      expect(res.status, model).toBe(400);
      const e = (await body(res)).error;
      expect(e.message).toMatch(/is not one of this server's models/);
      expect(e.message).not.toMatch(/JSON|not found/);
    }
  });

  it('a missing file and an existing one get the same answer, so a page cannot probe', async () => {
    const a = await body(await get(app(), '/api/check?model=/etc/passwd'));
    const b = await body(await get(app(), '/api/check?model=/no/such/file'));
    expect(a.error.expected).toBe(b.error.expected);
  });

  it('accepts a bundled model id', async () => {
    const res = await get(app(), '/api/check?model=mag7-concentrated');
    expect(res.status).toBe(200);
    expect((await body(res)).model).toBe('mag7-concentrated');
  });

  it('refuses a scenario file and a model: benchmark file', async () => {
    const s = await get(app(), `/api/stress?scenario=ai-bubble,${encodeURIComponent('/dev/zero')}`);
    expect(s.status).toBe(400);
    expect((await body(s)).error.message).toMatch(/scenario "\/dev\/zero" is not one of/);
    const b = await get(app(), `/api/backtest?benchmark=SPY,${encodeURIComponent('model:/dev/zero')}`);
    expect(b.status).toBe(400);
    expect((await body(b)).error.message).toMatch(/model "\/dev\/zero" is not one of/);
  });
});

describe('dashboard API: headers', () => {
  it('forbids framing and sniffing on pages and API answers alike', async () => {
    for (const path of ['/api/session', '/api/nope']) {
      const res = await get(app(), path);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('dashboard API: the orders download', () => {
  it('starts with the UTF-8 byte-order mark, as rebalance --csv does, and quotes the header', async () => {
    const res = await get(app(), '/api/rebalance.csv');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.slice(1).split('\n')[0]).toBe(
      '"account","symbol","side","quantity","price","currency","value","valueBase"',
    );
  });
});

describe('allowedHosts', () => {
  it('bound to 0.0.0.0: the loopback names and the machine’s own addresses, nothing else', () => {
    const hosts = allowedHosts('0.0.0.0', 4173, ['127.0.0.1', '192.168.1.5', '::1', 'fe80::1a2b']);
    expect([...hosts].sort()).toEqual(
      [
        '0.0.0.0:4173',
        '127.0.0.1:4173',
        '192.168.1.5:4173',
        '[::1]:4173',
        '[fe80::1a2b]:4173',
        'localhost:4173',
      ].sort(),
    );
  });

  it('bound to 0.0.0.0, the app answers to localhost and to a LAN address, not to another name', async () => {
    const a = createApp({
      holdings: [SAMPLE],
      defaults: { base: 'KRW', asOf: '2026-05-29' },
      allowedHosts: allowedHosts('0.0.0.0', 4173, ['192.168.1.5']),
      now: () => NOW,
      maxUpload: 100,
    }).app;
    expect((await get(a, '/api/session', 'localhost:4173')).status).toBe(200);
    expect((await get(a, '/api/session', '127.0.0.1:4173')).status).toBe(200);
    expect((await get(a, '/api/session', '192.168.1.5:4173')).status).toBe(200);
    expect((await get(a, '/api/session', 'evil.example:4173')).status).toBe(403);
  });

  it('bound to a single LAN address: only that address', () => {
    expect([...allowedHosts('192.168.1.5', 8080, ['10.0.0.2'])]).toEqual(['192.168.1.5:8080']);
  });
});
