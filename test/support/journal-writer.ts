/**
 * Child process for the journal's crash test (src/adapters/store/atomicity.test.ts). Records three months, then
 * re-records the second one; in the middle of that transaction (after 1,000 holdings rows are written) it prints
 * `MID` and blocks, so the parent can SIGKILL it at a known point inside the transaction.
 *
 * Usage: node --import tsx test/support/journal-writer.ts DB_FILE
 */
import { writeSync } from 'node:fs';
import { openJournal } from '../../src/adapters/store/database.ts';
import { recordMonth } from '../../src/adapters/store/months.ts';
import { sampleMonth } from './journal.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: journal-writer.ts DB_FILE');

const say = (line: string) => writeSync(1, `${line}\n`);

const journal = await openJournal(file, { now: new Date('2026-11-25T12:00:00Z') });
// A tiny page cache makes SQLite spill the open transaction's pages into the WAL before commit, so the kill leaves
// uncommitted frames on disk that recovery must ignore (the harder case).
journal.sqlite.pragma('cache_size = 8');

let blockAt = '';
journal.sqlite.function('dispersion_progress', (month: unknown, seq: unknown) => {
  if (month === blockAt && seq === 1000) {
    say(`MID ${month}`);
    // Hold the transaction open until the parent kills us (60 s is far past the test's own timeout).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    say('NOT KILLED');
  }
  return null;
});
// TEMP: lives in this connection only and never touches the database file's schema.
journal.sqlite.exec(
  'CREATE TEMP TRIGGER progress AFTER INSERT ON main.holdings BEGIN SELECT dispersion_progress(NEW.month, NEW.seq); END',
);

for (const asOf of ['2026-01-30', '2026-02-27', '2026-03-31']) {
  await recordMonth(journal, sampleMonth(asOf, { executed: true }, 2_000));
  say(`COMMITTED ${asOf}`);
}
blockAt = '2026-02';
say('BEGIN 2026-02 again');
await recordMonth(journal, sampleMonth('2026-02-20', { executed: false }, 3_000));
say('COMMITTED 2026-02-20');
await journal.close();
