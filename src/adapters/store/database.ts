/**
 * The journal database: one SQLite file (better-sqlite3 under Kysely) holding the routine's months (months.ts), the
 * user's signal readings (signal-readings.ts) and the market-data cache (price-cache.ts). Opened read-write by
 * `journal record|list|show`, `signals add|remove` and `data update` (created and migrated on first use) and read-only
 * by `check` and every pricing command, which must never create it. WAL with synchronous=FULL: a write that has
 * returned is on disk, and a process killed mid-write leaves what was there before intact (one transaction each).
 */

import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { InputError } from '../../core/errors.ts';
import { withJosa } from '../../i18n/josa.ts';
import { corruptJournal, immediate, journalWaitMs, retryWhileBusy, writeError } from './lock.ts';
import { migrate } from './migrate.ts';
import type { JournalDatabase, Migration } from './schema.ts';
import { MIGRATIONS, READ_AROUND } from './schema.ts';

/**
 * Read-write opens may run migrations and so need the caller's clock for `applied_at`; read-only opens never write.
 * `createFolder`: a read-write open of a file whose folder does not exist creates that folder only when asked (the
 * per-user default location); otherwise it is an InputError naming the path, since a `--db` path in a folder that is
 * not there is far more often a typo than a wish. `migrations` is what this version knows (tests pass another list to
 * play a newer or older version).
 */
export type OpenJournalOptions =
  | { readOnly: true; migrations?: readonly Migration[]; waitMs?: number }
  | {
      readOnly?: false;
      now: Date;
      createFolder?: boolean;
      migrations?: readonly Migration[];
      waitMs?: number;
    };

export class Journal {
  readonly file: string;
  /** Migrations this read-only open left pending (READ_AROUND); empty for read-write opens. */
  pending: readonly string[] = [];
  readonly db: Kysely<JournalDatabase>;
  /** The underlying connection, for SQLite-level access (integrity_check, temp triggers, pre-0003 reads). */
  readonly sqlite: Database.Database;

  constructor(file: string, sqlite: Database.Database) {
    this.file = file;
    this.sqlite = sqlite;
    this.db = new Kysely<JournalDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  }

  /**
   * One write transaction (BEGIN IMMEDIATE, lock.ts): the write lock is taken first, waited for up to the open's
   * bound, and another writer past it is an InputError ("another dispersion is writing the journal").
   */
  write<T>(fn: (trx: Kysely<JournalDatabase>) => Promise<T>): Promise<T> {
    return immediate(this.db, this.file, fn);
  }

  async appliedMigrations(): Promise<{ id: string; appliedAt: string }[]> {
    const rows = await this.db.selectFrom('schema_migrations').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, appliedAt: r.applied_at }));
  }

  /** Closes the connection (and, in WAL mode, checkpoints the log into the main file). */
  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * Opens (and in read-write mode creates and migrates) the journal at `file`. Errors a user can act on (not a
 * database, written by a newer version, missing for a read-only open, a folder that does not exist) are InputErrors
 * naming the file.
 */
