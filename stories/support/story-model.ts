import type { AutomationModel, Robot, Trigger } from '../../schemas/index.js';
import { findRobot, findTrigger } from '../../designer/src/editor/model-index.js';
import { STORY_ROBOT_ID, STORY_TRIGGER_ID } from './fixtures.js';

/** The last model a spy (`onModelChange: fn()`) heard, for play functions. */
export function lastModel(spy: unknown): AutomationModel {
  const calls = (spy as { mock?: { calls: unknown[][] } }).mock?.calls ?? [];
  const model = calls.at(-1)?.[0];
  if (!model) throw new Error('the model never changed');
  return model as AutomationModel;
}

/** The story robot in a model (it must be there). */
export function storyRobot(model: AutomationModel): Robot {
  const found = findRobot(model, STORY_ROBOT_ID);
  if (!found) throw new Error(`robot ${STORY_ROBOT_ID} is gone`);
  return found.robot;
}

/** The story trigger in a model (it must be there). */
export function storyTrigger(model: AutomationModel): Trigger {
  const found = findTrigger(model, STORY_TRIGGER_ID);
  if (!found) throw new Error(`trigger ${STORY_TRIGGER_ID} is gone`);
  return found.trigger;
}
