#!/usr/bin/env node
// Launcher for a checkout (`node bin/dispersion.js …`): the compiled CLI in dist/, which `npm ci` builds (the
// `prepare` script) and `npm run build` rebuilds. The package's own `bin` is dist/cli/main.js itself.
try {
  await import('../dist/cli/main.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/cli/main.js')) throw e;
  process.stderr.write(
    'dispersion: the compiled CLI is missing (dist/): run `npm run build` (`npm ci` runs it)\n',
  );
  process.exitCode = 1;
}
