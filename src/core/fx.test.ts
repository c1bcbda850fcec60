import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMarketData } from '../adapters/market-data/load.ts';
import { toDay } from './dates.ts';
import { fxRate } from './fx.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const BUNDLED = join(FIXTURES, 'market/bundled');

/*
 * Fixture rates (test/fixtures/market/bundled), written by hand for these tests:
 *   fx/daily/USDKRW    01-29 1440, 01-30 1450, 02-02 1460, 02-16 1475
 *   fx/monthly/USDKRW  Jan 1430, Feb 1465, Mar 1480   (usable from 01-31, 02-28, 03-31)
 *   fx/daily/USDJPY    03-30 150.0, 03-31 151.0
 *   fx/monthly/USDJPY  Feb 152.0, Mar 150.5          (usable from 02-28, 03-31)
 *   fx/monthly/USDEUR  Jan 0.85, Feb 0.84            (EUR per USD)
 * and test/fixtures/market/user: fx/EURUSD 02-26 1.25, fx/USDKRW 02-16 1480. All dates 2026.
 */
const m = loadMarketData({ bundledDir: BUNDLED, symbols: [] });
const mu = loadMarketData({ bundledDir: BUNDLED, userDir: join(FIXTURES, 'market/user'), symbols: [] });
const d = (iso: string) => toDay(`2026-${iso}`);

describe('fxRate: direct, inverse, same currency', () => {
  it('is 1 with no legs for the same currency', () => {
    expect(fxRate(m, 'KRW', 'KRW', d('02-10'))).toEqual({ rate: 1, day: d('02-10'), legs: [] });
  });

  it('uses a direct pair as is', () => {
    expect(fxRate(m, 'USD', 'KRW', d('02-10'))).toEqual({
      rate: 1460,
      day: d('02-02'),
      legs: [
        {
          pair: 'USDKRW',
          day: d('02-02'),
          kind: 'daily',
          source: 'bundled:fx/daily/USDKRW.csv',
          inverted: false,
        },
      ],
    });
  });

  it('inverts the opposite pair', () => {
    const q = fxRate(m, 'KRW', 'USD', d('02-10'));
    expect(q?.rate).toBe(1 / 1460);
    expect(q?.legs[0]).toMatchObject({ pair: 'USDKRW', inverted: true });
  });

  it('is undefined before any rate is known, and for currencies with no series', () => {
    expect(fxRate(m, 'USD', 'KRW', d('01-28'))).toBeUndefined();
    expect(fxRate(m, 'USD', 'CHF', d('02-10'))).toBeUndefined();
    expect(fxRate(m, 'CHF', 'KRW', d('02-10'))).toBeUndefined();
    // EUR's first monthly average (January) is not known until 01-31.
    expect(fxRate(m, 'EUR', 'KRW', d('01-15'))).toBeUndefined();
  });
});

describe('fxRate: daily against monthly averages (no look-ahead; an average never beats a fixing of its month)', () => {
  it.each([
    ['01-30', 1450, '01-30', 'daily'], // January's average is not known until 01-31
    ['01-31', 1450, '01-30', 'daily'], // a Saturday: January's average is known, but Friday's fixing is inside January
    ['02-10', 1460, '02-02', 'daily'], // daily 02-02 is newer than January's average
    ['02-27', 1475, '02-16', 'daily'], // February's average is not known yet, even though daily data stopped
    ['02-28', 1475, '02-16', 'daily'], // February's average is known now, but the 02-16 fixing is inside February
    ['03-15', 1475, '02-16', 'daily'], // March's average is not used mid-March; February's loses to 02-16
    ['03-31', 1480, '03-31', 'monthly-average'], // March's average beats a fixing from before March
    ['04-01', 1480, '03-31', 'monthly-average'],
  ] as const)('USD→KRW on %s is %d (effective %s, %s)', (day, rate, eff, kind) => {
    const q = fxRate(m, 'USD', 'KRW', d(day));
    expect(q).toMatchObject({ rate, day: d(eff) });
    expect(q?.legs[0]?.kind).toBe(kind);
  });

  it('prefers daily when a daily fixing and a monthly average are effective on the same day', () => {
    expect(fxRate(m, 'USD', 'JPY', d('03-31'))).toMatchObject({ rate: 151, legs: [{ kind: 'daily' }] });
    expect(fxRate(m, 'USD', 'JPY', d('03-20'))).toMatchObject({ rate: 152, day: d('02-28') });
  });
});

