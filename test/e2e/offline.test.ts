/**
 * Offline is first-class: no command reaches the network unless the user named a provider. `fetch` is replaced by
 * one that records and throws; `check` and `data status` must finish without calling it, and `data update` without a
 * provider must stop before it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCheckCommand } from '../../src/app/check.ts';
import { runDataStatusCommand } from '../../src/app/data.ts';
import { run } from '../../src/cli/main.ts';

const NOW = new Date('2026-11-25T09:00:00Z');
const calls: string[] = [];
let dir: string;

beforeEach(() => {
  calls.length = 0;
  dir = mkdtempSync(join(tmpdir(), 'dispersion-offline-'));
  vi.stubGlobal('fetch', (url: unknown) => {
    calls.push(String(url));
    throw new Error('network access in an offline command');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  rmSync(dir, { recursive: true, force: true });
});

describe('offline commands', () => {
  it('check never calls fetch', async () => {
    const doc = await runCheckCommand(
      ['examples/sample-holdings.csv'],
      { base: 'KRW', asOf: '2026-05-29', lang: 'en' },
      NOW,
    );
    expect(doc.positions.length).toBeGreaterThan(5);
    expect(calls).toEqual([]);
  });

  it('data status never calls fetch', async () => {
    const doc = await runDataStatusCommand(
      { holdings: 'examples/sample-holdings.csv', db: join(dir, 'j.sqlite') },
      NOW,
    );
    expect(doc.symbols.length).toBe(11);
    expect(calls).toEqual([]);
  });

  it('data update without a provider exits 2 before any request', async () => {
    const err: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => {
      err.push(s);
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(await run(['data', 'update', '--symbols', 'NVDA', '--db', join(dir, 'j.sqlite')])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(err.join('')).toContain('--provider yahoo,fred');
    expect(calls).toEqual([]);
  });
});
