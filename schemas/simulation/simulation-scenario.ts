import { Type, type Static } from '@sinclair/typebox';
import { Duration, Key } from '../model/common.js';
import { Expectation } from './expectation.js';
import { ScenarioRecord, ScenarioStep, SimulationDirectory } from './scenario.js';

export const DEFAULT_SIMULATION_START = '2026-01-05T09:00:00Z';
export const DEFAULT_SIMULATION_HORIZON = { value: 10, unit: 'days' } as const;
/** The seed of the simulation's random choices (random assignment) when none is given. */
export const DEFAULT_SIMULATION_SEED = 1;
/** Past this many fired timers the run stops and says so (a model that plans forever). */
export const MAX_SIMULATED_TIMERS = 20_000;

/**
 * What `POST /api/simulate`, `conveyor simulate` and the examples' scripts run: a
 * model (a draft as it is, or a published version by `modelId`), a directory, the
 * records at minute 0, a script of steps at virtual times and the expectations.
 */
export const SimulationScenario = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    /** A whole model document; checked by the analyzer (422 on errors). */
    model: Type.Optional(Type.Object({}, { additionalProperties: true })),
    modelId: Type.Optional(Key),
    /** With `modelId`: which published version (default the latest). */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    directory: Type.Optional(SimulationDirectory),
    start: Type.Optional(Type.String({ format: 'date-time' })),
    horizon: Type.Optional(Duration),
    /**
     * Seeds the random choices (random assignment): the same scenario with the same
     * seed gives the same result (default DEFAULT_SIMULATION_SEED).
     */
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4_294_967_295 })),
    records: Type.Optional(Type.Array(ScenarioRecord, { maxItems: 20_000 })),
    steps: Type.Optional(Type.Array(ScenarioStep, { maxItems: 20_000 })),
    expect: Type.Optional(Type.Array(Expectation, { maxItems: 1000 })),
  },
  {
    additionalProperties: false,
    $id: 'https://conveyor.dev/schemas/simulation.schema.json',
    title: 'Conveyor simulation scenario',
  },
);
export type SimulationScenario = Static<typeof SimulationScenario>;
