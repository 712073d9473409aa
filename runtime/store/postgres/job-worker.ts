import { EventEmitter } from 'node:events';
import { Logger, run, type Runner, type WorkerEvents } from 'graphile-worker';
import { DELIVERY_TASK, TIMER_TASK, type JobPayload } from './jobs.js';

export interface JobWorkerOptions {
  connectionString: string;
  /** The job queue's schema (`PostgresStore.jobsSchema`). */
  jobsSchema: string;
  /** A timer's job fell due: run what is due (the timers table decides, claims prevent doubles). */
  onTimerDue: (key: string) => Promise<void>;
  /** An outbox item's job fell due: attempt its delivery (once per job; the item says if still pending). */
  onDeliveryDue?: (key: string) => Promise<void>;
  /** Jobs worked at once (default 2). */
  concurrency?: number;
  /** How often the worker looks for due jobs besides its notifications (default 1 s). */
  pollIntervalMs?: number;
  onError?: (message: string) => void;
}

export interface JobWorker {
  /** The pool's id: what the jobs it locks carry as `locked_by` (see `process-lease.ts`). */
  poolId: string;
  stop(): Promise<void>;
}

/**
 * Works Conveyor's graphile-worker jobs in this process: any number of processes may
 * run one on the same database (graphile-worker locks each job), so a timer's job is
 * worked once, and a job whose process died is retried by another. Signals are left
 * to the server's own shutdown.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const task =
    (what: string, work: (key: string) => Promise<void>) =>
    async (payload: unknown): Promise<void> => {
      const key = (payload as Partial<JobPayload> | null)?.key;
      if (typeof key !== 'string') return; // Not one of ours: done, nothing to do.
      try {
        await work(key);
      } catch (e) {
        options.onError?.(`${what} job ${key}: ${e instanceof Error ? e.message : String(e)}`);
        throw e; // graphile-worker retries it with backoff.
      }
    };
  // graphile-worker names its pool when it makes it; the id is only told through events.
  const events: WorkerEvents = new EventEmitter();
  let poolId: string | undefined;
  let stopping = false;
  events.on('pool:create', ({ workerPool }) => {
    poolId ??= workerPool.id;
  });
  // A pool that stops on its own (it could not complete or fail a job) works no more
  // jobs while this process lives and renews its lease: it must not go unnoticed.
  events.on('pool:gracefulShutdown', ({ message }) => {
    if (!stopping) options.onError?.(`job worker stopping: ${message}`);
  });
  events.on('pool:fatalError', ({ error, action }) =>
    options.onError?.(`job worker could not ${action}: ${String(error)}`),
  );
  events.on('worker:fatalError', ({ error }) =>
    options.onError?.(`job worker failed: ${String(error)}`),
  );
  // graphile-worker's own errors and warnings go to the server's log; its chatter does not
  // (Conveyor's task wrapper reports what its jobs did).
  const logger = new Logger(() => (level, message) => {
    // A failed task is reported by the task wrapper already.
    if ((level === 'error' || level === 'warning') && !message.startsWith('Failed task'))
      options.onError?.(`graphile-worker: ${message}`);
  });
  const runner: Runner = await run({
    events,
    connectionString: options.connectionString,
    schema: options.jobsSchema,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollIntervalMs ?? 1000,
    noHandleSignals: true,
    logger,
    taskList: {
      [TIMER_TASK]: task('timer', options.onTimerDue),
      ...(options.onDeliveryDue === undefined
        ? {}
        : { [DELIVERY_TASK]: task('delivery', options.onDeliveryDue) }),
    },
  });
  if (poolId === undefined) {
    await runner.stop();
    throw new Error('graphile-worker started without telling its pool id');
  }
  return {
    poolId,
    stop: () => {
      stopping = true;
      return runner.stop();
    },
  };
}
