import { chargeElements, chargeOperations } from './budget.js';
import type { PreparedCondition } from './compiled.js';
import { derived } from './compiled.js';
import { fieldTest } from './field-test.js';
import { operand, withIgnoredOperands, type OperationCompiler } from './operation.js';

type Pc = PreparedCondition;
type Indexable = Record<string, unknown>;
type Searchable = { indexOf: (x: unknown) => number };

/** `in`: json-logic-js calls `b.indexOf(a)` on anything truthy that has an indexOf. */
function isIn(a: unknown, b: unknown): boolean {
  if (!b || typeof (b as Searchable).indexOf === 'undefined') return false;
  if (typeof b === 'string' || Array.isArray(b)) chargeOperations(b.length);
  return (b as Searchable).indexOf(a) !== -1;
}

/** `{"in": [needle, haystack]}`; a constant list with a `var` needle reads inline. */
export const compileIn: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const a = operand(operands, 0);
  const b = operand(operands, 1);
  let fn: Pc;
  const list = b.value;
  let key: string | undefined;
  if (b.isConstant && Array.isArray(list)) {
    const k = a.path?.length === 1 ? (a.path[0] as string) : undefined;
    key = k;
    const f = a.fn;
    fn =
      k === undefined
        ? (d) => list.indexOf(f(d)) !== -1
        : (d) => {
            let v = d === null || d === undefined ? null : (d as Indexable)[k];
            if (v === undefined) v = null;
            return list.indexOf(v) !== -1;
          };
  } else {
    const fa = a.fn;
    const fb = b.fn;
    fn = (d) => isIn(fa(d), fb(d));
  }
  const compiled = derived(withIgnoredOperands(fn, operands, 2), operands, true);
  return key !== undefined && operands.length === 2
    ? { ...compiled, test: fieldTest('in', key, list) }
    : compiled;
};

/** `cat` joins like Array.join: null and undefined become "". */
function text(x: unknown): string {
  return x === null || x === undefined ? '' : String(x);
}

/** `{"cat": [...]}`: string concatenation of every operand. */
export const compileCat: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const fns = operands.map((o) => o.fn);
  const [a, b] = fns as [Pc, Pc];
  let fn: Pc;
  if (fns.length === 1) fn = (d) => text(a(d));
  else if (fns.length === 2)
    fn = (d) => {
      const x = text(a(d));
      const y = text(b(d));
      chargeElements(x.length + y.length);
      return x + y;
    };
  else
    fn = (d) => {
      const parts = fns.map((f) => text(f(d)));
      let length = 0;
      for (const part of parts) length += part.length;
      chargeElements(length);
      return parts.join('');
    };
  return derived(fn, operands);
};

/** `substr` with PHP-like negative lengths, exactly as json-logic-js emulates them. */
export function substr(source: unknown, start: unknown, end: unknown): string {
  if ((end as number) < 0) {
    const temp = String(source).substr(start as number);
    return temp.substr(0, temp.length + (end as number));
  }
  return String(source).substr(start as number, end as number);
}

/** `{"substr": [source, start, length?]}`. */
export const compileSubstr: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const a = operand(operands, 0).fn;
  const b = operand(operands, 1).fn;
  const c = operand(operands, 2).fn;
  return derived(
    withIgnoredOperands((d) => substr(a(d), b(d), c(d)), operands, 3),
    operands,
  );
};
