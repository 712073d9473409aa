import { makeWorkerUtils, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';
import { silentWorkerLogger } from './jobs.js';

export interface ProcessLeaseOptions {
  connectionString: string;
  /** Conveyor's schema (the `process_leases` table). */
  schema: string;
  /** The job queue's schema. */
  jobsSchema: string;
  /** This process's graphile-worker pool: the id its locked jobs carry (`locked_by`). */
  poolId: string;
  /** A lease not renewed for this long marks its process dead (default 10 s). */
  leaseMs?: number;
  /** A dead process's pool was unlocked (its jobs are free for the live processes). */
  onReclaimed?: (poolIds: readonly string[]) => void;
  onError?: (message: string) => void;
}

export interface ProcessLease {
  /** Stops renewing and gives the lease up (graceful shutdown). */
  stop(): Promise<void>;
  /** One renewal and sweep now (tests; the timer does the same every quarter lease). */
  beat(): Promise<void>;
  /**
   * This process's pool was replaced (`JobWorker.onReplaced`): renew the new one's lease
   * and give up the old one's, whose locks then lapse like a dead pool's.
   */
  switchPool(poolId: string): Promise<void>;
}

export const DEFAULT_PROCESS_LEASE_MS = 10_000;

/**
 * graphile-worker keeps a job locked by a pool that died mid-job until the lock is 4
 * hours old. Each process therefore holds a lease renewed every quarter of `leaseMs`;
 * at each renewal it deletes the leases not renewed for `leaseMs` (the database's
 * clock decides, so the processes' clocks do not matter) and frees their pools' jobs
 * with `WorkerUtils.forceUnlockWorkers`. The DELETE ... RETURNING hands each dead
 * pool to exactly one process.
 */
export async function startProcessLease(options: ProcessLeaseOptions): Promise<ProcessLease> {
  const leaseMs = options.leaseMs ?? DEFAULT_PROCESS_LEASE_MS;
  // graphile-worker's public view of its jobs (with `locked_by`, `locked_at`).
  const jobsView = `"${options.jobsSchema.replaceAll('"', '""')}".jobs`;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: 2,
    options: `-c search_path="${options.schema}"`,
  });
  // An idle connection the database dropped: the next beat connects again.
  pool.on('error', (e) => options.onError?.(`process lease connection: ${e.message}`));
  // A connection lost while in use: its query fails and the next beat tries again.
  pool.on('connect', (client) => client.on('error', () => undefined));
  let utils: WorkerUtils | undefined;
  const release = async (): Promise<void> => {
    await utils?.release();
    await pool.end();
  };
  try {
    utils = await makeWorkerUtils({
      pgPool: pool,
      schema: options.jobsSchema,
      logger: silentWorkerLogger,
    });
    await pool.query(
      'INSERT INTO process_leases (pool_id) VALUES ($1) ON CONFLICT (pool_id) DO UPDATE SET renewed_at = now()',
      [options.poolId],
    );
  } catch (e) {
    await release();
    throw e;
  }
  const unlock = utils;
  let poolId = options.poolId;
  let beating: Promise<void> | undefined;
  const beat = (): Promise<void> =>
    (beating ??= (async () => {
      // Renewed, or made again if others took this process for dead while it stalled.
      await pool.query(
        'INSERT INTO process_leases (pool_id) VALUES ($1) ON CONFLICT (pool_id) DO UPDATE SET renewed_at = now()',
        [poolId],
      );
      const { rows } = await pool.query<{ pool_id: string }>(
        `DELETE FROM process_leases
          WHERE renewed_at < now() - make_interval(secs => $1::double precision / 1000)
          RETURNING pool_id`,
        [leaseMs],
      );
      // A process killed after its pool took a job but before it wrote its first lease
      // has no lease to go stale: a lock older than a lease, by a pool without one.
      const { rows: orphans } = await pool.query<{ pool_id: string }>(
        `SELECT DISTINCT locked_by AS pool_id FROM ${jobsView}
          WHERE locked_by IS NOT NULL
            AND locked_at < now() - make_interval(secs => $1::double precision / 1000)
            AND locked_by NOT IN (SELECT pool_id FROM process_leases)`,
        [leaseMs],
      );
      const dead = [...new Set([...rows, ...orphans].map((r) => r.pool_id))];
      if (dead.length === 0) return;
      // A job whose key a change took over while the dead pool held it (its delivery
      // recorded, its timer re-planned or gone) is done; graphile-worker marks such a job
      // spent (no key, no attempts left) for its worker to delete after the task, which
      // the dead pool never did. Unlocked only, it would stay forever: delete it too.
      const { rows: spent } = await pool.query<{ id: string }>(
        `SELECT id::text FROM ${jobsView}
          WHERE locked_by = ANY($1::text[]) AND key IS NULL
            AND attempts >= max_attempts AND last_error IS NULL`,
        [dead],
      );
      await unlock.forceUnlockWorkers(dead);
      // Only unlocked jobs can be completed; a spent one is never handed out meanwhile.
      if (spent.length > 0) await unlock.completeJobs(spent.map((r) => r.id));
      options.onReclaimed?.(dead);
    })().finally(() => {
      beating = undefined;
    }));
  const timer = setInterval(
    () => {
      beat().catch((e: unknown) =>
        options.onError?.(`process lease: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    Math.max(50, Math.floor(leaseMs / 4)),
  );
  timer.unref();
  return {
    beat,
    switchPool: async (next) => {
      const previous = poolId;
      poolId = next;
      await beating?.catch(() => undefined);
      await beat();
      await pool.query('DELETE FROM process_leases WHERE pool_id = $1', [previous]);
    },
    stop: async () => {
      clearInterval(timer);
      await beating?.catch(() => undefined);
      try {
        await pool.query('DELETE FROM process_leases WHERE pool_id = $1', [poolId]);
      } finally {
        await release();
      }
    },
  };
}
