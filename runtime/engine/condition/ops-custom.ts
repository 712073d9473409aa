import { CUSTOM_OPERATIONS } from '../../../schemas/index.js';
import type { Compiled } from './compiled.js';
import { derived } from './compiled.js';
import type { OperationCompiler } from './operation.js';

/**
 * Calls a custom operation with exactly the operands the rule gave (json-logic-js
 * passes them as arguments, so their count is preserved). Custom operations are pure
 * functions of their operands, so constant calls fold.
 */
export function compileCall(
  impl: (...args: unknown[]) => unknown,
  operands: readonly Compiled[],
): Compiled {
  const fns = operands.map((o) => o.fn);
  const [a, b, c] = fns;
  if (fns.length === 0) return derived(() => impl(), operands);
  if (fns.length === 1 && a) return derived((d) => impl(a(d)), operands);
  if (fns.length === 2 && a && b) return derived((d) => impl(a(d), b(d)), operands);
  if (fns.length === 3 && a && b && c) return derived((d) => impl(a(d), b(d), c(d)), operands);
  return derived((d) => impl(...fns.map((f) => f(d))), operands);
}

/** One compiler per operation in `CUSTOM_OPERATIONS` (schemas/logic/custom-operations.ts). */
export const CUSTOM_COMPILERS: ReadonlyMap<string, OperationCompiler> = new Map(
  Object.entries(CUSTOM_OPERATIONS).map(([name, impl]): [string, OperationCompiler] => [
    name,
    (values, compile) => compileCall(impl, values.map(compile)),
  ]),
);
