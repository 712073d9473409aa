import type { AutomationModel } from '../../../schemas/index.js';
import type { ModelAction } from '../editor/model-action.js';
import { findRobot } from '../editor/model-index.js';
import { parseNodeId, pipelineNodeId } from '../editor/node-ids.js';
import { columnAt, laneGeometry, robotSlotAt, STAGE_WIDTH } from './lane-geometry.js';

/**
 * Turns the end of a drag into a model edit (the canvas never stores positions
 * itself): a lane is moved in `layout`, a stage dropped in another column is
 * reordered, a robot dropped under another stage (of any lane) moves there at the
 * slot it was dropped on. `position` is relative to the node's lane for stages,
 * robots and triggers, absolute for lanes. Null means "snap back".
 *
 * @example dragToAction(model, 'stage:sales/new', { x: 700, y: 60 }) // moveStage to column 2
 */
export function dragToAction(
  model: AutomationModel,
  nodeId: string,
  position: { x: number; y: number },
): ModelAction | null {
  const parsed = parseNodeId(nodeId);
  if (!parsed) return null;
  const lanes = laneGeometry(model);
  if (parsed.kind === 'pipeline')
    return {
      type: 'setLayout',
      positions: {
        [pipelineNodeId(parsed.key)]: { x: Math.round(position.x), y: Math.round(position.y) },
      },
    };
  if (parsed.kind === 'stage') {
    const p = model.pipelines.find((x) => x.key === parsed.pipeline);
    if (!p) return null;
    const from = p.stages.findIndex((s) => s.key === parsed.stage);
    const to = columnAt(position.x, p.stages.length);
    return from === to
      ? null
      : { type: 'moveStage', pipeline: parsed.pipeline, stage: parsed.stage, toIndex: to };
  }
  if (parsed.kind === 'robot') {
    const found = findRobot(model, parsed.id);
    const ownLane = lanes[found?.pipelineIndex ?? -1];
    if (!found || !ownLane) return null;
    const abs = {
      x: ownLane.x + position.x + STAGE_WIDTH / 2,
      y: ownLane.y + position.y,
    };
    const li = lanes.findIndex(
      (l) => abs.y >= l.y && abs.y <= l.y + l.height && abs.x >= l.x && abs.x <= l.x + l.width,
    );
    const lane = lanes[li];
    const pipeline = model.pipelines[li];
    if (!lane || !pipeline) return null;
    const stage =
      pipeline.stages[columnAt(abs.x - lane.x - STAGE_WIDTH / 2, pipeline.stages.length)];
    if (!stage) return null;
    const sameStage = pipeline.key === found.pipeline.key && stage.key === found.stage.key;
    const count = stage.robots.length - (sameStage ? 1 : 0);
    const index = robotSlotAt(abs.y - lane.y, lane, count);
    if (sameStage && index === found.index) return null;
    return { type: 'moveRobot', id: parsed.id, pipeline: pipeline.key, stage: stage.key, index };
  }
  return null;
}
