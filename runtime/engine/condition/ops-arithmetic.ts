import type { Compiled, PreparedCondition } from './compiled.js';
import { derived } from './compiled.js';
import { operand, withIgnoredOperands, type OperationCompiler } from './operation.js';

type Pc = PreparedCondition;
type N = number;

/**
 * `parseFloat(x)` as json-logic-js applies it to every operand of `+` and `*`. For a
 * number that is the number itself except that -0 prints as "0" and becomes +0,
 * which `x + 0` reproduces without going through a string.
 */
export function toFloat(x: unknown): number {
  return typeof x === 'number' ? x + 0 : parseFloat(x as string);
}

/** `+`: sum of parseFloat of each operand, from 0 (so one operand casts to number). */
export const compileAdd: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const fns = operands.map((o) => o.fn);
  const [a, b] = fns as [Pc, Pc];
  let fn: Pc;
  // The running sum is never -0 (it starts at +0), so adding a number as is matches.
  if (fns.length === 1) fn = (d) => 0 + toFloat(a(d));
  else if (fns.length === 2) fn = (d) => 0 + toFloat(a(d)) + toFloat(b(d));
  else
    fn = (d) => {
      let sum = 0;
      for (let i = 0; i < fns.length; i++) sum += toFloat((fns[i] as Pc)(d));
      return sum;
    };
  return derived(fn, operands);
};

/**
 * `*`: Array.reduce without a seed, as json-logic-js does: no operand throws, one
 * operand comes back untouched (`{"*": ["2"]}` is "2"), more multiply parseFloats.
 */
export const compileMultiply: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const fns = operands.map((o) => o.fn);
  const [a, b] = fns as [Pc, Pc];
  let fn: Pc;
  if (fns.length === 0)
    fn = () => {
      throw new TypeError('Reduce of empty array with no initial value');
    };
  else if (fns.length === 1) fn = a;
  else if (fns.length === 2) fn = (d) => toFloat(a(d)) * toFloat(b(d));
  else
    fn = (d) => {
      let acc: unknown = a(d);
      for (let i = 1; i < fns.length; i++) acc = toFloat(acc) * toFloat((fns[i] as Pc)(d));
      return acc;
    };
  return derived(fn, operands);
};

/** `-`: negation with one operand (or an undefined second), else subtraction. */
export const compileSubtract: OperationCompiler = (values, compile) => {
  const operands = values.map(compile);
  const a = operand(operands, 0).fn;
  const b = operand(operands, 1).fn;
  const fn: Pc =
    operands.length < 2
      ? (d) => -(a(d) as N)
      : (d) => {
          const x = a(d) as N;
          const y = b(d) as N | undefined;
          return y === undefined ? -x : x - y;
        };
  return derived(withIgnoredOperands(fn, operands, 2), operands);
};

/** `/` and `%`: plain JavaScript operators on the first two operands. */
export function binaryArithmetic(name: '/' | '%'): OperationCompiler {
  return (values, compile) => {
    const operands = values.map(compile);
    const a = operand(operands, 0).fn;
    const b = operand(operands, 1).fn;
    const fn: Pc =
      name === '/' ? (d) => (a(d) as N) / (b(d) as N) : (d) => (a(d) as N) % (b(d) as N);
    return derived(withIgnoredOperands(fn, operands, 2), operands);
  };
}

/** `min` / `max`: Math.min / Math.max of all operands (Infinity / -Infinity of none). */
export function minMax(name: 'min' | 'max'): OperationCompiler {
  const pick = name === 'min' ? Math.min : Math.max;
  return (values, compile) => {
    const operands: Compiled[] = values.map(compile);
    const fns = operands.map((o) => o.fn);
    const [a, b] = fns as [Pc, Pc];
    let fn: Pc;
    if (fns.length === 1) fn = (d) => pick(a(d) as N);
    else if (fns.length === 2) fn = (d) => pick(a(d) as N, b(d) as N);
    else fn = (d) => pick(...fns.map((f) => f(d) as N));
    return derived(fn, operands);
  };
}
