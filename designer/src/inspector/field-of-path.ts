import type { AutomationModel } from '../../../schemas/index.js';
import { pipelineNodeId, robotNodeId, stageNodeId, triggerNodeId } from '../editor/node-ids.js';

const NODE = /^\/pipelines\/(\d+)(?:\/stages\/(\d+)(?:\/(robots|triggers)\/(\d+))?)?/;

/**
 * The canvas node a JSON Pointer into the model falls in, and the rest of the path
 * (the property inside that node): a schema error found on save points at its field.
 *
 * @example nodeOfPath(model, '/pipelines/0/stages/1/robots/0/timing/duration/value')
 * // { nodeId: 'robot:remind', rel: '/timing/duration/value' }
 */
export function nodeOfPath(
  model: AutomationModel,
  path: string,
): { nodeId: string; rel: string } | null {
  const m = NODE.exec(path);
  if (!m || !Array.isArray(model.pipelines)) return null;
  const p = model.pipelines[Number(m[1])];
  if (!p) return null;
  const rel = path.slice(m[0].length);
  if (m[2] === undefined) return { nodeId: pipelineNodeId(p.key), rel };
  const s = Array.isArray(p.stages) ? p.stages[Number(m[2])] : undefined;
  if (!s) return null;
  if (m[3] === undefined) return { nodeId: stageNodeId(p.key, s.key), rel };
  const list = m[3] === 'robots' ? s.robots : s.triggers;
  const item = Array.isArray(list) ? list[Number(m[4])] : undefined;
  if (!item || typeof item.id !== 'string') return { nodeId: stageNodeId(p.key, s.key), rel: '' };
  return {
    nodeId: m[3] === 'robots' ? robotNodeId(item.id) : triggerNodeId(item.id),
    rel,
  };
}

/** Property paths inside a node -> the inspector control that edits them (longest first). */
const FIELDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/timing\/(duration|offset)(\/|$)/, 'timing-duration'],
  [/^\/timing(\/|$)/, 'timing-kind'],
  [/^\/condition(\/|$)/, 'robot-condition'],
  [/^\/action\/title(\/|$)/, 'task-title'],
  [/^\/action\/message(\/|$)/, 'notify-message'],
  [/^\/action\/stage(\/|$)/, 'change-stage-target'],
  [/^\/kind$/, 'stage-kind'],
  [/^\/entity$/, 'pipeline-entity'],
];

/**
 * The `data-testid` of the control that edits `rel` in a node's form, if the form has
 * one; names by node kind (`robot-name`, `stage-name`, `pipeline-name`).
 *
 * @example fieldOfPath('robot:remind', '/timing/duration/value') // 'timing-duration'
 */
export function fieldOfPath(nodeId: string, rel: string): string | null {
  if (rel === '/name') {
    const kind = nodeId.split(':')[0];
    return kind === 'trigger' ? null : `${kind}-name`;
  }
  return FIELDS.find(([re]) => re.test(rel))?.[1] ?? null;
}
