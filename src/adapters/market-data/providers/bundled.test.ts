import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileProvider } from './bundled.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('FileProvider (bundled)', () => {
  it('serves the bundled closes through the Provider interface', async () => {
    const p = new FileProvider({ kind: 'bundled', quoteUnitOf: () => 'USD' });
    expect(p.covers('NVDA')).toBe(true);
    expect(p.covers('SIE.DE')).toBe(false);
    const h = await p.history('NVDA', '2026-05-27', '2026-05-28');
    // data/market/prices/NVDA.csv rows 6641–6642.
    expect(h).toMatchObject({ symbol: 'NVDA', currency: 'USD', source: 'bundled:prices/NVDA.csv' });
    expect(h.closes).toEqual([
      { date: '2026-05-27', value: 212.60000610351562 },
      { date: '2026-05-28', value: 214.25 },
    ]);
    expect(await p.latest('NVDA')).toMatchObject({ date: '2026-05-29', close: 211.13999938964844 });
  });

  it('serves daily FX either way round and refuses monthly averages', async () => {
    const p = new FileProvider({ kind: 'bundled' });
    // data/market/fx/daily/USDJPY.csv ends 2023-09-15 at 147.83.
    const jpy = await p.fxHistory('USD', 'JPY', '2023-09-15', '2023-09-15');
    expect(jpy.rates).toEqual([{ date: '2023-09-15', value: 147.83 }]);
    const inv = await p.fxHistory('JPY', 'USD', '2023-09-15', '2023-09-15');
    expect(inv.rates).toEqual([{ date: '2023-09-15', value: 1 / 147.83 }]);
    // USDINR exists only as monthly averages.
    await expect(p.fxHistory('USD', 'INR', '2026-01-01', '2026-03-01')).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});

describe('FileProvider (user folder)', () => {
  it('owns only the user’s files, and converts a pence file to pounds when told the quote unit', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dispersion-user-'));
    writeFileSync(join(dir, 'RR.L.csv'), 'date,close\n2026-11-19,1186\n2026-11-20,1192.5\n');
    const p = new FileProvider({
      kind: 'user',
      userDir: dir,
      quoteUnitOf: (s) => (s === 'RR.L' ? 'GBp' : undefined),
    });
    expect(p.symbols()).toEqual(['RR.L']);
    expect(p.covers('NVDA')).toBe(false); // bundled, not the user's
    const h = await p.history('RR.L', '2026-11-01', '2026-11-30');
    expect(h.currency).toBe('GBP');
    expect(h.closes).toEqual([
      { date: '2026-11-19', value: 11.86 }, // 1186p × 0.01
      { date: '2026-11-20', value: 11.925 },
    ]);
  });
});
