/**
 * `dispersion rebalance` end to end on the bundled sample (examples/sample-holdings.csv), as of 2026-05-29, base KRW.
 * With the bundled data alone the essay's Korean, Japanese and European names have no closes, so the Kiwoom account
 * can only hold Samsung and SK Hynix and the US account only US listings: the one-country limit cannot hold and the
 * output must say so with the figure `check` will then show. What orders satisfy the essay when they can is in
 * rebalance-solver.test.ts; this file covers the command line: text, Korean, CSV, options and their errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RebalanceOptions } from '../../src/app/rebalance.ts';
import { runRebalanceCommand } from '../../src/app/rebalance.ts';
import { ORDERS_CSV_HEADER } from '../../src/report/rebalance-document.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLE = 'examples/sample-holdings.csv';
const opts = { base: 'KRW', asOf: '2026-05-29', lang: 'en' };

describe('rebalance of the sample portfolio with the bundled data', () => {
  it('says which goals cannot hold and the figure reached, and the checklist after the orders agrees with it', async () => {
    const doc = await runRebalanceCommand([SAMPLE], opts, NOW);
    const us = doc.misses?.find((m) => m.kind === 'country-max' && m.key === 'US');
    expect(us?.limit).toBe(0.6);
    // The concentration warning the checklist-after gives for the US is the same figure.
    const warning = doc.checklist?.concentration.find((w) => w.country === 'US');
    expect(warning?.weight).toBeCloseTo(us?.reached ?? Number.NaN, 12);
    expect(doc.warnings.some((w) => w.code === 'goal-missed' && w.params?.key === 'US')).toBe(true);
    // Every buy is in a market its account trades: KRX for 키움 위탁, US exchanges for 미국주식.
    for (const o of doc.orders.filter((x) => x.side === 'buy')) {
      expect(o.account === '키움 위탁' ? o.symbol.endsWith('.KS') : !o.symbol.includes('.')).toBe(true);
    }
    expect(doc.accountMarkets).toEqual([
      { account: '키움 위탁', markets: ['KRX'] },
      { account: '미국주식', markets: ['US'] },
    ]);
    // --other keep is the default, and the output says what share it keeps: QQQ, 20 × 738.31 × 1,483.7977 / total.
    expect(doc.other?.policy).toBe('keep');
    expect(doc.other?.share).toBeCloseTo(21_910_053.53 / 272_789_644.92, 6);
  }, 120_000);

  it('cash-only mode sells nothing and keeps every account at or above zero', async () => {
    const doc = await runRebalanceCommand(
      [SAMPLE],
      { ...opts, mode: 'cash-only', cash: ['10,000,000:KRW'] },
      NOW,
    );
    expect(doc.orders.some((o) => o.side === 'sell')).toBe(false);
    expect(doc.orders.some((o) => o.side === 'buy')).toBe(true);
    for (const c of doc.after.cash) expect(c.amount).toBeGreaterThan(-1e-6);
    // Without --transfers no money moves between accounts: the new won is spent on KRX.
    expect(doc.transfers).toEqual([]);
    for (const o of doc.orders.filter((x) => x.account === '키움 위탁'))
      expect(o.symbol.endsWith('.KS')).toBe(true);
  }, 120_000);
});

describe('dispersion rebalance on the command line', () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['bin/dispersion.js', 'rebalance', SAMPLE, '--base', 'KRW', '--as-of', '2026-05-29', ...args],
      { encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
    );

  it('writes the orders CSV the journal reads, and refuses to overwrite it without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispersion-rebalance-'));
    const file = join(dir, 'orders.csv');
    const first = cli('--csv', file, '--json');
    expect(first.status).toBe(0);
    const doc = JSON.parse(first.stdout);
    // A UTF-8 byte-order mark first, so Excel on Korean Windows shows 미국주식 and not mojibake.
    const raw = readFileSync(file, 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const lines = raw.slice(1).trim().split('\n');
    // Every header cell quoted (issue 11 item 13).
    expect(lines[0]).toBe('"account","symbol","side","quantity","price","currency","value","valueBase"');
    expect(lines[0]?.replace(/"/g, '')).toBe(ORDERS_CSV_HEADER);
    expect(lines).toHaveLength(doc.orders.length + 1);
    const o = doc.orders[0];
    expect(lines[1]).toBe(
      [o.account, o.symbol, o.side, o.quantity, o.price, o.currency, o.value, o.valueBase].join(','),
    );
    const again = cli('--csv', file);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists; not overwritten');
    expect(again.stderr).not.toContain('    at ');
    writeFileSync(file, 'old');
    expect(cli('--csv', file, '--force').status).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith('\uFEFF"account","symbol"')).toBe(true);
  }, 120_000);

  it('prints a table per account in Korean and ends with the checklist after the orders', () => {
    const r = cli('--lang', 'ko');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[계좌: 미국주식]');
    expect(r.stdout).toMatch(/매도\s+AAPL\s+애플/);
    const at = (s: string) => r.stdout.indexOf(s);
    expect(at('주문 후 체크리스트')).toBeGreaterThan(at('리밸런싱 전후'));
    expect(r.stdout).toMatch(/주문 후 체크리스트[\s\S]*Mag7/);
  }, 120_000);

  it('rejects bad option values with a message naming the option (the CLI prints it as one line, exit 2)', async () => {
    const cases: [Partial<RebalanceOptions>, string][] = [
      [
        { cash: ['5,00:KRW,1000:USD'] },
        '--cash 5,00:KRW,1000:USD is not an amount with a currency (the entry "5,00:KRW")',
      ],
      [{ cash: ['5,000,000'] }, '--cash 5,000,000 is not an amount with a currency'],
      [{ band: '2' }, '--band 2 is not a band'],
      [{ mode: 'sell-all' }, '--mode sell-all is not a mode'],
      [{ minTrade: '100' }, '--min-trade 100 is not an amount with a currency'],
      [{ candidates: '0' }, '--candidates 0 is not a number of candidates'],
      [{ costBps: '-5' }, '--cost-bps -5 is not a cost in basis points'],
      [{ other: 'drop' }, '--other drop is not a policy'],
      [{ accountMarkets: ['미국주식'] }, '--account-markets 미국주식 is not an account and its markets'],
      [{ accountMarkets: ['Nowhere=US'] }, '--account-markets names the account "Nowhere"'],
    ];
    for (const [o, text] of cases) {
      await expect(runRebalanceCommand([SAMPLE], { ...opts, ...o }, NOW)).rejects.toThrow(text);
    }
  }, 120_000);

  it('refuses a model whose sleeve range excludes its target, naming the sleeve (exit 2)', () => {
    const r = cli('--model', 'test/fixtures/models/target-above-max.json');
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('    at ');
  });

  it('--accounts FILE names the markets an account may buy in; a bad market code is exit 2 naming the file and entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispersion-accounts-'));
    const file = join(dir, 'us.csv');
    writeFileSync(file, 'account,symbol,quantity,currency\nus,NVDA,10,USD\nus,CASH,50000.5,USD\n');
    const o = { base: 'USD', asOf: '2026-05-29', lang: 'en', prices: 'test/fixtures/rebalance/prices' };
    const without = await runRebalanceCommand([file], o, NOW);
    expect(without.accountMarkets).toEqual([{ account: 'us', markets: ['US'] }]);
    expect(without.orders.filter((x) => x.symbol.endsWith('.KS'))).toEqual([]);
    const doc = await runRebalanceCommand(
      [file],
      { ...o, accounts: 'test/fixtures/accounts/accounts.json' },
      NOW,
    );
    expect(doc.accountMarkets).toEqual([{ account: 'us', markets: ['KRX', 'US'] }]);
    expect(doc.orders.some((x) => x.side === 'buy' && x.symbol.endsWith('.KS'))).toBe(true);
    const bad = spawnSync(
      'npx',
      [
        'tsx',
        'src/cli/main.ts',
        'rebalance',
        file,
        '--base',
        'USD',
        '--accounts',
        'test/fixtures/accounts/bad-market.json',
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /bad-market\.json: accounts file: accounts\.0\.markets\.1: expected a market code/,
    );
  });
});
