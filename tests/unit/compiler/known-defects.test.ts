import { describe, expect, it } from 'vitest';
import { compileModel, validateRuleSetSchema } from '../../../schemas/index.js';

describe('known schema defect', () => {
  // RuleSetField.key (and the model's field references) use `Key`, lower case only, but
  // the catalogue's standard fields include `createdAt` and `closeDate`. When this test
  // starts failing the schema was fixed: drop `it.fails` and the filter in
  // rule-set-schema-errors.ts.
  it.fails('every compiled rule set passes the rule-set schema, standard fields included', () => {
    const ruleSet = compileModel({
      schemaVersion: 1,
      id: 'm',
      name: 'M',
      entities: {},
      pipelines: [],
    });
    expect(validateRuleSetSchema(ruleSet)).toEqual([]);
  });
});
