/**
 * Child process for the journal's concurrency test (src/adapters/store/lock.test.ts): opens the journal (creating
 * and migrating it when it is the first), waits for the shared start instant, then records MONTHS months of its own
 * portfolio as fast as it can, each a read-then-write transaction (recordMonth looks for the month it replaces).
 * Prints `OK <n>` or `ERR <code> <message>` per failure and exits 0 only when every month was recorded.
 *
 * Usage: node --import tsx test/support/journal-racer.ts DB_FILE NAME START_AT_MS MONTHS
 */
import { writeSync } from 'node:fs';
import { openJournal } from '../../src/adapters/store/database.ts';
import { recordMonth } from '../../src/adapters/store/months.ts';
import { sampleMonth } from './journal.ts';

const [file, name, startAt, count] = process.argv.slice(2);
if (!file || !name || !startAt || !count)
  throw new Error('usage: journal-racer.ts DB_FILE NAME START_AT_MS MONTHS');

const say = (line: string) => writeSync(1, `${line}\n`);
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

while (Date.now() < Number(startAt)) sleep(1);
let failures = 0;
let recorded = 0;
try {
  const journal = await openJournal(file, { now: new Date('2026-12-02T12:00:00Z') });
  for (let i = 0; i < Number(count); i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const asOf = `${2020 + Math.floor(i / 12)}-${month}-15`;
    try {
      await recordMonth(journal, sampleMonth(asOf, { portfolio: name, executed: true }, 50));
      recorded++;
    } catch (e) {
      failures++;
      say(`ERR ${(e as { code?: string }).code ?? (e as Error).name} ${(e as Error).message}`);
    }
  }
  await journal.close();
} catch (e) {
  failures++;
  say(`ERR ${(e as { code?: string }).code ?? (e as Error).name} ${(e as Error).message}`);
}
say(`OK ${recorded}`);
process.exitCode = failures === 0 ? 0 : 1;
