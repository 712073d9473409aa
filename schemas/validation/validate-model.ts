import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics.js';
import { MODEL_JSON_SCHEMA, RULESET_JSON_SCHEMA } from '../json-schema/documents.js';
import type { AutomationModel } from '../model/model.js';
import type { RuleSet } from '../ruleset/ruleset.js';
import { compileSchema, schemaDiagnostics } from './validate-schema.js';

let modelValidator: ValidateFunction | undefined;
let ruleSetValidator: ValidateFunction | undefined;

/** Schema check of a model document; `[]` means it is an `AutomationModel`. */
export function validateModelSchema(doc: unknown): Diagnostic[] {
  modelValidator ??= compileSchema(MODEL_JSON_SCHEMA);
  return schemaDiagnostics(modelValidator, doc);
}

export function isModel(doc: unknown): doc is AutomationModel {
  return validateModelSchema(doc).length === 0;
}

export function validateRuleSetSchema(doc: unknown): Diagnostic[] {
  ruleSetValidator ??= compileSchema(RULESET_JSON_SCHEMA);
  return schemaDiagnostics(ruleSetValidator, doc);
}

export function isRuleSet(doc: unknown): doc is RuleSet {
  return validateRuleSetSchema(doc).length === 0;
}
