#!/usr/bin/env node
/**
 * Bundles the CLI with esbuild: dist/cli/main.js (the package's `bin`) and its shared chunks in dist/bundle/, in
 * place of tsc's ~180 separate modules, most of `dispersion check`'s start-up. Split, not one file: one 2.6 MB file
 * made `--help` compile all of it and load node:http and node:crypto for the server (0.21 s of CPU against 0.12 s
 * unbundled); split, `--help` reads the 130 kB entry and each command its own chunks, loaded by the same `import()`
 * as before. The library (dist/index.js and the rest of dist/) stays tsc's; tsc's dist/cli/ is replaced.
 * Both folders sit two below the package root, as src/adapters/package-files.ts, inlined here, expects.
 * Native and file-loading packages stay outside (better-sqlite3's .node binary, highs' .wasm): loaded from
 * node_modules at run time, as before. Run by `npm run build` after tsc, and by test/support/build-cli.ts.
 */
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/bundle', { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  entryNames: '[name]',
  chunkNames: '../bundle/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'highs'],
  // The bundled CommonJS packages (commander, csv-parse, …) call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const deeper = Object.keys(metafile.outputs).filter((f) => f.split('/').length !== 3);
if (deeper.length)
  throw new Error(`bundle files not two folders below the package root: ${deeper.join(', ')}`);
chmodSync('dist/cli/main.js', 0o755);
