import { conditionVars } from './condition/condition-vars.js';
import {
  ConditionError,
  prepareCondition,
  type PreparedCondition,
} from './condition/prepare-condition.js';
import { readVar } from './condition/read-var.js';

export type { PreparedCondition } from './condition/prepare-condition.js';
export { truthy } from './condition/truthy.js';

/**
 * The engine's one entry point to JSON-Logic: every condition, computed field value
 * and assignment-table row of a published version goes through here, once per
 * version, into the compiled evaluator of `condition/` (guarded `var` paths, an
 * evaluation budget). Tools outside the repository time this function, and
 * `bench/conditions.ts` imports it from here.
 *
 * A rule `checkLogic` refuses (publishing refuses it first, so only a stored version
 * from before a check was added can hold one) is not thrown at preparation, which
 * would stop a whole version from loading: it fails each time it is evaluated, with
 * the diagnostics as the reason, and the engine records that in the timeline.
 *
 * @example prepare({ '>': [{ var: 'amount' }, 1000] })({ amount: 5000 }) // true
 */
export function prepare(logic: unknown): PreparedCondition {
  try {
    return prepareCondition(logic);
  } catch (e) {
    if (!(e instanceof ConditionError)) throw e;
    return () => {
      throw e;
    };
  }
}

/**
 * The record paths a condition reads at its top level, to record their values in the
 * timeline beside the decision.
 *
 * @example inputsOf({ '>': [{ var: 'amount' }, 1000] }) // ['amount']
 */
export function inputsOf(logic: unknown): string[] {
  return conditionVars(logic);
}

/** The value a condition sees at `path` (`var` with no default, prototype paths guarded). */
export function readInput(data: unknown, path: string): unknown {
  return readVar(data, path, null);
}
