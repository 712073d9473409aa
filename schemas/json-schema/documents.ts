import { AutomationModel } from '../model/model.js';
import { RuleSet } from '../ruleset/ruleset.js';
import { SimulationResult } from '../simulation/simulation-result.js';
import { SimulationScenario } from '../simulation/simulation-scenario.js';
import { discriminateUnions } from './discriminate.js';

/** The published JSON Schemas; `schemas/generated/*.schema.json` are these, committed. */
export const MODEL_JSON_SCHEMA: object = discriminateUnions(AutomationModel);
export const RULESET_JSON_SCHEMA: object = discriminateUnions(RuleSet);
export const SIMULATION_JSON_SCHEMA: object = discriminateUnions(SimulationScenario);
export const SIMULATION_RESULT_JSON_SCHEMA: object = discriminateUnions(SimulationResult);

export const GENERATED_SCHEMAS: Readonly<Record<string, object>> = {
  'model.schema.json': MODEL_JSON_SCHEMA,
  'ruleset.schema.json': RULESET_JSON_SCHEMA,
  'simulation.schema.json': SIMULATION_JSON_SCHEMA,
  'simulation-result.schema.json': SIMULATION_RESULT_JSON_SCHEMA,
};
