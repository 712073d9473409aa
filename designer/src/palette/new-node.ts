import type {
  ActionType,
  AutomationModel,
  Directory,
  Robot,
  Trigger,
  TriggerType,
} from '../../../schemas/index.js';
import { ACTION_KINDS } from '../catalogue/action-kinds.js';
import { TRIGGER_KINDS } from '../catalogue/trigger-kinds.js';
import { makeKey } from '../editor/make-key.js';
import { takenNodeIds } from '../editor/model-index.js';

/** A fresh robot of a kind, with an id unique in the model. */
export function newRobot(
  model: AutomationModel,
  type: ActionType,
  where: { pipeline: string; stage: string },
  directory: Directory,
): Robot | null {
  const kind = ACTION_KINDS.find((k) => k.type === type);
  if (!kind) return null;
  const action = kind.create({
    ...where,
    user: directory.users[0]?.key ?? 'user',
    template: model.templates?.[0]?.key ?? 'template',
  });
  return { id: makeKey(type, takenNodeIds(model), 'robot'), timing: { kind: 'immediate' }, action };
}

/** A fresh trigger of a kind, with an id unique in the model. */
export function newTrigger(
  model: AutomationModel,
  type: TriggerType,
  where: { pipeline: string; stage: string },
): Trigger | null {
  const kind = TRIGGER_KINDS.find((k) => k.type === type);
  return kind ? kind.create(makeKey(type, takenNodeIds(model), 'trigger'), where) : null;
}
