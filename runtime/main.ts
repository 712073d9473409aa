import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { createApp, type AppDeps } from './app/create-app.js';
import {
  templateLimitsFromEnv,
  TemplateLimitSettingError,
} from './app/template-limits-from-env.js';
import { allowedHostsFromEnv } from './http/check-host.js';
import { allowedOriginsFromEnv } from './http/check-origin.js';
import { linkHost, ownerFromEnv, trustProxyFromEnv } from './identity/identity-from-env.js';
import { sessionPolicyFromEnv } from './identity/session-policy.js';
import { rateLimitsFromEnv } from './http/rate-limits.js';
import { deliveryFromEnv } from './delivery/delivery-from-env.js';
import { createIdGenerator, systemClock, type Logger } from './engine/ports.js';
import { seedExamples } from './seed/seed-examples.js';
import { DataDirDamagedError } from './store/data-dir-damaged-error.js';
import { DataDirUnusableError } from './store/data-dir-unusable-error.js';
import { DataDirLockedError } from './store/lock-data-dir.js';
import { redactSecrets } from './security/redact-secrets.js';
import { redactingLogger } from './security/redacting-logger.js';
import { LowdbStore } from './store/lowdb-store.js';
import { PostgresStore } from './store/postgres/postgres-store.js';
import type { StoreSize } from './store/store-size.js';
import type { Store } from './domain/store-port.js';
import { storeFromEnv, StoreSettingError, type StoreChoice } from './app/store-from-env.js';
import {
  timelineRetentionFromEnv,
  TimelineRetentionSettingError,
} from './store/timeline/retention-from-env.js';

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
 * Composition root: real adapters (the PostgreSQL store with DATABASE_URL, the lowdb store
 * otherwise; system clock, ids, console), then listen.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  const log: Logger = redactingLogger({
    info: (m) => console.log(m),
    error: (m) => console.error(m),
  });
  let templateLimits;
  try {
    templateLimits = templateLimitsFromEnv(process.env);
  } catch (e) {
    if (e instanceof TemplateLimitSettingError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  let delivery;
  let rateLimits;
  let owner;
  let sessionPolicy;
  let allowedOrigins;
  try {
    delivery = deliveryFromEnv(process.env, log);
    rateLimits = rateLimitsFromEnv(process.env);
    owner = ownerFromEnv(process.env);
    sessionPolicy = sessionPolicyFromEnv(process.env);
    allowedOrigins = allowedOriginsFromEnv(process.env.ALLOWED_ORIGINS);
  } catch (e) {
    // A bad SMTP_URL, MESSAGE_WEBHOOK_URL, OUTBOUND_ALLOW, RATE_LIMIT_*, OWNER_*,
    // SESSION_* or ALLOWED_ORIGINS: one line naming it.
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  let choice: StoreChoice;
  try {
    choice = storeFromEnv(process.env);
  } catch (e) {
    if (e instanceof StoreSettingError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  let store: Store;
  let storeSize: (() => StoreSize) | undefined;
  if (choice.databaseUrl !== undefined) {
    try {
      store = await PostgresStore.open({
        connectionString: choice.databaseUrl,
        ...(choice.schema === undefined ? {} : { schema: choice.schema }),
      });
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
      const timelineRetentionDays = timelineRetentionFromEnv(process.env);
      lowdb = await LowdbStore.open(dataDir, {
        ...(timelineRetentionDays === undefined ? {} : { timelineRetentionDays }),
      });
    } catch (e) {
      if (e instanceof TimelineRetentionSettingError) {
        console.error(e.message);
        process.exit(1);
      }
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
    const size = lowdb.size();
    if (size.warning !== undefined) console.error(`Conveyor: ${size.warning}`);
    store = lowdb;
    storeSize = () => lowdb.size();
  }
  const allowedHosts = allowedHostsFromEnv(process.env.ALLOWED_HOSTS, host);
  const trustProxy = trustProxyFromEnv(process.env.TRUST_PROXY);
  const conveyor = await createApp({
    store,
    ...(storeSize === undefined ? {} : { storeSize }),
    ...(owner === undefined ? {} : { owner }),
    sessionPolicy,
    allowedOrigins,
    ...(trustProxy === undefined ? {} : { trustProxy }),
    clock: systemClock,
    ids: createIdGenerator(),
    log,
    delivery,
    rateLimits,
    allowedHosts,
    templateLimits,
    ...killOnTimerRule(process.env.CONVEYOR_TEST_KILL_ON_TIMER_RULE),
  });
  if (choice.seedExamples) await seedExamples(conveyor, resolve('examples'), log);
  // Made before listening, so the first request cannot see setup without a token.
  const setupToken = await conveyor.identity.setup.newSetupToken();
  const server: Server = conveyor.app.listen(port, host, () => {
    const addr = server.address();
    const actual = typeof addr === 'object' && addr !== null ? addr.port : port;
    console.log(`Conveyor listening on http://${host}:${actual}`);
    if (setupToken !== undefined)
      // The token sits in the fragment: browsers never send it, so no access log holds it.
      console.log(
        `Conveyor: no owner yet. Open http://${linkHost(host, allowedHosts)}:${actual}/setup#token=${setupToken} to create the owner account.`,
      );
    if ((host === '0.0.0.0' || host === '::') && (process.env.ALLOWED_HOSTS ?? '') === '')
      console.log('Only localhost is answered: set ALLOWED_HOSTS to the names people use');
    // Only now: an overdue timer never runs before the server answers /api/health.
    conveyor.scheduler.start();
  });
  const shutdown = (): void => {
    // Open live streams would keep the server from closing.
    conveyor.live.close();
    server.close();
    void conveyor.scheduler
      .stop()
      .then(() => conveyor.dispatcher.stop())
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

// A start-up failure (a bad SMTP_URL...) is one line without its secrets, not a stack.
main().catch((e: unknown) => {
  console.error(
    `Conveyor did not start: ${redactSecrets(e instanceof Error ? e.message : String(e))}`,
  );
  process.exit(1);
});