describe('fxRate: cross through USD', () => {
  it('EUR→KRW = (1 / USDEUR) × USDKRW, dated by the older leg', () => {
    const q = fxRate(m, 'EUR', 'KRW', d('02-10'));
    expect(q?.rate).toBeCloseTo(1460 / 0.85, 9); // 1717.647058823…
    expect(q?.day).toBe(d('01-31'));
    expect(q?.legs.map((l) => [l.pair, l.inverted, l.kind, l.day])).toEqual([
      ['USDEUR', true, 'monthly-average', d('01-31')],
      ['USDKRW', false, 'daily', d('02-02')],
    ]);
  });

  it('KRW→EUR is the reciprocal route', () => {
    expect(fxRate(m, 'KRW', 'EUR', d('02-10'))?.rate).toBeCloseTo(0.85 / 1460, 15);
  });

  it('JPY→KRW on 04-15 = 1480 / 151 (daily JPY wins the tie, March KRW average)', () => {
    const q = fxRate(m, 'JPY', 'KRW', d('04-15'));
    expect(q?.rate).toBeCloseTo(9.801324503311, 10);
    expect(q?.day).toBe(d('03-31'));
  });
});

describe("fxRate with the user's FX files", () => {
  it('takes the user EURUSD fixing over an older inverse monthly average', () => {
    expect(fxRate(mu, 'EUR', 'USD', d('02-27'))).toMatchObject({
      rate: 1.25,
      legs: [{ pair: 'EURUSD', inverted: false, kind: 'daily' }],
    });
    // From 02-28 February's average is known, but it does not beat the user's fixing of 02-26, dated inside February.
    expect(fxRate(mu, 'EUR', 'USD', d('02-28'))).toMatchObject({ rate: 1.25, day: d('02-26') });
    // From 03-31 only March's average could, and the bundled USDEUR has none: still the 02-26 fixing.
    expect(fxRate(mu, 'EUR', 'USD', d('04-15'))?.rate).toBe(1.25);
    // Before the user's file starts, the bundled average is all there is.
    expect(fxRate(mu, 'EUR', 'USD', d('02-25'))?.rate).toBeCloseTo(1 / 0.85, 12);
  });

  it('wins a same-day tie against the bundled daily series', () => {
    const q = fxRate(mu, 'USD', 'KRW', d('02-20'));
    expect(q?.rate).toBe(1480);
    expect(q?.legs[0]?.source).toMatch(/^user:.*USDKRW\.csv$/);
  });

  it('crosses with the user legs: EUR→KRW = 1.25 × 1480', () => {
    expect(fxRate(mu, 'EUR', 'KRW', d('02-27'))).toMatchObject({ rate: 1850, day: d('02-16') });
  });
});

