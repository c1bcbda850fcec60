import { describe, expect, it } from 'vitest';
import {
  checkPortfolio,
  importHoldingsFile,
  loadMarketData,
  loadModel,
  loadUniverse,
  toDay,
} from '../../src/index.ts';

describe('library entry point', () => {
  it('runs a check from bytes with the bundled data', () => {
    const csv = new TextEncoder().encode('symbol,quantity\nNVDA,10\nCASH,500\n');
    expect(() => importHoldingsFile(csv, 'inline.csv')).toThrow(/cash row CASH has no currency/);
    const { holdings } = importHoldingsFile(
      new TextEncoder().encode('symbol,quantity,currency\nNVDA,10,USD\nCASH,500,USD\n'),
      'inline.csv',
    );
    const universe = loadUniverse();
    const report = checkPortfolio({
      holdings,
      universe,
      model: loadModel('great-dispersion-2026'),
      market: loadMarketData({ symbols: ['NVDA'] }),
      base: 'USD',
      asOf: toDay('2026-05-29'),
    });
    // 10 × 211.13999938964844 (prices/NVDA.csv, 2026-05-29) = 2,111.39999…; + 500 USD cash
    const nvda = 10 * 211.13999938964844;
    expect(report.total).toBeCloseTo(nvda + 500, 9);
    expect(report.sleeves.find((s) => s.id === 'mag7-selected')?.weight).toBeCloseTo(nvda / (nvda + 500), 12);
  });
});
