import type { Diagnostic } from '../../../schemas/index.js';

/**
 * Errors and warnings one by one; notes (info) of the same code, when there are several,
 * as one group, placed where the first of them was.
 *
 * @example groupNotes([note1, note2, error]) // [[note1, note2], [error]]
 */
export function groupNotes(diagnostics: readonly Diagnostic[]): Diagnostic[][] {
  const out: Diagnostic[][] = [];
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity !== 'info') {
      out.push([d]);
      continue;
    }
    const g = groups.get(d.code);
    if (g) g.push(d);
    else {
      const fresh = [d];
      groups.set(d.code, fresh);
      out.push(fresh);
    }
  }
  return out;
}
