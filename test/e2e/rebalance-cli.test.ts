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
import { SAMPLE_ORDERS } from '../support/sample-orders.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLE = 'examples/sample-holdings.csv';
const opts = { base: 'KRW', asOf: '2026-05-29', lang: 'en' };
const USDKRW = 1483.7977;

describe('rebalance of the sample portfolio (full)', () => {
  // Total 272,789,644.92 KRW (as `check` reports). QQQ (20 × 738.31 × 1,483.7977 = 21,910,053.53) is `other`: left
  // alone, so the investable value is 250,879,591.40.
  const I = 250_879_591.398;

  it('sells the Mag7 outside the model, trims emerging, and fills physical AI, energy and defense with three names each', async () => {
    const doc = await runRebalanceCommand([SAMPLE], opts, NOW);
    const t = doc.orders.map((o) => [o.account, o.side, o.symbol, o.quantity]);
    expect(t).toEqual(SAMPLE_ORDERS);
    // NVDA + TSLA = 63,158,962.13 = 25.2% of I, within 25% ± 2: no order for them.
    expect(doc.orders.some((o) => o.symbol === 'NVDA' || o.symbol === 'TSLA')).toBe(false);

    const isrg = doc.orders.find((o) => o.symbol === 'ISRG');
    expect(isrg?.currency).toBe('USD');
    expect(isrg?.value).toBeCloseTo(39 * 424.6400146484375, 6);
    expect(isrg?.valueBase).toBeCloseTo(39 * 424.6400146484375 * USDKRW, 3);
    // Without --cost-bps, trading is free and says so.
    expect(doc.cost).toEqual({ bps: 0, min: 0, total: 0 });
    expect(doc.orders.every((o) => o.costBase === 0)).toBe(true);
    const samsung = doc.orders.find((o) => o.symbol === '005930.KS');
    expect(samsung?.value).toBe(64 * 317_000);
    expect(samsung?.valueBase).toBe(64 * 317_000);
    expect(doc.before.investable).toBeCloseTo(I, 2);
  });

  it('lands every sleeve within 2 points and funds the US account with a transfer from 키움 위탁', async () => {
    const doc = await runRebalanceCommand([SAMPLE], opts, NOW);
    expect(doc.after.sleeves.every((s) => s.within)).toBe(true);
    // 미국주식 in USD: 1,850.50 cash + 74,970.62 of sales (18,723.60 + 18,009.60 + 17,115.30 + 13,532.00 + 7,590.12)
    // − 88,561.25 of buys (30,789.25 + 16,843.95 + 16,826.94 + 16,560.96 + 2,694.90 + 2,652.25 + 2,193) = −11,740.13;
    // it holds no other currency to convert.
    // 키움 위탁 after its sales: 3,250,000 + 64 × 317,000 + 3 × 2,333,000 = 30,537,000 KRW. It keeps 5% (the cash
    // target) of its value after the orders: Samsung 86 × 317,000 = 27,262,000 + SK Hynix 5 × 2,333,000 = 11,665,000
    // + 30,537,000 = 69,464,000 → 3,473,200; spare 27,063,800 KRW, more than 11,740.13 USD × 1,483.7977 =
    // 17,419,979.80 KRW. So it converts that much KRW to USD and sends 11,740.13 USD.
    expect(doc.transfers).toHaveLength(1);
    expect(doc.transfers[0]).toMatchObject({ from: '키움 위탁', to: '미국주식', currency: 'USD' });
    expect(doc.transfers[0]?.amount).toBeCloseTo(11_740.13, 2);
    expect(doc.transfers[0]?.amountBase).toBeCloseTo(17_419_979.8, 0);
    expect(doc.fx).toHaveLength(1);
    expect(doc.fx[0]).toMatchObject({
      account: '키움 위탁',
      from: 'KRW',
      to: 'USD',
      purpose: 'transfer',
      transferTo: '미국주식',
      date: '2026-04-30',
    });
    expect(doc.fx[0]?.amount).toBeCloseTo(17_419_979.8, 0);
    expect(doc.fx[0]?.rate).toBeCloseTo(1 / USDKRW, 12);
    // No account ends negative: 미국주식 ends at 0 (not listed), 키움 위탁 at 30,537,000 − 17,419,979.80.
    expect(doc.after.cash).toHaveLength(1);
    expect(doc.after.cash[0]?.account).toBe('키움 위탁');
    expect(doc.after.cash[0]?.amount).toBeCloseTo(13_117_020.2, 0);
    expect(doc.cuts).toEqual([]);
    // Physical AI 24,573,115 + 24,993,014 + 24,967,776 = 74,533,905 = 29.7% of I; defense 11,188,058 = 4.5%;
    // cash 13,117,020 = 5.2%.
    const after = Object.fromEntries(doc.after.sleeves.map((s) => [s.id, s.weight]));
    expect(after['physical-ai']).toBeCloseTo(74_533_905 / I, 6);
    expect(after.defense).toBeCloseTo(11_188_058 / I, 6);
    expect(after['cash-bonds']).toBeCloseTo(13_117_020.2 / I, 6);
    // The KRW rate is April's average (dated Thu 2026-04-30; weekdays to Fri 2026-05-29: 1, 4–8, 11–15, 18–22, 25–29
    // May = 21 trading days): last month's average is the
    // newest of its kind, so it warns (stale-fx) but does not block the rebalance (health.ts fxStaleness).
    expect(doc.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['stale-fx', 'candidate-substituted', 'left-alone']),
    );
    expect(doc.warnings.map((w) => w.code)).not.toContain('account-short');
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
  it('sells nothing, moves the new won to the US account, and cuts what 키움 위탁 cannot spare', async () => {
    const doc = await runRebalanceCommand(
      [SAMPLE],
      { ...opts, mode: 'cash-only', cash: ['5000000:KRW'] },
      NOW,
    );
    expect(doc.mode).toBe('cash-only');
    expect(doc.orders.every((o) => o.side === 'buy')).toBe(true);
    // Cash after deposit: 3,250,000 + 5,000,000 KRW in 키움 위탁 and 1,850.50 USD (2,745,767.64 KRW) in 미국주식.
    // The largest shortfall is physical AI (30% of 255,879,591.40 = 76,763,877.42): the whole 10,995,767.64 of cash
    // goes to it, a third each (3,665,255.88) to ISRG, TER and EMR, in 미국주식 (the account trading USD):
    // ISRG 3,665,255.88 / 630,079.86 = 5.82 → 5; TER / 555,400.32 = 6.60 → 6; EMR / 213,399.79 = 17.18 → 17;
    // 10,110,597.53 KRW in all, so 미국주식 is 10,110,597.53 − 2,745,767.64 = 7,364,829.89 KRW (4,963.47 USD) short.
    // 키움 위탁 keeps 5% of 47,550,000 + 18,664,000 + 8,250,000 = 74,464,000 → 3,723,200; it can spare 4,526,800.
    // The remaining 2,838,029.89 is cut from 미국주식's buys, a lot at a time from the largest buy:
    // EMR 17 (3,627,796) → 16; EMR 16 (3,414,397) → 15; TER 6 (3,332,402) → 5; EMR 15 (3,200,997) → 14;
    // ISRG 5 (3,150,399) → 4; EMR 14 (2,987,597) → 13; TER 5 (2,777,002) → 4; EMR 13 (2,774,197) → 12;
    // EMR 12 (2,560,797) → 11: 6 × 213,399.79 + 2 × 555,400.32 + 630,079.86 = 3,021,279.20 ≥ 2,838,029.89.
    expect(doc.orders.map((o) => [o.account, o.symbol, o.quantity])).toEqual([
      ['미국주식', 'ISRG', 4],
      ['미국주식', 'EMR', 11],
      ['미국주식', 'TER', 4],
    ]);
    expect(doc.cuts.map((c) => [c.symbol, c.planned, c.quantity])).toEqual([
      ['EMR', 17, 6],
      ['TER', 6, 2],
      ['ISRG', 5, 1],
    ]);
    // The buys now need 7,364,829.89 − 3,021,279.20 = 4,343,550.69 KRW from 키움 위탁, within its spare; it keeps
    // 8,250,000 − 4,343,550.69 = 3,906,449.31.
    expect(doc.transfers).toHaveLength(1);
    expect(doc.transfers[0]?.amountBase).toBeCloseTo(4_343_550.69, 0);
    expect(doc.after.cash.map((c) => [c.account, c.currency, Math.round(c.amount)])).toEqual([
      ['키움 위탁', 'KRW', 3_906_449],
    ]);
    expect(doc.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['not-sold-cash-only', 'buy-cut']),
    );
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
    // A UTF-8 byte-order mark first, so Excel on Korean Windows shows 미국주식 and not mojibake.
    const raw = readFileSync(file, 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const lines = raw.slice(1).trim().split('\n');
    // Every header cell quoted (issue 11 item 13).
    expect(lines[0]).toBe('"account","symbol","side","quantity","price","currency","value","valueBase"');
    expect(lines[0]?.replace(/"/g, '')).toBe(ORDERS_CSV_HEADER);
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
    expect(readFileSync(file, 'utf8').startsWith('\uFEFF"account","symbol"')).toBe(true);
  });

  it('prints a table per account a person can type into a broker app, then the transfer and its conversion', () => {
    const r = cli('--lang', 'ko');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[계좌: 미국주식]');
    expect(r.stdout).toMatch(/매도\s+AAPL\s+애플\s+60/);
    expect(r.stdout).toMatch(/매수\s+ISRG\s+인튜이티브 서지컬\s+39/);
    expect(r.stdout).toMatch(/키움 위탁\s+미국주식\s+USD\s+US\$11,740\.13/);
    expect(r.stdout).toMatch(/키움 위탁\s+KRW\s+USD\s+₩17,419,980.*미국주식\(으\)로 이체/);
    // Orders, then transfers, then conversions, then the sleeves.
    const at = (s: string) => r.stdout.indexOf(s);
    expect(at('[계좌: 키움 위탁]')).toBeLessThan(at('계좌 간 이체'));
    expect(at('계좌 간 이체')).toBeLessThan(at('환전\n'));
    expect(at('환전\n')).toBeLessThan(at('리밸런싱 전후'));
  });

  it('buys one candidate with --candidates 1, and shows costs with --cost-bps', () => {
    const r = cli('--candidates', '1', '--cost-bps', '25', '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    // As before fill: all of physical AI's 75,263,877.42 KRW to ISRG: / 630,079.86 = 119.45 → 119.
    const physical = doc.orders.filter((o: { sleeve: string }) => o.sleeve === 'physical-ai');
    expect(physical.map((o: { symbol: string; quantity: number }) => [o.symbol, o.quantity])).toEqual([
      ['ISRG', 119],
    ]);
    // 25 bp of each order's base value; the total is their sum.
    for (const o of doc.orders) expect(o.costBase).toBeCloseTo((o.valueBase * 25) / 10_000, 6);
    const total = doc.orders.reduce((s: number, o: { costBase: number }) => s + o.costBase, 0);
    expect(doc.cost.bps).toBe(25);
    expect(doc.cost.total).toBeCloseTo(total, 6);
    const text = cli('--cost-bps', '25');
    expect(text.stdout).toContain('Cost (base)');
    expect(text.stdout).toMatch(/Trading costs: ₩[0-9,]+ \(25 bp of each order's value\)/);
  });

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
      [{ candidates: '2.5' }, '--candidates 2.5 is not a number of candidates'],
      [{ costBps: '-5' }, '--cost-bps -5 is not a cost in basis points'],
      [{ costBps: '0.25%' }, '--cost-bps 0.25% is not a cost in basis points'],
    ];
    for (const [o, text] of cases) {
      await expect(runRebalanceCommand([SAMPLE], { ...opts, ...o }, NOW)).rejects.toThrow(text);
    }
  });
});

describe('rebalance: a model file that fills an empty sleeve with one name', () => {
  it('buys only the first priced candidate when the model says fill: 1', async () => {
    // test/fixtures/models/fill-one.json = great-dispersion-2026 with "fill": 1 on every sleeve.
    const doc = await runRebalanceCommand(
      ['examples/sample-holdings.csv'],
      { base: 'KRW', asOf: '2026-05-29', model: 'test/fixtures/models/fill-one.json' },
      new Date('2026-11-25T12:00:00Z'),
    );
    const physical = doc.orders.filter((o) => o.sleeve === 'physical-ai').map((o) => o.symbol);
    // 005380.KS, ABBN.SW, SIE.DE and 6954.T have no bundled price: ISRG is the first priced candidate.
    expect(physical).toEqual(['ISRG']);
    const defense = doc.orders.filter((o) => o.sleeve === 'defense').map((o) => o.symbol);
    expect(defense).toEqual(['LMT']);
  });
});
