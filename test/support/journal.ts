/** Journal months and temp database paths for the store tests: every number here is written by hand. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalMonth } from '../../src/core/journal.ts';

/** A fresh directory under the OS temp dir, and a journal path inside it that does not exist yet. */
export function tempJournalPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'dispersion-journal-')), 'journal.sqlite');
}

/**
 * A month with `holdingsCount` holdings: holding i is i+1 units of `S<i>` at 10 USD (value = 10·(i+1)), and two
 * checks. Total = 10 · n(n+1)/2.
 */
export function sampleMonth(asOf: string, over: Partial<JournalMonth> = {}, holdingsCount = 3): JournalMonth {
  const holdings = Array.from({ length: holdingsCount }, (_, i) => ({
    account: 'main',
    symbol: `S${i}`,
    name: i === 0 ? '삼성전자' : null,
    quantity: i + 1,
    currency: 'USD',
    price: 10,
    priceDate: asOf,
    fxRate: 1,
    fxDate: null,
    value: 10 * (i + 1),
    sleeve: 'energy',
    country: i === 0 ? 'KR' : 'US',
  }));
  return {
    portfolio: 'main',
    month: asOf.slice(0, 7),
    note: null,
    asOf,
    base: 'USD',
    model: 'great-dispersion-2026',
    total: (10 * holdingsCount * (holdingsCount + 1)) / 2,
    executed: false,
    createdAt: `${asOf}T09:00:00.000Z`,
    holdings,
    checks: [
      { id: 'mag7-max', pass: true, value: 0.25, threshold: 0.5 },
      { id: 'monthly-rebalancing', pass: false, value: null, threshold: 31 },
    ],
    orders: [],
    ...over,
  };
}
