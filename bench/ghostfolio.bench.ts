/**
 * A Ghostfolio export of 100,000 activities (issue 11 item 10: 28k activities took 81 s when each activity's line was
 * counted from the start of the file). Goal: under 1 s for the whole import, bytes → holdings. The document is laid
 * out as Ghostfolio writes it (pretty-printed, one field per line), so the line counting has real work to do.
 */
import { importHoldingsFile } from '../src/adapters/import/index.ts';
import { fmt, time } from './timing.ts';

const ACTIVITIES = 100_000;
const GOAL_MS = 1000;

export default async function (): Promise<void> {
  const accounts = Array.from({ length: 5 }, (_, i) => ({
    id: `acc-${i}`,
    name: `Account ${i}`,
    currency: 'USD',
    balance: 1000 + i,
  }));
  const symbols = ['VTI', 'VXUS', 'NVDA', 'TSLA', 'XOM', 'GLD', 'BND', 'MSFT'];
  // In groups of four on one account and symbol: three buys, then a sell, so no position is ever sold short.
  const group = (i: number) => Math.floor(i / 4);
  const activities = Array.from({ length: ACTIVITIES }, (_, i) => ({
    accountId: `acc-${group(i) % accounts.length}`,
    type: i % 4 === 3 ? 'SELL' : 'BUY',
    quantity: 1,
    unitPrice: 100 + (i % 50),
    currency: 'USD',
    dataSource: 'YAHOO',
    date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-15T00:00:00.000Z`,
    symbol: symbols[group(i) % symbols.length],
    fee: 0,
  }));
  const text = JSON.stringify(
    { meta: { date: '2026-05-29', version: '2.0' }, accounts, activities },
    null,
    2,
  );
  const bytes = new TextEncoder().encode(text);
  let positions = 0;
  const ms = await time(3, () => {
    positions = importHoldingsFile(bytes, 'ghostfolio-100k.json').holdings.length;
  });
  const mb = (bytes.length / 1024 / 1024).toFixed(1);
  console.log(
    `Ghostfolio import of ${ACTIVITIES.toLocaleString('en')} activities (${mb} MB) → ${positions} holdings:`,
  );
  console.log(`  ${fmt(ms)} (median of 3; goal < ${fmt(GOAL_MS)}) ${ms < GOAL_MS ? 'ok' : 'OVER GOAL'}`);
}
