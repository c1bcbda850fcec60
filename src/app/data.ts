/**
 * The data use cases: `dispersion data update` (fetch fresh prices and FX into the cache) and `dispersion data
 * status` (what every series covers, where it comes from, how stale it is, and what looks wrong in it). Only `update` touches the network, and
 * only when the user names a provider (`--provider`, or `providers` in a `--config` file).
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { normaliseKrxListing } from '../adapters/config/listing-file.ts';
import { loadUniverse } from '../adapters/config/universe-file.ts';
import { readCacheLayer } from '../adapters/market-data/cache.ts';
import { listBundledSymbols, loadMarketData } from '../adapters/market-data/load.ts';
import { FredProvider } from '../adapters/market-data/providers/fred.ts';
import type { FetchLike } from '../adapters/market-data/providers/http.ts';
import { FRED_FX_SERIES } from '../adapters/market-data/providers/resolver.ts';
import { ProviderRunner } from '../adapters/market-data/providers/runner.ts';
import type { Provider } from '../adapters/market-data/providers/types.ts';
import { YahooProvider } from '../adapters/market-data/providers/yahoo.ts';
import { type UpdateItem, type UpdateOutcome, updateCache } from '../adapters/market-data/update.ts';
import { withJosa } from '../i18n/josa.ts';

export type { UpdateOutcome };

import { openJournal } from '../adapters/store/database.ts';
import { PriceCache } from '../adapters/store/price-cache.ts';
import { fromDay, toDay, weekdaysBetween } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import { observeFx } from '../core/fx.ts';
import { seriesHealth } from '../core/health.ts';
import type { FxSeries } from '../core/market.ts';
import { fxStaleness } from '../core/staleness.ts';
import type { Universe } from '../core/universe.ts';
import { resolveSymbol } from '../core/universe.ts';
import type { DataStatusDocument, DataStatusPair } from '../report/data-status-document.ts';
import { journalPath } from './journal.ts';
import { localDate, parseAsOf } from './options.ts';
import { parseRequest } from './request.ts';
import { importFiles, userListingPath } from './workspace.ts';

export const PRECEDENCE = 'user --prices folder > cache (when newer) > bundled';

/** Which series: `--symbols`, or the ones held in `--holdings`; the universe and the journal holding the cache. */
export const DataSelection = z.object({
  symbols: z.string().optional(),
  holdings: z.string().optional(),
  universe: z.string().optional(),
  db: z.string().optional(),
});
export type DataSelection = z.input<typeof DataSelection>;

/** The `data status` request. */
export const DataStatusRequest = DataSelection.extend({
  asOf: z.string().optional(),
  prices: z.string().optional(),
});
export type DataStatusOptions = z.input<typeof DataStatusRequest>;

/** The `data update` request. */
export const DataUpdateRequest = DataSelection.extend({
  /** Refresh the KRX listing instead of prices (`--from FILE`: the offline provider, the only one). */
  listings: z.boolean().optional(),
  from: z.string().optional(),
  provider: z.string().optional(),
  config: z.string().optional(),
});
export type DataUpdateOptions = z.input<typeof DataUpdateRequest>;

/** The date of the bundled KRX listing (data/SOURCES.md). */
export const BUNDLED_LISTING_DATE = '2026-03-22';

/**
 * `data update --listings --from FILE`: validates a newer KRX listing and writes it beside the journal, where every
 * command's universe prefers it to the bundled one. No network: a download from KRX is the user's step.
 */
