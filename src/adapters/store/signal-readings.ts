/**
 * The journal's `signal_readings` table (created by migration 0001): readings the user records with
 * `dispersion signals add`. One row per (id, date, source); recording the same three again replaces the value, since
 * that is a correction of the same figure, not a second one.
 */
import type { Journal } from './database.ts';

export interface StoredSignalReading {
  id: string;
  date: string;
  value: number;
  source: string;
  recordedAt: string;
}

/** Writes a reading; returns the value it replaced, or null when it is new. */
export async function recordSignalReading(journal: Journal, r: StoredSignalReading): Promise<number | null> {
  return journal.write(async (trx) => {
    const old = await trx
      .selectFrom('signal_readings')
      .select('value')
      .where('id', '=', r.id)
      .where('date', '=', r.date)
      .where('source', '=', r.source)
      .executeTakeFirst();
    await trx
      .insertInto('signal_readings')
      .values({ id: r.id, date: r.date, value: r.value, source: r.source, recorded_at: r.recordedAt })
      .onConflict((oc) =>
        oc.columns(['id', 'date', 'source']).doUpdateSet({ value: r.value, recorded_at: r.recordedAt }),
      )
      .execute();
    return old ? old.value : null;
  });
}

/** Every recorded reading, by id, then date, then when it was recorded. */
export async function listSignalReadings(journal: Journal): Promise<StoredSignalReading[]> {
  const rows = await journal.db
    .selectFrom('signal_readings')
    .selectAll()
    .orderBy('id')
    .orderBy('date')
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    value: r.value,
    source: r.source,
    recordedAt: r.recorded_at,
  }));
}

/**
 * Deletes the recorded readings of `id` on `date` (only the one from `source` when given); returns what was deleted,
 * so the caller can tell "removed" from "there was nothing to remove".
 */
export async function removeSignalReadings(
  journal: Journal,
  key: { id: string; date: string; source?: string },
): Promise<StoredSignalReading[]> {
  return journal.write(async (trx) => {
    let sel = trx
      .selectFrom('signal_readings')
      .selectAll()
      .where('id', '=', key.id)
      .where('date', '=', key.date);
    let del = trx.deleteFrom('signal_readings').where('id', '=', key.id).where('date', '=', key.date);
    if (key.source !== undefined) {
      sel = sel.where('source', '=', key.source);
      del = del.where('source', '=', key.source);
    }
    const rows = await sel.orderBy('source').execute();
    await del.execute();
    return rows.map((r) => ({
      id: r.id,
      date: r.date,
      value: r.value,
      source: r.source,
      recordedAt: r.recorded_at,
    }));
  });
}
