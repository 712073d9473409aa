import type { NodeMark } from './node-mark.js';

/**
 * The nodes the canvas keeps in view when its size changes (a drawer under it opens,
 * closes or grows): what a side panel marked, else the selection, else nothing, which
 * means the whole model. Marks win because they are what the open panel is talking about.
 *
 * @example viewTargets(['stage:sales:new'], new Map([['robot:r1', 'fired']])) // ['robot:r1']
 */
export function viewTargets(
  selected: readonly string[],
  marks: ReadonlyMap<string, NodeMark> | undefined,
): string[] {
  if (marks && marks.size > 0) return [...marks.keys()];
  return [...selected];
}
