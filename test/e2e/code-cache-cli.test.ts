/**
 * The compiled code cache (src/adapters/code-cache-launcher.ts) changes speed, never a result: the installed CLI prints the same with
 * the cache off, on the run that writes it, on the run that reads it, and on a run given a damaged cache file (V8
 * rejects it; the file is rewritten). One file per command and help request, named by build, Node and platform.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(args: string[], env: Record<string, string>): { stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      LANG: 'C',
      XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'dispersion-data-')),
      ...env,
    },
  });
  return { stdout: r.stdout, status: r.status };
}

const CHECK = ['check', 'examples/sample-holdings.csv', '--base', 'KRW', '--as-of', '2026-05-29', '--json'];

describe('the code cache of the installed CLI', () => {
  it('prints identical output uncached, writing, reading and after a damaged file, and keeps one file per command', () => {
    const home = mkdtempSync(join(tmpdir(), 'dispersion-code-cache-'));
    const dir = join(home, 'dispersion', 'code');
    const off = run(CHECK, { DISPERSION_CACHE: 'off', XDG_CACHE_HOME: home });
    expect(off.status).toBe(0);
    expect(readdirSync(home)).toEqual([]);

    const writing = run(CHECK, { XDG_CACHE_HOME: home });
    const [file, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(file).toMatch(
      new RegExp(`^[0-9a-f]{16}-${process.version}-${process.platform}-${process.arch}-check\\.bin$`),
    );
    const path = join(dir, file as string);
    const inode = statSync(path).ino;
    const reading = run(CHECK, { XDG_CACHE_HOME: home });
    expect(statSync(path).ino).toBe(inode); // accepted: read, not rewritten

    writeFileSync(path, Buffer.alloc(4096, 7)); // not V8's: rejected, then replaced
    const damaged = run(CHECK, { XDG_CACHE_HOME: home });
    expect(readFileSync(path).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(statSync(path).size).toBeGreaterThan(100_000);

    for (const r of [writing, reading, damaged]) {
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(off.stdout);
    }

    // `--help` compiles a sliver of the code: a file of its own; a failed run writes none.
    expect(run(['--help'], { XDG_CACHE_HOME: home }).status).toBe(0);
    expect(run(['check', 'no-such-file.csv'], { XDG_CACHE_HOME: home }).status).toBe(2);
    expect(
      readdirSync(dir)
        .map((f) => f.replace(/^.*-/, ''))
        .sort(),
    ).toEqual(['check.bin', 'help.bin']);
  });
});
