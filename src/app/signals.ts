/**
 * Loading for the signals command: the essay's readings (bundled), the user's recorded readings (journal), and the
 * market data the signals need. Reading the journal never creates it: no file means no recorded readings.
 */
import { existsSync } from 'node:fs';
import { loadReadings } from '../adapters/config/readings-file.ts';
import { openJournal } from '../adapters/store/journal.ts';
import type { StoredSignalReading } from '../adapters/store/signal-readings.ts';
import { listSignalReadings, recordSignalReading } from '../adapters/store/signal-readings.ts';
import type { MarketData } from '../core/market.ts';
import type { Model } from '../core/model.ts';
import { MAG7_SYMBOLS, REGION_BASKETS, SP500_SYMBOL } from '../core/signals/baskets.ts';
import type { Reading } from '../core/signals/readings.ts';
import { journalPath, withJournal } from './journal.ts';
import { marketFor } from './workspace.ts';

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
