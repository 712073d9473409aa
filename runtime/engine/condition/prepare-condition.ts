import { checkLogic, hasErrors } from '../../../schemas/index.js';
import {
  checkResult,
  CONDITION_LIMITS,
  isBoundedByItsSize,
  startBudget,
  type ConditionLimits,
} from './budget.js';
import { compileNode } from './compile-node.js';
import type { PreparedCondition } from './compiled.js';
import { ConditionError } from './condition-error.js';

export type { PreparedCondition } from './compiled.js';
export { ConditionError } from './condition-error.js';
export { CONDITION_LIMITS, ConditionLimitError, type ConditionLimits } from './budget.js';

/**
 * Prepares a JSON-Logic condition once (per published version) into a closure that
 * returns what `jsonLogic.apply(logic, data)` would. Refuses, with a
 * `ConditionError` carrying the diagnostics, anything `checkLogic` refuses:
 * operations off the allow-list, unsafe `var` paths, oversized trees.
 *
 * Each call of the closure runs under a fresh budget (`limits`, see budget.ts) and
 * throws `ConditionLimitError` past it; constant folding while preparing runs under
 * one budget too (a sub-tree that exceeds it is left to fail at evaluation). A
 * condition that cannot outgrow its own size (no iterators, see
 * `isBoundedByItsSize`) is returned as compiled, without the budget's bookkeeping.
 *
 * @example
 * const isBig = prepareCondition({ '>': [{ var: 'amount' }, 1000000] });
 * isBig({ amount: 2500000 }); // true
 */
export function prepareCondition(
  logic: unknown,
  limits: ConditionLimits = CONDITION_LIMITS,
): PreparedCondition {
  const diagnostics = checkLogic(logic);
  if (hasErrors(diagnostics)) throw new ConditionError(diagnostics);
  startBudget(limits);
  const fn = compileNode(logic).fn;
  if (isBoundedByItsSize(logic)) return fn;
  return (data) => {
    startBudget(limits);
    const result = fn(data);
    if (typeof result === 'object' && result !== null) checkResult(result);
    return result;
  };
}
