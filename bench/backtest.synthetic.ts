/**
 * Synthetic market data for the backtest bench: `n` assets × `years` of weekday closes (a seeded geometric random
 * walk, so every run times the same numbers), quarterly dividends, and a flat 3% T-bill rate. Not used by tests.
 */
import type { MarketData, PriceSeries } from '../src/core/market.ts';
import type { Series } from '../src/core/series.ts';
import { prng } from '../test/support/random.ts';

export function syntheticMarket(
  n: number,
  years: number,
  seed = 42,
): { market: MarketData; symbols: string[] } {
  const rand = prng(seed);
  const first = 10_957; // 2000-01-01
  const days: number[] = [];
  for (let d = first; d < first + Math.round(years * 365.25); d++) {
    const w = (d + 4) % 7;
    if (w !== 0 && w !== 6) days.push(d);
  }
  const dayArr = Int32Array.from(days);
  const prices = new Map<string, PriceSeries>();
  const dividends = new Map<string, Series>();
  const symbols: string[] = [];
  for (let i = 0; i < n; i++) {
    const symbol = `S${String(i).padStart(2, '0')}`;
    symbols.push(symbol);
    const values = new Float64Array(days.length);
    let p = 20 + 180 * rand();
    const drift = 0.0003 * (rand() - 0.3);
    for (let t = 0; t < days.length; t++) {
      p *= Math.exp(drift + 0.02 * (rand() + rand() + rand() - 1.5));
      values[t] = p;
    }
    prices.set(symbol, { days: dayArr, values, source: 'synthetic' });
    const divDays: number[] = [];
    const divValues: number[] = [];
    for (let t = 40 + i; t < days.length; t += 63) {
      divDays.push(days[t] as number);
      divValues.push((values[t] as number) * 0.005);
    }
    dividends.set(symbol, {
      days: Int32Array.from(divDays),
      values: Float64Array.from(divValues),
      source: 'synthetic',
    });
  }
  return { market: { prices, dividends, fx: new Map() }, symbols };
}
