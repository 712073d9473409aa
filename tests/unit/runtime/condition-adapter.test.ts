import { describe, expect, it } from 'vitest';
import { inputsOf, prepare, readInput } from '../../../runtime/engine/condition-adapter.js';
import { ConditionLimitError } from '../../../runtime/engine/condition/budget.js';

describe("prepare, the engine's one entry point to JSON-Logic", () => {
  it('evaluates like json-logic-js, but a var path built at run time never reaches the prototype', () => {
    expect(prepare({ '>': [{ var: 'amount' }, 1000] })({ amount: 5000 })).toBe(true);
    expect(prepare({ var: { cat: ['__pro', 'to__'] } })({})).toBeNull();
    expect(prepare({ var: [{ cat: ['constr', 'uctor'] }, 'none'] })({})).toBe('none');
  });

  it('keeps a refused rule from stopping a whole version: it fails when evaluated, saying why', () => {
    const refused = prepare({ log: 'hello' });
    expect(() => refused({})).toThrow(/LOGIC_UNKNOWN_OPERATION/);
  });

  it('evaluates under the budget', () => {
    const bomb = prepare({
      reduce: [{ var: 'xs' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [0]],
    });
    expect(() => bomb({ xs: Array.from({ length: 40 }, (_, i) => i) })).toThrow(
      ConditionLimitError,
    );
  });

  it('names the inputs a condition reads, and reads them as the condition does', () => {
    const logic = {
      and: [{ '>': [{ var: 'amount' }, 5] }, { some: [{ var: 'items' }, { var: 'ok' }] }],
    };
    expect(inputsOf(logic)).toEqual(['amount', 'items']);
    expect(readInput({ client: { city: 'Oslo' } }, 'client.city')).toBe('Oslo');
    expect(readInput({}, 'missing.path')).toBeNull();
  });
});
