/**
 * `dispersion signals`: is the Great Dispersion happening? Computed signals from the price data, the essay's readings
 * and the user's, and a scorecard of the essay's claims. `signals add` records a reading in the journal; `signals
 * list` lists the readings.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadReadings } from '../../adapters/config/readings-file.ts';
import { removeSignalReadings } from '../../adapters/store/signal-readings.ts';
import { journalPath, withJournal } from '../../app/journal.ts';
import { parseAsOf, parseLang } from '../../app/options.ts';
import { addReading, loadAllReadings, signalsMarket } from '../../app/signals.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { fromDay, parseIsoDay } from '../../core/dates.ts';
import { InputError } from '../../core/errors.ts';
import { onOrBefore } from '../../core/series.ts';
import { SP500_SYMBOL } from '../../core/signals/baskets.ts';
import { computeSignals } from '../../core/signals/compute.ts';
import type { Reading } from '../../core/signals/readings.ts';
import { unitRange } from '../../core/signals/readings.ts';
import type { SignalsDocument } from '../../report/signals-document.ts';
import { readingDoc, toSignalsDocument } from '../../report/signals-document.ts';
import { printDocument } from '../document.ts';
import { renderReadingsText, renderSignalsText } from '../render/signals-text.ts';

export interface SignalsOptions {
  asOf?: string;
  model?: string;
  prices?: string;
  universe?: string;
  db?: string;
  lang?: string;
  json?: boolean;
  /** Add the daily series each signal is computed from (for charts). */
  series?: boolean;
}

export interface SignalsAddOptions {
  date?: string;
  source?: string;
  db?: string;
}

export function registerSignals(program: Command): void {
  const signals = program
    .command('signals')
    .description(
      'is the Great Dispersion happening? signals from prices and readings, and a thesis scorecard',
    )
    .option('--as-of <date>', 'YYYY-MM-DD (default: the latest S&P 500 close on or before today)')
    .option('--model <id|file>', 'model whose sleeve baskets are measured', 'great-dispersion-2026')
    .option('--prices <dir>', 'folder of price files <SYMBOL>.csv and fx/<AAABBB>.csv')
    .option('--universe <file>', 'extra instruments (JSON, same shape as data/universe.json)')
    .option(
      '--db <file>',
      'journal database: recorded readings and the price cache (default: the per-user journal)',
    )
    .option('--lang <en|ko>', 'language of the report (default: from LANG)')
    .option('--json', 'print one JSON document instead of the report')
    .option('--series', 'with --json: add the daily series each signal is computed from (for charts)')
    .action(async (o: SignalsOptions) => {
      printDocument(o, await runSignalsCommand(o, new Date()), renderSignalsText);
    });

  signals
    .command('add')
    .description('record a new reading of a signal in the journal (e.g. the Mag7 average P/E this month)')
    .argument('<id>', 'reading id, e.g. mag7-avg-pe, mag7-sp500-share, ai-capex (see `signals list`)')
    .argument('<value>', 'the number in the reading’s unit (28.5 for 28.5%, 31 for 31x, 530 for $530B)')
    .requiredOption('--date <date>', 'the date the figure stands, YYYY-MM-DD')
    .option('--source <text>', 'where the figure comes from', 'user')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .action(async (id: string, value: string, _o: SignalsAddOptions, cmd: Command) => {
      // The parent `signals` also has --db: commander gives it to whichever command comes first, so read both.
      const r = await runSignalsAdd(id, value, cmd.optsWithGlobals<SignalsAddOptions>(), new Date());
      const was = r.replaced === null ? '' : ` (replaced ${r.replaced})`;
      process.stdout.write(
        `recorded ${r.id} = ${r.value} on ${r.date} (source: ${r.source}) in ${r.file}${was}\n`,
      );
    });

  signals
    .command('remove')
    .description('delete a reading recorded with `signals add` (the essay’s bundled readings stay)')
    .argument('<id>', 'reading id, e.g. mag7-avg-pe')
    .requiredOption('--date <date>', 'the date of the reading, YYYY-MM-DD')
    .option('--source <text>', 'only the reading from this source (default: every source on that date)')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .action(async (id: string, _o: SignalsRemoveOptions, cmd: Command) => {
      const r = await runSignalsRemove(id, cmd.optsWithGlobals<SignalsRemoveOptions>(), new Date());
      for (const x of r.removed)
        process.stdout.write(
          `removed ${x.id} = ${x.value} on ${x.date} (source: ${x.source}) from ${r.file}\n`,
        );
    });

  signals
    .command('list')
    .description('list the readings: the essay’s (bundled) and the ones recorded in the journal')
    .option('--db <file>', 'journal database (default: the per-user journal)')
    .option('--lang <en|ko>', 'language (default: from LANG)')
    .option('--json', 'print JSON')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ db?: string; lang?: string; json?: boolean }>();
      printDocument(o, await runSignalsList(o), renderReadingsText);
    });
}

