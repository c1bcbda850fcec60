/**
 * Vitest global setup: the tests that spawn `dispersion` run the compiled CLI (bin/dispersion.js → dist/), the very
 * JavaScript a user installs, so dist/ must match the sources. Rebuilt (tsc, incremental, then the CLI bundle of
 * scripts/build-cli.mjs) only when a file under src/ is newer than the last build; `npm ci` (the `prepare` script)
 * has already built it on a fresh clone or in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STAMP = join(ROOT, 'dist/.built');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const inputs = Math.max(
    newestSource(join(ROOT, 'src')),
    statSync(join(ROOT, 'tsconfig.build.json')).mtimeMs,
    statSync(join(ROOT, 'tsconfig.json')).mtimeMs,
    statSync(join(ROOT, 'scripts/build-cli.mjs')).mtimeMs,
  );
  if (built >= inputs && existsSync(join(ROOT, 'dist/cli/main.js'))) return;
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit', cwd: ROOT });
  writeFileSync(STAMP, '');
}
