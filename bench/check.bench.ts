/**
 * A user's check of 500 holdings (issue: "answers in well under a second"): the whole pipeline as the CLI runs it,
 * parsing the CSV, loading the bundled series the holdings need, valuing, classifying and running the checklist.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listBundledSymbols } from '../src/adapters/market-data/load.ts';
import { runCheckCommand } from '../src/cli/commands/check.ts';
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
  const ms = await time(10, () =>
    runCheckCommand([file], { base: 'KRW', asOf: '2026-05-29', lang: 'en' }, now),
  );
  console.log(
    `check of 500 holdings (${symbols.length} symbols, 7 accounts), import → JSON: ${fmt(ms)} (median of 10)`,
  );
}
