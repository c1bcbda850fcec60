/**
 * The one way a command gets market data (`marketFor`), in a module of its own: a backtest loads this and not
 * workspace.ts, whose holdings importers (spreadsheets, zip, the journal) it never uses and would pay for at start-up.
 */
import { readCacheLayer } from '../adapters/market-data/cache.ts';
import { loadMarketData } from '../adapters/market-data/load.ts';
import type { MarketData } from '../core/market.ts';
import { journalPath } from './journal.ts';

export interface MarketRequest {
  /** Canonical symbols whose closes and dividends are read; every FX pair always is. */
  symbols: Iterable<string>;
  /** The user's `--prices` folder. */
  prices?: string;
  /** `--db FILE`: the journal whose price cache (`dispersion data update`) is read; default the per-user journal. */
  db?: string;
}

/**
 * The one way a command gets market data. Precedence, highest first: the user's `--prices` folder > the journal's
 * price cache when its series ends later than the bundled one > the bundled files (load.ts). The journal is opened
 * read-only and only when the file exists: pricing never creates it. Every command that prices anything (check,
 * rebalance, stress, backtest, signals, journal record) comes through here, so they cannot disagree on a price.
 */
export async function marketFor(r: MarketRequest): Promise<MarketData> {
  const canonical = [...r.symbols];
  // A KRX listing's closes may sit in a file named as brokers write the code (`360750.csv`, `A360750.csv`).
  const spellings = new Map(canonical.map((s) => [s, krxSpellings(s)]));
  const symbols = [...canonical, ...[...spellings.values()].flat()];
  const cache = await readCacheLayer(journalPath(r.db), { symbols });
  const market = loadMarketData({
    symbols,
    ...(r.prices === undefined ? {} : { userDir: r.prices }),
    ...(cache ? { cache } : {}),
  });
  const prices = new Map(market.prices);
  for (const [s, alts] of spellings) {
    if (prices.has(s)) continue;
    const found = alts.find((a) => prices.has(a));
    if (found) prices.set(s, prices.get(found) as NonNullable<ReturnType<typeof prices.get>>);
  }
  return { ...market, prices };
}

/** `360750.KS` → `360750`, `A360750`: the file names a KRX close may come under. */
function krxSpellings(symbol: string): string[] {
  const m = /^(\d{6})\.(KS|KQ)$/.exec(symbol);
  return m ? [m[1] as string, `A${m[1]}`] : [];
}
