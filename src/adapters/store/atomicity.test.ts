/**
 * A month is written in one transaction: a process killed in the middle of recording leaves the months recorded
 * before intact and no part of the month it was writing. The writer (test/support/journal-writer.ts) records three
 * months, then starts re-recording February and signals from inside that transaction; we SIGKILL it there.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempJournalPath } from '../../../test/support/journal.ts';
import { openJournal } from './database.ts';
import { getMonth, lastRebalance } from './months.ts';

const WRITER = new URL('../../../test/support/journal-writer.ts', import.meta.url).pathname;

/** Runs the writer until it prints MID, kills it with SIGKILL, and returns what it printed and how it ended. */
function killMidWrite(file: string): Promise<{ stdout: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      if (stdout.includes('MID ')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`writer ended with code ${code} before MID:\n${stdout}\n${stderr}`));
      else resolve({ stdout, signal });
    });
  });
}

describe('journal: killed mid-write', () => {
  it('keeps earlier months intact and leaves no half-written month', async () => {
    const file = tempJournalPath();
    const { stdout, signal } = await killMidWrite(file);
    expect(signal).toBe('SIGKILL');
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      'COMMITTED 2026-01-30',
      'COMMITTED 2026-02-27',
      'COMMITTED 2026-03-31',
      'BEGIN 2026-02 again',
      'MID 2026-02',
    ]);

    // Raw SQLite first: recovery of the WAL, then the file's own consistency.
    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    // Every month has all its rows: 2,000 holdings and 2 checks (sampleMonth), none of the killed re-record's 3,000.
    const perMonth = raw
      .prepare(
        `SELECT m.month, m.as_of AS asOf,
                (SELECT count(*) FROM holdings h WHERE h.month = m.month) AS holdings,
                (SELECT count(*) FROM check_results c WHERE c.month = m.month) AS checks
         FROM months m ORDER BY m.month`,
      )
      .all();
    expect(perMonth).toEqual([
      { month: '2026-01', asOf: '2026-01-30', holdings: 2000, checks: 2 },
      { month: '2026-02', asOf: '2026-02-27', holdings: 2000, checks: 2 },
      { month: '2026-03', asOf: '2026-03-31', holdings: 2000, checks: 2 },
    ]);
    // No orphan rows of any month outside `months`.
    expect(raw.prepare('SELECT count(*) AS n FROM holdings').get()).toEqual({ n: 6000 });
    raw.close();

    // Through the store: February is still the recorded, executed one, holding by holding.
    const j = await openJournal(file, { now: new Date('2026-11-25T13:00:00Z') });
    const feb = await getMonth(j, 'main', '2026-02');
    expect(feb?.executed).toBe(true);
    expect(feb?.total).toBe(20_010_000); // 10 · 2000 · 2001 / 2
    expect(feb?.holdings[1_999]).toMatchObject({ symbol: 'S1999', quantity: 2000, value: 20_000 });
    expect(await lastRebalance(j, 'main', '2026-02-28')).toBe('2026-02-27');
    await j.close();
  }, 60_000);
});
