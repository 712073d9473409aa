import { defineConfig } from 'vitest/config';

/** The `kill -9` test starts three servers and kills them: it runs alone, after the rest. */
const ALONE = ['tests/http/postgres-kill-nine.test.ts'];

const shared = {
  environment: 'node',
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks',
  // expect.poll waits on a condition; its 1 s default is shorter than a page's work
  // (analysis in a worker, a save round trip) on a loaded 2-core machine.
  expect: { poll: { timeout: 15_000 } },
} as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'conveyor',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ALONE,
          sequence: { groupOrder: 0 },
          // Builds the designer once when the e2e tests can run (see tests/e2e/support); says
          // once that the PostgreSQL suites are skipped without TEST_DATABASE_URL and clears
          // the markers they leave.
          globalSetup: [
            'tests/e2e/support/global-setup.ts',
            'tests/support/postgres-global-setup.ts',
          ],
        },
      },
      {
        // Its three server processes would starve the browser tests running beside it.
        test: { ...shared, name: 'alone', include: ALONE, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
