import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareCondition } from '../../../runtime/engine/condition/prepare-condition.js';
import { referenceJsonLogic } from '../../../runtime/engine/condition/reference-json-logic.js';
import { checkLogic } from '../../../schemas/index.js';
import { crmRule, fieldTestsRule, record, rule, tinyRecord } from './arbitraries.js';
import { outcomeOf, sameOutcome, showOutcome } from './outcome.js';

const jsonLogic = referenceJsonLogic();

describe('prepareCondition is jsonLogic.apply, on random rules and records', () => {
  it('generated rules are ones checkLogic accepts (so the comparison is not vacuous)', () => {
    fc.assert(
      fc.property(rule, (r) => checkLogic(r).length === 0),
      { numRuns: 500 },
    );
  });

  it.each([
    ['any allowed operation', rule, record],
    ['CRM-shaped conditions', crmRule, record],
    ['and/or of field-versus-constant tests', fieldTestsRule, record],
    ['and/or of field tests, values often equal to the constants', fieldTestsRule, tinyRecord],
  ])(
    '%s: deep-strict-equal results, throwing exactly when json-logic-js throws',
    (_name, rules, records_) => {
      fc.assert(
        fc.property(rules, fc.array(records_, { minLength: 1, maxLength: 4 }), (r, records) => {
          const prepared = prepareCondition(r);
          for (const data of records) {
            const ours = outcomeOf(() => prepared(data));
            const ref = outcomeOf(() => jsonLogic.apply(r as never, data));
            if (!sameOutcome(ours, ref))
              throw new Error(`ours ${showOutcome(ours)}, json-logic-js ${showOutcome(ref)}`);
          }
        }),
        { numRuns: 10_000 },
      );
    },
  );

  it('one prepared closure gives the same answers however often it is called', () => {
    fc.assert(
      fc.property(rule, record, (r, data) => {
        const prepared = prepareCondition(r);
        const first = outcomeOf(() => prepared(data));
        const second = outcomeOf(() => prepared(data));
        expect(sameOutcome(first, second)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
