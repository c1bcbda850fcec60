/**
 * One source for prices: every pricing command (check, journal record, rebalance, stress, backtest, signals) reads the
 * journal's price cache (`--db FILE`, what `dispersion data update` fills) through workspace.ts `marketFor`, with one
 * precedence: the user's --prices folder > the cache when its series ends later > the bundled files. And rebalance
 * refuses to act on closes or rates older than 10 trading days unless --allow-stale.
 *
 * The cache is written here with PriceCache (as `data update` does), in a temp folder; 25 Nov 2026 is a Wednesday.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBundledSymbols, loadMarketData } from '../../src/adapters/market-data/load.ts';
import type { PriceHistory } from '../../src/adapters/market-data/providers/types.ts';
import { openJournal } from '../../src/adapters/store/database.ts';
import { PriceCache } from '../../src/adapters/store/price-cache.ts';
import { runBacktestCommand } from '../../src/app/backtest.ts';
import { runCheckCommand } from '../../src/app/check.ts';
import { runJournalRecord } from '../../src/app/journal-months.ts';
import { runRebalanceCommand } from '../../src/app/rebalance.ts';
import { runSignalsCommand } from '../../src/app/signals.ts';
import { runStressCommand } from '../../src/app/stress.ts';
import { isInputError } from '../../src/core/errors.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const SAMPLE = 'examples/sample-holdings.csv';
const HEADER = '계좌명,종목코드,종목명,보유수량,통화';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dispersion-pricing-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writeCache(
  file: string,
  prices: PriceHistory[],
  fx: { base: string; quote: string; date: string; rate: number }[] = [],
): Promise<void> {
  const journal = await openJournal(file, { now: NOW });
  try {
    const cache = new PriceCache(journal);
    for (const p of prices) await cache.storePrices(p, NOW);
    for (const r of fx) {
      await cache.storeFx(
        { base: r.base, quote: r.quote, rates: [{ date: r.date, value: r.rate }], source: 'test' },
        NOW,
      );
    }
  } finally {
    await journal.close();
  }
}

const holdingsFile = (rows: string[]) => {
  const file = join(dir, 'holdings.csv');
  writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
  return file;
};

const nvda = (closes: [string, number][]): PriceHistory => ({
  symbol: 'NVDA',
  currency: 'USD',
  closes: closes.map(([date, value]) => ({ date, value })),
  source: 'yahoo',
});

describe('check and journal record read the cache', () => {
  it('prices from the cache when it is newer than the bundled close, and from --prices above both', async () => {
    const db = join(dir, 'journal.sqlite');
    await writeCache(db, [nvda([['2026-11-20', 180]])]);
    const file = holdingsFile(['미국,NVDA,NVIDIA,10,USD']);
    const o = { base: 'USD', asOf: '2026-11-25', lang: 'en', db };

    // 10 × 180 = 1,800 USD from the cache (the bundled series ends 2026-05-29).
    const cached = await runCheckCommand([file], o, NOW);
    expect(cached.positions[0]).toMatchObject({
      price: 180,
      priceDate: '2026-11-20',
      priceSource: 'cache:yahoo',
    });
    expect(cached.total).toBe(1800);

    // A user file dated 2026-11-23 at 190 wins: 10 × 190 = 1,900.
    const prices = join(dir, 'prices');
    mkdirSync(prices);
    writeFileSync(join(prices, 'NVDA.csv'), 'date,close\n2026-11-23,190\n');
    const user = await runCheckCommand([file], { ...o, prices }, NOW);
    expect(user.positions[0]).toMatchObject({ price: 190, priceDate: '2026-11-23' });
    expect(user.total).toBe(1900);

    // No journal file: the bundled close of 2026-05-29, and the file is not created by reading.
    const none = join(dir, 'none.sqlite');
    const bundled = await runCheckCommand([file], { ...o, db: none }, NOW);
    expect(bundled.positions[0]?.priceDate).toBe('2026-05-29');
    expect(String(bundled.positions[0]?.priceSource)).toMatch(/^bundled:/);
    expect(existsSync(none)).toBe(false);

    // journal record prices through the same check, from the same journal it writes to.
    const rec = await runJournalRecord([file], o, NOW);
    expect(rec.holdings).toBe(1);
    expect(rec.total).toBe(1800);
  });

  it('values RR.L the same from a pence file and from a GBP cache series (no double pence factor)', async () => {
    // 100 × 1,186 GBp = 100 × 11.86 GBP = 1,186 GBP, base GBP so no FX.
    const file = holdingsFile(['ISA,RR.L,Rolls-Royce,100,GBP']);
    const prices = join(dir, 'prices');
    mkdirSync(prices);
    writeFileSync(join(prices, 'RR.L.csv'), 'date,close\n2026-11-20,1186\n');
    const none = join(dir, 'none.sqlite');
    const fromFile = await runCheckCommand(
      [file],
      { base: 'GBP', asOf: '2026-11-25', prices, db: none },
      NOW,
    );
    expect(fromFile.positions[0]?.price).toBeCloseTo(11.86, 12);
    expect(fromFile.total).toBeCloseTo(1186, 9);

    const db = join(dir, 'journal.sqlite');
    await writeCache(db, [
      { symbol: 'RR.L', currency: 'GBP', closes: [{ date: '2026-11-20', value: 11.86 }], source: 'yahoo' },
    ]);
    const fromCache = await runCheckCommand([file], { base: 'GBP', asOf: '2026-11-25', db }, NOW);
    expect(fromCache.positions[0]).toMatchObject({
      price: 11.86,
      currency: 'GBP',
      priceSource: 'cache:yahoo',
    });
    expect(fromCache.total).toBeCloseTo(1186, 9);
  });
});

describe('stress, backtest and signals read the cache', () => {
  it('stress values the holdings at the cached close', async () => {
    const db = join(dir, 'journal.sqlite');
    await writeCache(db, [nvda([['2026-11-20', 180]])]);
    const file = holdingsFile(['미국,NVDA,NVIDIA,10,USD']);
    const doc = await runStressCommand(
      [file],
      { base: 'USD', asOf: '2026-11-25', scenario: 'ai-bubble', db, lang: 'en' },
      NOW,
    );
    expect(doc.total).toBe(1800);
  });

  it('backtest runs on the cached series (it replaces the bundled one whole)', async () => {
    const db = join(dir, 'journal.sqlite');
    await writeCache(db, [
      nvda([
        ['2026-11-02', 100],
        ['2026-11-20', 110],
      ]),
    ]);
    // 1,000 USD in NVDA at 100, worth 1,100 at 110; no dividends cached, no benchmark.
    const doc = await runBacktestCommand(
      { weights: 'NVDA=1', benchmark: 'none', initial: '1000', db, lang: 'en' },
      NOW,
    );
    expect([doc.from, doc.to]).toEqual(['2026-11-02', '2026-11-20']);
    expect(doc.final).toBeCloseTo(1100, 9);
  });

  it('signals measure at the latest cached S&P 500 close', async () => {
    const db = join(dir, 'journal.sqlite');
    await writeCache(db, [
      { symbol: 'SPY', currency: 'USD', closes: [{ date: '2026-11-20', value: 700 }], source: 'yahoo' },
    ]);
    const cached = await runSignalsCommand({ db, lang: 'en' }, NOW);
    expect([cached.asOf, cached.asOfSource]).toEqual(['2026-11-20', 'latest-close']);
    const bundled = await runSignalsCommand({ db: join(dir, 'none.sqlite'), lang: 'en' }, NOW);
    expect(bundled.asOf).toBe('2026-05-29');
  });
});

describe('rebalance refuses stale data', () => {
  const none = () => join(dir, 'none.sqlite');

  it('refuses on the bundled data as of today, naming each close and the rate with date and age', async () => {
    const err = await runRebalanceCommand([SAMPLE], { base: 'KRW', lang: 'en', db: none() }, NOW).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isInputError(err)).toBe(true);
    if (!isInputError(err)) return;
    // Closes end Fri 2026-05-29: 128 weekdays to Wed 2026-11-25 (as `data status` counts). The KRW rate is June's
    // average (2026-06-30, 106 weekdays): October is the previous completed month, so it is two months behind and more.
    // Held: 11 securities. Nothing else is ordered: only a listing with a close at most 10 trading days old is bought,
    // and none is.
    expect(err.problem.message).toBe(
      'will not rebalance as of 2026-11-25 on stale data: 000660.KS, 005930.KS, AAPL, AMZN, CEG, GOOGL, ' +
        'META, MSFT, NVDA, QQQ, TSLA: last close 2026-05-29, 128 trading days old; ' +
        'USD→KRW: monthly average of 2026-06-30, 106 trading days old',
    );
    expect(err.problem.hint).toContain('dispersion data update');
    expect(err.problem.hint).toContain('--allow-stale');
  });

  it('with --lang ko refuses in Korean, with the same symbols, dates and ages', async () => {
    const err = await runRebalanceCommand([SAMPLE], { base: 'KRW', lang: 'ko', db: none() }, NOW).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isInputError(err)).toBe(true);
    if (!isInputError(err)) return;
    // The English refusal above (128 and 106 weekdays) with the same closes and rate in its Korean variant.
    expect(err.problem.message).toMatch(/^will not rebalance as of 2026-11-25 on stale data/);
    expect(err.problem.ko?.message).toBe(
      '데이터가 오래되어 2026-11-25 기준으로 리밸런싱하지 않습니다: 000660.KS, 005930.KS, AAPL, AMZN, CEG, ' +
        'GOOGL, META, MSFT, NVDA, QQQ, TSLA: 최근 종가 2026-05-29, 128거래일 전; ' +
        'USD→KRW: 월평균 환율 2026-06-30, 106거래일 전',
    );
    expect(err.problem.ko?.expected).toBe('10거래일 이내의 종가와 일별 환율, 직전 달의 월평균 환율');
    expect(err.problem.ko?.hint).toBe(
      '`dispersion data update`로 최신 가격을 받거나(저널 또는 --db FILE), 최신 <SYMBOL>.csv와 fx/<AAABBB>.csv 파일을 ' +
        '--prices 폴더에 넣으세요. 또는 --as-of YYYY-MM-DD로 데이터 날짜 기준으로 리밸런싱하거나, --allow-stale로 ' +
        '그래도 주문을 받으세요.',
    );
  });

  it('with --allow-stale gives orders and one warning per stale close and rate', async () => {
    const doc = await runRebalanceCommand(
      [SAMPLE],
      { base: 'KRW', lang: 'ko', db: none(), allowStale: true },
      NOW,
    );
    expect(doc.orders.length).toBeGreaterThan(0);
    const allowed = doc.warnings.filter((w) => w.code === 'stale-allowed');
    expect(allowed).toHaveLength(12); // the 11 held closes + USD→KRW
    expect(allowed.find((w) => w.symbol === 'NVDA')?.message).toBe(
      '--allow-stale: 오래된 데이터로 주문을 냈습니다. NVDA: 2026-05-29 (128거래일 전). 주문 전에 현재 시세를 확인하세요.',
    );
  });

  it('acts on fresh cached data as of today: the same orders as on the bundled data as of 2026-05-29', async () => {
    // Cache every bundled close at its 2026-05-29 value, dated Tue 2026-11-24, and USDKRW 1,483.7977 (the April average
    // the 2026-05-29 run used) daily on the same day: the inputs of the bundled run, one trading day old.
    const symbols = listBundledSymbols();
    const bundled = loadMarketData({ symbols });
    const db = join(dir, 'journal.sqlite');
    await writeCache(
      db,
      symbols.map((symbol) => {
        const s = bundled.prices.get(symbol);
        const last = s?.values[s.values.length - 1] as number;
        return {
          symbol,
          currency: symbol.endsWith('.KS') ? 'KRW' : 'USD',
          closes: [{ date: '2026-11-24', value: last }],
          source: 'yahoo',
        };
      }),
      [{ base: 'USD', quote: 'KRW', date: '2026-11-24', rate: 1483.7977 }],
    );
    const doc = await runRebalanceCommand([SAMPLE], { base: 'KRW', lang: 'en', db }, NOW);
    const onBundled = await runRebalanceCommand(
      [SAMPLE],
      { base: 'KRW', lang: 'en', asOf: '2026-05-29' },
      NOW,
    );
    const trades = (d: typeof doc) => d.orders.map((o) => [o.account, o.side, o.symbol, o.quantity]);
    expect(doc.orders.length).toBeGreaterThan(0);
    expect(trades(doc)).toEqual(trades(onBundled));
    expect(doc.orders.every((o) => o.priceDate === '2026-11-24')).toBe(true);
    expect(doc.freshness.prices.every((p) => p.last === '2026-11-24' && p.age === 1)).toBe(true);
    expect(doc.freshness.fx).toEqual([
      {
        from: 'USD',
        to: 'KRW',
        last: '2026-11-24',
        age: 1,
        kind: 'daily',
        source: 'cache:test',
        staleness: 'fresh',
      },
    ]);
    expect(doc.warnings.map((w) => w.code)).not.toContain('stale-allowed');
  });

  it('on the command line: exit 2, one message, no stack trace', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/dispersion.js', 'rebalance', SAMPLE, '--base', 'KRW', '--db', none()],
      { encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('will not rebalance as of');
    expect(r.stderr).toContain('--allow-stale');
    expect(r.stderr).not.toContain('    at ');
    const ok = spawnSync(
      process.execPath,
      ['bin/dispersion.js', 'rebalance', SAMPLE, '--base', 'KRW', '--db', none(), '--allow-stale', '--json'],
      { encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).warnings.some((w: { code: string }) => w.code === 'stale-allowed')).toBe(
      true,
    );
  });
});
