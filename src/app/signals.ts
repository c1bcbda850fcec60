/**
 * The signals use cases (`dispersion signals [add|remove|list]`, /api/signals): computed signals from the price data,
 * the essay's readings and the user's, and a scorecard of the essay's claims; recording and removing readings. The
 * readings come from the bundled data and the journal; reading the journal never creates it: no file means no
 * recorded readings.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadReadings } from '../adapters/config/readings-file.ts';
import { openJournal } from '../adapters/store/database.ts';
import type { StoredSignalReading } from '../adapters/store/signal-readings.ts';
import {
  listSignalReadings,
  recordSignalReading,
  removeSignalReadings,
} from '../adapters/store/signal-readings.ts';
import { fromDay, parseIsoDay } from '../core/dates.ts';
import { InputError } from '../core/errors.ts';
import type { MarketData } from '../core/market.ts';
import type { Model } from '../core/model.ts';
import { onOrBefore } from '../core/series.ts';
import { MAG7_SYMBOLS, REGION_BASKETS, SP500_SYMBOL } from '../core/signals/baskets.ts';
import { computeSignals } from '../core/signals/compute.ts';
import type { Reading } from '../core/signals/readings.ts';
import { unitRange } from '../core/signals/readings.ts';
import { particle, withJosa } from '../i18n/josa.ts';
import type { SignalsDocument } from '../report/signals-document.ts';
import { readingDoc, toSignalsDocument } from '../report/signals-document.ts';
import { journalPath, withJournal } from './journal.ts';
import { parseAsOf, parseLang } from './options.ts';
import { parseRequest } from './request.ts';
import { marketFor, openWorkspace } from './workspace.ts';

/** A user reading takes its label and unit from the bundled series of the same id. */
export function toReading(row: StoredSignalReading, bundled: readonly Reading[]): Reading {
  const known = bundled.find((b) => b.id === row.id);
  return {
    id: row.id,
    label: known?.label,
    unit: known?.unit,
    date: row.date,
    value: row.value,
    source: { kind: 'user', title: row.source },
    recordedAt: row.recordedAt,
  };
}

/** The essay's readings followed by the user's, or only the essay's when there is no journal file. */
export async function loadAllReadings(db: string | undefined): Promise<Reading[]> {
  const bundled = loadReadings();
  const file = journalPath(db);
  if (!existsSync(file)) return bundled;
  const journal = await openJournal(file, { readOnly: true });
  try {
    const rows = await listSignalReadings(journal);
    return [...bundled, ...rows.map((r) => toReading(r, bundled))];
  } finally {
    await journal.close();
  }
}

export async function addReading(
  db: string | undefined,
  now: Date,
  row: StoredSignalReading,
): Promise<{ file: string; replaced: number | null }> {
  const replaced = await withJournal(db, now, (j) => recordSignalReading(j, row));
  return { file: journalPath(db), replaced };
}

/** Every symbol a signal reads: the model's backtest baskets, the Mag7, the S&P 500 ETF and the region baskets. */
export function signalSymbols(model: Model): string[] {
  const set = new Set<string>([...MAG7_SYMBOLS, SP500_SYMBOL]);
  for (const s of model.sleeves) for (const b of s.backtest ?? []) set.add(b.symbol);
  for (const r of REGION_BASKETS) for (const m of r.members) set.add(m.symbol);
  return [...set].sort();
}

/** The signals' series, priced like every other command (workspace.ts marketFor: --prices > cache > bundled). */
export function signalsMarket(model: Model, o: { prices?: string; db?: string }): Promise<MarketData> {
  return marketFor({ symbols: signalSymbols(model), prices: o.prices, db: o.db });
}

/** The signals report request: as of when, which model's baskets, where the prices and readings come from. */
export const SignalsRequest = z.object({
  asOf: z.string().optional(),
  model: z.string().optional(),
  prices: z.string().optional(),
  universe: z.string().optional(),
  db: z.string().optional(),
  lang: z.string().optional(),
  /** Add the daily series each signal is computed from (for charts). */
  series: z.boolean().optional(),
});
export type SignalsOptions = z.input<typeof SignalsRequest>;

