import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { Type } from '@sinclair/typebox';
import { CommitObserver } from '../delivery/observe-commits.js';
import { deliveryOutbox } from '../delivery/delivery-outbox.js';
import type { DeliveryPorts } from '../delivery/delivery-ports.js';
import { Dispatcher } from '../delivery/dispatcher.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../delivery/retry-policy.js';
import { Engine } from '../engine/engine.js';
import type { TemplateLimits } from '../engine/template-limits.js';
import { TemplateRenderer } from '../engine/template-renderer.js';
import {
  createIdGenerator,
  outboxToStore,
  systemClock,
  type Clock,
  type IdGenerator,
  type Logger,
  type OutboxPort,
  type RandomSource,
} from '../engine/ports.js';
import { checkHost, defaultAllowedHosts } from '../http/check-host.js';
import { errorMiddleware } from '../http/error-middleware.js';
import { HttpError } from '../http/http-error.js';
import { mountRoutes } from '../http/mount-routes.js';
import { permissionCheck } from '../http/check-permission.js';
import {
  DEFAULT_RATE_LIMITS,
  mountRateLimits,
  mountSignInLimits,
  type RateLimits,
} from '../http/rate-limits.js';
import { requestGate } from '../http/authenticate-request.js';
import { accountRoutes } from '../http/routes/account-routes.js';
import { auditRoutes } from '../http/routes/audit-routes.js';
import { recycleBinRoutes } from '../http/routes/recycle-bin-routes.js';
import { settingsRoutes } from '../http/routes/settings-routes.js';
import { AuditService } from '../audit/audit-service.js';
import { RecycleBinService } from '../services/recycle-bin-service.js';
import { authRoutes } from '../http/routes/auth-routes.js';
import { tokenRoutes } from '../http/routes/token-routes.js';
import { roleRoutes } from '../http/routes/role-routes.js';
import { RoleService } from '../access/role-service.js';
import { Identity } from '../identity/identity.js';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../identity/session-policy.js';
import type { OwnerFromEnv } from '../identity/setup-service.js';
import { requireJsonBody } from '../http/require-json-body.js';
import { securityHeaders } from '../http/security-headers.js';
import { buildOpenApi } from '../http/openapi.js';
import type { RouteDef } from '../http/route.js';
import { deliveryRoutes } from '../http/routes/delivery-routes.js';
import { directoryRoutes } from '../http/routes/directory-routes.js';
import { documentRoutes } from '../http/routes/document-routes.js';
import { hookRoutes } from '../http/routes/hook-routes.js';
import { importRoutes } from '../http/routes/import-routes.js';
import { modelRoutes } from '../http/routes/model-routes.js';
import { recordRoutes } from '../http/routes/record-routes.js';
import { exampleRoutes } from '../http/routes/example-routes.js';
import type { ExampleCatalogue } from '../services/example-catalogue.js';
import { ExampleService } from '../services/example-service.js';
import { fileExampleCatalogue } from '../seed/file-example-catalogue.js';
import { simulationRoutes } from '../http/routes/simulation-routes.js';
import { timerRoutes } from '../http/routes/timer-routes.js';
import { liveRoutes } from '../http/routes/live-routes.js';
import { boardRoutes } from '../http/routes/board-routes.js';
import { LiveHub } from '../live/live-hub.js';
import { whyRoutes } from '../http/routes/why-routes.js';
import { Health, Readiness as ReadinessBody } from '../http/schemas/api-schemas.js';
import type { StoreSize } from '../store/store-size.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { TimerRetryPolicy } from '../scheduler/timer-retry-policy.js';
import { DeliveryService } from '../services/delivery-service.js';
import { DirectoryService } from '../services/directory-service.js';
import { DocumentService } from '../services/document-service.js';
import { HookService } from '../services/hook-service.js';
import { ModelService } from '../services/model-service.js';
import { RecordService } from '../services/record-service.js';
import { ImportService } from '../services/import-service.js';
import { RuntimeCore } from '../services/runtime-core.js';
import type { Store } from '../domain/store-port.js';
import type { TimerDoc } from '../domain/timer.js';
import type { WriteOp } from '../domain/write-op.js';
import { redactingLogger } from '../security/redacting-logger.js';
import { requestId } from '../logging/request-id.js';
import { requestLogging } from '../logging/request-logging.js';
import { Readiness, type ReadyCheck } from './readiness.js';

