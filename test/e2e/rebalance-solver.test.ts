/**
 * Orders that satisfy the essay (issue 12), end to end: rebalance, apply the proposed orders ourselves (trades,
 * conversions, transfers — written here, independently of the rebalancer), write the resulting holdings as a CSV, run
 * `check` on it and read its checklist and concentration warnings. Then a second rebalance on the result proposes
 * nothing. Fixtures: test/fixtures/rebalance/README.md.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../src/app/check.ts';
import type { RebalanceOptions } from '../../src/app/rebalance.ts';
import { runRebalanceCommand } from '../../src/app/rebalance.ts';
import type { RebalanceDocument } from '../../src/report/rebalance-document.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const PRICES = 'test/fixtures/rebalance/prices';
const FIX = 'test/fixtures/rebalance';

interface Row {
  account: string;
  symbol: string;
  quantity: number;
  currency: string;
}

/** The holdings once the orders are filled: quantities per account and symbol, cash per account and currency. */
function applyOrders(rows: readonly Row[], doc: RebalanceDocument): string {
  const qty = new Map<string, number>();
  const cash = new Map<string, number>();
  const key = (a: string, s: string) => `${a}\u0000${s}`;
  const add = (m: Map<string, number>, k: string, x: number) => m.set(k, (m.get(k) ?? 0) + x);
  for (const r of rows) {
    if (r.symbol === 'CASH') add(cash, key(r.account, r.currency), r.quantity);
    else add(qty, key(r.account, r.symbol), r.quantity);
  }
  for (const o of doc.orders) {
    const sign = o.side === 'buy' ? 1 : -1;
    add(qty, key(o.account, o.symbol), sign * o.quantity);
    add(cash, key(o.account, o.currency), -sign * o.quantity * o.price);
  }
  for (const f of doc.fx) {
    add(cash, key(f.account, f.from), -f.amount);
    add(cash, key(f.account, f.to), f.amount * f.rate);
  }
  for (const t of doc.transfers) {
    add(cash, key(t.from, t.currency), -t.amount);
    add(cash, key(t.to, t.currency), t.amount);
  }
  const lines = ['account,symbol,quantity,currency'];
  for (const [k, q] of qty) {
    const [a, s] = k.split('\u0000') as [string, string];
    // Never more sold than held.
    expect(q).toBeGreaterThanOrEqual(0);
    if (q > 0) lines.push(`${a},${s},${q},`);
  }
  for (const [k, v] of cash) {
    const [a, c] = k.split('\u0000') as [string, string];
    // No account's cash goes below zero after its own trades, conversions and transfers.
    expect(v).toBeGreaterThan(-1e-6);
    // Six decimals: the importer refuses more digits than a double holds; a millionth of a unit moves no weight.
    if (v > 1e-6) lines.push(`${a},CASH,${v.toFixed(6)},${c}`);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'dispersion-after-')), 'after.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function roundTrip(files: string[], rows: readonly Row[], o: RebalanceOptions) {
  const doc = await runRebalanceCommand(files, o, NOW);
  const after = applyOrders(rows, doc);
  const check = await runCheckCommand(
    [after],
    { base: o.base, asOf: o.asOf, prices: o.prices, lang: 'en' },
    NOW,
  );
  const again = await runRebalanceCommand([after], o, NOW);
  return { doc, check, again };
}

const rowsOf = (list: (string | number)[][]): Row[] =>
  list.map(([account, symbol, quantity, currency]) => ({
    account: String(account),
    symbol: String(symbol),
    quantity: Number(quantity),
    currency: String(currency),
  }));

/** test/fixtures/rebalance/us-only.csv, as rows. */
const US_ONLY_ROWS = rowsOf([
  ['Schwab', 'NVDA', 80, 'USD'],
  ['Schwab', 'TSLA', 25, 'USD'],
  ['Schwab', 'AAPL', 40, 'USD'],
  ['Schwab', 'MSFT', 25, 'USD'],
  ['Schwab', 'CEG', 10, 'USD'],
  ['Schwab', 'SPY', 10, 'USD'],
  ['Schwab', 'CASH', 15000, 'USD'],
]);

function expectAllocationChecksPass(check: { checks: { id: string; pass: boolean }[] }) {
  const pass = new Map(check.checks.map((c) => [c.id, c.pass]));
  expect(pass.get('mag7-max')).toBe(true);
  expect(pass.get('physical-energy-min')).toBe(true);
  expect(pass.get('regional-diversification')).toBe(true);
}

