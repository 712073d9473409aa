import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../schemas/index.js';
import { groupNotes } from '../../../designer/src/diagnostics/group-notes.js';

const d = (code: string, severity: Diagnostic['severity']): Diagnostic => ({
  code,
  severity,
  path: '/',
  message: code,
});

describe('Problems panel grouping', () => {
  it('folds several notes of one code into one group; errors and warnings stay one by one', () => {
    const a = d('UNREACHABLE_STAGE', 'info');
    const b = d('UNREACHABLE_STAGE', 'info');
    const e = d('CYCLE', 'error');
    const w = d('POSSIBLE_CYCLE', 'warning');
    const other = d('OTHER_NOTE', 'info');
    expect(groupNotes([e, a, w, b, other])).toEqual([[e], [a, b], [w], [other]]);
  });
});
