import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { startRetentionSweep } from './services/retention-sweep.js';
import { createApp, type AppDeps } from './app/create-app.js';
import { handleShutdownSignals } from './app/graceful-shutdown.js';
import { readServerConfig } from './config/read-server-config.js';
import { linkHost } from './identity/identity-from-env.js';
import { createIdGenerator, systemClock } from './engine/ports.js';
import { createLogger } from './logging/create-logger.js';
import { logLevelFromEnv } from './logging/log-level.js';
import { loggerPort } from './logging/logger-port.js';
import { seedExamples } from './seed/seed-examples.js';
import { DataDirDamagedError } from './store/data-dir-damaged-error.js';
import { DataDirUnusableError } from './store/data-dir-unusable-error.js';
import { DataDirLockedError } from './store/lock-data-dir.js';
import { redactSecrets } from './security/redact-secrets.js';
import { LowdbStore } from './store/lowdb-store.js';
import { PostgresStore } from './store/postgres/postgres-store.js';
import { startJobWorker } from './store/postgres/job-worker.js';
import { startProcessLease } from './store/postgres/process-lease.js';
import type { StoreSize } from './store/store-size.js';
import type { Store } from './domain/store-port.js';

/**
 * Test-only (tests/http/timer-crash-loop.test.ts): with the variable set, the process
 * kills itself with SIGKILL when a timer of that rule starts, as a robot that takes the
 * process down would. Unset (production) it adds nothing.
 */
function killOnTimerRule(ruleId: string | undefined): Pick<AppDeps, 'beforeTimerRun'> {
  if (ruleId === undefined || ruleId === '') return {};
  return {
    beforeTimerRun: (timer) => {
      if (timer.ruleId === ruleId) process.kill(process.pid, 'SIGKILL');
    },
  };
}

/**
 * Composition root: configuration (every problem at once, one line each), real adapters
 * (the PostgreSQL store with DATABASE_URL, the lowdb store otherwise; system clock, ids,
 * pino), then listen; SIGTERM/SIGINT drain and exit. Operator lines (listening, the
 * setup link, start-up refusals) are plain text; every other line is JSON on stdout.
 */
