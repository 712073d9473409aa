import type { FieldTest } from './field-test.js';

/** A condition (or any sub-tree of one) ready to evaluate against a record. */
export type PreparedCondition = (data: unknown) => unknown;

/**
 * What compiling one node yields. Besides the closure, the compiler keeps what it
 * learned statically so parents can specialise: constants fold, comparisons of a
 * `var` with a constant read the field inline, `and` of booleans unrolls.
 */
export interface Compiled {
  readonly fn: PreparedCondition;
  /** True when the value does not depend on the data (then `value` holds it). */
  readonly isConstant: boolean;
  readonly value: unknown;
  /** True when the closure always returns a boolean (so truthiness is the value). */
  readonly isBoolean: boolean;
  /**
   * Set on a `var` whose path is a constant and whose default is null: the
   * pre-split segments, so a parent can read the field without a closure call.
   */
  readonly path?: readonly string[];
  /**
   * Set on a two-operand comparison of a one-segment `var` with a constant (and on
   * `in` with a constant list): the same test as data, so `and`/`or` can run a
   * series of them without calling closures (see `field-test.ts`).
   */
  readonly test?: FieldTest;
}

/** Compiles one node of a JSON-Logic tree. Passed to operations so they can recurse. */
export type CompileNode = (node: unknown) => Compiled;

/** Builds a constant node. */
export function constant(value: unknown): Compiled {
  return { fn: () => value, isConstant: true, value, isBoolean: typeof value === 'boolean' };
}

/**
 * Builds a node computed from its operands. When every operand is constant (and the
 * operation does not read the data) it is evaluated once now; if that throws, the
 * closure is kept so the error surfaces at evaluation time, as json-logic-js does.
 */
export function derived(
  fn: PreparedCondition,
  operands: readonly Compiled[],
  isBoolean = false,
): Compiled {
  if (operands.every((o) => o.isConstant)) {
    try {
      return constant(fn(undefined));
    } catch {
      // Keep the closure: json-logic-js throws when the rule is applied, not before.
    }
  }
  return { fn, isConstant: false, value: undefined, isBoolean };
}

/** A node that reads the data: never folded. */
export function dynamic(fn: PreparedCondition, isBoolean = false): Compiled {
  return { fn, isConstant: false, value: undefined, isBoolean };
}
