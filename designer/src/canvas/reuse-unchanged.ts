import type { FlowNode } from './flow-types.js';

function sameNode(a: FlowNode, b: FlowNode): boolean {
  return (
    a.type === b.type &&
    a.selected === b.selected &&
    a.parentId === b.parentId &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    JSON.stringify(a.data) === JSON.stringify(b.data) &&
    JSON.stringify(a.style) === JSON.stringify(b.style)
  );
}

/**
 * Every edit clones the model, so every node object is new even when nothing it
 * shows changed. Handing React Flow the previous object for unchanged nodes lets it
 * skip re-rendering them: typing a stage name re-renders that stage, not the canvas.
 *
 * @example setNodes((prev) => reuseUnchanged(prev, next))
 */
export function reuseUnchanged(previous: readonly FlowNode[], next: FlowNode[]): FlowNode[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((n) => [n.id, n]));
  let changed = previous.length !== next.length;
  const out = next.map((n, i) => {
    const old = byId.get(n.id);
    if (old && sameNode(old, n)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return n;
  });
  return changed ? out : (previous as FlowNode[]);
}
