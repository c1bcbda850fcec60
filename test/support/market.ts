/** Small in-memory market data for core tests: the numbers are written in the test, so the expected values can be too. */
import { toDay } from '../../src/core/dates.ts';
import type { FxKind, FxSeries, MarketData, PriceSeries } from '../../src/core/market.ts';
import type { Series } from '../../src/core/series.ts';

export function series(rows: [string, number][], source = 'test'): Series {
  return {
    days: Int32Array.from(rows.map(([d]) => toDay(d))),
    values: Float64Array.from(rows.map(([, v]) => v)),
    source,
  };
}

export function marketOf(spec: {
  prices?: Record<string, [string, number][]>;
  fx?: Record<string, [string, number][]>;
  fxKind?: FxKind;
}): MarketData {
  const prices = new Map<string, PriceSeries>();
  for (const [sym, rows] of Object.entries(spec.prices ?? {})) prices.set(sym, series(rows, `test:${sym}`));
  const fx = new Map<string, FxSeries[]>();
  for (const [pair, rows] of Object.entries(spec.fx ?? {})) {
    fx.set(pair, [
      {
        ...series(rows, `test:${pair}`),
        base: pair.slice(0, 3),
        quote: pair.slice(3),
        kind: spec.fxKind ?? 'daily',
      },
    ]);
  }
  return { prices, dividends: new Map(), fx };
}