describe('fxRate on the bundled data (values read with grep from data/market/fx)', () => {
  const real = loadMarketData({ symbols: [] });
  const withUser = loadMarketData({ symbols: [], userDir: join(FIXTURES, 'prices-user') });

  it('USDKRW: the daily fixing while one is dated in the last completed month or later, then monthly averages', () => {
    // tail -1 fx/daily/USDKRW.csv → 2026-03-27,1509.86
    expect(fxRate(real, 'USD', 'KRW', toDay('2026-03-27'))).toMatchObject({
      rate: 1509.86,
      day: toDay('2026-03-27'),
    });
    // March's average (grep 2026-03-01 fx/monthly/USDKRW.csv → 1490.5177) is known from 03-31, but the 03-27
    // fixing is dated inside March: it stays until April's average is known on 04-30.
    for (const day of ['2026-03-31', '2026-04-29']) {
      expect(fxRate(real, 'USD', 'KRW', toDay(day))).toMatchObject({
        rate: 1509.86,
        day: toDay('2026-03-27'),
        legs: [{ kind: 'daily' }],
      });
    }
    // grep 2026-04-01 fx/monthly/USDKRW.csv → 1483.7977; May's (1488.3960) is not usable until 05-31
    for (const day of ['2026-05-15', '2026-05-29']) {
      expect(fxRate(real, 'USD', 'KRW', toDay(day))).toMatchObject({
        rate: 1483.7977,
        day: toDay('2026-04-30'),
        legs: [{ kind: 'monthly-average' }],
      });
    }
    expect(fxRate(real, 'USD', 'KRW', toDay('2026-05-31'))?.rate).toBe(1488.396);
  });

  it("the first trading day of a month with no US fixing takes the previous fixing, not the past month's average", () => {
    // grep fx/daily/USDKRW.csv: 2022-12-30,1260.18 then 2023-01-03; fx/monthly 2022-12-01,1293.5629 (issue 16)
    // 2024-08-30,1336.00 then 2024-09-03 (2024-08-01,1351.4436); 2025-08-29,1389.76 then 2025-09-02 (2025-08-01,1388.9990)
    for (const [day, rate, eff] of [
      ['2023-01-02', 1260.18, '2022-12-30'],
      ['2024-09-02', 1336.0, '2024-08-30'],
      ['2025-09-01', 1389.76, '2025-08-29'],
    ] as const) {
      expect(fxRate(real, 'USD', 'KRW', toDay(day))).toMatchObject({
        rate,
        day: toDay(eff),
        legs: [{ kind: 'daily' }],
      });
      expect(fxRate(real, 'KRW', 'USD', toDay(day))?.rate).toBe(1 / rate);
    }
  });

  it('EUR→KRW and JPY→KRW on 2026-05-29 cross April averages', () => {
    // fx/monthly/USDEUR.csv 2026-04-01,0.8549; fx/monthly/USDJPY.csv 2026-04-01,159.1173
    expect(fxRate(real, 'EUR', 'KRW', toDay('2026-05-29'))?.rate).toBeCloseTo(1483.7977 / 0.8549, 9); // ≈ 1735.68
    const jpy = fxRate(real, 'JPY', 'KRW', toDay('2026-05-29'));
    expect(jpy?.rate).toBeCloseTo(1483.7977 / 159.1173, 12); // ≈ 9.3253
    expect(jpy?.day).toBe(toDay('2026-04-30'));
  });

  it('GBP→USD: the daily DEXUSUK while current, later the inverse monthly USDGBP', () => {
    // tail -1 fx/daily/GBPUSD.csv → 2023-09-15,1.2392; fx/monthly/USDGBP.csv 2026-04-01,0.7433
    expect(fxRate(real, 'GBP', 'USD', toDay('2023-09-15'))?.rate).toBe(1.2392);
    expect(fxRate(real, 'GBP', 'USD', toDay('2026-05-29'))?.rate).toBeCloseTo(1 / 0.7433, 12);
  });

  it("uses the prices-user fixture's daily EURUSD and USDCHF", () => {
    // test/fixtures/prices-user/fx/EURUSD.csv 2026-05-29,1.1583; fx/USDCHF.csv 2026-05-29,0.7936
    const eur = fxRate(withUser, 'EUR', 'KRW', toDay('2026-05-29'));
    expect(eur?.rate).toBeCloseTo(1.1583 * 1483.7977, 9);
    expect(eur?.day).toBe(toDay('2026-04-30'));
    expect(fxRate(withUser, 'CHF', 'USD', toDay('2026-05-29'))?.rate).toBeCloseTo(1 / 0.7936, 12);
  });
});
