import type { Compiled, PreparedCondition } from './compiled.js';
import { derived } from './compiled.js';
import { fieldTest } from './field-test.js';
import { operand, withIgnoredOperands, type OperationCompiler } from './operation.js';

type Indexable = Record<string, unknown>;
type Pc = PreparedCondition;
type N = number;

/*
 * Each operator gets its own closure literal (rather than one closure calling an
 * operator function) so V8 sees one monomorphic comparison per call site and can
 * inline it. `var` compared with a constant reads the field inline: the hottest
 * shape in CRM conditions (`amount > 1000`, `status == "won"`).
 */

/** The field under `key` the way `var` reads it with a null default. */
function field(d: unknown, key: string): unknown {
  if (d === null || d === undefined) return null;
  const v = (d as Indexable)[key];
  return v === undefined ? null : v;
}

const BINARY: Readonly<Record<string, (a: Pc, b: Pc) => Pc>> = {
  '==': (a, b) => (d) => a(d) == b(d),
  '===': (a, b) => (d) => a(d) === b(d),
  '!=': (a, b) => (d) => a(d) != b(d),
  '!==': (a, b) => (d) => a(d) !== b(d),
  '>': (a, b) => (d) => (a(d) as N) > (b(d) as N),
  '>=': (a, b) => (d) => (a(d) as N) >= (b(d) as N),
  '<': (a, b) => (d) => (a(d) as N) < (b(d) as N),
  '<=': (a, b) => (d) => (a(d) as N) <= (b(d) as N),
};

const FIELD_CONST: Readonly<Record<string, (key: string, k: unknown) => Pc>> = {
  '==': (key, k) => (d) => field(d, key) == k,
  '===': (key, k) => (d) => field(d, key) === k,
  '!=': (key, k) => (d) => field(d, key) != k,
  '!==': (key, k) => (d) => field(d, key) !== k,
  '>': (key, k) => (d) => (field(d, key) as N) > (k as N),
  '>=': (key, k) => (d) => (field(d, key) as N) >= (k as N),
  '<': (key, k) => (d) => (field(d, key) as N) < (k as N),
  '<=': (key, k) => (d) => (field(d, key) as N) <= (k as N),
};

/** `{"<": [a, b, c]}` and `{"<=": [a, b, c]}`: "between", unless c is undefined. */
const BETWEEN: Readonly<Record<string, (a: Pc, b: Pc, c: Pc) => Pc>> = {
  '<': (a, b, c) => (d) => {
    const x = a(d) as N;
    const y = b(d) as N;
    const z = c(d) as N | undefined;
    return z === undefined ? x < y : x < y && y < z;
  },
  '<=': (a, b, c) => (d) => {
    const x = a(d) as N;
    const y = b(d) as N;
    const z = c(d) as N | undefined;
    return z === undefined ? x <= y : x <= y && y <= z;
  },
};

/** Compiler for one of `==`, `===`, `!=`, `!==`, `>`, `>=`, `<`, `<=`. */
export function comparison(name: string): OperationCompiler {
  const binary = BINARY[name] as (a: Pc, b: Pc) => Pc;
  const fieldConst = FIELD_CONST[name] as (key: string, k: unknown) => Pc;
  const between = BETWEEN[name];
  return (values, compile) => {
    const operands = values.map(compile);
    const a: Compiled = operand(operands, 0);
    const b: Compiled = operand(operands, 1);
    if (between && operands.length >= 3) {
      const c = operand(operands, 2);
      return derived(withIgnoredOperands(between(a.fn, b.fn, c.fn), operands, 3), operands, true);
    }
    const key = a.path?.length === 1 && b.isConstant ? (a.path[0] as string) : undefined;
    const fn = key === undefined ? binary(a.fn, b.fn) : fieldConst(key, b.value);
    const compiled = derived(withIgnoredOperands(fn, operands, 2), operands, true);
    return key !== undefined && operands.length === 2
      ? { ...compiled, test: fieldTest(name, key, b.value) }
      : compiled;
  };
}
