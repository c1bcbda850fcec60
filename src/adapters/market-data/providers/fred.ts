/**
 * FRED (St. Louis Fed) public CSV download, no API key: `GET {base}/graph/fredgraph.csv?id=DEXKOUS&cosd=…&coed=…`
 * answers
 *   observation_date,DEXKOUS
 *   2026-11-02,1391.52
 *   2026-11-11,            ← a US holiday: empty (older exports wrote ".")
 * (files saved before 2024 name the first column `DATE`; both are read). FRED serves only FX here (H.10 noon buying
 * rates in New York, one per US business day) and the 3-month T-bill rate DTB3 (percent). Each H.10 series has its own
 * orientation (DEXUSEU is USD per EUR, DEXKOUS is KRW per USD); `fredFxSeries` decides, and this inverts when asked.
 */
import type { CurrencyCode } from '../../../core/currency.ts';
import type { IsoDate } from '../../../core/dates.ts';
import { isIsoDate } from '../../../core/dates.ts';
import { Endpoint, type HttpProviderOptions } from './http.ts';
import { FRED_FX_SERIES, fredFxSeries } from './resolver.ts';
import type { Coverage, DatedValue, FxHistory, LatestPrice, PriceHistory, Provider } from './types.ts';
import { ProviderError } from './types.ts';

export const FRED_BASE_URL = 'https://fred.stlouisfed.org';

export type FredOptions = HttpProviderOptions;

const COVERAGE: Coverage = {
  suffixes: [],
  fx: true,
  fxPairs: Object.values(FRED_FX_SERIES).flatMap((s) => [`${s.base}${s.quote}`, `${s.quote}${s.base}`]),
};

export class FredProvider implements Provider {
  readonly id = 'fred';
  readonly coverage = COVERAGE;
  private readonly endpoint: Endpoint;

  constructor(o: FredOptions = {}) {
    this.endpoint = new Endpoint(this.id, FRED_BASE_URL, o);
  }

  covers(_symbol: string): boolean {
    return false; // no equities
  }

  history(symbol: string): Promise<PriceHistory> {
    return Promise.reject(new ProviderError(this.id, 'not-covered', `FRED has no prices for ${symbol}`));
  }

  latest(symbol: string): Promise<LatestPrice> {
    return Promise.reject(new ProviderError(this.id, 'not-covered', `FRED has no prices for ${symbol}`));
  }

  async fxHistory(
    base: CurrencyCode,
    quote: CurrencyCode,
    from: IsoDate,
    to: IsoDate,
    signal?: AbortSignal,
  ): Promise<FxHistory> {
    const series = fredFxSeries(base, quote);
    if (!series) throw new ProviderError(this.id, 'not-covered', `no FRED series for ${base}${quote}`);
    const values = await this.series(series.id, from, to, signal);
    const bad = values.find((v) => !(v.value > 0));
    if (bad)
      throw new ProviderError(
        this.id,
        'malformed',
        `${series.id} ${bad.date}: rate ${bad.value} is not positive`,
      );
    const rates = series.invert ? values.map((v) => ({ date: v.date, value: 1 / v.value })) : values;
    return { base, quote, rates, source: `${this.id}:${series.id}` };
  }

  /** Any FRED series as dated numbers (DTB3: percent, may be 0). Holidays (empty or ".") are left out. */
  async series(id: string, from: IsoDate, to: IsoDate, signal?: AbortSignal): Promise<DatedValue[]> {
    const query = `id=${encodeURIComponent(id)}&cosd=${from}&coed=${to}`;
    const answer = await this.endpoint.get(`/graph/fredgraph.csv?${query}`, signal);
    if (answer.status === 404)
      throw new ProviderError(this.id, 'not-found', `series ${id} not found`, { status: 404 });
    const all = parseFredCsv(answer.text, id);
    return all.filter((v) => v.date >= from && v.date <= to);
  }
}

/** Parses a fredgraph.csv answer for series `id`; exported for the fixture tests. */
export function parseFredCsv(text: string, id: string): DatedValue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = (lines[0] ?? '').split(',').map((c) => c.trim());
  const dateOk = header[0]?.toLowerCase() === 'observation_date' || header[0]?.toUpperCase() === 'DATE';
  if (!dateOk || header[1]?.toUpperCase() !== id.toUpperCase()) {
    // FRED answers an unknown id or an outage with an HTML page, sometimes with status 200.
    throw new ProviderError(
      'fred',
      'malformed',
      `the answer for ${id} is not its CSV (header "${lines[0]?.slice(0, 60) ?? ''}")`,
    );
  }
  const out: DatedValue[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const [date = '', raw = ''] = line.split(',').map((c) => c.trim());
    if (!isIsoDate(date))
      throw new ProviderError('fred', 'malformed', `${id} line ${i + 1}: "${date}" is not a date`);
    if (raw === '' || raw === '.') continue; // no fixing that day (US holiday)
    const value = Number(raw);
    if (!Number.isFinite(value))
      throw new ProviderError('fred', 'malformed', `${id} ${date}: "${raw}" is not a number`);
    const last = out[out.length - 1];
    if (last && date <= last.date)
      throw new ProviderError('fred', 'malformed', `${id}: dates out of order at ${date}`);
    out.push({ date, value });
  }
  return out;
}
