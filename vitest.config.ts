import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Builds dist/ when src/ changed: the CLI tests spawn the compiled command (test/support/build-cli.ts).
    globalSetup: ['test/support/build-cli.ts'],
    // The parsed-price cache of the runs under test goes to a fresh folder, not the user's ~/.cache.
    env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'dispersion-test-cache-')) },
    reporters: ['default', new SummaryReporter()],
  },
});
