import { chargeOperations } from './budget.js';
import type { CompileNode } from './compiled.js';
import { dynamic } from './compiled.js';
import { isForbiddenPath, readSegments, readVar, splitVarPath } from './read-var.js';
import { operand, withIgnoredOperands, type OperationCompiler } from './operation.js';

type Indexable = Record<string, unknown>;

/** Reads one constant path; `segments === null` means the whole data. */
function varReader(segments: readonly string[] | null, notFound: unknown): (d: unknown) => unknown {
  if (segments === null) return (d) => d;
  if (isForbiddenPath(segments)) return () => notFound;
  if (segments.length === 1) {
    const key = segments[0] as string;
    return (d) => {
      if (d === null || d === undefined) return notFound;
      const v = (d as Indexable)[key];
      return v === undefined ? notFound : v;
    };
  }
  return (d) => readSegments(d, segments, notFound);
}

/** `{"var": [path, default]}`; a constant path is split once, here. */
export const compileVar: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const path = operand(operands, 0);
  const fallback = operand(operands, 1);
  if (path.isConstant && fallback.isConstant) {
    const notFound = fallback.value === undefined ? null : fallback.value;
    const segments = splitVarPath(path.value);
    const read = varReader(segments, notFound);
    const fn = withIgnoredOperands(read, operands, 2);
    const plain =
      notFound === null && segments !== null && fn === read && !isForbiddenPath(segments);
    return plain ? { ...dynamic(fn), path: segments } : dynamic(fn);
  }
  const p = path.fn;
  const f = fallback.fn;
  return dynamic(withIgnoredOperands((d) => readVar(d, p(d), f(d)), operands, 2));
};

/**
 * The value `missing` tests for one key: json-logic-js applies `{"var": key}`, so a
 * key that is an array or object (only possible when computed) is itself run as logic.
 */
function keyValue(data: unknown, key: unknown, compile: CompileNode): unknown {
  if (typeof key === 'object' && key !== null) return compile({ var: key }).fn(data);
  return readVar(data, key, null);
}

function missingOf(data: unknown, keys: ArrayLike<unknown>, compile: CompileNode): unknown[] {
  chargeOperations(keys.length);
  const out: unknown[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = keyValue(data, key, compile);
    if (value === null || value === '') out.push(key);
  }
  return out;
}

/** The keys of `missing`: its first operand when that is an array, else all operands. */
function keysOf(values: readonly unknown[]): ArrayLike<unknown> {
  return Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
}

/** `{"missing": [keys...]}` or `{"missing": [[keys...]]}`. */
export const compileMissing: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  if (operands.every((o) => o.isConstant)) {
    const keys = Array.from(keysOf(operands.map((o) => o.value)));
    if (keys.every((k) => typeof k !== 'object' || k === null)) {
      const readers = keys.map((k) => varReader(splitVarPath(k), null));
      return dynamic((d) => {
        const out: unknown[] = [];
        for (let i = 0; i < readers.length; i++) {
          const v = (readers[i] as (d: unknown) => unknown)(d);
          if (v === null || v === '') out.push(keys[i]);
        }
        return out;
      });
    }
  }
  const fns = operands.map((o) => o.fn);
  return dynamic((d) => missingOf(d, keysOf(fns.map((f) => f(d))), compile));
};

/**
 * `{"missing_some": [need, keys]}`: json-logic-js re-applies `{"missing": keys}` to
 * the evaluated keys, so they pass through `apply` a second time; reproduced here.
 */
export const compileMissingSome: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const need = operand(operands, 0).fn;
  const options = operand(operands, 1).fn;
  const applyValue = (v: unknown, d: unknown): unknown =>
    typeof v === 'object' && v !== null ? compile(v).fn(d) : v;
  const fn = (d: unknown): unknown => {
    const n = need(d);
    const opts = options(d);
    const reapplied = (Array.isArray(opts) ? opts : [opts]).map((v) => applyValue(v, d));
    const areMissing = missingOf(d, keysOf(reapplied), compile);
    return (opts as { length: number }).length - areMissing.length >= (n as number)
      ? []
      : areMissing;
  };
  return dynamic(withIgnoredOperands(fn, operands, 2));
};
