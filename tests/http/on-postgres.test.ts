import { afterAll, describe, it } from 'vitest';
import { markPostgresSuiteRan, TEST_DATABASE_URL } from '../support/postgres.js';
import { dropHarnessSchemas, useHarnessPostgres } from './server-harness.js';

/**
 * HTTP scenario suites run again, unchanged, on the PostgreSQL store: each harness
 * server in its own schema (a restart on the same data dir reopens the same schema),
 * dropped at the end. Only with TEST_DATABASE_URL (`.ci/run` sets it and checks the
 * marker this file leaves).
 */
if (TEST_DATABASE_URL === undefined) {
  describe.skip('HTTP suites on PostgreSQL', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
} else {
  useHarnessPostgres(TEST_DATABASE_URL);
  afterAll(async () => {
    await dropHarnessSchemas();
    markPostgresSuiteRan('http');
  });
  await import('./scenario-7-deal-distribution.test.js');
  await import('./scenario-2-handoff.test.js');
  await import('./record-revision.test.js');
  await import('./timers.test.js');
  await import('./restart.test.js');
  await import('./readiness.test.js');
  await import('./recycle-bin.test.js');
  await import('./recycle-bin-erase.test.js');
  await import('./audit-log.test.js');
}
