import type { AutomationModel } from '../../../schemas/index.js';
import type { ModelAction } from './model-action.js';
import { findRobot } from './model-index.js';
import { textChangePath } from './text-change-path.js';

function findTrigger(model: AutomationModel, id: string): unknown {
  for (const p of model.pipelines)
    for (const s of p.stages) for (const t of s.triggers) if (t.id === id) return t;
  return undefined;
}

/**
 * Renames and text fields arrive once per keystroke; consecutive edits of the same
 * text share a key so the history keeps them as one step (typing "New request" is
 * one undo, not eleven). A robot or trigger edit counts as typing when exactly one
 * of its text values changed (`present` is the model before the edit). Other edits
 * have no key and always make their own step.
 *
 * @example coalesceKey({ type: 'renameStage', pipeline: 'sales', stage: 'new', name: 'N' }) // 'renameStage:sales/new'
 */
export function coalesceKey(action: ModelAction, present?: AutomationModel): string | undefined {
  switch (action.type) {
    case 'updateRobot': {
      const before = present && findRobot(present, action.robot.id)?.robot;
      const path = before ? textChangePath(before, action.robot) : null;
      return path === null ? undefined : `robot:${action.robot.id}${path}`;
    }
    case 'updateTrigger': {
      const before = present && findTrigger(present, action.trigger.id);
      const path = before ? textChangePath(before, action.trigger) : null;
      return path === null ? undefined : `trigger:${action.trigger.id}${path}`;
    }
    case 'renameModel':
      return 'renameModel';
    case 'renamePipeline':
      return `renamePipeline:${action.pipeline}`;
    case 'renameStage':
      return `renameStage:${action.pipeline}/${action.stage}`;
    case 'updateStage':
      return action.patch.name !== undefined && Object.keys(action.patch).length === 1
        ? `renameStage:${action.pipeline}/${action.stage}`
        : undefined;
    default:
      return undefined;
  }
}
