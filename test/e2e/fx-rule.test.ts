/**
 * The FX rule end to end (issue 16): a monthly average never beats a daily fixing dated inside its month or later, in
 * every command. Each expected value is computed here, independently of src/, straight from the bundled CSV files:
 * the KRW rate of a day is the last USDKRW daily fixing on or before it (data/market/fx/daily/USDKRW.csv runs to
 * 2026-03-27, so within these windows no monthly average is ever needed).
 *
 * The days that matter are KRX trading days with no US fixing at the start of a month: 2023-01-02 (fixings
 * 2022-12-30 1,260.18 then 2023-01-03; December's average 1,293.5629), 2024-09-02 and 2025-09-01. The old rule let the
 * previous month's average (effective on its last day) beat the previous day's fixing there.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const HOLDINGS = 'test/fixtures/fx-rule/holdings.csv';

function cli(...args: string[]): unknown {
  const r = spawnSync(process.execPath, ['bin/dispersion.js', ...args, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  if (r.status !== 0) throw new Error(`dispersion ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** `date,value` rows of a bundled file, in file order (ISO dates sort as text). */
function readCsv(file: string): [string, number][] {
  return readFileSync(`data/market/${file}`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [date, value] = line.split(',');
      return [date as string, Number(value)];
    });
}

/** The last row on or before `date` (a linear scan: nothing clever to share a bug with src/core/series.ts). */
function onOrBefore(rows: readonly [string, number][], date: string): number {
  let v = Number.NaN;
  for (const [d, x] of rows) {
    if (d > date) break;
    v = x;
  }
  return v;
}

const USDKRW = readCsv('fx/daily/USDKRW.csv');
const SPY = readCsv('prices/SPY.csv');
const SAMSUNG = readCsv('prices/005930.KS.csv');

describe('check --base KRW on 2023-01-02', () => {
  it('converts at the fixing of 2022-12-30 (1,260.18), not December’s average (1,293.5629)', () => {
    const doc = cli('check', HOLDINGS, '--base', 'KRW', '--as-of', '2023-01-02') as {
      total: number;
      positions: { symbol: string; currency: string; value: number; fxRate: number; fxDate: string | null }[];
    };
    // SPY 10 × 382.42999267578125 (close of 2022-12-30) × 1,260.18 = 4,819,306.2817016…; USD cash 1,000 × 1,260.18
    // = 1,260,180; 005930.KS 100 × 55,500 (close of 2023-01-02) = 5,550,000; KRW cash 2,000,000.
    const spy = doc.positions.find((p) => p.symbol === 'SPY');
    expect(spy).toMatchObject({ fxRate: 1260.18, fxDate: '2022-12-30' });
    expect(spy?.value).toBeCloseTo(10 * 382.42999267578125 * 1260.18, 6);
    expect(doc.positions.find((p) => p.symbol === 'CASH' && p.currency === 'USD')?.value).toBeCloseTo(
      1_260_180,
      6,
    );
    expect(doc.total).toBeCloseTo(4_819_306.2817016 + 1_260_180 + 5_550_000 + 2_000_000, 4);
  });
});

describe('rebalance --base KRW on 2023-01-02', () => {
  it('prices every dollar order and the won→dollar conversion at 1,260.18', () => {
    const doc = cli('rebalance', HOLDINGS, '--base', 'KRW', '--as-of', '2023-01-02') as {
      orders: { currency: string; value: number; valueBase: number }[];
      fx: { from: string; to: string; rate: number; date: string }[];
      freshness: { fx: { from: string; to: string; last: string; kind: string }[] };
    };
    const usd = doc.orders.filter((o) => o.currency === 'USD');
    expect(usd.length).toBeGreaterThan(0);
    for (const o of usd) expect(o.valueBase / o.value).toBeCloseTo(1260.18, 9);
    for (const c of doc.fx.filter((x) => x.from === 'KRW' && x.to === 'USD')) {
      expect(c).toMatchObject({ date: '2022-12-30' });
      expect(c.rate).toBeCloseTo(1 / 1260.18, 15);
    }
    expect(doc.freshness.fx).toContainEqual(
      expect.objectContaining({ from: 'USD', to: 'KRW', last: '2022-12-30', kind: 'daily' }),
    );
  });
});

