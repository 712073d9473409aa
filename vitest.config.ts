import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Builds the designer once when the e2e tests can run (see tests/e2e/support).
    globalSetup: ['tests/e2e/support/global-setup.ts'],
  },
});
