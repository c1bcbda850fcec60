/**
 * Issue 11 item 14: what a user can do to a path never ends in "internal error" or a hang. Each case runs the real
 * CLI with a time limit: a FIFO as holdings used to block forever.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SAMPLE = 'examples/sample-holdings.csv';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/dispersion.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
    timeout: 20_000,
  });

function expectClearRefusal(r: ReturnType<typeof cli>, message: RegExp): void {
  expect(r.error, 'the CLI did not finish in time').toBeUndefined();
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/internal error| {4}at /);
}

describe('paths a user can get wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dispersion-paths-'));

  it('rebalance --csv into a folder that does not exist', () => {
    const target = join(dir, 'no-such-folder', 'orders.csv');
    const r = cli('rebalance', SAMPLE, '--as-of', '2026-05-29', '--csv', target);
    expectClearRefusal(r, /orders\.csv: cannot write the orders CSV: the folder does not exist/);
  });

  it('backtest --csv into a folder that does not exist', () => {
    const r = cli('backtest', '--csv', join(dir, 'missing', 'curve.csv'));
    expectClearRefusal(r, /curve\.csv: cannot write the CSV file: the folder does not exist/);
  });

  it('a holdings path that is a symlink loop', () => {
    const a = join(dir, 'loop-a.csv');
    const b = join(dir, 'loop-b.csv');
    symlinkSync(b, a);
    symlinkSync(a, b);
    expectClearRefusal(cli('check', a), /loop-a\.csv: too many symbolic links/);
  });

  it('a FIFO as holdings is refused at once instead of waiting forever', () => {
    const fifo = join(dir, 'holdings.csv');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    expectClearRefusal(cli('check', fifo), /holdings\.csv: is a named pipe \(FIFO\), not a file/);
  });

  it('a device as a model file', () => {
    expectClearRefusal(cli('check', SAMPLE, '--model', '/dev/zero'), /\/dev\/zero: is a device, not a file/);
  });

  it('a folder in the path that is a file', () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    expectClearRefusal(cli('check', join(file, 'holdings.csv')), /a folder in the path is a file/);
  });

  it('a folder as holdings', () => {
    const sub = join(dir, 'folder.csv');
    mkdirSync(sub);
    expectClearRefusal(cli('check', sub), /folder\.csv: is a folder, not a file/);
  });
});

describe('cells with terminal escapes', () => {
  it('are never echoed raw, in text or JSON, on stdout or stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispersion-escapes-'));
    // Line 2: a symbol holding an OSC "set window title" sequence, a BEL and a NUL; line 3: an escape in the account.
    const file = join(dir, 'escapes.csv');
    writeFileSync(
      file,
      'account,symbol,quantity\nmain,"NV\u001b]0;pwned\u0007DA\u0000",1\n"\u001b[31mred",NVDA,1\n',
    );
    for (const args of [
      ['check', file],
      ['check', file, '--json'],
    ]) {
      const r = cli(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('no price for NV\\u001b]0;PWNED\\u0007DA\\u0000');
      const out = `${r.stdout}${r.stderr}`;
      for (const c of ['\u0000', '\u0007', '\u001b']) expect(out.includes(c)).toBe(false);
    }
  });
});
