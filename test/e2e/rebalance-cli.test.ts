/**
 * `dispersion rebalance` end to end on the bundled sample (examples/sample-holdings.csv) with the bundled data, as of
 * 2026-05-29, base KRW. Expected orders are worked out by hand below from the closes in data/market/prices and the
 * April 2026 monthly USDKRW average (1,483.7977, dated 2026-04-30: May's average is not known until May is over).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RebalanceOptions } from '../../src/cli/commands/rebalance.ts';
import { runRebalanceCommand } from '../../src/cli/commands/rebalance.ts';
import { ORDERS_CSV_HEADER } from '../../src/report/rebalance-document.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLE = 'examples/sample-holdings.csv';
const opts = { base: 'KRW', asOf: '2026-05-29', lang: 'en' };
const USDKRW = 1483.7977;

describe('rebalance of the sample portfolio (full)', () => {
  // Total 272,789,644.92 KRW (as `check` reports). QQQ (20 × 738.31 × 1,483.7977 = 21,910,053.53) is `other`: left
  // alone, so the investable value is 250,879,591.40.
  const I = 250_879_591.398;

  it('sells the Mag7 outside the model, trims emerging, and fills physical AI, energy and defense', async () => {
    const doc = await runRebalanceCommand([SAMPLE], opts, NOW);
    const t = doc.orders.map((o) => [o.account, o.side, o.symbol, o.quantity]);
    expect(t).toEqual([
      // Apple, Microsoft, Alphabet, Amazon, Meta have no sleeve in the model: sold in full.
      ['미국주식', 'sell', 'AAPL', 60],
      ['미국주식', 'sell', 'MSFT', 40],
      ['미국주식', 'sell', 'GOOGL', 45],
      ['미국주식', 'sell', 'AMZN', 50],
      ['미국주식', 'sell', 'META', 12],
      // Physical AI is empty; 005380.KS, ABBN.SW, SIE.DE and 6954.T have no bundled price, ISRG (424.64 USD) has:
      // 30% × I = 75,263,877.42 KRW / (424.64 × 1,483.7977 = 630,079.86) = 119.45 → 119.
      ['미국주식', 'buy', 'ISRG', 119],
      // Energy: CEG 10 × 287.75 × 1,483.7977 = 4,269,627.88 = 1.7% → 20% × I = 50,175,918.28;
      // (50,175,918.28 − 4,269,627.88) / 426,962.79 = 107.52 → 107.
      ['미국주식', 'buy', 'CEG', 107],
      // Defense is empty; 012450.KS has no bundled price, LMT (530.45) has: 5% × I = 12,543,979.57 / 787,080.49
      // = 15.94 → 15.
      ['미국주식', 'buy', 'LMT', 15],
      // Emerging 66,214,000 = 26.4% → 15% × I = 37,631,938.71, split as held (Samsung 47.55M : SK Hynix 18.664M):
      // Samsung 27,024,476.48 → sell (47,550,000 − 27,024,476.48) / 317,000 = 64.75 → 64;
      // SK Hynix 10,607,462.23 → sell (18,664,000 − 10,607,462.23) / 2,333,000 = 3.45 → 3.
      ['키움 위탁', 'sell', '005930.KS', 64],
      ['키움 위탁', 'sell', '000660.KS', 3],
    ]);
    // NVDA + TSLA = 63,158,962.13 = 25.2% of I, within 25% ± 2: no order for them.
    expect(doc.orders.some((o) => o.symbol === 'NVDA' || o.symbol === 'TSLA')).toBe(false);

    const isrg = doc.orders.find((o) => o.symbol === 'ISRG');
    expect(isrg?.currency).toBe('USD');
    expect(isrg?.value).toBeCloseTo(119 * 424.6400146484375, 6);
    expect(isrg?.valueBase).toBeCloseTo(119 * 424.6400146484375 * USDKRW, 3);
    const samsung = doc.orders.find((o) => o.symbol === '005930.KS');
    expect(samsung?.value).toBe(64 * 317_000);
    expect(samsung?.valueBase).toBe(64 * 317_000);
    expect(doc.before.investable).toBeCloseTo(I, 2);
  });

  it('lands every sleeve within 2 points and reports the US account’s shortfall instead of inventing a transfer', async () => {
    const doc = await runRebalanceCommand([SAMPLE], opts, NOW);
    expect(doc.after.sleeves.every((s) => s.within)).toBe(true);
    // 미국주식 in USD: 1,850.50 cash + 74,970.62 of sales − 89,278.16 of buys = −12,457.04; it holds no other
    // currency to convert, so no FX order, and a warning says how much to move in.
    expect(doc.fx).toEqual([]);
    const short = doc.warnings.find((w) => w.code === 'account-short');
    expect(short?.account).toBe('미국주식');
    expect(Number(short?.params?.amount)).toBeCloseTo(12_457.04, 1);
    // 키움 위탁 keeps 3,250,000 + 64 × 317,000 + 3 × 2,333,000 = 30,537,000 KRW.
    const krw = doc.after.cash.find((c) => c.account === '키움 위탁');
    expect(krw?.amount).toBe(30_537_000);
    // The KRW rate is April's average (dated Thu 2026-04-30; weekdays to Fri 2026-05-29: 1, 4–8, 11–15, 18–22, 25–29
    // May = 21 trading days): last month's average is the
    // newest of its kind, so it warns (stale-fx) but does not block the rebalance (health.ts fxStaleness).
    expect(doc.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['stale-fx', 'candidate-substituted', 'account-short', 'left-alone']),
    );
    expect(doc.warnings.map((w) => w.code)).not.toContain('stale-fx-error');
    expect(doc.freshness.fx).toEqual([
      {
        from: 'USD',
        to: 'KRW',
        last: '2026-04-30',
        age: 21,
        kind: 'monthly-average',
        source: 'bundled:fx/monthly/USDKRW.csv',
        staleness: 'warning',
      },
    ]);
  });

  it('names the orders in Korean with --lang ko', async () => {
    const doc = await runRebalanceCommand([SAMPLE], { ...opts, lang: 'ko' }, NOW);
    expect(doc.orders.find((o) => o.symbol === 'ISRG')?.name).toBe('인튜이티브 서지컬');
    expect(doc.warnings.find((w) => w.code === 'left-alone')?.message).toContain('그대로 둡니다');
  });
});

describe('rebalance of the sample portfolio (cash-only with new money)', () => {
  it('sells nothing and spends the new won where it was paid in', async () => {
    const doc = await runRebalanceCommand(
      [SAMPLE],
      { ...opts, mode: 'cash-only', cash: ['5000000:KRW'] },
      NOW,
    );
    expect(doc.mode).toBe('cash-only');
    expect(doc.orders.every((o) => o.side === 'buy')).toBe(true);
    // Cash after deposit: 3,250,000 + 5,000,000 KRW in 키움 위탁 and 1,850.50 USD in 미국주식. The largest shortfall is
    // physical AI (30% of 255,879,591.40 = 76,763,877.42): the whole 10,995,767.64 of cash goes to it, i.e. to ISRG,
    // in 미국주식 (the account trading USD): 10,995,767.64 / 630,079.86 = 17.45 → 17.
    expect(doc.orders.map((o) => [o.account, o.symbol, o.quantity])).toEqual([['미국주식', 'ISRG', 17]]);
    expect(doc.warnings.map((w) => w.code)).toContain('not-sold-cash-only');
  });
});

describe('dispersion rebalance on the command line', () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['bin/dispersion.js', 'rebalance', SAMPLE, '--base', 'KRW', '--as-of', '2026-05-29', ...args],
      {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C' },
      },
    );

  it('writes the orders CSV the journal reads, and refuses to overwrite it without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispersion-rebalance-'));
    const file = join(dir, 'orders.csv');
    const first = cli('--csv', file, '--json');
    expect(first.status).toBe(0);
    const doc = JSON.parse(first.stdout);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(ORDERS_CSV_HEADER);
    expect(lines[0]).toBe('account,symbol,side,quantity,price,currency,value,valueBase');
    expect(lines).toHaveLength(doc.orders.length + 1);
    expect(lines[1]).toBe(
      `미국주식,AAPL,sell,60,312.05999755859375,USD,${60 * 312.05999755859375},${doc.orders[0].valueBase}`,
    );

    const again = cli('--csv', file);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists; not overwritten');
    expect(again.stderr).not.toContain('    at ');

    writeFileSync(file, 'old');
    expect(cli('--csv', file, '--force').status).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith(ORDERS_CSV_HEADER)).toBe(true);
  });

  it('prints a table per account a person can type into a broker app', () => {
    const r = cli('--lang', 'ko');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[계좌: 미국주식]');
    expect(r.stdout).toMatch(/매도\s+AAPL\s+애플\s+60/);
    expect(r.stdout).toMatch(/매수\s+ISRG\s+인튜이티브 서지컬\s+119/);
  });

  it('rejects bad option values with a message naming the option (the CLI prints it as one line, exit 2)', async () => {
    const cases: [Partial<RebalanceOptions>, string][] = [
      [{ cash: ['5,000,000:KRW'] }, '--cash 5 is not an amount with a currency'],
      [{ band: '2' }, '--band 2 is not a band'],
      [{ mode: 'sell-all' }, '--mode sell-all is not a mode'],
      [{ minTrade: '100' }, '--min-trade 100 is not an amount with a currency'],
    ];
    for (const [o, text] of cases) {
      await expect(runRebalanceCommand([SAMPLE], { ...opts, ...o }, NOW)).rejects.toThrow(text);
    }
  });
});
