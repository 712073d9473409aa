import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics.js';
import { SIMULATION_JSON_SCHEMA } from '../json-schema/documents.js';
import { compileSchema, schemaDiagnostics } from '../validation/validate-schema.js';

let validator: ValidateFunction | undefined;

/** Schema check of a simulation scenario; `[]` means it is a `SimulationScenario`. */
export function validateSimulationSchema(doc: unknown): Diagnostic[] {
  validator ??= compileSchema(SIMULATION_JSON_SCHEMA);
  return schemaDiagnostics(validator, doc);
}
