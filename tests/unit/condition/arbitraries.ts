import fc from 'fast-check';
import { CUSTOM_OPERATION_NAMES } from '../../../schemas/index.js';

/*
 * Random records and random rules for the differential test. Field names come
 * from a small pool so rules and records meet often; the pool includes names that
 * exercise quirks ("length" of strings and arrays, numeric keys into arrays,
 * "indexOf" which makes json-logic-js's `in` throw).
 */

const KEYS = ['a', 'b', 'amount', 'city', 'tags', 'items', '0', '1', 'length', 'indexOf'] as const;
const PATHS = [
  ...KEYS,
  'a.b',
  'a.city',
  'items.0',
  'items.1.amount',
  'tags.length',
  'a.b.c',
  '',
  'current',
  'accumulator',
  'current.amount',
] as const;

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 2000 }),
  fc.constantFrom(0, -0, 1.5, -2.25, 1e21, Infinity, NaN),
  fc.constantFrom('', 'a', 'b', 'Paris', 'gold', '1', '1.5', '-3', ' 7 ', 'abc', 'a.b', '0'),
  fc.constantFrom('2024-03-01', '2024-03-01T10:00:00Z', 'not a date'),
  fc.boolean(),
  fc.constant(null),
);

/** A record-like value: nested objects and arrays of scalars, with missing keys. */
export const recordValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalar, weight: 4 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }), weight: 2 },
  ),
})).value;

/** Mostly objects (the engine's records), sometimes anything at all. */
export const record: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.dictionary(fc.constantFrom(...KEYS), recordValue, { maxKeys: 8 }), weight: 6 },
  { arbitrary: recordValue, weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

const path = fc.oneof(
  { arbitrary: fc.constantFrom(...PATHS), weight: 6 },
  { arbitrary: fc.constantFrom(0, 1, null), weight: 1 },
);

const SIMPLE_OPS = [
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'merge',
  'in',
  'cat',
  'substr',
  'if',
  '?:',
  ...CUSTOM_OPERATION_NAMES,
] as const;
const ITERATORS = ['map', 'filter', 'all', 'none', 'some'] as const;

/** A random rule over the allow-listed operations (never refused by checkLogic). */
export const rule: fc.Arbitrary<unknown> = fc.letrec<{ rule: unknown }>((tie) => {
  const sub = tie('rule');
  const varNode = fc.oneof(
    path.map((p) => ({ var: p })),
    fc.tuple(path, sub).map(([p, d]) => ({ var: [p, d] })),
    sub.map((p) => ({ var: [p] })),
  );
  const operands = fc.array(sub, { maxLength: 4 });
  return {
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: scalar, weight: 3 },
      { arbitrary: varNode, weight: 4 },
      { arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 1 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...SIMPLE_OPS), operands, fc.boolean())
          // Half the time a lone operand is written without its array, as people do.
          .map(([op, args, bare]) => ({ [op]: bare && args.length === 1 ? args[0] : args })),
        weight: 6,
      },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...ITERATORS), sub, sub)
          .map(([op, source, inner]) => ({ [op]: [source, inner] })),
        weight: 1,
      },
      {
        arbitrary: fc
          .tuple(sub, sub, fc.option(sub, { nil: undefined }))
          .map(([source, inner, seed]) => ({
            reduce: seed === undefined ? [source, inner] : [source, inner, seed],
          })),
        weight: 1,
      },
      {
        arbitrary: fc.array(fc.oneof(path, sub), { maxLength: 3 }).map((k) => ({ missing: k })),
        weight: 1,
      },
      {
        arbitrary: fc
          .tuple(
            fc.oneof(fc.integer({ min: 0, max: 3 }), sub),
            fc.oneof(fc.array(path, { maxLength: 3 }), sub),
          )
          .map(([n, keys]) => ({ missing_some: [n, keys] })),
        weight: 1,
      },
    ),
  };
}).rule;

const COMPARISONS = ['==', '===', '!=', '!==', '>', '>=', '<', '<='] as const;

/**
 * Rules shaped like CRM conditions (`and`/`or` of field-versus-constant
 * comparisons and `in` lists): the shapes the compiler specialises most.
 */
export const crmRule: fc.Arbitrary<unknown> = fc.letrec<{ rule: unknown }>((tie) => {
  const field = fc.constantFrom(...PATHS).map((p) => ({ var: p }));
  const comparison = fc.oneof(
    fc
      .tuple(fc.constantFrom(...COMPARISONS), field, scalar)
      .map(([op, f, k]) => ({ [op]: [f, k] })),
    fc
      .tuple(fc.constantFrom('<', '<='), scalar, field, scalar)
      .map(([op, a, f, b]) => ({ [op]: [a, f, b] })),
    fc.tuple(field, fc.array(scalar, { maxLength: 5 })).map(([f, list]) => ({ in: [f, list] })),
    fc.tuple(field, fc.constantFrom('Paris', 'gold', 'a')).map(([f, s]) => ({ in: [s, f] })),
  );
  return {
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: comparison, weight: 3 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom('and', 'or'), fc.array(tie('rule'), { maxLength: 6 }))
          .map(([op, xs]) => ({ [op]: xs })),
        weight: 2,
      },
      { arbitrary: tie('rule').map((x) => ({ '!': [x] })), weight: 1 },
      {
        arbitrary: fc.tuple(tie('rule'), tie('rule'), tie('rule')).map((xs) => ({ if: xs })),
        weight: 1,
      },
    ),
  };
}).rule;

/** Few values, so a record's field often equals the constant it is compared with. */
const tinyScalar = fc.constantFrom(
  0,
  -0,
  1,
  2,
  1.5,
  NaN,
  '',
  '1',
  '2',
  'a',
  'gold',
  null,
  true,
  false,
);

/** Records whose fields take the few values of `tinyScalar` (or are missing). */
export const tinyRecord: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.dictionary(fc.constantFrom(...KEYS), tinyScalar, { maxKeys: 8 }), weight: 8 },
  { arbitrary: fc.constantFrom(undefined, null, 'abc', 7), weight: 1 },
);

const ONE_SEGMENT = PATHS.filter((p) => p !== '' && !p.includes('.'));

/**
 * `and`/`or` of two to eight one-segment field tests against constants: exactly the
 * shape compiled to a flat list of tests (`field-test.ts`) instead of closures.
 */
export const fieldTestsRule: fc.Arbitrary<unknown> = (() => {
  const field = fc.constantFrom(...ONE_SEGMENT).map((p) => ({ var: p }));
  const test = fc.oneof(
    fc
      .tuple(fc.constantFrom(...COMPARISONS), field, fc.oneof(tinyScalar, scalar))
      .map(([op, f, k]) => ({ [op]: [f, k] })),
    fc
      .tuple(field, fc.array(fc.oneof(tinyScalar, scalar), { maxLength: 5 }))
      .map(([f, list]) => ({ in: [f, list] })),
  );
  return fc
    .tuple(fc.constantFrom('and', 'or'), fc.array(test, { minLength: 2, maxLength: 8 }))
    .map(([op, xs]) => ({ [op]: xs }));
})();