describe('rebalance → apply the orders → check', () => {
  it('the sample (KRW; Kiwoom + US account): the allocation checks pass, nothing is concentrated, a second rebalance proposes nothing', async () => {
    const o: RebalanceOptions = {
      base: 'KRW',
      asOf: '2026-05-29',
      lang: 'en',
      prices: PRICES,
      other: 'sell',
    };
    const rows = rowsOf([
      ['키움 위탁', '005930.KS', 150, 'KRW'],
      ['키움 위탁', '000660.KS', 8, 'KRW'],
      ['키움 위탁', 'CASH', 3_250_000, 'KRW'],
      ['미국주식', 'AAPL', 60, 'USD'],
      ['미국주식', 'MSFT', 40, 'USD'],
      ['미국주식', 'NVDA', 150, 'USD'],
      ['미국주식', 'TSLA', 25, 'USD'],
      ['미국주식', 'GOOGL', 45, 'USD'],
      ['미국주식', 'AMZN', 50, 'USD'],
      ['미국주식', 'META', 12, 'USD'],
      ['미국주식', 'QQQ', 20, 'USD'],
      ['미국주식', 'CEG', 10, 'USD'],
      ['미국주식', 'CASH', 1850.5, 'USD'],
    ]);
    const { doc, check, again } = await roundTrip(['examples/sample-holdings.csv'], rows, o);
    // Each account buys only in the market it trades: the US account on US exchanges, the Kiwoom account on KRX.
    for (const x of doc.orders.filter((y) => y.side === 'buy')) {
      expect(x.account === '키움 위탁' ? x.symbol.endsWith('.KS') : !x.symbol.includes('.')).toBe(true);
      expect(['named', 'held', 'candidate']).toContain(x.why);
    }
    expect(doc.transfers).toEqual([]);
    expectAllocationChecksPass(check);
    expect(check.warnings.filter((w: { code: string }) => w.code.startsWith('concentration-'))).toEqual([]);
    // The rebalance's own checklist-after says what `check` says.
    const pass = new Map(check.checks.map((c: { id: string; pass: boolean }) => [c.id, c.pass]));
    for (const c of doc.checklist?.checks ?? []) expect(pass.get(c.id)).toBe(c.pass);
    expect(doc.misses).toEqual([]);
    expect(again.orders).toEqual([]);
  }, 180_000);

  it('a Kiwoom CP949 export plus a US account (KRW): the allocation checks pass, nothing is concentrated, a second rebalance proposes nothing', async () => {
    const o: RebalanceOptions = { base: 'KRW', asOf: '2026-05-29', lang: 'en', prices: PRICES };
    const rows = rowsOf([
      ['키움 종합', '005380.KS', 40, 'KRW'],
      ['키움 종합', '005930.KS', 80, 'KRW'],
      ['키움 종합', '000660.KS', 5, 'KRW'],
      ['키움 종합', 'CASH', 8_000_000, 'KRW'],
      ['US broker', 'NVDA', 60, 'USD'],
      ['US broker', 'TSLA', 30, 'USD'],
      ['US broker', 'MSFT', 20, 'USD'],
      ['US broker', 'CEG', 15, 'USD'],
      ['US broker', 'LMT', 5, 'USD'],
      ['US broker', 'CASH', 5000, 'USD'],
    ]);
    const { doc, check, again } = await roundTrip(
      [`${FIX}/kiwoom-cp949.csv`, `${FIX}/us-account.csv`],
      rows,
      o,
    );
    for (const x of doc.orders.filter((y) => y.side === 'buy')) {
      expect(x.account === '키움 종합' ? x.symbol.endsWith('.KS') : !x.symbol.includes('.')).toBe(true);
    }
    expectAllocationChecksPass(check);
    expect(check.warnings.filter((w: { code: string }) => w.code.startsWith('concentration-'))).toEqual([]);
    expect(doc.misses).toEqual([]);
    expect(again.orders).toEqual([]);
  }, 180_000);

  it('a US-only account (USD): the allocation checks pass; the US country limit it cannot meet is reported, with the figure check then shows', async () => {
    const o: RebalanceOptions = { base: 'USD', asOf: '2026-05-29', lang: 'en' };
    const rows = US_ONLY_ROWS;
    const { doc, check, again } = await roundTrip([`${FIX}/us-only.csv`], rows, { ...o, other: 'sell' });
    // A US broker buys no KRX or Tokyo listing.
    for (const x of doc.orders) expect(x.symbol.includes('.')).toBe(false);
    expectAllocationChecksPass(check);
    // Physical AI, energy and defense have only US-listed US businesses at a US broker: at most the emerging sleeve's
    // ADRs (TSM, INFY, WIT) are not American, so the 60% country limit cannot hold. Said, with the figure `check` shows.
    const warnings = check.warnings.filter((w: { code: string }) => w.code.startsWith('concentration-'));
    expect(warnings.map((w: { country?: string }) => w.country)).toEqual(['US']);
    const miss = doc.misses?.find((m) => m.kind === 'country-max' && m.key === 'US');
    expect(miss?.reached).toBeCloseTo((warnings[0] as { weight: number }).weight, 9);
    // The emerging sleeve's Indian ADRs carry the 15% Korea/Japan/India check, so they are spread over fewer names
    // than the sleeve's fill (said as a `fill` miss); nothing else is missed.
    expect(doc.misses?.filter((m) => m.kind !== 'country-max' && m.kind !== 'fill')).toEqual([]);
    expect(again.orders).toEqual([]);
  }, 180_000);

  it('the sample with default settings misses goals, and says which of its own settings would help', async () => {
    const doc = await runRebalanceCommand(
      ['examples/sample-holdings.csv'],
      { base: 'KRW', asOf: '2026-05-29', lang: 'en' },
      NOW,
    );
    expect(doc.misses?.length).toBeGreaterThan(0);
    // The sample keeps QQQ and other Mag7 outside the model, has no bundled price for the essay's Korean, Swiss and
    // Tokyo names, and holds two accounts that may not pay for each other: three levers; every account already trades
    // the markets of the names it could price, so --account-markets is not one of them.
    const levers = doc.warnings.find((w) => w.code === 'levers');
    expect(levers?.params?.levers).toBe('other,prices,transfers');
    expect(levers?.message).toContain('--transfers');
  }, 180_000);

  it('a US-only account with prices for the ADRs (--prices): the checks pass and nothing is concentrated', async () => {
    const o: RebalanceOptions = {
      base: 'USD',
      asOf: '2026-05-29',
      lang: 'en',
      prices: PRICES,
      other: 'sell',
    };
    const rows = US_ONLY_ROWS;
    const { doc, check, again } = await roundTrip([`${FIX}/us-only.csv`], rows, o);
    for (const x of doc.orders) expect(x.symbol.includes('.')).toBe(false);
    // The essay's Swiss, German and Tokyo names are bought through their US ADRs, and say so.
    const adrs = doc.orders.filter((x) => x.listingOf);
    expect(adrs.length).toBeGreaterThan(0);
    for (const x of adrs) expect(['ABBN.SW', 'SIE.DE', '6954.T']).toContain(x.listingOf);
    expectAllocationChecksPass(check);
    expect(check.warnings.filter((w: { code: string }) => w.code.startsWith('concentration-'))).toEqual([]);
    expect(doc.misses?.filter((m) => m.kind !== 'fill')).toEqual([]);
    expect(again.orders).toEqual([]);
  }, 180_000);

  it('funds kept (QQQ, SPY; --other keep) count by what they hold, as check counts them: the checks pass and the sleeves agree', async () => {
    const o: RebalanceOptions = {
      base: 'USD',
      asOf: '2026-05-29',
      lang: 'en',
      prices: PRICES,
      accountMarkets: ['us=US,KRX'],
    };
    const rows = rowsOf([
      ['us', 'QQQ', 15, 'USD'],
      ['us', 'SPY', 8, 'USD'],
      ['us', 'NVDA', 40, 'USD'],
      ['us', 'TSLA', 10, 'USD'],
      ['us', 'CASH', 60_000.5, 'USD'],
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'dispersion-funds-')), 'funds.csv');
    writeFileSync(
      file,
      `account,symbol,quantity,currency\n${rows.map((r) => `${r.account},${r.symbol},${r.quantity},${r.currency}`).join('\n')}\n`,
    );
    const { doc, check, again } = await roundTrip([file], rows, o);
    // QQQ and SPY are not traded under --other keep; what they hold still counts toward Mag7 and the sleeves.
    expect(doc.orders.filter((x) => x.symbol === 'QQQ' || x.symbol === 'SPY')).toEqual([]);
    // check looks through both funds (look-through data bundled).
    const funds = check.lookThrough.funds;
    expect(
      funds
        .filter((f) => f.asOf !== null)
        .map((f) => f.fund)
        .sort(),
    ).toEqual(expect.arrayContaining(['QQQ', 'SPY']));
    expectAllocationChecksPass(check);
    const pass = new Map(check.checks.map((c: { id: string; pass: boolean }) => [c.id, c.pass]));
    for (const c of doc.checklist?.checks ?? []) expect(pass.get(c.id)).toBe(c.pass);
    // rebalance's sleeves after the orders are check's sleeves of the filled holdings.
    const checked = new Map((check.sleeves as { id: string; weight: number }[]).map((x) => [x.id, x.weight]));
    for (const x of doc.after.sleeves) expect(x.weight, x.id).toBeCloseTo(checked.get(x.id) ?? 0, 4);
    // Not asserted here: a second rebalance proposing nothing. Some goals cannot hold (the US share, the selected-Mag7
    // band), and the closest orders from the filled holdings need not be "none".
    expect(again.checklist?.checks.find((c) => c.id === 'physical-energy-min')?.pass).toBe(true);
  }, 180_000);
});
