import { describe, expect, it } from 'vitest';
import { compileModel, validateRuleSetSchema } from '../../../schemas/index.js';

describe('rule-set schema', () => {
  // Standard fields are camelCase (`createdAt`, `closeDate`): field keys must accept them.
  it('accepts a compiled rule set with the standard fields of every entity', () => {
    const ruleSet = compileModel({
      schemaVersion: 1,
      id: 'm',
      name: 'M',
      entities: {},
      pipelines: [],
    });
    expect(ruleSet.fields.deal.map((f) => f.key)).toContain('closeDate');
    expect(validateRuleSetSchema(ruleSet)).toEqual([]);
  });
});
