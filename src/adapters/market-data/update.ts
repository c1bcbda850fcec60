/**
 * `data update`'s work: bring the cache up to date for some symbols and FX pairs through the provider runner.
 * Per item: nothing cached → the whole history from START; cached → from a week before its last date (providers
 * revise the last few closes), merged in. When that incremental answer reports a split, the provider has re-based the
 * whole history, so it is fetched again in full and replaces the old rows (else the cache would splice two bases).
 * Each item is independent: one that fails is reported and the rest go on; nothing cached is lost.
 */
import type { CurrencyCode } from '../../core/currency.ts';
import type { IsoDate } from '../../core/dates.ts';
import { fromDay, toDay, weekdaysBetween } from '../../core/dates.ts';
import type { CachedPair, CachedSymbol, PriceCache } from '../store/price-cache.ts';
import type { ProviderRunner } from './providers/runner.ts';

/** Far enough back for every backtest the bundled data allows (its series start in the 1980s–2000s). */
export const HISTORY_START: IsoDate = '1985-01-01';
/** How far before the cached last date an incremental fetch starts. */
const OVERLAP_DAYS = 7;

export type UpdateItem =
  | { kind: 'price'; symbol: string }
  | { kind: 'fx'; base: CurrencyCode; quote: CurrencyCode };

export interface UpdateOutcome {
  item: string;
  status: 'fetched' | 'up-to-date' | 'failed';
  provider?: string;
  rows?: number;
  /** First and last date of what was fetched. */
  from?: IsoDate;
  to?: IsoDate;
  /** A full refetch after a split. */
  refetched?: boolean;
  message?: string;
}

export interface UpdateOptions {
  cache: PriceCache;
  runner: ProviderRunner;
  items: readonly UpdateItem[];
  /** Today's date (the caller's clock) and the instant stamped on fetched rows. */
  today: IsoDate;
  now: () => Date;
  /** The currency to assume when a provider's answer names none (the universe's, major unit). */
  currencyOf?: (symbol: string) => CurrencyCode | undefined;
  onProgress?: (done: number, total: number, label: string) => void;
}

export function itemLabel(item: UpdateItem): string {
  return item.kind === 'price' ? item.symbol : `${item.base}${item.quote}`;
}

export async function updateCache(o: UpdateOptions): Promise<UpdateOutcome[]> {
  const cachedSymbols = new Map((await o.cache.symbols()).map((s) => [s.symbol, s]));
  const cachedPairs = new Map((await o.cache.pairs()).map((p) => [`${p.base}${p.quote}`, p]));
  const out: UpdateOutcome[] = [];
  for (let i = 0; i < o.items.length; i++) {
    const item = o.items[i] as UpdateItem;
    const label = itemLabel(item);
    o.onProgress?.(i, o.items.length, label);
    try {
      out.push(
        item.kind === 'price'
          ? await updatePrice(o, item.symbol, cachedSymbols.get(item.symbol))
          : await updateFx(o, item.base, item.quote, cachedPairs.get(label)),
      );
    } catch (e) {
      // NoProviderAnswered, or the cache refusing a row: reported, and the other items still run.
      out.push({ item: label, status: 'failed', message: (e as Error).message });
    }
  }
  o.onProgress?.(o.items.length, o.items.length, '');
  return out;
}

/** Up to date = its last close is from today or the last weekday before it (nothing newer can exist yet). */
function upToDate(last: IsoDate | undefined, today: IsoDate): boolean {
  return last !== undefined && weekdaysBetween(toDay(last), toDay(today)) === 0;
}

function startFor(last: IsoDate | undefined): IsoDate {
  return last === undefined ? HISTORY_START : fromDay(toDay(last) - OVERLAP_DAYS);
}

async function updatePrice(
  o: UpdateOptions,
  symbol: string,
  cached: CachedSymbol | undefined,
): Promise<UpdateOutcome> {
  if (upToDate(cached?.last, o.today)) return { item: symbol, status: 'up-to-date' };
  const from = startFor(cached?.last);
  let r = await o.runner.history(symbol, from, o.today);
  let refetched = false;
  if (cached && (r.value.splits?.length ?? 0) > 0) {
    r = await o.runner.history(symbol, HISTORY_START, o.today);
    refetched = true;
  }
  const h = r.value;
  if (h.closes.length === 0) {
    return {
      item: symbol,
      status: 'failed',
      provider: r.provider,
      message: `${r.provider} had no closes from ${from}`,
    };
  }
  // A full refetch replaces the cached rows: never with fewer of them (a provider answering with a truncated history
  // would otherwise shorten every backtest that reads the cache). The cache is kept and the item reported failed.
  if (refetched && cached && h.closes.length < cached.rows) {
    return {
      item: symbol,
      status: 'failed',
      provider: r.provider,
      message: `${r.provider} answered the full refetch (after a split) with ${h.closes.length} closes, fewer than the ${cached.rows} cached (${cached.first}..${cached.last}): the cached series is kept`,
    };
  }
  const currency = h.currency ?? o.currencyOf?.(symbol);
  if (!currency) {
    return {
      item: symbol,
      status: 'failed',
      provider: r.provider,
      message: `${r.provider} did not say the currency`,
    };
  }
  const rows = await o.cache.storePrices({ ...h, currency }, o.now(), { replace: refetched });
  return {
    item: symbol,
    status: 'fetched',
    provider: r.provider,
    rows,
    from: h.closes[0]?.date,
    to: h.closes[h.closes.length - 1]?.date,
    ...(refetched ? { refetched } : {}),
  };
}

async function updateFx(
  o: UpdateOptions,
  base: CurrencyCode,
  quote: CurrencyCode,
  cached: CachedPair | undefined,
): Promise<UpdateOutcome> {
  const label = `${base}${quote}`;
  if (upToDate(cached?.last, o.today)) return { item: label, status: 'up-to-date' };
  const from = startFor(cached?.last);
  const r = await o.runner.fxHistory(base, quote, from, o.today);
  if (r.value.rates.length === 0) {
    return {
      item: label,
      status: 'failed',
      provider: r.provider,
      message: `${r.provider} had no rates from ${from}`,
    };
  }
  const rows = await o.cache.storeFx(r.value, o.now());
  return {
    item: label,
    status: 'fetched',
    provider: r.provider,
    rows,
    from: r.value.rates[0]?.date,
    to: r.value.rates[r.value.rates.length - 1]?.date,
  };
}
