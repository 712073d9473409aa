import type { TSchema } from '@sinclair/typebox';
import {
  Department,
  Diagnostic,
  MODEL_JSON_SCHEMA,
  Queue,
  SIMULATION_JSON_SCHEMA,
  SimulationResult,
  User,
} from '../../schemas/index.js';
import {
  DirectoryBody,
  DraftDiscarded,
  ErrorBody,
  EventResult,
  ModelDetail,
  ModelDocument,
  ModelSummary,
  ModelWithDiagnostics,
  PublishResult,
  RecordBody,
  VersionDetail,
  VersionSummary,
} from './schemas/api-schemas.js';
import { DocumentMeta, HookInfo, OutboxItem } from './schemas/delivery-schemas.js';
import { ExampleSummary } from '../../schemas/api/example-schemas.js';
import { ImportResult } from './schemas/import-schemas.js';
import { TimerBody } from './schemas/timer-schemas.js';
import { ScenarioBody } from './routes/simulation-routes.js';

/** A named schema of `components.schemas`, and the route schemas it stands for. */
export interface OpenApiComponent {
  readonly name: string;
  /** What the document shows under the name. */
  readonly schema: object;
  /** Schemas (in routes or inside other schemas) replaced by `$ref` to it. */
  readonly standsFor: readonly object[];
}

const same = (name: string, schema: TSchema): OpenApiComponent => ({
  name,
  schema,
  standsFor: [schema],
});

/**
 * The shared shapes of the API, each documented once and referenced by `$ref`. A
 * model body is validated leniently (the analyzer answers 422 with diagnostics), so
 * its route schema stands for the real model schema here.
 */
export const OPENAPI_COMPONENTS: readonly OpenApiComponent[] = [
  { name: 'AutomationModel', schema: MODEL_JSON_SCHEMA, standsFor: [ModelDocument] },
  { name: 'SimulationScenario', schema: SIMULATION_JSON_SCHEMA, standsFor: [ScenarioBody] },
  same('SimulationResult', SimulationResult),
  same('Diagnostic', Diagnostic),
  same('Error', ErrorBody),
  same('User', User),
  same('Department', Department),
  same('Queue', Queue),
  same('Directory', DirectoryBody),
  same('ModelSummary', ModelSummary),
  same('ModelWithDiagnostics', ModelWithDiagnostics),
  same('ModelDetail', ModelDetail),
  same('PublishResult', PublishResult),
  same('DraftDiscarded', DraftDiscarded),
  same('VersionSummary', VersionSummary),
  same('VersionDetail', VersionDetail),
  same('Record', RecordBody),
  same('EventResult', EventResult),
  same('OutboxItem', OutboxItem),
  same('DocumentMeta', DocumentMeta),
  same('HookInfo', HookInfo),
  same('Timer', TimerBody),
  same('ImportResult', ImportResult),
  same('ExampleSummary', ExampleSummary),
];
