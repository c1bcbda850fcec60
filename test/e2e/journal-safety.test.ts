/**
 * Issue 11 items 5 and 6 through the CLI: a journal another process is writing, a journal this user may not write
 * to, and a damaged journal. Each ends in exit 2 with one clear line, and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const SAMPLE = 'examples/sample-holdings.csv';
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/**
 * The CLI as a user who may not write `file`: as root (who may write any file) the child runs as `nobody`, so the
 * permissions below are what stops it, as they would stop the user.
 */
function cli(args: string[], o: { asOther?: boolean; env?: Record<string, string> } = {}) {
  const asRoot = process.getuid?.() === 0;
  return spawnSync(process.execPath, ['bin/dispersion.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', HOME: tmpdir(), ...o.env },
    ...(o.asOther && asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
}

function recordedJournal(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispersion-safety-'));
  const db = join(dir, 'journal.sqlite');
  const r = cli([
    'journal',
    'record',
    SAMPLE,
    '--base',
    'KRW',
    '--as-of',
    '2026-05-19',
    '--db',
    db,
    '--executed',
    '--note',
    'test',
  ]);
  expect(r.status).toBe(0);
  return db;
}

describe('a journal another dispersion is writing', () => {
  it('journal record waits for it within the bound, then exits 2 saying so', () => {
    const db = recordedJournal();
    const other = new Database(db);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = cli(['journal', 'record', SAMPLE, '--base', 'KRW', '--as-of', '2026-06-01', '--db', db], {
        env: { DISPERSION_JOURNAL_WAIT_MS: '200' },
      });
      expect(r.stderr).toBe(
        `dispersion: ${db}: another dispersion is writing the journal\n  hint: wait for it to finish, then run the command again (nothing was written)\n`,
      );
      expect(r.status).toBe(2);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const months = new Database(db, { readonly: true }).prepare('SELECT month FROM months').all();
    expect(months).toEqual([{ month: '2026-05' }]);
  });
});

describe('a read-only journal', () => {
  it('check --db reads it (monthly-rebalancing passes from its record); journal record exits 2; the file is untouched', () => {
    const db = recordedJournal();
    const dir = join(db, '..');
    chmodSync(dir, 0o755); // readable by the other user, writable by the owner only
    chmodSync(db, 0o444);
    const before = sha(db);
    const check = cli(['check', SAMPLE, '--base', 'KRW', '--as-of', '2026-05-29', '--db', db, '--json'], {
      asOther: true,
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const monthly = JSON.parse(check.stdout).checks.find(
      (c: { id: string }) => c.id === 'monthly-rebalancing',
    );
    expect(monthly).toMatchObject({ pass: true, value: 10 }); // 2026-05-19 → 2026-05-29
    const rec = cli(['journal', 'record', SAMPLE, '--base', 'KRW', '--as-of', '2026-06-01', '--db', db], {
      asOther: true,
    });
    expect(rec.status).toBe(2);
    expect(rec.stderr).toMatch(
      new RegExp(`^dispersion: ${db}: the journal is read-only: nothing was written`),
    );
    expect(rec.stderr).not.toContain('internal error');
    expect(sha(db)).toBe(before);
  });
});

describe('a damaged journal', () => {
  it('is refused with exit 2 before anything is written, by journal record and by check', () => {
    const db = recordedJournal();
    // Overwrite three pages past the header with a pattern: the b-tree pages no longer parse.
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(3 * 4096, 0xde), 0, 3 * 4096, 3 * 4096);
    closeSync(fd);
    const before = sha(db);
    const message = `dispersion: ${db}: the journal is damaged (database disk image is malformed); nothing was written; expected an intact journal\n`;
    const rec = cli(['journal', 'record', SAMPLE, '--base', 'KRW', '--as-of', '2026-06-01', '--db', db]);
    expect(rec.status).toBe(2);
    expect(rec.stderr.startsWith(message)).toBe(true);
    expect(sha(db)).toBe(before);
    const check = cli(['check', SAMPLE, '--base', 'KRW', '--as-of', '2026-06-01', '--db', db]);
    expect(check.status).toBe(2);
    expect(check.stderr.startsWith(message)).toBe(true);
    expect(sha(db)).toBe(before);
  });
});