export async function openJournal(file: string, o: OpenJournalOptions): Promise<Journal> {
  const readOnly = o.readOnly ?? false;
  if (!o.readOnly) ensureFolder(file, o.createFolder ?? false);
  let sqlite: Database.Database;
  try {
    sqlite = readOnly ? openReadOnly(file) : new Database(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({
      file,
      message: `cannot open the journal: ${(e as Error).message}`,
      expected: readOnly ? 'an existing journal file' : 'a path where the journal can be created',
      ko: {
        message: `저널을 열 수 없습니다: ${(e as Error).message}`,
        expected: readOnly ? '이미 있는 저널 파일' : '저널을 만들 수 있는 경로',
      },
    });
  }
  const journal = new Journal(file, sqlite);
  try {
    // First: every lock below (WAL switch, migrations, writes) waits at most this long for another process.
    const waitMs = Math.max(0, Math.round(o.waitMs ?? journalWaitMs()));
    sqlite.pragma(`busy_timeout = ${waitMs}`);
    // A damaged file is refused before anything is written to it (or read from it as if it were sound).
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corruptJournal(file);
    if (!readOnly && sqlite.pragma('journal_mode', { simple: true }) !== 'wal') {
      // WAL: readers (check, the dashboard) never block the writer; FULL: a returned commit survives power loss.
      // The switch is retried: SQLite does not wait on its own when another process switches the same new file.
      retryWhileBusy(() => sqlite.pragma('journal_mode = WAL'), waitMs);
    }
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    const result = await migrate(journal.db, o.migrations ?? MIGRATIONS, {
      file,
      readOnly,
      now: o.readOnly ? undefined : o.now,
      readAround: READ_AROUND,
    });
    journal.pending = result.pending;
    return journal;
  } catch (e) {
    await journal.close();
    if (e instanceof InputError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new InputError({
        file,
        message: 'this file is not a SQLite database',
        expected: 'a journal written by dispersion',
        ko: { message: '이 파일은 SQLite 데이터베이스가 아닙니다', expected: 'dispersion이 쓴 저널' },
      });
    }
    throw writeError(e, file);
  }
}

/** The journal's folder exists afterwards, or the open is refused: created only when the caller asked for it. */
function ensureFolder(file: string, create: boolean): void {
  const folder = dirname(file);
  if (existsSync(folder)) return;
  if (!create) {
    throw new InputError({
      file,
      message: `the folder ${folder} does not exist`,
      expected: 'a journal path in an existing folder (dispersion does not create folders for --db)',
      hint: `create the folder first (mkdir -p "${folder}"), or leave out --db to use the default journal`,
      ko: {
        message: `폴더 ${withJosa(folder, '이/가')} 없습니다`,
        expected: '이미 있는 폴더 안의 저널 경로 (dispersion은 --db를 위해 폴더를 만들지 않습니다)',
        hint: `폴더를 먼저 만들거나 (mkdir -p "${folder}") --db를 빼고 기본 저널을 쓰세요`,
      },
    });
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw new InputError({
      file,
      message: `cannot create the journal's folder ${folder}: ${(e as Error).message}`,
      expected: 'a path where the journal can be created',
      ko: {
        message: `저널 폴더 ${withJosa(folder, '을/를')} 만들 수 없습니다: ${(e as Error).message}`,
        expected: '저널을 만들 수 있는 경로',
      },
    });
  }
}

/**
 * A read-only connection. A WAL journal is read through its `-shm` index, which SQLite must be able to create: in a
 * folder the user may not write to (a journal shared read-only, or a read-only copy) that fails, although reading is
 * all `check` wants. Then, when no write-ahead log is left beside the file (a journal closed cleanly has none), the
 * file's bytes are read into memory and opened there as an ordinary (rollback-journal) database: the same content,
 * and nothing on disk is touched.
 */
function openReadOnly(file: string): Database.Database {
  const direct = new Database(file, { readonly: true, fileMustExist: true });
  try {
    direct.pragma('schema_version', { simple: true });
    return direct;
  } catch (e) {
    direct.close();
    const code = String((e as { code?: string }).code ?? '');
    if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_CANTOPEN')) throw e;
    const wal = `${file}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) {
      throw new InputError({
        file,
        message:
          'cannot read the journal: its write-ahead log (-wal) is in a folder this user may not write to',
        hint: 'let the last writer close it (or open it once where it can be written), then read it again',
        ko: {
          message: '저널을 읽을 수 없습니다: 미리 쓰기 로그(-wal)가 이 사용자가 쓸 수 없는 폴더에 있습니다',
          hint: '마지막으로 쓴 프로세스가 닫게 하거나 (쓸 수 있는 곳에서 한 번 열고) 다시 읽으세요',
        },
      });
    }
    const bytes = readFileSync(file);
    // Bytes 18–19 of the header: file format write/read version, 2 = WAL. The in-memory copy has no log to go with.
    if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20);
    return new Database(bytes, { readonly: true });
  }
}
