import { rmSync } from 'node:fs';
import { POSTGRES_MARKER_DIR, TEST_DATABASE_URL } from './postgres.js';

/**
 * Vitest globalSetup: without `TEST_DATABASE_URL` the PostgreSQL suites skip, and this
 * says so once for the whole run; with it, it clears the markers the suites leave, so
 * `.ci/run` sees only this run's.
 */
export function setup(): void {
  rmSync(POSTGRES_MARKER_DIR, { recursive: true, force: true });
  if (TEST_DATABASE_URL === undefined)
    console.log(
      'PostgreSQL suites skipped: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them',
    );
}
