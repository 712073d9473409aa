import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileModel,
  stringifyRuleSet,
  validateModelSchema,
  validateRuleSetSchema,
  type AutomationModel,
} from '../../../schemas/index.js';
import { automationModel, shuffleKeys } from './model-arbitrary.js';

const RUNS = { numRuns: 200 };

describe('compileModel on arbitrary schema-valid models', () => {
  it('never throws and gives a rule set the rule-set schema accepts', () => {
    fc.assert(
      fc.property(automationModel, (model) => {
        expect(validateModelSchema(model)).toEqual([]);
        const ruleSet = compileModel(model);
        expect(validateRuleSetSchema(ruleSet)).toEqual([]);
        const robots = model.pipelines.flatMap((p) => p.stages.flatMap((s) => s.robots));
        const triggers = model.pipelines.flatMap((p) => p.stages.flatMap((s) => s.triggers));
        expect(ruleSet.rules).toHaveLength(robots.length + triggers.length);
      }),
      RUNS,
    );
  });

  it('is deterministic: same model, same bytes; shuffled key order, same bytes', () => {
    fc.assert(
      fc.property(automationModel, fc.integer(), (model, seed) => {
        const once = stringifyRuleSet(compileModel(model));
        expect(stringifyRuleSet(compileModel(model))).toBe(once);
        const shuffled = shuffleKeys(model, seed) as AutomationModel;
        expect(validateModelSchema(shuffled)).toEqual([]);
        expect(stringifyRuleSet(compileModel(shuffled))).toBe(once);
        // Already canonical: plain JSON.stringify of the result gives the same bytes.
        expect(`${JSON.stringify(compileModel(shuffled), null, 2)}\n`).toBe(once);
      }),
      RUNS,
    );
  });

  it('ignores the layout', () => {
    fc.assert(
      fc.property(automationModel, (model) => {
        const { layout: _layout, ...withoutLayout } = model;
        const moved: AutomationModel = {
          ...model,
          layout: { nodes: { 'stage:x/y': { x: 1, y: 2 }, 'robot:z': { x: -3, y: 4 } } },
        };
        const expected = stringifyRuleSet(compileModel(withoutLayout));
        expect(stringifyRuleSet(compileModel(model))).toBe(expected);
        expect(stringifyRuleSet(compileModel(moved))).toBe(expected);
      }),
      RUNS,
    );
  });
});
