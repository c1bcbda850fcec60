/**
 * The shell's access to the journal: which file (`--db` or the per-user default), a read-write open for the commands
 * that write, and the one question `check` asks of it. `check` opens read-only and never creates the file: no file
 * means "no journal", not an empty one.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type { Journal, OpenJournalOptions } from '../adapters/store/database.ts';
import { defaultJournalPath } from '../adapters/store/paths.ts';
import { fromDay, toDay } from '../core/dates.ts';

/** `--db FILE` when given, else the user's data directory (XDG, macOS, Windows). */
export function journalPath(db: string | undefined): string {
  return db ?? defaultJournalPath({ env: process.env, platform: process.platform, home: homedir() });
}

/**
 * Day number of the portfolio's last rebalance on or before `asOf`: undefined when there is no journal file, null when the
 * journal has no rebalance, else the day (what CheckInput.lastRebalance expects). With `beforeMonth` (`YYYY-MM`), only
 * months before it count (journal record: the verdict as it stood before this month's record).
 */
export async function lastRebalanceDay(
  db: string | undefined,
  portfolio: string,
  asOf: number,
  o: { beforeMonth?: string } = {},
): Promise<number | null | undefined> {
  const file = journalPath(db);
  if (!existsSync(file)) return undefined;
  // Loaded on use: `check` with no journal file (the usual first run) never pays for SQLite and the query builder.
  const [{ openJournal }, { lastRebalance }] = await Promise.all([
    import('../adapters/store/database.ts'),
    import('../adapters/store/months.ts'),
  ]);
  const journal = await openJournal(file, { readOnly: true });
  try {
    const last = await lastRebalance(journal, portfolio, fromDay(asOf), o);
    return last === null ? null : toDay(last);
  } finally {
    await journal.close();
  }
}

/**
 * Runs `fn` with the journal open read-write (created and migrated when needed), closing it afterwards. Only the
 * per-user default location has its folder created; a `--db` path in a folder that does not exist is an InputError.
 */
export async function withJournal<T>(
  db: string | undefined,
  now: Date,
  fn: (j: Journal) => Promise<T>,
  options: Omit<Extract<OpenJournalOptions, { now: Date }>, 'now' | 'createFolder'> = {},
): Promise<T> {
  const { openJournal } = await import('../adapters/store/database.ts');
  const journal = await openJournal(journalPath(db), { ...options, now, createFolder: db === undefined });
  try {
    return await fn(journal);
  } finally {
    await journal.close();
  }
}
