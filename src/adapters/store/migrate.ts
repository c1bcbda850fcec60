/**
 * Applies the known migrations to a journal and refuses one it does not understand. The applied ids live in
 * `schema_migrations`; at every open they are compared with this version's list: an id this version does not know
 * means a newer dispersion wrote the file, and we stop rather than read (or write) a schema we cannot vouch for.
 */

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { InputError } from '../../core/errors.ts';
import { withJosa } from '../../i18n/josa.ts';
import { immediate } from './lock.ts';
import type { JournalDatabase, Migration } from './schema.ts';

export interface MigrateOptions {
  /** The database file, for error messages. */
  file: string;
  /** A read-only open may not apply anything: pending migrations are an error that says how to upgrade. */
  readOnly: boolean;
  /** Stamp for `applied_at` (the caller's clock); absent for read-only opens, which apply nothing. */
  now: Date | undefined;
  /**
   * Pending migrations a read-only open may leave unapplied, because the reader knows how to read the older shape
   * (schema.ts READ_AROUND). Anything else pending is still refused with the way to upgrade.
   */
  readAround?: ReadonlySet<string>;
}

/** What a read-only open found: the migrations still pending (each one the reader reads around). */
export interface MigrateResult {
  applied: string[];
  pending: string[];
}

export async function migrate(
  db: Kysely<JournalDatabase>,
  known: readonly Migration[],
  o: MigrateOptions,
): Promise<MigrateResult> {
  const first = await pendingOf(db, known, o.file);
  if (first.length === 0) return { applied: [], pending: [] };
  const now = o.now;
  if (o.readOnly || !now) {
    if (first.every((m) => o.readAround?.has(m.id))) return { applied: [], pending: first.map((m) => m.id) };
    return notUpgraded(o.file, first);
  }
  // Under the write lock, looked at again: another process may have migrated (or created) the file meanwhile. All
  // pending migrations and their records land together or not at all.
  return immediate(db, o.file, async (conn) => {
    const pending = await pendingOf(conn, known, o.file);
    const names = await tableNames(conn);
    if (!names.has('schema_migrations')) {
      await sql`CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`.execute(
        conn,
      );
    }
    for (const m of pending) {
      await m.up(conn as unknown as Kysely<unknown>);
      await conn
        .insertInto('schema_migrations')
        .values({ id: m.id, applied_at: now.toISOString() })
        .execute();
    }
    return { applied: pending.map((m) => m.id), pending: [] };
  });
}

async function tableNames(db: Kysely<JournalDatabase>): Promise<Set<string>> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
  return new Set(tables.rows.map((r) => r.name));
}

/** The known migrations not yet applied (all of them for an empty file); refuses a file this version cannot read. */
async function pendingOf(
  db: Kysely<JournalDatabase>,
  known: readonly Migration[],
  file: string,
): Promise<Migration[]> {
  const names = await tableNames(db);
  if (!names.has('schema_migrations')) {
    if (names.size > 0) {
      throw new InputError({
        file,
        message: 'this SQLite file is not a dispersion journal (it has tables but no schema_migrations)',
        expected: 'a journal written by dispersion, or a path where a new one can be created',
        ko: {
          message:
            '이 SQLite 파일은 dispersion 저널이 아닙니다 (테이블은 있지만 schema_migrations가 없습니다)',
          expected: 'dispersion이 쓴 저널, 또는 새 저널을 만들 수 있는 경로',
        },
      });
    }
    return [...known];
  }
  const applied = (await db.selectFrom('schema_migrations').select('id').orderBy('id').execute()).map(
    (r) => r.id,
  );
  const knownIds = new Set(known.map((m) => m.id));
  const unknown = applied.filter((id) => !knownIds.has(id));
  if (unknown.length > 0) {
    throw new InputError({
      file,
      message: `the journal has migration ${unknown.join(', ')}, which this version of dispersion does not know`,
      expected: 'a journal written by this version or an older one',
      hint: 'it was written by a newer dispersion: upgrade dispersion (a downgrade would lose or misread data)',
      ko: {
        message: `저널에 이 버전의 dispersion이 모르는 마이그레이션 ${withJosa(unknown.join(', '), '이/가')} 있습니다`,
        expected: '이 버전이나 그 이전 버전이 쓴 저널',
        hint: '더 새로운 dispersion이 쓴 저널입니다: dispersion을 업그레이드하세요 (다운그레이드하면 데이터를 잃거나 잘못 읽습니다)',
      },
    });
  }
  const done = new Set(applied);
  return known.filter((m) => !done.has(m.id));
}

function notUpgraded(file: string, pending: readonly Migration[]): never {
  throw new InputError({
    file,
    message: `the journal is older than this version (pending migration ${pending.map((m) => m.id).join(', ')})`,
    hint: 'run `dispersion journal list --db FILE` once: it upgrades the journal in place',
    ko: {
      message: `저널이 이 버전보다 오래되었습니다 (남은 마이그레이션 ${pending.map((m) => m.id).join(', ')})`,
      hint: '`dispersion journal list --db FILE`을 한 번 실행하세요: 저널을 그 자리에서 업그레이드합니다',
    },
  });
}
