import type { AutomationModel, Directory } from '../../../schemas/index.js';
import { applyModelAction } from '../editor/apply-model-action.js';
import { makeKey } from '../editor/make-key.js';
import { newRobot, newTrigger } from './new-node.js';

/** Names a hand-off gives what it creates, in the UI language. */
export interface HandOffNames {
  readonly newPipeline: string;
  readonly newStage: string;
  readonly robot: (target: string) => string;
  readonly trigger: (source: string, stage: string) => string;
}

/**
 * "Hand off to another pipeline" in one step: a "create linked record" robot on the
 * stage, into another pipeline's first stage (a new pipeline when there is none), and
 * on the next stage the return trigger "linked record reached stage" listening to that
 * pipeline, so the record moves on when the other team is done. One undo step.
 *
 * @example handOff(model, { pipeline: 'sales', stage: 'paid' }, directory, names)
 */
export function handOff(
  input: AutomationModel,
  where: { pipeline: string; stage: string },
  directory: Directory,
  names: HandOffNames,
): { model: AutomationModel; robotId: string } | null {
  let model = input;
  const here = model.pipelines.find((p) => p.key === where.pipeline);
  const index = here?.stages.findIndex((s) => s.key === where.stage) ?? -1;
  if (!here || index < 0) return null;
  if (!model.pipelines.some((p) => p.key !== where.pipeline)) {
    const key = makeKey(names.newPipeline, new Set(model.pipelines.map((p) => p.key)), 'pipeline');
    model = applyModelAction(model, {
      type: 'addPipeline',
      key,
      name: names.newPipeline,
      entity: here.entity,
      stage: { key: 'new', name: names.newStage, kind: 'in_progress', robots: [], triggers: [] },
    });
  }
  const robot = newRobot(model, 'create_linked_record', where, directory);
  if (!robot || robot.action.type !== 'create_linked_record') return null;
  const targetKey = robot.action.pipeline;
  const target = model.pipelines.find((p) => p.key === targetKey);
  model = applyModelAction(model, {
    type: 'addRobot',
    ...where,
    robot: { ...robot, name: names.robot(target?.name ?? targetKey ?? '') },
  });

  let next = here.stages[index + 1]?.key;
  if (next === undefined) {
    next = makeKey(names.newStage, new Set(here.stages.map((s) => s.key)), 'stage');
    model = applyModelAction(model, {
      type: 'addStage',
      pipeline: where.pipeline,
      stage: { key: next, name: names.newStage, kind: 'in_progress', robots: [], triggers: [] },
    });
  }
  const trigger = newTrigger(model, 'linked_record_stage', {
    pipeline: where.pipeline,
    stage: next,
  });
  if (trigger?.type === 'linked_record_stage') {
    const source = model.pipelines.find((p) => p.key === trigger.pipeline);
    const stageName = source?.stages.find((s) => s.key === trigger.stage)?.name ?? trigger.stage;
    model = applyModelAction(model, {
      type: 'addTrigger',
      pipeline: where.pipeline,
      stage: next,
      trigger: { ...trigger, name: names.trigger(source?.name ?? trigger.pipeline, stageName) },
    });
  }
  return { model, robotId: robot.id };
}