/** `signals add ID VALUE`: the date the figure stands, where it comes from, and the journal. */
export const SignalsAddRequest = z.object({
  date: z.string().optional(),
  source: z.string().optional(),
  db: z.string().optional(),
});
export type SignalsAddOptions = z.input<typeof SignalsAddRequest>;

/** The whole signals report as a function of its options and the clock: what the dashboard calls too. */
export async function runSignalsCommand(request: SignalsOptions, now: Date): Promise<SignalsDocument> {
  const o = parseRequest(SignalsRequest, request, 'signals');
  const lang = parseLang(o.lang);
  const ws = openWorkspace(o);
  const market = await signalsMarket(ws.model, o);
  const requested = parseAsOf(o.asOf, now);
  let asOf = requested;
  let asOfSource: 'given' | 'latest-close' = 'given';
  const spy = market.prices.get(SP500_SYMBOL);
  const last = spy && onOrBefore(spy, requested);
  if (o.asOf === undefined) {
    // Today usually has no close yet, and the bundled data ends months ago: measure at the last S&P 500 close instead
    // of reporting every basket as stale (and say so: the document's `stale`).
    if (last) asOf = last.day;
    asOfSource = 'latest-close';
  }
  const readings = await loadAllReadings(o.db);
  const result = computeSignals({
    market,
    currencyOf: (s) => ws.universe.instruments.get(s)?.currency,
    model: ws.model,
    readings,
    asOf,
    withSeries: o.series ?? false,
  });
  return toSignalsDocument(result, {
    lang,
    series: o.series ?? false,
    asOfSource,
    requested: { day: requested, lastClose: last ? last.day : null },
  });
}

/** `signals remove ID`: the date, one source or all, and the journal. */
export const SignalsRemoveRequest = SignalsAddRequest;
export type SignalsRemoveOptions = z.input<typeof SignalsRemoveRequest>;

/** The bundled reading that defines `id` (its label and unit), if `id` is a numeric reading the essay has. */
function numericReading(id: string, bundled: readonly Reading[]): Reading {
  const numeric = bundled.filter((r) => r.unit !== 'text');
  const known = numeric.find((r) => r.id === id);
  if (!known) {
    throw new InputError({
      message: `unknown reading id "${id}"`,
      expected: `one of ${[...new Set(numeric.map((r) => r.id))].join(', ')}`,
      ko: {
        message: `알 수 없는 지표 ID입니다: "${id}"`,
        expected: `다음 중 하나: ${[...new Set(numeric.map((r) => r.id))].join(', ')}`,
      },
    });
  }
  return known;
}

