import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RevisionConflictError } from '../../runtime/domain/revision-conflict-error.js';
import { startJobWorker } from '../../runtime/store/postgres/job-worker.js';
import { installJobs } from '../../runtime/store/postgres/jobs.js';
import { PostgresStore } from '../../runtime/store/postgres/postgres-store.js';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../support/postgres.js';
import { at, outbox, putRecord, putTimer, record, timer } from './fixtures.js';

// Timers planned as graphile-worker jobs in the same transaction as the change.
describe.skipIf(TEST_DATABASE_URL === undefined)(
  'PostgresStore timer jobs (graphile-worker)',
  () => {
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

    const jobs = async () =>
      (
        await client.query<{ key: string; run_at: Date; task: string }>(
          `SELECT j.key, j.run_at, t.identifier AS task FROM "${schema}_jobs"._private_jobs j
         JOIN "${schema}_jobs"._private_tasks t ON t.id = j.task_id ORDER BY j.key`,
        )
      ).rows.map((r) => ({ key: r.key, runAt: r.run_at.toISOString(), task: r.task }));

    it('adds a job per timer, replaces it on a re-plan, removes it when parked or deleted', async () => {
      await store.commit([
        putTimer(timer('t1', 5)),
        putTimer(timer('t2', 7, { ruleId: 'robot:b' })),
      ]);
      expect(await jobs()).toEqual([
        { key: 'timer:r1:robot:b:t2', runAt: at(7), task: 'conveyor_timer' },
        { key: 'timer:r1:robot:r:t1', runAt: at(5), task: 'conveyor_timer' },
      ]);
      // Re-planned: the same job, at the new time; an in-flight mark leaves it alone.
      await store.commit([putTimer(timer('t1', 9, { attempts: 1 }))]);
      await store.commit([putTimer(timer('t1', 9, { attempts: 1, inFlight: 1 }))]);
      expect((await jobs()).filter((j) => j.key.endsWith(':t1'))).toEqual([
        { key: 'timer:r1:robot:r:t1', runAt: at(9), task: 'conveyor_timer' },
      ]);
      await store.commit([
        putTimer(timer('t1', 9, { status: 'failed' })),
        { op: 'delete', collection: 'timers', key: 't2' },
      ]);
      expect(await jobs()).toEqual([]);
      // A retried (unparked) timer gets its job back.
      await store.commit([putTimer(timer('t1', 11))]);
      expect((await jobs()).map((j) => j.runAt)).toEqual([at(11)]);
    });

    it('adds a job per pending outbox item at its next attempt, replaced by an outcome, removed once sent', async () => {
      const put = (o: ReturnType<typeof outbox>) =>
        store.commit([{ op: 'put', collection: 'outbox', key: o.id, value: o }]);
      await put(outbox('o1', 1, { nextAttemptAt: at(3) }));
      await put(outbox('o2', 1, { status: 'kept' }));
      expect(await jobs()).toEqual([{ key: 'outbox:o1', runAt: at(3), task: 'conveyor_delivery' }]);
      await put(outbox('o1', 1, { attempts: 1, nextAttemptAt: at(8) }));
      expect((await jobs()).map((j) => j.runAt)).toEqual([at(8)]);
      await put(outbox('o1', 1, { attempts: 2, status: 'sent' }));
      expect(await jobs()).toEqual([]);
    });

    it('adds no job for a batch that was refused', async () => {
      await store.commit([putRecord(record('r1', 1))]);
      await expect(
        store.commit([putTimer(timer('t1', 5)), putRecord(record('r1', 1), 0)]),
      ).rejects.toBeInstanceOf(RevisionConflictError);
      expect(await jobs()).toEqual([]);
    });

    it('works a due timer job in a worker, once', async () => {
      const due: string[] = [];
      const worker = await startJobWorker({
        connectionString: url,
        jobsSchema: `${schema}_jobs`,
        pollIntervalMs: 200,
        onTimerDue: async (key) => {
          due.push(key);
        },
      });
      try {
        await store.commit([putTimer(timer('t1', 0)), putTimer(timer('t2', 60 * 24 * 365 * 100))]);
        await expect.poll(() => due, { timeout: 20_000 }).toEqual(['t1']);
        // Worked jobs are gone; the far one waits.
        await expect
          .poll(async () => (await jobs()).map((j) => j.key))
          .toEqual(['timer:r1:robot:r:t2']);
      } finally {
        await worker.stop();
      }
      expect(due).toEqual(['t1']);
    });

    it('keeps working jobs after the job queue is installed in another schema of the database', async () => {
      // graphile-worker tells every pool on the database (any schema) about a breaking
      // migration, and the pool stops: a second deployment's first start did that to this one.
      const due: string[] = [];
      const replaced: string[] = [];
      const worker = await startJobWorker({
        connectionString: url,
        jobsSchema: `${schema}_jobs`,
        pollIntervalMs: 200,
        onTimerDue: async (key) => {
          due.push(key);
        },
      });
      worker.onReplaced((poolId) => replaced.push(poolId));
      const first = worker.poolId;
      const other = freshSchemaName();
      try {
        await installJobs(url, `${other}_jobs`);
        await expect.poll(() => replaced, { timeout: 20_000 }).toHaveLength(1);
        expect(worker.poolId).not.toBe(first);
        await store.commit([putTimer(timer('t1', 0))]);
        await expect.poll(() => due, { timeout: 20_000 }).toEqual(['t1']);
      } finally {
        await worker.stop();
        await dropSchema(`${other}_jobs`);
      }
    });
  },
);
