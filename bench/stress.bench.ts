/**
 * `stress` on the sample portfolio and on 500 holdings over all bundled symbols: three scenarios, four historical
 * replays and three years of daily risk figures, import → JSON, as the CLI and the dashboard run it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listBundledSymbols } from '../src/adapters/market-data/load.ts';
import { runStressCommand } from '../src/app/stress.ts';
import { fmt, time } from './timing.ts';

export default async function (): Promise<void> {
  const now = new Date('2026-05-29T12:00:00Z');
  const o = { base: 'KRW', asOf: '2026-05-29', lang: 'en' };
  const sample = await time(5, () => runStressCommand(['examples/sample-holdings.csv'], o, now));
  console.log(
    `stress of the sample portfolio (7 scenarios + risk), import → JSON: ${fmt(sample)} (median of 5)`,
  );

  const symbols = listBundledSymbols();
  const lines = ['account,symbol,quantity'];
  for (let i = 0; i < 500; i++) lines.push(`account-${i % 7},${symbols[i % symbols.length]},${1 + (i % 37)}`);
  const file = join(mkdtempSync(join(tmpdir(), 'dispersion-bench-')), 'holdings-500.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const big = await time(5, () => runStressCommand([file], o, now));
  console.log(`stress of 500 holdings (${symbols.length} symbols), import → JSON: ${fmt(big)} (median of 5)`);
}
