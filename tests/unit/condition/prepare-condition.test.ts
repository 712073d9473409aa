import { describe, expect, it } from 'vitest';
import { ConditionError } from '../../../runtime/engine/condition/condition-error.js';
import { prepareCondition } from '../../../runtime/engine/condition/prepare-condition.js';
import { referenceJsonLogic } from '../../../runtime/engine/condition/reference-json-logic.js';
import { outcomeOf, sameOutcome, showOutcome } from './outcome.js';

const jsonLogic = referenceJsonLogic();

/** json-logic-js quirks a random generator rarely hits; each checked against it. */
const QUIRKS: ReadonlyArray<readonly [string, unknown, unknown?]> = [
  ['* normalises -0 through parseFloat', { '*': [-0, 5] }],
  ['* of -0 after two operands', { '*': [0, -5, 3] }],
  ['* of one operand returns it untouched', { '*': ['2'] }],
  ['* of no operands throws', { '*': [] }],
  ['+ of no operands is 0', { '+': [] }],
  ['+ parses leading numbers of strings', { '+': ['3 apples', '1.5'] }],
  ['+ of -0 is +0', { '+': [-0] }],
  ['unary - of an empty array is -0', { '-': [[]] }],
  ['- with an undefined second operand negates', { '-': [3, { and: [] }] }],
  ['min and max of nothing', { merge: [{ min: [] }, { max: [] }] }],
  ['between with a missing upper bound', { '<': [1, 2, { and: [] }] }],
  ['between, inclusive', { '<=': [1, { var: 'x' }, 3] }, { x: 3 }],
  ['> ignores a third operand but still evaluates it', { '>': [2, 1, { '*': [] }] }],
  ['! evaluates ignored operands too', { '!': [true, { '*': [] }] }],
  ['and of nothing is undefined', { and: [] }],
  ['and returns the deciding value', { and: [1, 'a', [], 2] }],
  ['or returns the last value when none is truthy', { or: [0, '', []] }],
  ['if with an even number of operands and no match', { if: [false, 1, false, 2] }],
  ['if of nothing is null', { if: [] }],
  ['an unevaluated branch may be invalid', { if: [true, 1, { '*': [] }] }],
  ['var of "" is the whole data', { var: '' }, { a: 1 }],
  ['var of null is the whole data', { var: [null] }, 7],
  ['var reads string lengths', { var: 'a.length' }, { a: 'abcd' }],
  ['var keeps a stored null over the default', { var: ['a', 5] }, { a: null }],
  ['var of a numeric path with a dot', { var: 1.5 }, { 1: { 5: 'x' } }],
  ['var of an array path joins it', { var: [['a', 'b']] }, { 'a,b': 3 }],
  [
    'in throws on an object with an indexOf field',
    { in: [1, { var: 'o' }] },
    { o: { indexOf: 1 } },
  ],
  ['in on strings', { in: ['ell', 'hello'] }],
  ['substr with negative length', { substr: ['jsonlogic', -5, -2] }],
  ['cat of null, arrays and numbers', { cat: [null, [1, [2, 3]], 0.5, undefined] }],
  ['merge flattens one level', { merge: [1, [2, [3]], []] }],
  ['all of an empty array is false', { all: [[], true] }],
  ['none of a non-array is true', { none: [5, true] }],
  ['reduce of a non-array is the seed', { reduce: [5, 1, 'seed'] }],
  ['reduce without a seed starts from null', { reduce: [[1, 2], { var: 'accumulator' }] }],
  ['map scope is the element', { map: [{ var: 'xs' }, { '*': [{ var: '' }, 2] }] }, { xs: [1, 2] }],
  ['missing with one array operand', { missing: [['a', 'b']] }, { a: 1 }],
  ['missing treats "" as missing', { missing: ['a', 'b'] }, { a: '', b: 0 }],
  ['missing with keys from the data', { missing: { var: 'keys' } }, { keys: ['a', 'z'], a: 1 }],
  ['missing with an array key runs it as var', { missing: [[['a', 'dflt']]] }, {}],
  ['missing_some enough present', { missing_some: [1, ['a', 'b']] }, { a: 1 }],
  ['missing_some not enough', { missing_some: [2, ['a', 'b', 'c']] }, { a: 1 }],
  ['missing_some with a string of keys', { missing_some: [1, 'abc'] }, {}],
  ['missing_some with null keys throws', { missing_some: [1, null] }, {}],
  ['is_empty custom operation', { is_empty: [{ var: 'x' }] }, { x: [] }],
  ['date_add custom operation', { date_add: ['2024-01-31', 1, 'days'] }],
  ['date_add out of range throws', { date_add: ['2024-01-31', 1e12, 'weeks'] }],
  [
    'date_diff custom operation',
    { date_diff: [{ var: 'a' }, '2024-01-01', 'hours'] },
    { a: '2024-01-02' },
  ],
];

