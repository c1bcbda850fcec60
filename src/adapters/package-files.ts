/**
 * Where the package's own files are (data/, examples/, web/dist/): one place, so the compiled modules (dist/…/x.js),
 * the sources run by tsx or vitest (src/…/x.ts) and the bundled CLI (dist/bundle/cli.cjs, every module inlined) agree.
 * This module sits two folders below the package root (src/adapters/, dist/adapters/), and so does the bundle
 * (dist/bundle/cli.cjs), into which esbuild inlines it, import.meta.url then being the bundle's file URL: `../../` is
 * the root in all three.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the folder that holds package.json, data/ and examples/ (with a trailing separator). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file or folder of the package by its path from the root (`data/universe.json`, `data/models/`). */
export function packageFile(path: string): string {
  return join(PACKAGE_ROOT, path);
}
