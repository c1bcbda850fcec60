/**
 * The journal database: migrations, what an open refuses (not a database, a newer version, a missing file or folder)
 * and the one folder it creates. Each test works in its own temp database.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tempJournalPath } from '../../../test/support/journal.ts';
import { InputError } from '../../core/errors.ts';
import { openJournal } from './database.ts';
import { MIGRATIONS } from './schema.ts';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('migrations', () => {
  it('creates the schema once and records the migration with the caller’s clock', async () => {
    const file = tempJournalPath();
    const j = await openJournal(file, { now: NOW });
    // Every migration this version knows, each stamped with this open's clock (other features add their own).
    const once = MIGRATIONS.map((m) => ({ id: m.id, appliedAt: '2026-11-25T12:00:00.000Z' }));
    expect(once[0]?.id).toBe('2026-11-25T0001-journal');
    expect(await j.appliedMigrations()).toEqual(once);
    await j.close();
    // Reopening later applies nothing: the stamps stay the first ones, one row per migration.
    const again = await openJournal(file, { now: new Date('2027-01-01T00:00:00Z') });
    expect(await again.appliedMigrations()).toEqual(once);
    const tables = again.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'check_results',
        'holdings',
        'months',
        'orders',
        'schema_migrations',
        'signal_readings',
      ]),
    );
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // synchronous: 2 = FULL
    expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    await again.close();
  });

  it('refuses a journal with a migration this version does not know (written by a newer version)', async () => {
    const file = tempJournalPath();
    const newer = [
      ...MIGRATIONS,
      {
        id: '2099-01-01T0001-future',
        up: async (db: Kysely<unknown>) => {
          await sql`CREATE TABLE future (x INTEGER)`.execute(db);
        },
      },
    ];
    await (await openJournal(file, { now: NOW, migrations: newer })).close();
    const err = await openJournal(file, { now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problem.file).toBe(file);
    expect((err as InputError).problem.message).toContain('2099-01-01T0001-future');
    // Read-only (what check uses) refuses the same way.
    const ro = await openJournal(file, { readOnly: true }).catch((e: unknown) => e);
    expect((ro as InputError).problem.message).toContain('2099-01-01T0001-future');
  });

  it('applies a later migration to an older journal read-write, but not read-only', async () => {
    const file = tempJournalPath();
    await (await openJournal(file, { now: NOW })).close();
    const next = [
      ...MIGRATIONS,
      {
        id: '2027-02-01T0001-next',
        up: async (db: Kysely<unknown>) => {
          await sql`ALTER TABLE months ADD COLUMN remark TEXT`.execute(db);
        },
      },
    ];
    const ro = await openJournal(file, { readOnly: true, migrations: next }).catch((e: unknown) => e);
    expect((ro as InputError).problem.message).toContain('pending migration 2027-02-01T0001-next');
    const later = new Date('2027-02-02T00:00:00Z');
    const j = await openJournal(file, { now: later, migrations: next });
    expect((await j.appliedMigrations()).map((m) => [m.id, m.appliedAt])).toEqual([
      ...MIGRATIONS.map((m) => [m.id, '2026-11-25T12:00:00.000Z']),
      ['2027-02-01T0001-next', '2027-02-02T00:00:00.000Z'],
    ]);
    expect(j.sqlite.prepare('SELECT remark FROM months').all()).toEqual([]);
    await j.close();
  });

  it('says so when the file is not a SQLite database, or another program’s database', async () => {
    const text = tempJournalPath();
    writeFileSync(text, 'account,symbol\nmain,AAPL\n'.repeat(20));
    const e1 = await openJournal(text, { now: NOW }).catch((e: unknown) => e);
    expect((e1 as InputError).problem).toMatchObject({
      file: text,
      message: 'this file is not a SQLite database',
    });
    const other = tempJournalPath();
    const db = new Database(other);
    db.exec('CREATE TABLE notes (x TEXT)');
    db.close();
    const e2 = await openJournal(other, { now: NOW }).catch((e: unknown) => e);
    expect((e2 as InputError).problem.message).toContain('not a dispersion journal');
  });

  it('read-only open of a missing file is an error and creates nothing', async () => {
    const file = tempJournalPath();
    const err = await openJournal(file, { readOnly: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(existsSync(file)).toBe(false);
  });
});

describe('the journal folder', () => {
  it('a read-write open in a folder that does not exist is refused, naming the path, and creates nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dispersion-nofolder-'));
    const file = join(root, 'typo', 'deeper', 'journal.sqlite');
    const err = await openJournal(file, { now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problem).toMatchObject({
      file,
      message: `the folder ${join(root, 'typo', 'deeper')} does not exist`,
    });
    expect(existsSync(join(root, 'typo'))).toBe(false);
  });

  it('creates the folder when asked (the per-user default location)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dispersion-newfolder-'));
    const file = join(root, 'dispersion', 'journal.sqlite');
    const j = await openJournal(file, { now: NOW, createFolder: true });
    await j.close();
    expect(existsSync(file)).toBe(true);
  });
});
