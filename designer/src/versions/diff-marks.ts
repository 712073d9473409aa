import type { ModelDiffEntry } from '../../../schemas/diff/diff-models.js';
import type { NodeMark } from '../canvas/node-mark.js';

const CANVAS_PREFIXES = ['pipeline:', 'stage:', 'robot:', 'trigger:'];

/**
 * Canvas marks for a diff: on the newer model `added` and `changed`, on the older one
 * `removed` (and `changed`), since a node only shows on the side where it exists. Parts
 * with no canvas node (fields, templates, directory) appear in the list only.
 *
 * @example diffMarks(diffModels(v1, v2), 'after').get('robot:big') // 'changed'
 */
export function diffMarks(
  entries: readonly ModelDiffEntry[],
  side: 'before' | 'after',
): Map<string, NodeMark> {
  const marks = new Map<string, NodeMark>();
  for (const e of entries) {
    if (!CANVAS_PREFIXES.some((p) => e.nodeId.startsWith(p))) continue;
    if (e.kind === 'changed') marks.set(e.nodeId, 'changed');
    else if ((e.kind === 'added') === (side === 'after')) marks.set(e.nodeId, e.kind);
  }
  return marks;
}
