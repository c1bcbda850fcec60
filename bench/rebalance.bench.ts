/**
 * A rebalance of 500 holdings: the whole pipeline as the CLI runs it (parse the CSV, load the bundled series the
 * holdings and the model's candidates need, value, plan, round to lots, place orders, fund each account with
 * conversions and transfers and cut what cannot be paid, verify).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listBundledSymbols, loadMarketData } from '../src/adapters/market-data/load.ts';
import { importFiles, openWorkspace } from '../src/app/workspace.ts';
import { runRebalanceCommand } from '../src/cli/commands/rebalance.ts';
import { toDay } from '../src/core/dates.ts';
import { rebalancePortfolio } from '../src/core/rebalance/rebalance.ts';
import { fmt, time } from './timing.ts';

export default async function (): Promise<void> {
  const symbols = listBundledSymbols();
  const lines = ['account,symbol,quantity,currency'];
  for (let i = 0; i < 500; i++) {
    lines.push(`account-${i % 7},${symbols[i % symbols.length]},${1 + (i % 37)},`);
  }
  // Cash in each account, unevenly, so the conversions, the transfers between accounts and the cuts have work to do.
  for (let a = 0; a < 7; a++) lines.push(`account-${a},CASH,${(a + 1) * 1_000_000},KRW`);
  const dir = mkdtempSync(join(tmpdir(), 'dispersion-bench-'));
  const file = join(dir, 'holdings-500.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const now = new Date('2026-05-29T12:00:00Z');
  for (const mode of ['full', 'cash-only'] as const) {
    let orders = 0;
    let transfers = 0;
    let cuts = 0;
    const ms = await time(10, async () => {
      const doc = await runRebalanceCommand(
        [file],
        {
          base: 'KRW',
          asOf: '2026-05-29',
          lang: 'en',
          mode,
          cash: mode === 'cash-only' ? ['50000000:KRW'] : [],
        },
        now,
      );
      orders = doc.orders.length;
      transfers = doc.transfers.length;
      cuts = doc.cuts.length;
    });
    console.log(
      `rebalance (${mode}) of 500 holdings (${symbols.length} symbols, 7 accounts) → ${orders} orders, ${transfers} transfers, ${cuts} buys cut, import → JSON: ${fmt(ms)} (median of 10)`,
    );
  }

  // The core alone (valuation, plan, lots, accounts, funding, verification) on data already loaded: what a backtest or the
  // server pays per rebalance once files are read.
  const ws = openWorkspace({});
  const { holdings } = await importFiles([file]);
  const market = loadMarketData({});
  const input = {
    holdings,
    universe: ws.universe,
    model: ws.model,
    market,
    base: 'KRW',
    asOf: toDay('2026-05-29'),
  };
  const core = await time(20, () => rebalancePortfolio({ ...input, mode: 'full' }));
  console.log(`rebalance core alone (full, 500 holdings, data in memory): ${fmt(core)} (median of 20)`);
}
