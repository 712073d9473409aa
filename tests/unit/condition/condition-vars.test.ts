import { describe, expect, it } from 'vitest';
import { conditionVars } from '../../../runtime/engine/condition/condition-vars.js';

describe('conditionVars', () => {
  it('lists distinct constant var paths in first-use order', () => {
    expect(
      conditionVars({
        and: [
          { '>': [{ var: 'amount' }, 5] },
          { '==': [{ var: ['client.city', 'Paris'] }, 'Rome'] },
          { '<': [{ var: 'amount' }, 10] },
          { var: 0 },
        ],
      }),
    ).toEqual(['amount', 'client.city', '0']);
  });

  it('skips iteration scopes but reads their sources and reduce seeds', () => {
    expect(
      conditionVars({
        or: [
          { some: [{ var: 'items' }, { '>': [{ var: 'price' }, 1] }] },
          { reduce: [{ var: 'lines' }, { var: 'current' }, { var: 'start' }] },
          { map: [[1], { var: 'inner' }] },
        ],
      }),
    ).toEqual(['items', 'lines', 'start']);
  });

  it('includes literal missing and missing_some keys', () => {
    expect(conditionVars({ missing: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(conditionVars({ missing: [['c']] })).toEqual(['c']);
    expect(conditionVars({ missing_some: [1, ['d', 'e']] })).toEqual(['d', 'e']);
  });

  it('skips whole-data and computed paths but searches the logic that computes them', () => {
    expect(conditionVars({ var: '' })).toEqual([]);
    expect(conditionVars({ var: [{ cat: ['a', { var: 'suffix' }] }] })).toEqual(['suffix']);
    expect(conditionVars({ var: ['x', { var: 'fallback' }] })).toEqual(['x', 'fallback']);
  });

  it('gives nothing for constants', () => {
    expect(conditionVars(true)).toEqual([]);
    expect(conditionVars([1, 'a'])).toEqual([]);
  });
});
