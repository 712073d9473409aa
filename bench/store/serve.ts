import type { Server } from 'node:http';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../runtime/app/create-app.js';
import { createIdGenerator, systemClock } from '../../runtime/engine/ports.js';
import { LowdbStore } from '../../runtime/store/lowdb-store.js';
import { startJobWorker, type JobWorker } from '../../runtime/store/postgres/job-worker.js';
import { PostgresStore } from '../../runtime/store/postgres/postgres-store.js';
import type { Store } from '../../runtime/store/store.js';
import { BaselineLowdbStore } from '../baseline/lowdb-store.js';
import { BENCH_OWNER, benchAuthHeaders } from '../bench-owner.js';

/** What the server tells the bench (over IPC). */
export type ServeMessage =
  | {
      kind: 'ready';
      port: number;
      openMs: number;
      readyMs: number;
      /** The owner's API token as request headers (every route needs one). */
      auth: Record<string, string>;
    }
  | { kind: 'stats'; rssMb: number; eldP99Ms: number; eldMaxMs: number; cpuMs: number };

/** The stores the bench serves: this branch's embedded store, main's, or PostgreSQL. */
export type ServeKind = 'new' | 'baseline' | 'postgres';

/**
 * The server the store bench drives, in its own process (so the clients' work does not
 * share its event loop): `node --import tsx bench/store/serve.ts <new|baseline> <dir>`
 * or `... serve.ts postgres <database URL>`. The real app (`createApp`: routes,
 * services, engine, scheduler) over this branch's store, main's (`bench/baseline/`), or
 * the PostgreSQL store wired as `runtime/main.ts` wires it (timers and deliveries as
 * graphile-worker jobs, a job worker in the process); rate limits off. Answers `stats`
 * with its RSS and event-loop delay since the last `stats`.
 */
const started = performance.now();
const [kind, where] = process.argv.slice(2);
if ((kind !== 'new' && kind !== 'baseline' && kind !== 'postgres') || where === undefined) {
  console.error('usage: serve.ts <new|baseline> <data dir> | serve.ts postgres <database URL>');
  process.exit(2);
}
const send = (m: ServeMessage): void => {
  if (process.connected) process.send?.(m);
};
const store: Store & { close(): Promise<void> } =
  kind === 'new'
    ? await LowdbStore.open(where)
    : kind === 'baseline'
      ? await BaselineLowdbStore.open(where)
      : await PostgresStore.open({ connectionString: where, jobs: true });
const openMs = performance.now() - started;
const conveyor = await createApp({
  store,
  clock: systemClock,
  ids: createIdGenerator(),
  designerDir: join(kind === 'postgres' ? process.cwd() : where, 'none'),
  rateLimits: { bulkReadsPerMinute: 0, hookFailuresPerMinute: 0 },
  owner: BENCH_OWNER,
  ...(kind === 'postgres' ? { deliveriesByJobs: true } : {}),
});
const auth = await benchAuthHeaders(conveyor);
const jobsSchema = store instanceof PostgresStore ? store.jobsSchema : undefined;
// As runtime/main.ts: a timer's job wakes this process's scheduler, which claims what is due.
const worker: JobWorker | undefined =
  jobsSchema === undefined
    ? undefined
    : await startJobWorker({
        connectionString: where,
        jobsSchema,
        onTimerDue: async () => {
          await conveyor.scheduler.tick();
        },
        onDeliveryDue: (key) => conveyor.dispatcher.deliver(key),
        onError: (m) => console.error(m),
      });
const eld = monitorEventLoopDelay({ resolution: 10 });
// CPU time of this process (user + system): per move it does not depend on the machine's load.
let cpuMark = process.cpuUsage();
const server: Server = conveyor.app.listen(0, '127.0.0.1', () => {
  // The clients never idle long; a closed keep-alive connection would only add noise.
  server.keepAliveTimeout = 60_000;
  const a = server.address();
  conveyor.scheduler.start();
  eld.enable();
  send({
    kind: 'ready',
    port: typeof a === 'object' && a !== null ? a.port : 0,
    openMs,
    readyMs: performance.now() - started,
    auth,
  });
});
process.on('message', (m) => {
  if (m !== 'stats') return;
  const cpu = process.cpuUsage(cpuMark);
  cpuMark = process.cpuUsage();
  send({
    kind: 'stats',
    rssMb: process.memoryUsage.rss() / 2 ** 20,
    eldP99Ms: eld.percentile(99) / 1e6,
    eldMaxMs: eld.max / 1e6,
    cpuMs: (cpu.user + cpu.system) / 1000,
  });
  eld.reset();
});
// `process.exit` writes the CPU profile (`--cpu-prof`) on the way out.
process.on('disconnect', () => {
  void (worker?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
});
