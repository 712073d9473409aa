import {
  chargeArray,
  chargeElements,
  chargeOperations,
  nodeCount,
  recordBuilt,
  sizeOf,
} from './budget.js';
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
 *
 * `cost` is what one visit charges the budget (budget.ts): the inner logic's size
 * in nodes. Each visit also charges the size of what the inner logic can reach (the
 * element, or `reduce`'s accumulator), since comparing it with a string reads it all.
 */
function scoped(
  values: readonly unknown[],
  compile: (node: unknown) => Compiled,
): { source: Compiled; inner: Pc; cost: number } {
  return { source: compile(values[0]), inner: compile(values[1]).fn, cost: nodeCount(values[1]) };
}

export const compileMap: OperationCompiler = (values, compile) => {
  const { source, inner, cost } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      if (!Array.isArray(arr)) return [];
      const out = arr.map((x: unknown) => {
        chargeOperations(cost + sizeOf(x));
        return inner(x);
      });
      return recordBuilt(out, chargeArray(out));
    },
    [source],
  );
};

export const compileFilter: OperationCompiler = (values, compile) => {
  const { source, inner, cost } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      if (!Array.isArray(arr)) return [];
      const out = arr.filter((x: unknown) => {
        chargeOperations(cost + sizeOf(x));
        return truthy(inner(x));
      });
      return recordBuilt(out, chargeArray(out));
    },
    [source],
  );
};

/** `reduce`: the inner scope is `{current, accumulator}`; the seed defaults to null. */
export const compileReduce: OperationCompiler = (values, compile) => {
  const { source, inner, cost } = scoped(values, compile);
  const seed = values[2] !== undefined ? compile(values[2]) : operandNull;
  const s = source.fn;
  const i = seed.fn;
  return derived(
    (d) => {
      const arr = s(d);
      const initial = i(d);
      if (!Array.isArray(arr)) return initial;
      return arr.reduce((accumulator: unknown, current: unknown) => {
        chargeOperations(cost + sizeOf(current) + sizeOf(accumulator));
        return inner({ current, accumulator });
      }, initial);
    },
    [source, seed],
  );
};

const operandNull: Compiled = { fn: () => null, isConstant: true, value: null, isBoolean: false };

/** `all` is false on an empty (or non-) array; `some` too; `none` is true. */
export const compileAll: OperationCompiler = (values, compile) => {
  const { source, inner, cost } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      if (!Array.isArray(arr) || !arr.length) return false;
      for (let k = 0; k < arr.length; k++) {
        chargeOperations(cost + sizeOf(arr[k]));
        if (!truthy(inner(arr[k]))) return false;
      }
      return true;
    },
    [source],
    true,
  );
};

export const compileNone: OperationCompiler = (values, compile) => {
  const { source, inner, cost } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      if (!Array.isArray(arr) || !arr.length) return true;
      for (let k = 0; k < arr.length; k++) {
        chargeOperations(cost + sizeOf(arr[k]));
        if (truthy(inner(arr[k]))) return false;
      }
      return true;
    },
    [source],
    true,
  );
};

export const compileSome: OperationCompiler = (values, compile) => {
  const { source, inner, cost } = scoped(values, compile);
  const s = source.fn;
  return derived(
    (d) => {
      const arr = s(d);
      if (!Array.isArray(arr) || !arr.length) return false;
      for (let k = 0; k < arr.length; k++) {
        chargeOperations(cost + sizeOf(arr[k]));
        if (truthy(inner(arr[k]))) return true;
      }
      return false;
    },
    [source],
    true,
  );
};

/**
 * `merge`: concatenates, flattening array operands one level. The result's size
 * (through nested arrays) is charged before it is built: a `reduce` merging its
 * accumulator with itself doubles it at every step.
 */
export const compileMerge: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const fns = operands.map((o) => o.fn);
  return derived((d) => {
    const parts = fns.map((f) => f(d));
    let size = 0;
    for (const part of parts)
      size += Array.isArray(part) ? sizeOf(part) : 1 + (typeof part === 'string' ? part.length : 0);
    chargeElements(size);
    let out: unknown[] = [];
    for (let k = 0; k < parts.length; k++) out = out.concat(parts[k]);
    return recordBuilt(out, size);
  }, operands);
};
