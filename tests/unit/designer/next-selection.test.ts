import { describe, expect, it } from 'vitest';
import { nextSelection } from '../../../designer/src/canvas/next-selection.js';

describe('nextSelection', () => {
  it('adds and removes ids from select changes, sorted', () => {
    expect(
      nextSelection(
        ['robot:b'],
        [
          { type: 'select', id: 'stage:p/a', selected: true },
          { type: 'select', id: 'robot:b', selected: false },
          { type: 'select', id: 'robot:a', selected: true },
        ],
      ),
    ).toEqual(['robot:a', 'stage:p/a']);
  });

  it('is null when nothing was selected or deselected, or the set is unchanged', () => {
    expect(nextSelection(['a'], [{ type: 'remove', id: 'x' }])).toBeNull();
    expect(nextSelection(['a', 'b'], [{ type: 'select', id: 'a', selected: true }])).toBeNull();
    expect(nextSelection([], [{ type: 'select', id: 'a', selected: false }])).toBeNull();
  });
});
