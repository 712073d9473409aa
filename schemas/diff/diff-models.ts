import { canonicalize } from '../compiler/canonicalize.js';
import type { AutomationModel } from '../model/model.js';
import { modelNodes, pointerSegment } from './model-nodes.js';

export const DIFF_KINDS = ['added', 'removed', 'changed'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

/**
 * One difference between two versions of a model. `nodeId` names the part (`robot:<id>`,
 * `stage:<pipeline>/<stage>`, `field:<entity>/<key>`, `template:<key>`,
 * `directory:users/<key>`, `model` for the model's own settings); `path` is a JSON
 * Pointer into the newer model (into the older one for `removed`). A `changed` entry
 * names one property; `before`/`after` hold its values (absent when it was unset).
 */
export interface ModelDiffEntry {
  readonly kind: DiffKind;
  readonly nodeId: string;
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonicalize(a)) === JSON.stringify(canonicalize(b));

/** Property-level changes: objects are descended into, arrays and scalars compared whole. */
function changes(
  nodeId: string,
  path: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  out: ModelDiffEntry[],
): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const k of keys) {
    const b = before[k];
    const a = after[k];
    // `$`-keys are derived (a robot's stage): the change points at the node itself.
    const p = k.startsWith('$') ? path : `${path}/${pointerSegment(k)}`;
    if (isPlainObject(b) && isPlainObject(a)) changes(nodeId, p, b, a, out);
    else if (k.startsWith('$') && Array.isArray(b) && Array.isArray(a)) {
      // Child order: additions and removals are reported on the children themselves.
      const common = (x: unknown[], y: unknown[]) => x.filter((v) => y.includes(v));
      if (!same(common(b, a), common(a, b)))
        out.push({ kind: 'changed', nodeId, path: p, before: b, after: a });
    } else if (!same(b, a)) {
      out.push({
        kind: 'changed',
        nodeId,
        path: p,
        ...(b === undefined ? {} : { before: b }),
        ...(a === undefined ? {} : { after: a }),
      });
    }
  }
}

/**
 * What changed from model `a` (older) to `b` (newer): added, removed and changed
 * pipelines, stages, robots, triggers, fields, templates, calendars, directory entries
 * and model settings. Canvas positions (`layout`) and key order never count. Entries come
 * in the newer model's order, then the removed ones.
 *
 * @example diffModels(v1, v2) // [{ kind: 'changed', nodeId: 'robot:big', path: '/pipelines/0/stages/0/robots/1/condition/>/1', before: 1000000, after: 2000000 }]
 */
export function diffModels(a: AutomationModel, b: AutomationModel): ModelDiffEntry[] {
  const before = modelNodes(a);
  const after = modelNodes(b);
  const out: ModelDiffEntry[] = [];
  for (const node of after.values()) {
    const old = before.get(node.nodeId);
    if (!old) out.push({ kind: 'added', nodeId: node.nodeId, path: node.path, after: node.value });
    else changes(node.nodeId, node.path, old.value, node.value, out);
  }
  for (const node of before.values()) {
    if (!after.has(node.nodeId))
      out.push({ kind: 'removed', nodeId: node.nodeId, path: node.path, before: node.value });
  }
  return out;
}
