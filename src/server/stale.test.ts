/** Issue 11 item 15 over HTTP: the documents every dashboard page draws carry the stale-data line it opens with. */
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { allowedHosts } from './guard.ts';

const NOW = new Date('2026-12-02T12:00:00Z');
// Bundled closes end 2026-05-29: 187 calendar days and 133 trading days before 2026-12-02 (src/core/data-age.test.ts).
const LINE = 'prices are from 2026-05-29, 187 days old (133 trading days before 2026-12-02)';

function app() {
  return createApp({
    holdings: ['examples/sample-holdings.csv'],
    defaults: { base: 'KRW', asOf: '2026-12-02' },
    allowedHosts: allowedHosts('127.0.0.1', 4173),
    now: () => NOW,
    maxUpload: 1_000_000,
  }).app;
}

// biome-ignore lint/suspicious/noExplicitAny: fields are checked one by one.
const get = async (path: string): Promise<any> =>
  (await app().request(path, { headers: { host: '127.0.0.1:4173' } })).json();

describe('dashboard documents say stale data first', () => {
  it('overview/holdings (/api/check), rebalance and stress carry the line, in the asked language', async () => {
    expect((await get('/api/check?lang=en')).stale.message).toBe(LINE);
    expect((await get('/api/check?lang=ko')).stale.message).toBe(
      '가격이 2026-05-29 기준으로 187일 지났습니다 (133거래일, 기준일 2026-12-02)',
    );
    expect((await get('/api/rebalance?lang=en&allowStale=true')).stale?.message).toBe(LINE);
    expect((await get('/api/stress?lang=en')).stale.message).toBe(LINE);
  });

  it('signals as of a day with no close that recent says how old its prices are', async () => {
    const doc = await get('/api/signals?lang=en');
    expect(doc.stale).toMatchObject({ date: '2026-05-29', days: 187, error: true });
  });

  it('as of the data, nothing is said', async () => {
    expect((await get('/api/check?asOf=2026-05-29')).stale).toBeNull();
  });
});
