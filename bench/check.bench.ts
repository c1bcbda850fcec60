/**
 * A user's check of 500 holdings (issue: "answers in well under a second"): the whole pipeline as the CLI runs it,
 * parsing the CSV, loading the bundled series the holdings need, valuing, classifying and running the checklist.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listBundledSymbols } from '../src/adapters/market-data/load.ts';
import { runCheckCommand } from '../src/app/check.ts';
import { fmt, time } from './timing.ts';

export default async function (): Promise<void> {
  const symbols = listBundledSymbols();
  const lines = ['account,symbol,quantity'];
  for (let i = 0; i < 500; i++) {
    lines.push(`account-${i % 7},${symbols[i % symbols.length]},${1 + (i % 37)}`);
  }
  // Distinct accounts × symbols: 7 accounts over 55 symbols repeat, so some rows are duplicates (summed, as users do).
  const dir = mkdtempSync(join(tmpdir(), 'dispersion-bench-'));
  const file = join(dir, 'holdings-500.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const now = new Date('2026-05-29T12:00:00Z');
  const run = () => runCheckCommand([file], { base: 'KRW', asOf: '2026-05-29', lang: 'en' }, now);
  // Cold: the first run in a process parses every price file it needs (what one CLI invocation pays). Warm: the
  // parsed series are reused (what the dashboard server pays per request).
  const cold = await time(1, run, 0);
  const warm = await time(10, run);
  console.log(`check of 500 holdings (${symbols.length} symbols, 7 accounts), import → JSON:`);
  console.log(`  cold (first in process): ${fmt(cold)}; warm (server): ${fmt(warm)} (median of 10)`);
}