/** The whole signals report as a function of its options and the clock: what the dashboard calls too. */
export async function runSignalsCommand(o: SignalsOptions, now: Date): Promise<SignalsDocument> {
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

export interface SignalsRemoveOptions {
  date?: string;
  source?: string;
  db?: string;
}

/** The bundled reading that defines `id` (its label and unit), if `id` is a numeric reading the essay has. */
function numericReading(id: string, bundled: readonly Reading[]): Reading {
  const numeric = bundled.filter((r) => r.unit !== 'text');
  const known = numeric.find((r) => r.id === id);
  if (!known) {
    throw new InputError({
      message: `unknown reading id "${id}"`,
      expected: `one of ${[...new Set(numeric.map((r) => r.id))].join(', ')}`,
    });
  }
  return known;
}

/** Validates and records one reading; the id must be a numeric reading the essay has (so a verdict can use it). */
export async function runSignalsAdd(id: string, value: string, o: SignalsAddOptions, now: Date) {
  const known = numericReading(id, loadReadings());
  const n = Number(value.replace(/,/g, ''));
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new InputError({
      message: `"${value}" is not a number`,
      expected: 'a number in the reading’s unit, such as 28.5 (percent) or 31 (P/E)',
    });
  }
  // The unit comes from the essay's series of the same id: a negative P/E or a 140% share is a typo, and a verdict
  // would take it at face value.
  const range = known.unit === undefined ? undefined : unitRange(known.unit);
  if (range && !range.accepts(n)) {
    throw new InputError({
      message: `${value} is out of range for ${id}, whose unit is ${range.name}`,
      expected: range.expected,
    });
  }
  const day = o.date === undefined ? undefined : parseIsoDay(o.date);
  if (day === undefined) {
    throw new InputError({ message: `--date ${o.date ?? ''} is not a date`, expected: 'YYYY-MM-DD' });
  }
  const today = parseAsOf(undefined, now);
  if (day > today) {
    throw new InputError({
      message: `--date ${o.date} is in the future`,
      expected: `a date on or before ${fromDay(today)}: a reading records a figure already known`,
    });
  }
  const source = (o.source ?? 'user').trim();
  if (source === '') throw new InputError({ message: '--source is empty', expected: 'a short text' });
  const row = { id, date: fromDay(day), value: n, source, recordedAt: now.toISOString() };
  const r = await addReading(o.db, now, row);
  return { ...row, ...r };
}

/**
 * Deletes recorded readings of `id` on `--date` (one `--source`, or all on that date). Only readings the user recorded
 * can go: the essay's are bundled data, and asking to remove one says so rather than "not found".
 */
export async function runSignalsRemove(id: string, o: SignalsRemoveOptions, now: Date) {
  const bundled = loadReadings();
  numericReading(id, bundled);
  const day = o.date === undefined ? undefined : parseIsoDay(o.date);
  if (day === undefined) {
    throw new InputError({ message: `--date ${o.date ?? ''} is not a date`, expected: 'YYYY-MM-DD' });
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
    });
  }
  throw new InputError({
    file,
    message: `no recorded ${id} reading on ${date}${source === undefined ? '' : ` from "${source}"`}`,
    hint: 'see the recorded readings with `dispersion signals list`',
  });
}

export async function runSignalsList(o: { db?: string }) {
  return (await loadAllReadings(o.db)).map(readingDoc);
}

export type ReadingRow = ReturnType<typeof readingDoc>;
