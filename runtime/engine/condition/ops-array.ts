import type { Compiled, PreparedCondition } from './compiled.js';
import { derived } from './compiled.js';
import type { OperationCompiler } from './operation.js';
import { truthy } from './truthy.js';

type Pc = PreparedCondition;

/**
 * The iterators evaluate their first operand against the current data and their
 * second against each element (the element becomes the whole data of that scope;
 * the outer data is not reachable). Operands past those are never evaluated.
 * When the array is constant the result is too, whatever the inner logic.
 */
function scoped(
  values: readonly unknown[],
  compile: (node: unknown) => Compiled,
): { source: Compiled; inner: Pc } {
  return { source: compile(values[0]), inner: compile(values[1]).fn };
}

export const compileMap: OperationCompiler = (values, compile) => {
  const { source, inner } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      return Array.isArray(arr) ? arr.map((x: unknown) => inner(x)) : [];
    },
    [source],
  );
};

export const compileFilter: OperationCompiler = (values, compile) => {
  const { source, inner } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      return Array.isArray(arr) ? arr.filter((x: unknown) => truthy(inner(x))) : [];
    },
    [source],
  );
};

/** `reduce`: the inner scope is `{current, accumulator}`; the seed defaults to null. */
export const compileReduce: OperationCompiler = (values, compile) => {
  const { source, inner } = scoped(values, compile);
  const seed = values[2] !== undefined ? compile(values[2]) : operandNull;
  const s = source.fn;
  const i = seed.fn;
  return derived(
    (d) => {
      const arr = s(d);
      const initial = i(d);
      if (!Array.isArray(arr)) return initial;
      return arr.reduce(
        (accumulator: unknown, current: unknown) => inner({ current, accumulator }),
        initial,
      );
    },
    [source, seed],
  );
};

const operandNull: Compiled = { fn: () => null, isConstant: true, value: null, isBoolean: false };

/** `all` is false on an empty (or non-) array; `some` too; `none` is true. */
export const compileAll: OperationCompiler = (values, compile) => {
  const { source, inner } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      if (!Array.isArray(arr) || !arr.length) return false;
      for (let k = 0; k < arr.length; k++) if (!truthy(inner(arr[k]))) return false;
      return true;
    },
    [source],
    true,
  );
};

export const compileNone: OperationCompiler = (values, compile) => {
  const { source, inner } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      if (!Array.isArray(arr) || !arr.length) return true;
      for (let k = 0; k < arr.length; k++) if (truthy(inner(arr[k]))) return false;
      return true;
    },
    [source],
    true,
  );
};

export const compileSome: OperationCompiler = (values, compile) => {
  const { source, inner } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      if (!Array.isArray(arr) || !arr.length) return false;
      for (let k = 0; k < arr.length; k++) if (truthy(inner(arr[k]))) return true;
      return false;
    },
    [source],
    true,
  );
};

/** `merge`: concatenates, flattening array operands one level. */
export const compileMerge: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const fns = operands.map((o) => o.fn);
  return derived((d) => {
    let out: unknown[] = [];
    for (let k = 0; k < fns.length; k++) out = out.concat((fns[k] as Pc)(d));
    return out;
  }, operands);
};
