import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

/**
 * The database the PostgreSQL suites run on (`TEST_DATABASE_URL`); unset, they are
 * skipped (`tests/support/postgres-global-setup.ts` says so in one line).
 */
export const TEST_DATABASE_URL: string | undefined =
  process.env.TEST_DATABASE_URL === '' ? undefined : process.env.TEST_DATABASE_URL;

/** Where suites that ran on PostgreSQL leave a file each, which `.ci/run` checks. */
export const POSTGRES_MARKER_DIR = resolve('.tmp', 'postgres-suites');

let counter = 0;

/** A schema name no other test (or process) uses: each test gets its own tables. */
export function freshSchemaName(): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `conveyor_test_${process.pid}_${++counter}_${random}`;
}

/** Drops a test's schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  if (TEST_DATABASE_URL === undefined) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Records that a PostgreSQL suite ran (to its end), for `.ci/run`'s check. */
export function markPostgresSuiteRan(suite: string): void {
  mkdirSync(POSTGRES_MARKER_DIR, { recursive: true });
  writeFileSync(
    join(POSTGRES_MARKER_DIR, suite.replace(/[^a-z0-9-]/gi, '_')),
    new Date().toISOString(),
  );
}