describe('prepareCondition', () => {
  it.each(QUIRKS)('%s: same as jsonLogic.apply', (_name, logic, data) => {
    const ours = outcomeOf(() => prepareCondition(logic)(data));
    const ref = outcomeOf(() => jsonLogic.apply(logic as never, data));
    expect(
      sameOutcome(ours, ref),
      `ours ${showOutcome(ours)}, json-logic-js ${showOutcome(ref)}`,
    ).toBe(true);
  });

  it('keeps -0 distinct from +0 where json-logic-js does', () => {
    expect(Object.is(prepareCondition({ '-': [0] })(null), -0)).toBe(true);
    expect(Object.is(prepareCondition({ '*': [-0, 5] })(null), 0)).toBe(true);
  });

  it('defers errors to evaluation, like json-logic-js, even in constant sub-trees', () => {
    const prepared = prepareCondition({ if: [{ var: 'x' }, { '*': [] }, 'ok'] });
    expect(prepared({ x: false })).toBe('ok');
    expect(() => prepared({ x: true })).toThrow(TypeError);
  });

  it('evaluates the five-comparison condition', () => {
    const isDeal = prepareCondition({
      and: [
        { '>': [{ var: 'amount' }, 1000] },
        { '==': [{ var: 'product' }, 'gold'] },
        { in: [{ var: 'city' }, ['Paris', 'Rome']] },
        { '<=': [{ var: 'age' }, 65] },
        { '!=': [{ var: 'status' }, 'lost'] },
      ],
    });
    const deal = { amount: 5000, product: 'gold', city: 'Rome', age: 40, status: 'new' };
    expect(isDeal(deal)).toBe(true);
    expect(isDeal({ ...deal, city: 'Oslo' })).toBe(false);
    expect(isDeal({ ...deal, age: undefined })).toBe(true); // missing reads as null, null <= 65
    expect(isDeal(null)).toBe(false);
  });

  describe('refuses unsafe rules with a ConditionError carrying diagnostics', () => {
    const refusals: ReadonlyArray<readonly [string, unknown, string]> = [
      ['an unknown operation', { eval: ['1'] }, 'LOGIC_UNKNOWN_OPERATION'],
      ['log, which writes to the console', { log: 'x' }, 'LOGIC_UNKNOWN_OPERATION'],
      ['a __proto__ path', { var: '__proto__.polluted' }, 'LOGIC_UNSAFE_PATH'],
      ['a constructor path in missing', { missing: ['a.constructor'] }, 'LOGIC_UNSAFE_PATH'],
      ['an object that is not an operation', { '==': [{ a: 1, b: 2 }, 1] }, 'LOGIC_MALFORMED'],
      [
        'a tree nested too deep',
        Array.from({ length: 40 }).reduce<unknown>((inner) => ({ '!': [inner] }), true),
        'LOGIC_TOO_DEEP',
      ],
    ];
    it.each(refusals)('%s', (_name, logic, code) => {
      let error: unknown;
      try {
        prepareCondition(logic);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConditionError);
      expect((error as ConditionError).diagnostics.map((d) => d.code)).toContain(code);
    });
  });

  it('reads a prototype path computed at run time as not found (json-logic-js would not)', () => {
    const prepared = prepareCondition({ var: [{ cat: ['__pro', 'to__'] }, 'nope'] });
    expect(prepared({})).toBe('nope');
    expect(prepareCondition({ var: { cat: ['constructor'] } })({})).toBe(null);
    expect(jsonLogic.apply({ var: { cat: ['constructor'] } } as never, {})).toBe(Object);
  });
});
