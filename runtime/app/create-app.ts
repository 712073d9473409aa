import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express } from 'express';
import { Type } from '@sinclair/typebox';
import { Engine } from '../engine/engine.js';
import {
  createIdGenerator,
  outboxToStore,
  systemClock,
  type Clock,
  type IdGenerator,
  type Logger,
  type OutboxPort,
} from '../engine/ports.js';
import { errorMiddleware } from '../http/error-middleware.js';
import { HttpError } from '../http/http-error.js';
import { mountRoutes } from '../http/mount-routes.js';
import { buildOpenApi } from '../http/openapi.js';
import type { RouteDef } from '../http/route.js';
import { directoryRoutes } from '../http/routes/directory-routes.js';
import { modelRoutes } from '../http/routes/model-routes.js';
import { recordRoutes } from '../http/routes/record-routes.js';
import { exampleRoutes } from '../http/routes/example-routes.js';
import type { ExampleCatalogue } from '../services/example-catalogue.js';
import { ExampleService } from '../services/example-service.js';
import { fileExampleCatalogue } from '../seed/file-example-catalogue.js';
import { simulationRoutes } from '../http/routes/simulation-routes.js';
import { Health } from '../http/schemas/api-schemas.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { DirectoryService } from '../services/directory-service.js';
import { ModelService } from '../services/model-service.js';
import { RecordService } from '../services/record-service.js';
import { RuntimeCore } from '../services/runtime-core.js';
import type { Store } from '../store/store.js';

export interface AppDeps {
  store: Store;
  clock?: Clock;
  ids?: IdGenerator;
  log?: Logger;
  outbox?: OutboxPort;
  /** Built designer to serve at `/` (default `dist/designer` when it exists). */
  designerDir?: string;
  /** The examples gallery (default the `examples/` folder of the working directory). */
  examples?: ExampleCatalogue;
}

export interface ConveyorApp {
  app: Express;
  core: RuntimeCore;
  models: ModelService;
  records: RecordService;
  directory: DirectoryService;
  scheduler: Scheduler;
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
  const log = deps.log ?? silentLogger;
  const engine = new Engine({ clock, ids, outbox: deps.outbox ?? outboxToStore });
  const core = new RuntimeCore(deps.store, engine, clock, ids);
  const models = new ModelService(core);
  const records = new RecordService(core);
  const directory = new DirectoryService(core);
  await models.activateAll();

  const routes: RouteDef[] = [
    {
      method: 'get',
      path: '/api/health',
      tag: 'meta',
      summary: 'Liveness',
      responses: { 200: Health },
      handle: async () => ({ body: { status: 'ok' } }),
    },
    ...directoryRoutes(directory),
    ...modelRoutes(models),
    ...recordRoutes(records),
    ...exampleRoutes(
      new ExampleService(
        deps.examples ?? fileExampleCatalogue(join(process.cwd(), 'examples')),
        models,
      ),
    ),
    ...simulationRoutes({ models, directory: () => core.directory() }),
  ];
  const openapiRoute: RouteDef = {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'meta',
    summary: 'This document',
    responses: { 200: Type.Object({}, { additionalProperties: true }) },
    handle: async () => ({ body: openapi }),
  };
  routes.splice(1, 0, openapiRoute);
  const openapi = buildOpenApi(routes);

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '5mb', strict: false }));
  const api = express.Router();
  mountRoutes(api, routes);
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
  return { app, core, models, records, directory, scheduler: new Scheduler(core), routes };
}
