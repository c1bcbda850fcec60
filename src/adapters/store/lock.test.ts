/**
 * Issue 11 item 5: one writer at a time. Writes take the lock first (BEGIN IMMEDIATE) and wait for it within a bound;
 * past it the error says another dispersion is writing. Concurrent processes on one database all get their months in.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sampleMonth, tempJournalPath } from '../../../test/support/journal.ts';
import { InputError } from '../../core/errors.ts';
import { openJournal } from './database.ts';
import { journalWaitMs, retryWhileBusy } from './lock.ts';
import { listMonths, recordMonth } from './months.ts';

const NOW = new Date('2026-12-02T12:00:00Z');
const RACER = new URL('../../../test/support/journal-racer.ts', import.meta.url).pathname;

function race(file: string, name: string, startAt: number, months: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', RACER, file, name, String(startAt), String(months)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('journal writes', () => {
  it('wait for another writer within the bound, then say so (and write nothing)', async () => {
    const file = tempJournalPath();
    await (await openJournal(file, { now: NOW })).close();
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE'); // another process holding the write lock
    const j = await openJournal(file, { now: NOW, waitMs: 50 });
    const err = await recordMonth(j, sampleMonth('2026-05-29')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problem).toMatchObject({
      file,
      message: 'another dispersion is writing the journal',
    });
    other.exec('ROLLBACK');
    expect(await listMonths(j)).toEqual([]);
    // Once the other writer is done, the same call goes through.
    await recordMonth(j, sampleMonth('2026-05-29'));
    expect((await listMonths(j)).map((m) => m.month)).toEqual(['2026-05']);
    await j.close();
    other.close();
  });

  it('a step SQLite answers SQLITE_BUSY at once is tried again within the bound, and only that error', () => {
    const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    let calls = 0;
    const switchToWal = () => {
      calls++;
      if (calls <= 3) throw busy();
      return 'wal';
    };
    expect(retryWhileBusy(switchToWal, 1_000)).toBe('wal');
    expect(calls).toBe(4);
    // No time left: the first SQLITE_BUSY is the answer.
    expect(() =>
      retryWhileBusy(() => {
        throw busy();
      }, 0),
    ).toThrow('database is locked');
    // Anything else is not retried.
    let other = 0;
    expect(() =>
      retryWhileBusy(() => {
        other++;
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      }, 1_000),
    ).toThrow('disk I/O error');
    expect(other).toBe(1);
  });

  it('the bound comes from DISPERSION_JOURNAL_WAIT_MS, else 10 s', () => {
    expect(journalWaitMs({})).toBe(10_000);
    expect(journalWaitMs({ DISPERSION_JOURNAL_WAIT_MS: '250' })).toBe(250);
    expect(journalWaitMs({ DISPERSION_JOURNAL_WAIT_MS: 'soon' })).toBe(10_000);
  });

  it.each([
    ['a new journal', false],
    ['an existing journal', true],
  ])(
    'four processes recording at once into %s all get every month in',
    async (_, existing) => {
      const file = tempJournalPath();
      if (existing) await (await openJournal(file, { now: NOW })).close();
      // Each child needs ~1–2 s to start (tsx); they all begin writing at the same instant, on a file none created yet.
      const startAt = Date.now() + 4_000;
      const runs = await Promise.all(['a', 'b', 'c', 'd'].map((n) => race(file, n, startAt, 15)));
      for (const r of runs) {
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe('OK 15\n');
        expect(r.code).toBe(0);
      }
      const j = await openJournal(file, { readOnly: true });
      const months = await listMonths(j);
      expect(months).toHaveLength(60);
      expect(new Set(months.map((m) => m.portfolio))).toEqual(new Set(['a', 'b', 'c', 'd']));
      await j.close();
    },
    60_000,
  );
});
