import type { TSchema } from '@sinclair/typebox';
import {
  SIMULATION_JSON_SCHEMA,
  SimulationResult,
  type SimulationScenario,
} from '../../../schemas/index.js';
import type { TemplateRenderer } from '../../engine/template-renderer.js';
import type { ModelService } from '../../services/model-service.js';
import type { DirectoryEntries } from '../../domain/directory.js';
import { diag, fail } from '../../simulation/check-scenario.js';
import { runSimulation } from '../../simulation/run-simulation.js';
import { HttpError } from '../http-error.js';
import type { RouteDef } from '../route.js';
import { ErrorBody } from '../schemas/api-schemas.js';

// The generated schema (unions discriminated by `do`) validates the body, so a bad
// step is reported against its own branch; its `$id` is dropped so ajv can compile it
// beside other schemas without an id clash.
const { $id: _id, ...scenarioSchema } = SIMULATION_JSON_SCHEMA as Record<string, unknown>;
export const ScenarioBody = scenarioSchema as unknown as TSchema;

export interface SimulationRouteDeps {
  models: ModelService;
  /** The runtime's directory; the model's and the scenario's go on top of it. */
  directory(): Promise<DirectoryEntries>;
  /** The runtime's template renderer (its limits apply to simulations too). */
  templates?: TemplateRenderer;
}

/** What runs: the scenario's draft model, or a published version by `modelId`. */
async function resolveModel(
  deps: SimulationRouteDeps,
  s: SimulationScenario,
): Promise<{ model: unknown; version: number }> {
  if ((s.model === undefined) === (s.modelId === undefined))
    fail(400, 'INVALID_SCENARIO', [
      diag('MODEL_OR_MODEL_ID', '/', 'give exactly one of model and modelId'),
    ]);
  if (s.modelId === undefined) {
    if (s.version !== undefined)
      fail(400, 'INVALID_SCENARIO', [
        diag('VERSION_WITHOUT_MODEL_ID', '/version', 'version needs modelId'),
      ]);
    return { model: s.model, version: 0 };
  }
  const entry = await deps.models.get(s.modelId);
  const n = s.version ?? entry.publishedVersion;
  if (n === undefined)
    throw new HttpError(
      422,
      'NOT_PUBLISHED',
      `/modelId: model ${s.modelId} has no published version`,
    );
  const v = await deps.models.version(s.modelId, n);
  return { model: v.model, version: v.version };
}

/** `POST /api/simulate`: the engine on a virtual clock, with nothing leaving it. */
export function simulationRoutes(deps: SimulationRouteDeps): RouteDef[] {
  return [
    {
      method: 'post',
      path: '/api/simulate',
      permission: { action: 'simulate', subject: 'automation' },
      tag: 'simulation',
      summary:
        'Simulate a model (draft or published version) over a script of steps at virtual times; answers the timeline, final records, tasks, notifications, outbox and expectations',
      body: ScenarioBody,
      responses: { 200: SimulationResult, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const scenario = r.body as SimulationScenario;
        const { model, version } = await resolveModel(deps, scenario);
        const result = await runSimulation({
          scenario,
          model,
          version,
          baseDirectory: await deps.directory(),
          ...(deps.templates === undefined ? {} : { templates: deps.templates }),
        });
        return { body: result };
      },
    },
  ];
}
