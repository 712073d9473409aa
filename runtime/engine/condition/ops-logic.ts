import type { Compiled, PreparedCondition } from './compiled.js';
import { constant, derived } from './compiled.js';
import { operand, withIgnoredOperands, type OperationCompiler } from './operation.js';
import { allPass, anyPasses, type FieldTest } from './field-test.js';
import { truthy } from './truthy.js';

/** The operands' field tests when every operand is one (and there are two or more). */
function fieldTests(operands: readonly Compiled[]): FieldTest[] | undefined {
  if (operands.length < 2 || !operands.every((o) => o.test !== undefined)) return undefined;
  return operands.map((o) => o.test as FieldTest);
}

type Pc = PreparedCondition;

/**
 * `and` returns the first falsy operand, or the last one (undefined with none),
 * evaluating lazily. When every operand is known to be boolean, `&&` gives the
 * same value, so common arities unroll into one expression.
 */
export const compileAnd: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  if (operands.length === 0) return constant(undefined);
  const fns = operands.map((o) => o.fn);
  const allBoolean = operands.every((o) => o.isBoolean);
  const [a, b, c, e, f] = fns as [Pc, Pc, Pc, Pc, Pc];
  const tests = fieldTests(operands);
  let fn: Pc;
  if (tests) fn = allPass(tests);
  else if (allBoolean && fns.length === 1) fn = a;
  else if (allBoolean && fns.length === 2) fn = (d) => (a(d) as boolean) && b(d);
  else if (allBoolean && fns.length === 3) fn = (d) => (a(d) as boolean) && b(d) && c(d);
  else if (allBoolean && fns.length === 4) fn = (d) => (a(d) as boolean) && b(d) && c(d) && e(d);
  else if (allBoolean && fns.length === 5)
    fn = (d) => (a(d) as boolean) && b(d) && c(d) && e(d) && f(d);
  else
    fn = (d) => {
      let current: unknown;
      for (let i = 0; i < fns.length; i++) {
        current = (fns[i] as Pc)(d);
        if (!truthy(current)) return current;
      }
      return current;
    };
  return derived(fn, operands, allBoolean);
};

/** `or` returns the first truthy operand, or the last one (undefined with none). */
export const compileOr: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  if (operands.length === 0) return constant(undefined);
  const fns = operands.map((o) => o.fn);
  const allBoolean = operands.every((o) => o.isBoolean);
  const [a, b, c] = fns as [Pc, Pc, Pc];
  const tests = fieldTests(operands);
  let fn: Pc;
  if (tests) fn = anyPasses(tests);
  else if (allBoolean && fns.length === 1) fn = a;
  else if (allBoolean && fns.length === 2) fn = (d) => (a(d) as boolean) || b(d);
  else if (allBoolean && fns.length === 3) fn = (d) => (a(d) as boolean) || b(d) || c(d);
  else
    fn = (d) => {
      let current: unknown;
      for (let i = 0; i < fns.length; i++) {
        current = (fns[i] as Pc)(d);
        if (truthy(current)) return current;
      }
      return current;
    };
  return derived(fn, operands, allBoolean);
};

/**
 * `if` / `?:`: pairs of (condition, value), then an optional else; null when no
 * branch applies and there is no else. Only the chosen branch is evaluated.
 */
export const compileIf: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  if (operands.length === 0) return constant(null);
  if (operands.length === 1) return operands[0] as Compiled;
  const branches = operands.filter((_, i) => i % 2 === 1 || i === operands.length - 1);
  const isBoolean = operands.length % 2 === 1 && branches.every((o) => o.isBoolean);
  if (operands.length === 3) {
    const [c, t, e] = operands.map((o) => o.fn) as [Pc, Pc, Pc];
    const cond = operands[0] as Compiled;
    const fn: Pc = cond.isBoolean
      ? (d) => (c(d) ? t(d) : e(d))
      : (d) => (truthy(c(d)) ? t(d) : e(d));
    return derived(fn, operands, isBoolean);
  }
  const fns = operands.map((o) => o.fn);
  const fn: Pc = (d) => {
    let i = 0;
    for (; i < fns.length - 1; i += 2) {
      if (truthy((fns[i] as Pc)(d))) return (fns[i + 1] as Pc)(d);
    }
    return fns.length === i + 1 ? (fns[i] as Pc)(d) : null;
  };
  return derived(fn, operands, isBoolean);
};

/** `!`: negated truthiness of the first operand (every operand is still evaluated). */
export const compileNot: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const a = operand(operands, 0);
  const f = a.fn;
  const fn: Pc = a.isBoolean ? (d) => !f(d) : (d) => !truthy(f(d));
  return derived(withIgnoredOperands(fn, operands, 1), operands, true);
};

/** `!!`: truthiness of the first operand. */
export const compileDoubleNot: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const a = operand(operands, 0);
  const f = a.fn;
  const fn: Pc = a.isBoolean ? f : (d) => truthy(f(d));
  return derived(withIgnoredOperands(fn, operands, 1), operands, true);
};
