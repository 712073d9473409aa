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
  /** The current pool's id: what the jobs it locks carry as `locked_by` (see `process-lease.ts`). */
  readonly poolId: string;
  /**
   * A pool stopped on its own and a new one took over: `listener(poolId, previous)`. The
   * process lease must follow it; the previous pool's locks then lapse like a dead one's.
   */
  onReplaced(listener: (poolId: string, previous: string) => void): void;
  stop(): Promise<void>;
}

/** Waits before starting a replacement pool, and between failed starts (ms). */
const REPLACE_DELAY_MS = 1_000;

/**
 * Works Conveyor's graphile-worker jobs in this process: any number of processes may
 * run one on the same database (graphile-worker locks each job), so a timer's job is
 * worked once, and a job whose process died is retried by another. Signals are left
 * to the server's own shutdown.
 *
 * graphile-worker stops a pool when any install of its schema in the same database (in
 * any schema: its NOTIFY channel is the database's) runs a breaking migration, and when
 * it cannot complete a job. The process would live on, renewing its lease, working no
 * job. So a pool that stops on its own is replaced by a new one.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  let stopping = false;
  const listeners: Array<(poolId: string, previous: string) => void> = [];
  let current = await launch(options, () => {
    if (!stopping) void replace();
  });
  let replacing: Promise<void> | undefined;
  const replace = (): Promise<void> =>
    (replacing ??= (async () => {
      const previous = current.poolId;
      for (;;) {
        await new Promise((r) => setTimeout(r, REPLACE_DELAY_MS));
        if (stopping) return;
        try {
          current = await launch(options, () => {
            if (!stopping) void replace();
          });
          break;
        } catch (e) {
          options.onError?.(
            `job worker not restarted: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      }
      options.onError?.(
        `job worker pool ${previous} stopped on its own; pool ${current.poolId} took over`,
      );
      for (const l of listeners) l(current.poolId, previous);
    })().finally(() => {
      replacing = undefined;
    }));
  return {
    get poolId() {
      return current.poolId;
    },
    onReplaced: (listener) => {
      listeners.push(listener);
    },
    stop: async () => {
      stopping = true;
      await replacing;
      await current.runner.stop();
    },
  };
}

/** One graphile-worker pool; `stoppedOnItsOwn` is called if it shuts down unasked. */
async function launch(
  options: JobWorkerOptions,
  stoppedOnItsOwn: () => void,
): Promise<{ runner: Runner; poolId: string }> {
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
  let asked = false;
  events.on('pool:create', ({ workerPool }) => {
    poolId ??= workerPool.id;
  });
  events.on('pool:gracefulShutdown', ({ message }) => {
    if (asked) return;
    options.onError?.(`job worker pool ${poolId ?? '?'} stopping: ${message}`);
    stoppedOnItsOwn();
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
  const stop = runner.stop.bind(runner);
  const asking: Runner = Object.assign(runner, {
    stop: () => {
      asked = true;
      return stop();
    },
  });
  if (poolId === undefined) {
    await asking.stop();
    throw new Error('graphile-worker started without telling its pool id');
  }
  return { runner: asking, poolId };
}