export function runListingsUpdate(request: DataUpdateOptions): {
  from: string;
  written: string;
  count: number;
} {
  const o = parseRequest(DataUpdateRequest, request, 'data update');
  if (!o.from)
    throw new InputError({
      message: 'data update --listings needs the listing file: it does not reach the network',
      expected:
        '--from FILE (a KRX listing: code,market,name,industry; FinanceDataReader; or KIND 상장법인목록 CSV)',
      ko: {
        message:
          'data update --listings에는 상장 종목 파일이 필요합니다: 이 명령은 네트워크에 접속하지 않습니다',
        expected:
          '--from FILE (KRX 상장 목록: code,market,name,industry; FinanceDataReader; 또는 KIND 상장법인목록 CSV)',
      },
    });
  let text: string;
  try {
    text = readFileSync(o.from, 'utf8');
  } catch (e) {
    throw new InputError({
      file: o.from,
      message: `cannot read the listing file (${(e as NodeJS.ErrnoException).code})`,
      ko: { message: `상장 종목 파일을 읽을 수 없습니다 (${(e as NodeJS.ErrnoException).code})` },
    });
  }
  const { text: out, count } = normaliseKrxListing(text, o.from);
  const written = userListingPath(o.db);
  // As for the journal: only the per-user default folder is created; a --db folder that is not there is refused.
  if (o.db === undefined) mkdirSync(dirname(written), { recursive: true });
  else if (!existsSync(dirname(written)))
    throw new InputError({
      file: o.db,
      message: `the folder ${dirname(written)} does not exist`,
      expected: 'a journal path in an existing folder (dispersion does not create folders for --db)',
      ko: {
        message: `폴더 ${withJosa(dirname(written), '이/가')} 없습니다`,
        expected: '이미 있는 폴더 안의 저널 경로 (dispersion은 --db를 위해 폴더를 만들지 않습니다)',
      },
    });
  const tmp = `${written}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, written);
  return { from: o.from, written, count };
}

/** What the dashboard calls too: the status document as a function of the options and the clock. */
export async function runDataStatusCommand(
  request: DataStatusOptions,
  now: Date,
): Promise<DataStatusDocument> {
  const o = parseRequest(DataStatusRequest, request, 'data status');
  const asOf = parseAsOf(o.asOf, now);
  const universe = loadUniverse(o.universe);
  const selection = await selectSymbols(o, universe);
  const dbFile = journalPath(o.db);
  const layer = await readCacheLayer(dbFile);
  const symbols =
    selection?.symbols ??
    [
      ...new Set([...listBundledSymbols(), ...(layer ? layer.prices.keys() : []), ...userSymbols(o.prices)]),
    ].sort();
  const market = loadMarketData({
    symbols,
    ...(o.prices === undefined ? {} : { userDir: o.prices }),
    ...(layer ? { cache: layer } : {}),
  });
  const rows = symbols.map((symbol) => {
    const series = market.prices.get(symbol);
    const h = seriesHealth(series, asOf);
    return {
      symbol,
      name: universe.instruments.get(symbol)?.name ?? null,
      first: h.first,
      last: h.last,
      source: series ? sourceKind(series.source) : null,
      stale: h.staleness,
      age: h.age,
      days: h.last === null ? null : asOf - toDay(h.last),
      jumps: h.jumps,
      gaps: h.gaps,
    };
  });
  const currencies = selection?.currencies;
  const fx: DataStatusPair[] = [];
  for (const [pair, list] of [...market.fx].sort(([a], [b]) => a.localeCompare(b))) {
    // With a selection, only the pairs between its currencies (and USD, the pivot every cross goes through).
    if (currencies && ![pair.slice(0, 3), pair.slice(3)].every((c) => c === 'USD' || currencies.has(c)))
      continue;
    const best = bestFx(list, asOf);
    if (best) fx.push({ pair, ...best });
  }
  return { asOf: fromDay(asOf), cache: layer ? dbFile : null, precedence: PRECEDENCE, symbols: rows, fx };
}

export interface UpdateDeps {
  /** Tests inject these; the CLI uses the real ones. */
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  progress?: (done: number, total: number, label: string) => void;
}

export async function runDataUpdateCommand(
  request: DataUpdateOptions,
  now: Date,
  deps: UpdateDeps = {},
): Promise<UpdateOutcome[]> {
  const o = parseRequest(DataUpdateRequest, request, 'data update');
  const config = o.config === undefined ? {} : readConfig(o.config);
  const ids = o.provider !== undefined ? splitList(o.provider) : (config.providers ?? []);
  if (ids.length === 0) {
    throw new InputError({
      message: 'no provider named: data update reaches the network only when you say which source to use',
      expected: '--provider yahoo,fred (or "providers" in a --config file)',
      ko: {
        message:
          '데이터 출처가 지정되지 않았습니다: data update는 어느 출처를 쓸지 정해야 네트워크에 접속합니다',
        expected: '--provider yahoo,fred (또는 --config 파일의 "providers")',
      },
    });
  }
  const baseUrls = { ...config.baseUrls };
  const providers: Provider[] = ids.map((id) => makeProvider(id, baseUrls, deps.fetch));
  const universe = loadUniverse(o.universe);
  // The per-user default folder is created on first use; a --db folder that does not exist is the user's typo.
  const journal = await openJournal(journalPath(o.db), { now, createFolder: o.db === undefined });
  try {
    const cache = new PriceCache(journal);
    const selection = await selectSymbols(o, universe);
    const symbols =
      selection?.symbols ??
      [...new Set([...universe.instruments.keys(), ...(await cache.symbols()).map((s) => s.symbol)])].sort();
    const currencies = new Set(selection?.currencies ?? []);
    for (const s of symbols) {
      const c = universe.instruments.get(s)?.currency;
      if (c) currencies.add(c);
    }
    const items: UpdateItem[] = [
      ...symbols.map((symbol) => ({ kind: 'price' as const, symbol })),
      ...fxItems(currencies),
    ];
    const runner = new ProviderRunner({
      providers,
      ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
    });
    return await updateCache({
      cache,
      runner,
      items,
      today: localDate(now),
      // Every row of one run carries the run's start (the injected clock): "fetched on this update".
      now: () => now,
      currencyOf: (s) => universe.instruments.get(s)?.currency,
      ...(deps.progress ? { onProgress: deps.progress } : {}),
    });
  } finally {
    await journal.close();
  }
}

/** For every non-USD currency, its USD pair in FRED's orientation where FRED has one (EURUSD), else USD-based. */
export function fxItems(currencies: Iterable<string>): UpdateItem[] {
  const out: UpdateItem[] = [];
  for (const c of [...new Set(currencies)].sort()) {
    if (c === 'USD') continue;
    const fred = Object.values(FRED_FX_SERIES).find((s) => s.base === c || s.quote === c);
    out.push(
      fred ? { kind: 'fx', base: fred.base, quote: fred.quote } : { kind: 'fx', base: 'USD', quote: c },
    );
  }
  return out;
}

interface DataConfig {
  providers?: string[];
  baseUrls?: { yahoo?: string; fred?: string };
  timeoutMs?: number;
}

function readConfig(file: string): DataConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError({
      file,
      message: `cannot be read as JSON (${(e as Error).message})`,
      expected: CONFIG_SHAPE,
      ko: { message: `JSON으로 읽을 수 없습니다 (${(e as Error).message})`, expected: CONFIG_SHAPE },
    });
  }
  const c = raw as Record<string, unknown>;
  const ok =
    typeof c === 'object' &&
    c !== null &&
    (c.providers === undefined ||
      (Array.isArray(c.providers) && c.providers.every((p) => typeof p === 'string'))) &&
    (c.baseUrls === undefined || (typeof c.baseUrls === 'object' && c.baseUrls !== null)) &&
    (c.timeoutMs === undefined || (typeof c.timeoutMs === 'number' && c.timeoutMs > 0));
  if (!ok) {
    throw new InputError({
      file,
      message: 'is not a data configuration',
      expected: CONFIG_SHAPE,
      ko: { message: '데이터 설정 파일이 아닙니다', expected: CONFIG_SHAPE },
    });
  }
  return c as DataConfig;
}

const CONFIG_SHAPE =
  '{"providers": ["yahoo", "fred"], "baseUrls": {"yahoo": "https://…", "fred": "https://…"}, "timeoutMs": 15000}';

function makeProvider(id: string, baseUrls: DataConfig['baseUrls'], fetch?: FetchLike): Provider {
  const f = fetch ? { fetch } : {};
  if (id === 'yahoo') {
    const baseUrl = baseUrls?.yahoo ?? process.env.DISPERSION_YAHOO_URL;
    return new YahooProvider({ ...f, ...(baseUrl ? { baseUrl } : {}) });
  }
  if (id === 'fred') {
    const baseUrl = baseUrls?.fred ?? process.env.DISPERSION_FRED_URL;
    return new FredProvider({ ...f, ...(baseUrl ? { baseUrl } : {}) });
  }
  throw new InputError({
    message: `--provider ${id} is not a known provider`,
    expected: 'yahoo or fred',
    ko: {
      message: `--provider ${withJosa(id, '은/는')} 알 수 없는 데이터 출처입니다`,
      expected: 'yahoo 또는 fred',
    },
  });
}

/** `--symbols` or `--holdings` → canonical symbols (and the currencies involved); undefined = no selection. */
async function selectSymbols(
  o: DataSelection,
  universe: Universe,
): Promise<{ symbols: string[]; currencies: Set<string> } | undefined> {
  if (o.symbols !== undefined && o.holdings !== undefined) {
    throw new InputError({
      message: '--symbols and --holdings both given',
      expected: 'one of them',
      ko: { message: '--symbols와 --holdings를 함께 주었습니다', expected: '둘 중 하나' },
    });
  }
  const currencies = new Set<string>();
  let written: string[];
  if (o.symbols !== undefined) {
    written = splitList(o.symbols);
    if (written.length === 0)
      throw new InputError({
        message: '--symbols is empty',
        expected: 'e.g. 005930.KS,NVDA',
        ko: { message: '--symbols 값이 비어 있습니다', expected: '예: 005930.KS,NVDA' },
      });
  } else if (o.holdings !== undefined) {
    const { holdings } = await importFiles([o.holdings]);
    written = [];
    for (const h of holdings) {
      if (h.kind === 'security') written.push(h.symbol);
      else currencies.add(h.currency);
    }
  } else return undefined;
  const symbols = [
    ...new Set(written.map((w) => resolveSymbol(universe, w) ?? w.trim().toUpperCase())),
  ].sort();
  for (const s of symbols) {
    const c = universe.instruments.get(s)?.currency;
    if (c) currencies.add(c);
  }
  return { symbols, currencies };
}

function splitList(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Symbols the user's folder supplies, read through the loader so a bad folder fails exactly as it does for check. */
function userSymbols(dir: string | undefined): string[] {
  if (dir === undefined) return [];
  const all = loadMarketData({ userDir: dir });
  return [...all.prices].filter(([, s]) => s.source.startsWith('user:')).map(([sym]) => sym);
}

/** `bundled:prices/NVDA.csv` → `bundled`; `user:/path` → `user`; `cache:yahoo` stays. */
export function sourceKind(source: string): string {
  return source.startsWith('cache:') ? source : (source.split(':')[0] ?? source);
}

/** The pair's series the FX lookup would use on the as-of day (src/core/fx.ts rule 3: fxRate's choice). */
function bestFx(list: readonly FxSeries[], asOf: number): Omit<DataStatusPair, 'pair'> | undefined {
  let best: Omit<DataStatusPair, 'pair'> | undefined;
  let bestRank = Number.NEGATIVE_INFINITY;
  for (const s of list) {
    const obs = observeFx(s, asOf);
    if (!obs || obs.rank <= bestRank) continue;
    bestRank = obs.rank;
    best = {
      kind: s.kind,
      first: fromDay(s.days[0] as number),
      last: fromDay(obs.day),
      source: sourceKind(s.source),
      stale: fxStaleness(s.kind, obs.day, asOf),
      age: weekdaysBetween(obs.day, asOf),
      days: asOf - obs.day,
    };
  }
  return best;
}

/** 0 when every requested series is fetched or already up to date, 1 when some failed, 2 when all did. */
export function updateExitCode(outcomes: readonly UpdateOutcome[]): number {
  const failed = outcomes.filter((x) => x.status === 'failed').length;
  if (failed === 0) return 0;
  return failed === outcomes.length ? 2 : 1;
}