export interface AppDeps {
  store: Store;
  /** The embedded store's size, shown in `/api/health` (with a warning past its limits). */
  storeSize?: () => StoreSize;
  clock?: Clock;
  ids?: IdGenerator;
  /** Chance for random assignment (default `Math.random`). */
  random?: RandomSource;
  log?: Logger;
  /**
   * Checks `GET /api/ready` runs besides the built-in ones (`store`: it answers a read;
   * `timers`: the scheduler runs). A database store adds its own (migrations, jobs).
   */
  ready?: Record<string, ReadyCheck>;
  /** Structured request log (one JSON line per request, with its id); absent: none. */
  requestLogger?: PinoLogger;
  outbox?: OutboxPort;
  /**
   * Adapters to the outside world (mailer, message channels, HTTP client). Given: a
   * dispatcher delivers pending items after each commit. Absent: items are kept in
   * the outbox (the simulation's contract: nothing leaves).
   */
  delivery?: DeliveryPorts;
  retryPolicy?: Partial<RetryPolicy>;
  /** Deliveries are worked from a job queue (`dispatcher.deliver`), not scheduled here. */
  deliveriesByJobs?: boolean;
  /** Built designer to serve at `/` (default `dist/designer` when it exists). */
  designerDir?: string;
  /** The examples gallery (default the `examples/` folder of the working directory). */
  examples?: ExampleCatalogue;
  /** Template limits (default `DEFAULT_TEMPLATE_LIMITS`; `main.ts` reads `TEMPLATE_*`). */
  templateLimits?: TemplateLimits;
  /** How failing timers are retried (default `DEFAULT_TIMER_RETRY_POLICY`). */
  timerRetry?: Partial<TimerRetryPolicy>;
  /**
   * How long a scheduler's claim keeps a due timer from the other processes (store
   * default 60 s). Shorter where the store locks records: a process killed mid-batch
   * then delays its timers by this much, and a second claim of a timer still being run
   * waits for the record's lock and finds the timer gone.
   */
  timerClaimLeaseMs?: number;
  /**
   * Host names the server answers for, any port (`ALLOWED_HOSTS`; default 127.0.0.1,
   * localhost and ::1): other `Host` headers get 421 (DNS rebinding).
   */
  allowedHosts?: readonly string[];
  /** Per-address limits on wrong hook tokens and list reads (default `DEFAULT_RATE_LIMITS`). */
  rateLimits?: Partial<RateLimits>;
  /**
   * The owner to create at start when there is none (`OWNER_EMAIL`, `OWNER_PASSWORD`,
   * `OWNER_NAME`); absent: `main.ts` prints a one-time setup link instead.
   */
  owner?: OwnerFromEnv;
  /** Session lifetimes (`SESSION_IDLE_HOURS`, `SESSION_MAX_DAYS`). */
  sessionPolicy?: Partial<SessionPolicy>;
  /** Origins besides the server's own that may change things with its cookie (`ALLOWED_ORIGINS`). */
  allowedOrigins?: readonly string[];
  /** Express's `trust proxy` (`TRUST_PROXY`): client address and HTTPS from the proxy's headers. */
  trustProxy?: boolean | number | string;
  /**
   * Days a deleted record stays in the recycle bin (`RECYCLE_BIN_RETENTION_DAYS`;
   * default 30); the `recycleBinRetentionDays` setting in the store overrides it.
   */
  recycleBinRetentionDays?: number;
  /** How often an idle live stream (`GET /api/events`) sends a heartbeat (default 15 s). */
  liveHeartbeatMs?: number;
  /** Events kept for live streams to catch up after a reconnect (default 2,000). */
  liveCapacity?: number;
  /** Test-only: called before each timer runs, once its in-flight mark is on disk. */
  beforeTimerRun?: (timer: TimerDoc) => void;
}

