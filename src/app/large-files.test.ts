/**
 * Issue 11 item 12: a holdings file of 150k+ rows crashed with "Maximum call stack size exceeded" where rows and
 * warnings were appended with push(...rows). Counts below follow from how the files are generated.
 */
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from './check.ts';
import { importFiles } from './workspace.ts';

const ROWS = 150_000;
const utf8 = (s: string) => new TextEncoder().encode(s);

// Generous limits: a correctness test of big inputs on a shared machine, not a timing (bench/ times things).
describe('150,000-row holdings files', { timeout: 120_000 }, () => {
  it('imports every row', async () => {
    const lines = ['symbol,quantity', ...Array.from({ length: ROWS }, (_, i) => `S${i},1`)];
    const r = await importFiles([{ name: 'big.csv', bytes: utf8(`${lines.join('\n')}\n`) }]);
    expect(r.holdings).toHaveLength(ROWS);
    expect(r.holdings.at(-1)).toMatchObject({ symbol: `S${ROWS - 1}`, quantity: 1 });
  });

  it('checks a file with 150,000 zero rows: one holding, and one warning per zero row', async () => {
    // Line 2 holds 3 NVDA; lines 3… hold zero quantities, each left out with a zero-quantity warning.
    const lines = ['symbol,quantity', 'NVDA,3', ...Array.from({ length: ROWS }, (_, i) => `S${i},0`)];
    const doc = await runCheckCommand(
      [{ name: 'zeros.csv', bytes: utf8(`${lines.join('\n')}\n`) }],
      { base: 'USD', asOf: '2026-05-29', lang: 'en' },
      new Date('2026-05-29T12:00:00Z'),
    );
    expect(doc.positions.map((p) => p.symbol)).toEqual(['NVDA']);
    expect(doc.warnings.filter((w) => w.code === 'zero-quantity')).toHaveLength(ROWS);
  });
});
