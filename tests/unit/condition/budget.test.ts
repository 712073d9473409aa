import { describe, expect, it } from 'vitest';
import {
  ConditionLimitError,
  isBoundedByItsSize,
} from '../../../runtime/engine/condition/budget.js';
import { prepareCondition } from '../../../runtime/engine/condition/prepare-condition.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The 184-byte bomb of issue 11: each step merges the accumulator with itself. */
const MERGE_BOMB = {
  reduce: [range(40), { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [0]],
};

/**
 * Four nested `some` over 60-element lists that never match: 13 million inner runs.
 * Each list takes the element of the level above (`merge` with `var ""`), so no
 * level is constant and nothing folds while preparing.
 */
function nestedSome(depth: number, size: number): unknown {
  let inner: unknown = { '==': [{ var: '' }, -1] };
  for (let i = 0; i < depth; i++) inner = { some: [{ merge: [range(size), { var: '' }] }, inner] };
  return inner;
}

/** Which limit an evaluation ran into, or 'none'. */
function limitHit(logic: unknown, data: unknown = {}): string {
  try {
    prepareCondition(logic)(data);
    return 'none';
  } catch (e) {
    if (e instanceof ConditionLimitError) return e.limit;
    throw e;
  }
}

describe('the evaluation budget', () => {
  it('stops the reduce-over-merge bomb before it allocates, even when its parts are constant', () => {
    expect(JSON.stringify(MERGE_BOMB).length).toBeLessThan(200);
    // Constant parts fold while preparing; past the budget the fold is left to run time.
    const prepared = prepareCondition(MERGE_BOMB);
    expect(() => prepared({})).toThrow(/more than 1,000,000 list elements or characters/);
  });

  it('stops the same bomb fed from the record', () => {
    const logic = {
      reduce: [{ var: 'items' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [0]],
    };
    expect(limitHit(logic, { items: range(40) })).toBe('elements');
  });

  it('stops four nested some over 60-element lists by counting operations', () => {
    expect(limitHit(nestedSome(4, 60))).toBe('operations');
  });

  it('stops a list literal that repeats the accumulator, and cat doubling a string', () => {
    const twice = {
      reduce: [{ var: 'items' }, [{ var: 'accumulator' }, { var: 'accumulator' }], 0],
    };
    expect(limitHit(twice, { items: range(40) })).toBe('elements');
    const cat = {
      reduce: [{ var: 'items' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'x'],
    };
    expect(limitHit(cat, { items: range(40) })).toBe('elements');
  });

  it('refuses a result nested too deep to be stored', () => {
    const deep = { reduce: [{ var: 'items' }, [{ var: 'accumulator' }], 0] };
    expect(limitHit(deep, { items: range(100) })).toBe('result');
  });

  it('lets real conditions through: 500 line items, two iterators deep over 300 x 300', () => {
    const items = range(500).map((i) => ({ sku: `A${i}`, qty: i % 7, price: i * 10 }));
    const anyBig = {
      some: [
        { var: 'items' },
        { and: [{ '>': [{ var: 'qty' }, 5] }, { '>': [{ var: 'price' }, 4000] }] },
      ],
    };
    expect(prepareCondition(anyBig)({ items })).toBe(true);
    const total = {
      reduce: [
        { var: 'items' },
        {
          '+': [
            { var: 'accumulator' },
            { '*': [{ var: 'current.qty' }, { var: 'current.price' }] },
          ],
        },
        0,
      ],
    };
    expect(typeof prepareCondition(total)({ items })).toBe('number');
    const grid = { some: [{ var: 'rows' }, { some: [{ var: '' }, { '==': [{ var: '' }, -1] }] }] };
    const rows = range(300).map(() => range(300));
    expect(limitHit(grid, { rows })).toBe('none');
  });

  it('gives every evaluation a fresh budget, and leaves simple conditions out of it', () => {
    const bomb = prepareCondition(nestedSome(4, 60));
    const simple = prepareCondition({
      and: [{ '>': [{ var: 'amount' }, 5] }, { in: [{ var: 'city' }, ['Oslo']] }],
    });
    const listy = prepareCondition({ some: [{ var: 'items' }, { '>': [{ var: '' }, 2] }] });
    expect(() => bomb({})).toThrow(ConditionLimitError);
    expect(simple({ amount: 6, city: 'Oslo' })).toBe(true);
    expect(listy({ items: [1, 3] })).toBe(true);
    expect(() => bomb({})).toThrow(ConditionLimitError);
    expect(listy({ items: [1, 3] })).toBe(true);
  });
});

describe('isBoundedByItsSize', () => {
  it.each([
    [{ '>': [{ var: 'amount' }, 5] }, true],
    [{ in: [{ var: 'city' }, ['Paris', 'Rome']] }, true],
    [{ if: [{ var: 'vip' }, { date_add: [{ var: '$now' }, 1, 'days'] }, null] }, true],
    [{ in: ['x', { var: 'tags' }] }, false],
    [{ in: [{ var: 'a' }, [{ var: 'b' }]] }, false],
    [{ cat: ['a', { var: 'b' }] }, false],
    [{ missing: ['a'] }, false],
    [{ '!': { some: [{ var: 'items' }, true] } }, false],
  ])('%j -> %s', (logic, bounded) => {
    expect(isBoundedByItsSize(logic)).toBe(bounded);
  });
});
