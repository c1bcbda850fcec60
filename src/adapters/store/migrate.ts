/**
 * Applies the known migrations to a journal and refuses one it does not understand. The applied ids live in
 * `schema_migrations`; at every open they are compared with this version's list: an id this version does not know
 * means a newer dispersion wrote the file, and we stop rather than read (or write) a schema we cannot vouch for.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { InputError } from '../../core/errors.ts';
import type { Migration } from './migrations/index.ts';
import type { JournalDatabase } from './schema.ts';

export interface MigrateOptions {
  /** The database file, for error messages. */
  file: string;
  /** A read-only open may not apply anything: pending migrations are an error that says how to upgrade. */
  readOnly: boolean;
  /** Stamp for `applied_at` (the caller's clock); absent for read-only opens, which apply nothing. */
  now: Date | undefined;
  /**
   * Pending migrations a read-only open may leave unapplied, because the reader knows how to read the older shape
   * (journal.ts READ_AROUND). Anything else pending is still refused with the way to upgrade.
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
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
  const names = new Set(tables.rows.map((r) => r.name));
  if (!names.has('schema_migrations')) {
    if (names.size > 0) {
      throw new InputError({
        file: o.file,
        message: 'this SQLite file is not a dispersion journal (it has tables but no schema_migrations)',
        expected: 'a journal written by dispersion, or a path where a new one can be created',
      });
    }
    if (o.readOnly || !o.now) return notUpgraded(o.file, known);
    await sql`CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`.execute(
      db,
    );
  }
  const applied = (await db.selectFrom('schema_migrations').select('id').orderBy('id').execute()).map(
    (r) => r.id,
  );
  const knownIds = new Set(known.map((m) => m.id));
  const unknown = applied.filter((id) => !knownIds.has(id));
  if (unknown.length > 0) {
    throw new InputError({
      file: o.file,
      message: `the journal has migration ${unknown.join(', ')}, which this version of dispersion does not know`,
      expected: 'a journal written by this version or an older one',
      hint: 'it was written by a newer dispersion: upgrade dispersion (a downgrade would lose or misread data)',
    });
  }
  const done = new Set(applied);
  const pending = known.filter((m) => !done.has(m.id));
  if (pending.length === 0) return { applied: [], pending: [] };
  const now = o.now;
  if (o.readOnly || !now) {
    if (pending.every((m) => o.readAround?.has(m.id)))
      return { applied: [], pending: pending.map((m) => m.id) };
    return notUpgraded(o.file, pending);
  }
  for (const m of pending) {
    // One transaction per migration: its schema change and its record land together or not at all.
    await db.transaction().execute(async (trx) => {
      await m.up(trx as unknown as Kysely<unknown>);
      await trx.insertInto('schema_migrations').values({ id: m.id, applied_at: now.toISOString() }).execute();
    });
  }
  return { applied: pending.map((m) => m.id), pending: [] };
}

function notUpgraded(file: string, pending: readonly Migration[]): never {
  throw new InputError({
    file,
    message: `the journal is older than this version (pending migration ${pending.map((m) => m.id).join(', ')})`,
    hint: 'run `dispersion journal list --db FILE` once: it upgrades the journal in place',
  });
}
