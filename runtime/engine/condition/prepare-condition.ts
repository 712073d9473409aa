import { checkLogic, hasErrors } from '../../../schemas/index.js';
import { compileNode } from './compile-node.js';
import type { PreparedCondition } from './compiled.js';
import { ConditionError } from './condition-error.js';

export type { PreparedCondition } from './compiled.js';
export { ConditionError } from './condition-error.js';

/**
 * Prepares a JSON-Logic condition once (per published version) into a closure that
 * returns what `jsonLogic.apply(logic, data)` would. Refuses, with a
 * `ConditionError` carrying the diagnostics, anything `checkLogic` refuses:
 * operations off the allow-list, unsafe `var` paths, oversized trees.
 *
 * @example
 * const isBig = prepareCondition({ '>': [{ var: 'amount' }, 1000000] });
 * isBig({ amount: 2500000 }); // true
 */
export function prepareCondition(logic: unknown): PreparedCondition {
  const diagnostics = checkLogic(logic);
  if (hasErrors(diagnostics)) throw new ConditionError(diagnostics);
  return compileNode(logic).fn;
}
