import type { CompileNode, Compiled, PreparedCondition } from './compiled.js';

/**
 * Compiles one operation from its raw operand list (json-logic-js wraps a lone
 * operand in an array first). Most operations compile every operand up front
 * (json-logic-js evaluates them depth-first); `if`, `and`, `or` and the iterators
 * decide themselves what to evaluate and in which scope.
 */
export type OperationCompiler = (values: readonly unknown[], compile: CompileNode) => Compiled;

/**
 * json-logic-js evaluates every operand, even those an operation ignores (`>` reads
 * two), so an ignored operand that throws still makes the rule throw. Keeps that:
 * operands past `used` that are not constants are evaluated, then discarded.
 */
export function withIgnoredOperands(
  fn: PreparedCondition,
  operands: readonly Compiled[],
  used: number,
): PreparedCondition {
  const ignored = operands.slice(used).filter((o) => !o.isConstant);
  if (ignored.length === 0) return fn;
  return (d) => {
    for (let i = 0; i < ignored.length; i++) (ignored[i] as Compiled).fn(d);
    return fn(d);
  };
}

/** The constant `undefined` json-logic-js passes for a missing operand. */
export const UNDEFINED_OPERAND: Compiled = {
  fn: () => undefined,
  isConstant: true,
  value: undefined,
  isBoolean: false,
};

/** Operand `i`, or a constant undefined when the rule gave fewer. */
export function operand(operands: readonly Compiled[], i: number): Compiled {
  return operands[i] ?? UNDEFINED_OPERAND;
}