describe('stress --base KRW as of 2026-03-27', () => {
  // The risk window 2023-03-27 → 2026-03-27 holds 2024-09-02 and 2025-09-01 (KRX open, no US fixing): with daily
  // fixings the whole way there is no monthly average in it, so no risk-monthly-fx warning (the old rule raised one).
  const asOf = '2026-03-27';
  const doc = () =>
    cli('stress', HOLDINGS, '--base', 'KRW', '--as-of', asOf) as {
      risk: { from: string; to: string; observations: number; volatility: number; monthlyFx: string[] };
      warnings: { code: string }[];
    };

  it('reads only daily fixings and says nothing about monthly averages', () => {
    const d = doc();
    expect(d.risk.monthlyFx).toEqual([]);
    expect(d.warnings.map((w) => w.code)).not.toContain('risk-monthly-fx');
  });

  it('volatility equals today’s weights held over the window, in won at the daily fixings', () => {
    // Calendar: every day SPY or 005930.KS closed in [2023-03-27, 2026-03-27]; closes and rates carried forward.
    const days = [...new Set([...SPY, ...SAMSUNG].map(([d]) => d))]
      .filter((d) => d >= '2023-03-27' && d <= asOf)
      .sort();
    const fx = days.map((d) => onOrBefore(USDKRW, d));
    const spy = days.map((d, t) => onOrBefore(SPY, d) * (fx[t] as number));
    const sam = days.map((d) => onOrBefore(SAMSUNG, d));
    const last = days.length - 1;
    // Weights from the values on the as-of day: SPY 10 shares, USD cash 1,000, 005930.KS 100 shares, KRW cash 2,000,000.
    const values = [
      10 * (spy[last] as number),
      1000 * (fx[last] as number),
      100 * (sam[last] as number),
      2_000_000,
    ];
    const total = values.reduce((a, b) => a + b, 0);
    const w = values.map((v) => v / total);
    const series = [spy, fx, sam];
    const r: number[] = [];
    for (let t = 1; t <= last; t++) {
      let x = 0;
      series.forEach((s, i) => {
        x += (w[i] as number) * ((s[t] as number) / (s[t - 1] as number) - 1);
      });
      r.push(x); // KRW cash returns 0
    }
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));

    const d = doc();
    expect(d.risk.from).toBe(days[0]);
    expect(d.risk.observations).toBe(last);
    expect(d.risk.volatility).toBeCloseTo(sd * Math.sqrt(252), 12);
  });
});

describe('backtest --base KRW across 2023-01-02', () => {
  it('matches a plain loop fed the daily fixings (the rebalance of 2023-01-02 at 1,260.18)', () => {
    const from = '2022-12-01';
    const to = '2023-03-31';
    const doc = cli(
      'backtest',
      '--weights',
      'SPY=0.5,005930.KS=0.5',
      '--benchmark',
      'none',
      '--base',
      'KRW',
      '--from',
      from,
      '--to',
      to,
      '--price-only',
      '--initial',
      '10000000',
    ) as { from: string; to: string; final: number; rebalances: number };

    // bt's rule: buy 50/50 at the first close, then back to 50/50 at the close of each month's first trading day.
    const days = [...new Set([...SPY, ...SAMSUNG].map(([d]) => d))]
      .filter((d) => d >= from && d <= to)
      .sort();
    const price = (d: string) => [onOrBefore(SPY, d) * onOrBefore(USDKRW, d), onOrBefore(SAMSUNG, d)];
    let q = [0, 0];
    let rebalances = 0;
    days.forEach((d, t) => {
      const p = price(d);
      if (t === 0 || d.slice(0, 7) !== (days[t - 1] as string).slice(0, 7)) {
        const v =
          t === 0 ? 10_000_000 : (q[0] as number) * (p[0] as number) + (q[1] as number) * (p[1] as number);
        q = [(0.5 * v) / (p[0] as number), (0.5 * v) / (p[1] as number)];
        if (t > 0) rebalances++;
      }
    });
    const p = price(days[days.length - 1] as string);
    const final = (q[0] as number) * (p[0] as number) + (q[1] as number) * (p[1] as number);

    expect(days).toContain('2023-01-02');
    expect(doc).toMatchObject({ from: days[0], to: days[days.length - 1], rebalances });
    expect(Math.abs(doc.final / final - 1)).toBeLessThan(1e-12);
  });
});
