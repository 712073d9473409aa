import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // expect.poll waits on a condition; its 1 s default is shorter than a page's work
    // (analysis in a worker, a save round trip) on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000 } },
    // Builds the designer once when the e2e tests can run (see tests/e2e/support); says
    // once that the PostgreSQL suites are skipped without TEST_DATABASE_URL.
    globalSetup: ['tests/e2e/support/global-setup.ts', 'tests/support/postgres-global-setup.ts'],
  },
});