export interface ConveyorApp {
  app: Express;
  core: RuntimeCore;
  models: ModelService;
  records: RecordService;
  directory: DirectoryService;
  scheduler: Scheduler;
  dispatcher: Dispatcher;
  delivery: DeliveryService;
  documents: DocumentService;
  hooks: HookService;
  identity: Identity;
  /** What `GET /api/ready` checks; the server adds `shutdown` (503 once it drains). */
  readiness: Readiness;
  recycleBin: RecycleBinService;
  audit: AuditService;
  /** Live changes for `GET /api/events`; `close()` it before closing the HTTP server. */
  live: LiveHub;
  routes: RouteDef[];
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };

/**
 * Builds the runtime (services, engine with the published versions activated, Express
 * app) without listening. The caller owns the store and the scheduler's start/stop.
 */
export async function createApp(deps: AppDeps): Promise<ConveyorApp> {
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? createIdGenerator();
  const log = redactingLogger(deps.log ?? silentLogger);
  const ports = deps.delivery ?? {};
  const outbox =
    deps.outbox ?? (deps.delivery === undefined ? outboxToStore : deliveryOutbox(ports));
  const templates = new TemplateRenderer(deps.templateLimits);
  const engine = new Engine({
    clock,
    ids,
    outbox,
    templates,
    ...(deps.random ? { random: deps.random } : {}),
  });
  // Late-bound: the dispatcher and hooks need the core this store goes into.
  let onCommit: (ops: readonly WriteOp[]) => void = () => undefined;
  const store = new CommitObserver(deps.store, (ops) => onCommit(ops));
  const core = new RuntimeCore(store, engine, clock, ids);
  const models = new ModelService(core);
  const recycleBin = new RecycleBinService(core, deps.recycleBinRetentionDays);
  const audit = new AuditService(core);
  const records = new RecordService(core, recycleBin);
  const identity = new Identity(core, { ...DEFAULT_SESSION_POLICY, ...deps.sessionPolicy });
  const directory = new DirectoryService(core, (tx, user) => identity.userEnded(tx, user));
  const delivery = new DeliveryService(core, ports);
  const documents = new DocumentService(core);
  const hooks = new HookService(core);
  const policy = { ...DEFAULT_RETRY_POLICY, ...deps.retryPolicy };
  const dispatcher = new Dispatcher(core, ports, {
    policy,
    clock,
    log,
    ...(deps.deliveriesByJobs === true ? { byJobs: true } : {}),
  });
  const live = new LiveHub(deps.liveCapacity === undefined ? {} : { capacity: deps.liveCapacity });
  onCommit = (ops) => {
    dispatcher.committed(ops);
    live.committed(ops);
    // A published version's inbound_webhook triggers get their tokens right away.
    for (const op of ops)
      if (op.op === 'put' && op.collection === 'versions')
        hooks.ensureTokens(op.value.modelId).catch((e: unknown) => log.error(String(e)));
  };
  await models.activateAll();
  await identity.setup.ensureOwner(deps.owner);
  if (deps.delivery !== undefined) await dispatcher.start();
  // Past their retention, deleted records go at start (and periodically: `main.ts`).
  await recycleBin.purgeExpired();

  const readiness = new Readiness();
  // Any read that has to reach the store proves it answers (a database: its connection).
  readiness.add('store', async () => {
    await deps.store.get('settings', 'ready-probe');
    return undefined;
  });
  // Late-bound: the scheduler is made below, and started by the caller after listen.
  let timersRunning = (): boolean => false;
  readiness.add('timers', async () =>
    timersRunning() ? undefined : 'the timer scheduler is not running',
  );
  for (const [name, check] of Object.entries(deps.ready ?? {})) readiness.add(name, check);

  const routes: RouteDef[] = [
    {
      method: 'get',
      path: '/api/health',
      tag: 'meta',
      summary: 'Liveness',
      open: 'always',
      responses: { 200: Health },
      handle: async () => {
        const store = deps.storeSize?.();
        return { body: { status: 'ok', ...(store === undefined ? {} : { details: { store } }) } };
      },
    },
    {
      method: 'get',
      path: '/api/ready',
      tag: 'meta',
      summary: 'Readiness: the store answers, timers run, not shutting down (503 with reasons)',
      open: 'always',
      responses: { 200: ReadinessBody, 503: ReadinessBody },
      handle: async () => {
        const r = await readiness.report();
        return r.ready
          ? { body: { status: 'ready', checks: r.checks } }
          : { status: 503, body: { status: 'not_ready', checks: r.checks, reasons: r.reasons } };
      },
    },
    ...authRoutes(identity),
    ...tokenRoutes(identity),
    ...accountRoutes(identity),
    ...roleRoutes(new RoleService(core, identity.reads, identity.access)),
    ...directoryRoutes(directory),
    ...modelRoutes(models),
    // Before the record routes: `/api/records/:entity/stage-totals` is not a record id.
    ...boardRoutes(core.store),
    ...recordRoutes(records, core),
    ...importRoutes(new ImportService(core, records)),
    ...deliveryRoutes(delivery),
    ...documentRoutes(documents),
    ...hookRoutes(hooks),
    ...simulationRoutes({ models, directory: () => core.directory(), templates }),
    ...timerRoutes(core),
    ...auditRoutes(audit),
    ...recycleBinRoutes(recycleBin),
    ...settingsRoutes(recycleBin),
    ...liveRoutes(live, deps.liveHeartbeatMs),
    ...whyRoutes(core),
    ...exampleRoutes(
      new ExampleService(
        deps.examples ?? fileExampleCatalogue(join(process.cwd(), 'examples')),
        models,
      ),
    ),
  ];
  const openapiRoute: RouteDef = {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This document',
    open: 'always',
    responses: { 200: Type.Object({}, { additionalProperties: true }) },
    handle: async () => ({ body: openapi }),
  };
  routes.splice(1, 0, openapiRoute);
  const openapi = buildOpenApi(routes);

  const app = express();
  app.disable('x-powered-by');
  // First: every answer, even a 421 or a 415, carries its request id and is logged.
  app.use(requestId());
  if (deps.requestLogger !== undefined) app.use(requestLogging(deps.requestLogger));
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.use(securityHeaders());
  app.use(checkHost(deps.allowedHosts ?? defaultAllowedHosts('127.0.0.1')));
  app.use('/api', requireJsonBody());
  mountRateLimits(app, { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits });
  app.use(express.json({ limit: '5mb', strict: false }));
  mountSignInLimits(app, { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits });
  const api = express.Router();
  mountRoutes(
    api,
    routes,
    requestGate(identity, deps.allowedOrigins ?? []),
    permissionCheck(identity.access, (id) => core.store.get('records', id)),
  );
  app.use(api);
  app.use('/api', () => {
    throw new HttpError(404, 'NOT_FOUND', 'no such API route');
  });
  const designer = resolve(deps.designerDir ?? join(process.cwd(), 'dist', 'designer'));
  if (existsSync(join(designer, 'index.html'))) {
    app.use(express.static(designer, { index: 'index.html' }));
    app.get('/{*splat}', (_req, res) => res.sendFile(join(designer, 'index.html')));
  }
  app.use(errorMiddleware(log));
  const scheduler = new Scheduler(core, {
    log,
    ...(deps.timerRetry === undefined ? {} : { retry: deps.timerRetry }),
    ...(deps.timerClaimLeaseMs === undefined ? {} : { claimLeaseMs: deps.timerClaimLeaseMs }),
    ...(deps.beforeTimerRun === undefined ? {} : { beforeRun: deps.beforeTimerRun }),
  });
  timersRunning = () => scheduler.isRunning();
  return {
    app,
    core,
    models,
    records,
    directory,
    scheduler,
    dispatcher,
    delivery,
    documents,
    hooks,
    identity,
    readiness,
    recycleBin,
    audit,
    live,
    routes,
  };
}