async function main(): Promise<void> {
  // The level is checked with the rest below; a bad one logs at info until then.
  const logger = createLogger(safeLevel());
  const log = loggerPort(logger);
  const read = readServerConfig(process.env, log);
  if (!read.ok) {
    for (const problem of read.problems) console.error(problem);
    process.exit(1);
  }
  const config = read.config;
  const { host, port, dataDir, store: choice } = config;
  let store: Store;
  let storeSize: (() => StoreSize) | undefined;
  let jobsSchema: string | undefined;
  if (choice.databaseUrl !== undefined) {
    try {
      const pgStore = await PostgresStore.open({
        connectionString: choice.databaseUrl,
        ...(choice.schema === undefined ? {} : { schema: choice.schema }),
        // Timers are planned as graphile-worker jobs in their own transaction.
        jobs: true,
      });
      store = pgStore;
      jobsSchema = pgStore.jobsSchema;
    } catch (e) {
      // Unreachable, refusing the login, a failed migration: one line, the URL's secrets masked.
      console.error(
        `Conveyor: the PostgreSQL database (DATABASE_URL) cannot be used: ${redactSecrets(e instanceof Error ? e.message : String(e))}`,
      );
      process.exit(1);
    }
  } else {
    let lowdb: LowdbStore;
    try {
      lowdb = await LowdbStore.open(dataDir, {
        ...(config.timelineRetentionDays === undefined
          ? {}
          : { timelineRetentionDays: config.timelineRetentionDays }),
      });
    } catch (e) {
      // A folder in use, damaged, read-only or impossible to create: one line, not a stack.
      if (
        e instanceof DataDirLockedError ||
        e instanceof DataDirDamagedError ||
        e instanceof DataDirUnusableError
      ) {
        console.error(e.message);
        process.exit(1);
      }
      throw e;
    }
    // Counted once the store is whole in memory (its indexes complete after opening).
    void lowdb.loaded().then(() => {
      const size = lowdb.size();
      if (size.warning !== undefined) console.error(`Conveyor: ${size.warning}`);
    });
    store = lowdb;
    storeSize = () => lowdb.size();
  }
  let shuttingDown = false;
  const conveyor = await createApp({
    store,
    ...(storeSize === undefined ? {} : { storeSize }),
    ready: { shutdown: async () => (shuttingDown ? 'the process is shutting down' : undefined) },
    ...(config.owner === undefined ? {} : { owner: config.owner }),
    sessionPolicy: config.sessionPolicy,
    allowedOrigins: config.allowedOrigins,
    ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
    clock: systemClock,
    ids: createIdGenerator(),
    log,
    requestLogger: logger,
    delivery: config.delivery,
    rateLimits: config.rateLimits,
    allowedHosts: config.allowedHosts,
    templateLimits: config.templateLimits,
    ...(config.recycleBinRetentionDays === undefined
      ? {}
      : { recycleBinRetentionDays: config.recycleBinRetentionDays }),
    // On PostgreSQL deliveries are graphile-worker jobs, worked by any process.
    ...(choice.databaseUrl === undefined ? {} : { deliveriesByJobs: true }),
    // Timers of a killed process wait for their claim to lapse; record locks make a
    // lapse during a slow run harmless (see AppDeps.timerClaimLeaseMs).
    ...(choice.databaseUrl === undefined ? {} : { timerClaimLeaseMs: 10_000 }),
    ...killOnTimerRule(process.env.CONVEYOR_TEST_KILL_ON_TIMER_RULE),
  });
  if (config.seedExamples) await seedExamples(conveyor, resolve('examples'), log);
  // Made before listening, so the first request cannot see setup without a token.
  const setupToken = await conveyor.identity.setup.newSetupToken();
  const sweep = startRetentionSweep(conveyor.recycleBin, log.error);
  const server: Server = conveyor.app.listen(port, host, () => {
    const addr = server.address();
    const actual = typeof addr === 'object' && addr !== null ? addr.port : port;
    console.log(`Conveyor listening on http://${host}:${actual}`);
    if (setupToken !== undefined)
      // The token sits in the fragment: browsers never send it, so no access log holds it.
      console.log(
        `Conveyor: no owner yet. Open http://${linkHost(host, config.allowedHosts)}:${actual}/setup#token=${setupToken} to create the owner account.`,
      );
    if ((host === '0.0.0.0' || host === '::') && (process.env.ALLOWED_HOSTS ?? '') === '')
      console.log('Only localhost is answered: set ALLOWED_HOSTS to the names people use');
    // Only now: an overdue timer never runs before the server answers /api/health.
    conveyor.scheduler.start();
  });
  // On PostgreSQL a timer's job wakes this process's scheduler when it falls due (in any
  // process on the database); the scheduler claims what is due, so nothing runs twice. A
  // delivery's job attempts that item (graphile-worker hands each job to one process).
  const worker =
    choice.databaseUrl === undefined || jobsSchema === undefined
      ? undefined
      : await startJobWorker({
          connectionString: choice.databaseUrl,
          jobsSchema,
          onTimerDue: async () => {
            await conveyor.scheduler.tick();
          },
          onDeliveryDue: (key) => conveyor.dispatcher.deliver(key),
          onError: (m) => log.error(m),
        });
  // A process killed mid-job would keep its jobs locked for 4 hours: the live processes
  // see its lease go stale and unlock them.
  const lease =
    worker === undefined || jobsSchema === undefined || choice.databaseUrl === undefined
      ? undefined
      : await startProcessLease({
          connectionString: choice.databaseUrl,
          schema: choice.schema ?? 'conveyor',
          jobsSchema,
          poolId: worker.poolId,
          onReclaimed: (pools) =>
            log.info(`jobs of stopped processes unlocked (worker pools ${pools.join(', ')})`),
          onError: (m) => log.error(m),
        });
  // A pool graphile-worker stopped on its own was replaced: the lease follows the new one.
  worker?.onReplaced((poolId) => {
    lease?.switchPool(poolId).catch((e: unknown) => log.error(`process lease: ${String(e)}`));
    log.info(`job worker started (pool ${poolId})`);
  });
  // After the lease: from here on a kill of this process is noticed by the others.
  if (worker !== undefined) log.info(`job worker started (pool ${worker.poolId})`);
  handleShutdownSignals({
    server,
    timeoutMs: config.shutdownTimeoutMs,
    log,
    onDraining: () => {
      shuttingDown = true;
      // Open live streams would keep the server from closing.
      conveyor.live.close();
    },
    whileDraining: [
      ...(worker === undefined ? [] : [{ name: 'job worker', run: () => worker.stop() }]),
      ...(lease === undefined ? [] : [{ name: 'process lease', run: () => lease.stop() }]),
      { name: 'recycle bin retention', run: () => sweep.stop() },
      { name: 'timer scheduler', run: () => conveyor.scheduler.stop() },
      { name: 'delivery dispatcher', run: () => conveyor.dispatcher.stop() },
    ],
    afterDrained: [
      { name: 'store', run: () => store.close() },
      { name: 'log', run: async () => logger.flush() },
    ],
  });
}

/** `LOG_LEVEL` if valid (a bad one is reported with the other problems), else `info`. */
function safeLevel(): ReturnType<typeof logLevelFromEnv> {
  try {
    return logLevelFromEnv(process.env);
  } catch {
    return 'info';
  }
}

// A start-up failure (a bad SMTP_URL...) is one line without its secrets, not a stack.
main().catch((e: unknown) => {
  console.error(
    `Conveyor did not start: ${redactSecrets(e instanceof Error ? e.message : String(e))}`,
  );
  process.exit(1);
});
