import type { AutomationModel } from '../../../schemas/index.js';
import { findRobot, findStage } from './model-index.js';
import { parseNodeId } from './node-ids.js';

/**
 * What drawing an edge means. Robot -> stage of its own pipeline: the robot becomes
 * "change stage" to it; robot -> stage of another pipeline: "create linked record"
 * there (a "change stage" robot stays one, now moving to that pipeline). Stage -> stage of another pipeline: the target stage gets a
 * "linked record reached stage" trigger watching the source. Returns a new model,
 * or null when the connection means nothing. Mutates the (already cloned) model.
 */
export function connectNodes(
  model: AutomationModel,
  source: string,
  target: string,
  triggerId: string,
): AutomationModel | null {
  const from = parseNodeId(source);
  const to = parseNodeId(target);
  if (!from || to?.kind !== 'stage') return null;
  const targetStage = findStage(model, to.pipeline, to.stage);
  if (!targetStage) return null;
  if (from.kind === 'robot') {
    const found = findRobot(model, from.id);
    if (!found) return null;
    const robot = found.robot;
    // A stage of the robot's own pipeline means "move the record there"; a stage of
    // another pipeline means a handoff (scenario 2): create a linked record there.
    // A robot that already changes stage keeps doing so when re-aimed elsewhere
    // (moving a deal to another pipeline of the same entity).
    const samePipeline = found.pipeline.key === to.pipeline;
    const keepsChangeStage =
      robot.action.type === 'change_stage' && found.pipeline.entity === targetStage.pipeline.entity;
    if (samePipeline) robot.action = { type: 'change_stage', stage: to.stage };
    else if (keepsChangeStage)
      robot.action = { type: 'change_stage', pipeline: to.pipeline, stage: to.stage };
    else {
      const previous = robot.action.type === 'create_linked_record' ? robot.action : undefined;
      robot.action = {
        ...previous,
        type: 'create_linked_record',
        entity: targetStage.pipeline.entity,
        pipeline: to.pipeline,
        stage: to.stage,
      };
    }
    return model;
  }
  if (from.kind === 'stage') {
    if (from.pipeline === to.pipeline) return null;
    const sourceStage = findStage(model, from.pipeline, from.stage);
    if (!sourceStage) return null;
    targetStage.stage.triggers.push({
      id: triggerId,
      type: 'linked_record_stage',
      entity: sourceStage.pipeline.entity,
      pipeline: from.pipeline,
      stage: from.stage,
    });
    return model;
  }
  return null;
}
