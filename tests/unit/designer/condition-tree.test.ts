import { describe, expect, it } from 'vitest';
import { logicToTree, treeToLogic } from '../../../designer/src/condition/condition-tree.js';
import type { FieldType } from '../../../schemas/index.js';

const types: Record<string, FieldType> = {
  amount: 'money',
  product: 'enum',
  end_date: 'date',
  title: 'string',
  vip: 'boolean',
};
const typeOf = (k: string) => types[k];
const roundTrip = (logic: unknown) => treeToLogic(logicToTree(logic, typeOf));

describe('condition builder <-> JSON-Logic', () => {
  const shown: unknown[] = [
    { '>': [{ var: 'amount' }, 1000000] },
    { '==': [{ var: 'product' }, 'a'] },
    { in: [{ var: 'product' }, ['a', 'b']] },
    { in: ['urgent', { var: 'title' }] },
    { '<': [{ var: 'end_date' }, '2025-01-01'] },
    { '<=': [0, { date_diff: [{ var: 'end_date' }, { var: '$now' }, 'days'] }, 7] },
    { '<=': [-3, { date_diff: [{ var: 'end_date' }, { var: '$now' }, 'days'] }, 0] },
    { is_empty: [{ var: 'title' }] },
    { '!': { is_empty: [{ var: 'title' }] } },
    { '==': [{ var: 'vip' }, true] },
    {
      and: [
        { '>': [{ var: 'amount' }, 10] },
        { or: [{ '==': [{ var: 'product' }, 'a'] }, { '==': [{ var: 'product' }, 'b'] }] },
      ],
    },
    { or: [{ '==': [{ var: 'product' }, 'a'] }, { '>=': [{ var: 'amount' }, 5] }] },
  ];
  it.each(shown.map((l) => [JSON.stringify(l), l]))('round-trips %s', (_, logic) => {
    expect(roundTrip(logic)).toEqual(logic);
    expect(JSON.stringify(logicToTree(logic, typeOf))).not.toContain('"raw"');
  });

  it('shows field-aware operators: dates as before/after, numbers as comparisons', () => {
    expect(
      logicToTree({ '<': [{ var: 'end_date' }, '2025-01-01'] }, typeOf).children[0],
    ).toMatchObject({ operator: 'before' });
    expect(logicToTree({ '<': [{ var: 'amount' }, 5] }, typeOf).children[0]).toMatchObject({
      operator: 'lt',
      value: 5,
    });
  });

  it('keeps what it cannot show as raw code, never losing it', () => {
    const odd = { '>': [{ '+': [{ var: 'amount' }, 1] }, 3] };
    const logic = {
      and: [
        { '==': [{ var: 'product' }, 'a'] },
        odd,
        { some: [{ var: 'tags' }, { '==': [{ var: '' }, 'x'] }] },
      ],
    };
    const tree = logicToTree(logic, typeOf);
    expect(tree.children.map((c) => c.kind)).toEqual(['rule', 'raw', 'raw']);
    expect(treeToLogic(tree)).toEqual(logic);
    expect(roundTrip(odd)).toEqual(odd);
  });

  it('an absent condition is an empty group, and an empty group means no condition', () => {
    expect(logicToTree(undefined)).toEqual({ kind: 'group', op: 'and', children: [] });
    expect(treeToLogic(logicToTree(true))).toBeUndefined();
  });

  it('builder edits produce JSON-Logic', () => {
    expect(
      treeToLogic({
        kind: 'group',
        op: 'or',
        children: [
          { kind: 'rule', field: 'amount', operator: 'gt', value: 1000000 },
          { kind: 'rule', field: 'product', operator: 'one_of', value: ['a'] },
          { kind: 'rule', field: 'title', operator: 'not_empty' },
        ],
      }),
    ).toEqual({
      or: [
        { '>': [{ var: 'amount' }, 1000000] },
        { in: [{ var: 'product' }, ['a']] },
        { '!': { is_empty: [{ var: 'title' }] } },
      ],
    });
  });
});
