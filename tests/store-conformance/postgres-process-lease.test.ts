import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../runtime/store/postgres/postgres-store.js';
import { startProcessLease } from '../../runtime/store/postgres/process-lease.js';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../support/postgres.js';

// A dead process's graphile-worker jobs are freed by the live ones, not after 4 hours.
describe.skipIf(TEST_DATABASE_URL === undefined)('process leases (PostgreSQL)', () => {
  const url = TEST_DATABASE_URL as string;
  let schema: string;
  let store: PostgresStore;
  let client: pg.Client;
  beforeEach(async () => {
    schema = freshSchemaName();
    store = await PostgresStore.open({ connectionString: url, schema, poolSize: 2, jobs: true });
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await store.close();
    await dropSchema(schema);
    await dropSchema(`${schema}_jobs`);
  });

  /** A job locked by `pool` a minute ago, as a pool that died mid-job leaves it. */
  async function lockedJob(key: string, pool: string): Promise<void> {
    await client.query(
      `SELECT "${schema}_jobs".add_job('conveyor_delivery', '{"key":"x"}', job_key => $1)`,
      [key],
    );
    await client.query(
      `UPDATE "${schema}_jobs"._private_jobs SET locked_by = $2, locked_at = now() - interval '1 minute'
        WHERE key = $1`,
      [key, pool],
    );
  }
  const lockOf = async (key: string): Promise<string | null> =>
    (
      await client.query<{ locked_by: string | null }>(
        `SELECT locked_by FROM "${schema}_jobs"._private_jobs WHERE key = $1`,
        [key],
      )
    ).rows[0]?.locked_by ?? null;
  const leases = async (): Promise<string[]> =>
    (
      await client.query<{ pool_id: string }>(
        `SELECT pool_id FROM "${schema}".process_leases ORDER BY pool_id`,
      )
    ).rows.map((r) => r.pool_id);

  it('unlocks the jobs of a pool whose lease went stale, once, and leaves live ones alone', async () => {
    await lockedJob('dead-job', 'pool-dead');
    await lockedJob('busy-job', 'pool-busy');
    // Killed before it wrote a lease: its job's lock (a minute old) is older than a lease.
    await lockedJob('orphan-job', 'pool-never-leased');
    // Its item's delivery recorded while the dead pool held it: graphile-worker's
    // remove_job left it spent (no key, no attempts left) for a worker that never came back.
    await lockedJob('spent-job', 'pool-dead');
    const spentId = (
      await client.query<{ id: string }>(
        `SELECT id::text FROM "${schema}_jobs"._private_jobs WHERE key = 'spent-job'`,
      )
    ).rows[0]?.id;
    await client.query(`SELECT "${schema}_jobs".remove_job('spent-job')`);
    await client.query(
      `INSERT INTO "${schema}".process_leases (pool_id, renewed_at) VALUES
         ('pool-dead', now() - interval '1 hour'), ('pool-busy', now())`,
    );
    const reclaimed: string[][] = [];
    const lease = await startProcessLease({
      connectionString: url,
      schema,
      jobsSchema: `${schema}_jobs`,
      poolId: 'pool-live',
      leaseMs: 30_000,
      onReclaimed: (pools) => reclaimed.push([...pools]),
    });
    try {
      await lease.beat();
      expect(reclaimed).toEqual([['pool-dead', 'pool-never-leased']]);
      expect(await lockOf('dead-job')).toBeNull();
      expect(await lockOf('orphan-job')).toBeNull();
      expect(await lockOf('busy-job')).toBe('pool-busy');
      // The spent job is gone, not left unlocked and never runnable.
      const left = await client.query(
        `SELECT id FROM "${schema}_jobs"._private_jobs WHERE id = $1`,
        [spentId],
      );
      expect(left.rowCount).toBe(0);
      expect(await leases()).toEqual(['pool-busy', 'pool-live']);
      // Taken once: a second sweep finds nothing more to free.
      await lease.beat();
      expect(reclaimed).toHaveLength(1);
    } finally {
      await lease.stop();
    }
    // Stopping gives the lease up.
    expect(await leases()).toEqual(['pool-busy']);
  });

  it('follows a replaced pool: the new one leased, the old one given up', async () => {
    const lease = await startProcessLease({
      connectionString: url,
      schema,
      jobsSchema: `${schema}_jobs`,
      poolId: 'pool-first',
      leaseMs: 30_000,
    });
    try {
      expect(await leases()).toEqual(['pool-first']);
      await lease.switchPool('pool-second');
      expect(await leases()).toEqual(['pool-second']);
      await lease.beat();
      expect(await leases()).toEqual(['pool-second']);
    } finally {
      await lease.stop();
    }
    expect(await leases()).toEqual([]);
  });
});
