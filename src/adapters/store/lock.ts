/**
 * Writing the journal: one writer at a time, waited for within a bound. Every write transaction starts with
 * `BEGIN IMMEDIATE`, which takes SQLite's write lock before reading anything: a deferred transaction that reads and
 * then writes fails at once with "database is locked" when another process committed in between (the busy handler is
 * not called for that upgrade), which is how two `journal record` runs used to lose one of their months. The wait for
 * the lock is the connection's busy_timeout (journal.ts); past it the command stops with exit 2 and says why.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { InputError } from '../../core/errors.ts';

/** How long a writer waits for another one to finish, unless DISPERSION_JOURNAL_WAIT_MS says otherwise. */
export const DEFAULT_WAIT_MS = 10_000;

export function journalWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DISPERSION_JOURNAL_WAIT_MS;
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_WAIT_MS;
}

/**
 * Runs a synchronous SQLite step again while it fails with SQLITE_BUSY, for up to `waitMs`. For the one step SQLite's
 * busy handler does not wait for: switching a new file to WAL. When several processes open the same new journal at
 * the same instant, each holds a shared lock and wants an exclusive one; SQLite answers one of them SQLITE_BUSY at
 * once rather than risk a deadlock (CI saw one of four `journal record` runs on a fresh journal fail so). Sleeping a
 * few milliseconds lets the other finish its switch, after which the step sees WAL and has nothing to do.
 */
export function retryWhileBusy<T>(step: () => T, waitMs: number): T {
  const deadline = Date.now() + waitMs;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return step();
    } catch (e) {
      const code = String((e as { code?: string }).code ?? '');
      if (!code.startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw e;
      Atomics.wait(nap, 0, 0, 5);
    }
  }
}

/**
 * Runs `fn` in one `BEGIN IMMEDIATE` transaction on one connection: committed when it returns, rolled back when it
 * throws. SQLite's own failures a user can act on become InputErrors naming the file (writeError).
 */
export async function immediate<DB, T>(
  db: Kysely<DB>,
  file: string,
  fn: (conn: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    try {
      await sql`BEGIN IMMEDIATE`.execute(conn);
    } catch (e) {
      throw writeError(e, file);
    }
    try {
      const out = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return out;
    } catch (e) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw writeError(e, file);
    }
  });
}

/** SQLITE_BUSY (the lock not had in time), SQLITE_READONLY, SQLITE_CORRUPT → InputError; anything else as it was. */
export function writeError(e: unknown, file: string): unknown {
  if (e instanceof InputError) return e;
  const code = String((e as { code?: string }).code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new InputError({
      file,
      message: 'another dispersion is writing the journal',
      hint: 'wait for it to finish, then run the command again (nothing was written)',
      ko: {
        message: '다른 dispersion이 저널에 쓰고 있습니다',
        hint: '그것이 끝난 뒤 명령을 다시 실행하세요 (아무것도 쓰지 않았습니다)',
      },
    });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new InputError({
      file,
      message: 'the journal is read-only: nothing was written',
      expected: 'a journal file (and folder) you may write to',
      hint: 'check the file’s permissions, or pass --db with a writable copy',
      ko: {
        message: '저널이 읽기 전용입니다: 아무것도 쓰지 않았습니다',
        expected: '쓸 수 있는 저널 파일 (과 폴더)',
        hint: '파일 권한을 확인하거나, 쓸 수 있는 사본을 --db로 주세요',
      },
    });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return corruptJournal(file);
  return e;
}

export function corruptJournal(file: string): InputError {
  return new InputError({
    file,
    message: 'the journal is damaged (database disk image is malformed); nothing was written',
    expected: 'an intact journal',
    hint: 'restore it from a backup, or move it aside and record again into a new one',
    ko: {
      message:
        '저널이 손상되었습니다 (데이터베이스 디스크 이미지가 잘못되었습니다). 아무것도 쓰지 않았습니다',
      expected: '손상되지 않은 저널',
      hint: '백업에서 복원하거나, 다른 곳으로 옮기고 새 저널에 다시 기록하세요',
    },
  });
}
