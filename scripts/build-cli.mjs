#!/usr/bin/env node
/**
 * Bundles the CLI with esbuild, in place of tsc's ~180 separate modules:
 *   - dist/bundle/cli.cjs: src/cli/main.ts with every module inlined, as ONE CommonJS script, so that
 *     src/adapters/code-cache-launcher.ts can compile it with V8's code cache (Node 20 has none for ES modules).
 *     The commands stay lazy: their `import()`s become functions that initialise a command's modules on first use,
 *     so `--help` runs none of the backtest's code (and loads no node:http). Split ES module chunks were used before
 *     (one uncached 2.6 MB file made `--help` compile all of it); with the cache one file is what V8 can keep;
 *   - dist/cli/main.js: that launcher, the package's `bin`, with the bundle's hash as its build id.
 * The library (dist/index.js and the rest of dist/) stays tsc's; tsc's dist/cli/ is replaced.
 * Both files sit two below the package root, as src/adapters/package-files.ts, inlined in each, expects
 * (import.meta.url in the CommonJS bundle is defined as the bundle's own file URL).
 * Native and file-loading packages stay outside (better-sqlite3's .node binary, highs' .wasm): loaded from
 * node_modules at run time, as before. Run by `npm run build` after tsc, and by test/support/build-cli.ts.
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/bundle', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  charset: 'ascii',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/bundle/cli.cjs',
  format: 'cjs',
  external: ['better-sqlite3', 'highs'],
  // No import() may remain: a vm.Script has no module loader to run it with on Node 20.
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__dispersion_bundle_url' },
  banner: { js: "var __dispersion_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
});
// The launcher wraps the bundle in a function: a `#!` line there would be a syntax error. And it reads the bundle as
// Latin-1, a plain copy into a one-byte string (UTF-8 decoding of 2.5 MB was ~15 ms of every run), so the file must be
// ASCII: esbuild escapes strings but leaves regular expressions and comments as written, and a `\uXXXX` escape of
// each UTF-16 unit means the same in a regular expression (with or without the u flag), a string or a comment (the
// sources use no String.raw, where it would not).
const source = readFileSync('dist/bundle/cli.cjs', 'utf8')
  .replace(/^#!.*\n/, '')
  .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
if (/\bimport\(/.test(source.replace(/(["'`]).*?\1/g, '')))
  throw new Error('dist/bundle/cli.cjs still has an import(): the launcher cannot run it');
writeFileSync('dist/bundle/cli.cjs', source);
const id = createHash('sha256').update(source).digest('hex').slice(0, 16);
await build({
  ...common,
  entryPoints: ['src/adapters/code-cache-launcher.ts'],
  outfile: 'dist/cli/main.js',
  format: 'esm',
  define: { DISPERSION_BUNDLE_ID: JSON.stringify(id) },
});
chmodSync('dist/cli/main.js', 0o755);
