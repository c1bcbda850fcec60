import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/support/summary-reporter.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Builds dist/ when src/ changed: the CLI tests spawn the compiled command (test/support/build-cli.ts).
    globalSetup: ['test/support/build-cli.ts'],
    reporters: ['default', new SummaryReporter()],
  },
});
