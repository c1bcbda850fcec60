/**
 * The functional core must stay pure: no file system, network, clock, or imports from the shell (adapters, CLI,
 * server). This test reads every file under src/core and fails on any such import or call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = new URL('../../src/core/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'a node: built-in'],
  [/from ['"](fs|path|http|https|net|child_process|os)['"]/, 'a node built-in'],
  [/from ['"][^'"]*\/(adapters|cli|server|app)\//, 'the shell (adapters, cli, server, app)'],
  [/\bfetch\(/, 'the network'],
  [/new Date\(\)|Date\.now\(\)/, 'the clock'],
  [/process\./, 'the process environment'],
];

describe('src/core', () => {
  const files = sourceFiles(CORE);
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    it(`${file.slice(CORE.length)} imports nothing impure`, () => {
      const text = readFileSync(file, 'utf8');
      for (const [re, what] of FORBIDDEN) {
        expect(re.test(text), `${file} uses ${what}`).toBe(false);
      }
    });
  }
});
