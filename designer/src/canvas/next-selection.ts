import type { NodeChange } from '@xyflow/react';
import type { FlowNode } from './flow-types.js';

/**
 * The selection after React Flow's `select` changes, sorted; `null` when they leave it
 * as it was (so a no-op never re-renders the editor).
 */
export function nextSelection(
  current: readonly string[],
  changes: readonly NodeChange<FlowNode>[],
): string[] | null {
  const next = new Set(current);
  let touched = false;
  for (const c of changes) {
    if (c.type !== 'select') continue;
    touched = true;
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  if (!touched) return null;
  const ids = [...next].sort();
  const before = [...current].sort();
  return ids.length === before.length && ids.every((id, i) => id === before[i]) ? null : ids;
}
