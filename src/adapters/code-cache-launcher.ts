#!/usr/bin/env node
/**
 * The installed `dispersion` command (dist/cli/main.js): runs the bundled CLI, dist/bundle/cli.cjs (src/cli/main.ts
 * with every module inlined, built by scripts/build-cli.mjs), through V8's code cache.
 *
 * Why: a one-shot run spent a third of its time compiling JavaScript (1.2 MB of it for a backtest) before doing any
 * work. Node 20 has no compile cache for ES modules (module.enableCompileCache is Node 22), but a script compiled by
 * vm.Script takes V8's `cachedData`: the code as compiled by an earlier run, functions compiled lazily during that
 * run included. So the bundle is CommonJS, and this launcher keeps one cache file per command (a backtest and
 * `backtest --help` compile different code) in the user's cache folder (src/adapters/cache-dir.ts; `DISPERSION_CACHE=off`
 * turns it off).
 *
 * Nothing in a cache file changes a result: V8 checks it against the source, its own version and flags, and rejects
 * a mismatch (`cachedDataRejected`), when the file is rewritten. A file is named by the bundle's build id, Node's
 * version and the platform, so an upgrade starts a new one, and the old ones are removed. It is written only after a
 * run that succeeded (exit 0), which compiled what later runs will need; write failures are silent.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { commandWords } from '../cli/argv.ts';
import { userCacheDir } from './cache-dir.ts';

/** A hash of dist/bundle/cli.cjs, put in by scripts/build-cli.mjs. */
declare const DISPERSION_BUNDLE_ID: string;

const bundle = fileURLToPath(new URL('../bundle/cli.cjs', import.meta.url));
const args = process.argv.slice(2);
const dir = userCacheDir('code');
const prefix = `${DISPERSION_BUNDLE_ID}-`;
// `--help` runs a sliver of a command's code: its own file, so it does not stand in for the command's.
const kind = `${commandWord(args)}${args.some(isHelp) ? '-help' : ''}`;
const file = dir && join(dir, `${prefix}${process.version}-${process.platform}-${process.arch}-${kind}.bin`);

let cached: Buffer | undefined;
if (file) {
  try {
    cached = readFileSync(file);
  } catch {
    // no cache yet
  }
}
// The CommonJS wrapper on the same line as the code, so line numbers in stack traces stay the bundle's; strict, as
// the ES modules it was bundled from are. Latin-1: the bundle is ASCII (scripts/build-cli.mjs), so this is a copy.
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {"use strict";${readFileSync(bundle, 'latin1')}\n})`,
  { filename: bundle, ...(cached ? { cachedData: cached } : {}) },
);
if (dir && file && (!cached || script.cachedDataRejected)) {
  process.once('exit', (code) => {
    if (code === 0) store(dir, file, script.createCachedData());
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

/** The command named (`backtest`, `data`), or `none`: the part of the cache file's name that tells runs apart. */
function commandWord(argv: readonly string[]): string {
  const word = commandWords(argv)[0];
  return word && /^[a-z][a-z-]{0,30}$/.test(word) ? word : 'none';
}

function isHelp(a: string): boolean {
  return a === '--help' || a === '-h' || a === '--version' || a === '-V' || a === 'help';
}

/** Writes the cache through a temporary file renamed into place; removes other builds' files. Silent on failure. */
function store(folder: string, path: string, data: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, path);
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(prefix) && name.endsWith('.bin')) unlinkSync(join(folder, name));
    }
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}