/** Validates and records one reading; the id must be a numeric reading the essay has (so a verdict can use it). */
export async function runSignalsAdd(id: string, value: string, request: SignalsAddOptions, now: Date) {
  const o = parseRequest(SignalsAddRequest, request, 'signals add');
  const known = numericReading(id, loadReadings());
  const n = Number(value.replace(/,/g, ''));
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new InputError({
      message: `"${value}" is not a number`,
      expected: 'a number in the reading’s unit, such as 28.5 (percent) or 31 (P/E)',
      ko: {
        message: `"${value}"${particle(value, '은/는')} 숫자가 아닙니다`,
        expected: '지표 단위의 숫자, 예: 28.5(퍼센트) 또는 31(P/E)',
      },
    });
  }
  // The unit comes from the essay's series of the same id: a negative P/E or a 140% share is a typo, and a verdict
  // would take it at face value.
  const range = known.unit === undefined ? undefined : unitRange(known.unit);
  if (range && !range.accepts(n)) {
    throw new InputError({
      message: `${value} is out of range for ${id}, whose unit is ${range.name}`,
      expected: range.expected,
      ko: {
        message: `${withJosa(value, '은/는')} ${id}의 범위를 벗어납니다 (단위: ${range.ko.name})`,
        expected: range.ko.expected,
      },
    });
  }
  const day = o.date === undefined ? undefined : parseIsoDay(o.date);
  if (day === undefined) {
    throw new InputError({
      message: `--date ${o.date ?? ''} is not a date`,
      expected: 'YYYY-MM-DD',
      ko: { message: `--date ${withJosa(o.date ?? '', '은/는')} 날짜가 아닙니다`, expected: 'YYYY-MM-DD' },
    });
  }
  const today = parseAsOf(undefined, now);
  if (day > today) {
    throw new InputError({
      message: `--date ${o.date} is in the future`,
      expected: `a date on or before ${fromDay(today)}: a reading records a figure already known`,
      ko: {
        message: `--date ${withJosa(o.date, '은/는')} 미래입니다`,
        expected: `${fromDay(today)} 또는 그 이전의 날짜: 지표는 이미 알려진 수치를 기록합니다`,
      },
    });
  }
  const source = (o.source ?? 'user').trim();
  if (source === '') {
    throw new InputError({
      message: '--source is empty',
      expected: 'a short text',
      ko: { message: '--source 값이 비어 있습니다', expected: '짧은 글' },
    });
  }
  const row = { id, date: fromDay(day), value: n, source, recordedAt: now.toISOString() };
  const r = await addReading(o.db, now, row);
  return { ...row, ...r };
}

/**
 * Deletes recorded readings of `id` on `--date` (one `--source`, or all on that date). Only readings the user recorded
 * can go: the essay's are bundled data, and asking to remove one says so rather than "not found".
 */
export async function runSignalsRemove(id: string, request: SignalsRemoveOptions, now: Date) {
  const o = parseRequest(SignalsRemoveRequest, request, 'signals remove');
  const bundled = loadReadings();
  numericReading(id, bundled);
  const day = o.date === undefined ? undefined : parseIsoDay(o.date);
  if (day === undefined) {
    throw new InputError({
      message: `--date ${o.date ?? ''} is not a date`,
      expected: 'YYYY-MM-DD',
      ko: { message: `--date ${withJosa(o.date ?? '', '은/는')} 날짜가 아닙니다`, expected: 'YYYY-MM-DD' },
    });
  }
  const date = fromDay(day);
  const source = o.source?.trim();
  const file = journalPath(o.db);
  // withJournal would create a missing journal: there is nothing to remove from one that does not exist.
  const removed = existsSync(file)
    ? await withJournal(o.db, now, (j) => removeSignalReadings(j, { id, date, source }))
    : [];
  if (removed.length > 0) return { file, removed };
  const essay = bundled.find((r) => r.id === id && r.date === date);
  const isEssaySource =
    source === undefined || source === essay?.source.title || source === essay?.source.titleEn;
  if (essay && isEssaySource) {
    throw new InputError({
      message: `the ${id} reading of ${date} is the essay's, bundled with dispersion: it cannot be removed`,
      hint: 'record a newer figure with `dispersion signals add` instead; the latest reading is the one used',
      ko: {
        message: `${date}의 ${id} 지표는 dispersion에 함께 배포된 에세이의 값이라 지울 수 없습니다`,
        hint: '대신 `dispersion signals add`로 더 최근 수치를 기록하세요; 가장 최근 값이 쓰입니다',
      },
    });
  }
  throw new InputError({
    file,
    message: `no recorded ${id} reading on ${date}${source === undefined ? '' : ` from "${source}"`}`,
    hint: 'see the recorded readings with `dispersion signals list`',
    ko: {
      message: `${date}에 기록된 ${source === undefined ? '' : `출처 "${source}"의 `}${id} 지표가 없습니다`,
      hint: '기록된 지표는 `dispersion signals list`로 보세요',
    },
  });
}

export async function runSignalsList(request: { db?: string }) {
  const o = parseRequest(SignalsAddRequest.pick({ db: true }), request, 'signals list');
  return (await loadAllReadings(o.db)).map(readingDoc);
}

export type ReadingRow = ReturnType<typeof readingDoc>;
