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
import { linkSource, linkTarget } from '../catalogue/link-defaults.js';

/** A fresh robot of a kind, with an id unique in the model. */
export function newRobot(
  model: AutomationModel,
  type: ActionType,
  where: { pipeline: string; stage: string },
  directory: Directory,
): Robot | null {
  const kind = ACTION_KINDS.find((k) => k.type === type);
  if (!kind) return null;
  const created = kind.create({
    ...where,
    user: directory.users[0]?.key ?? 'user',
    template: model.templates?.[0]?.key ?? 'template',
  });
  // A linked record goes to another pipeline's first stage, not back into this one.
  const target = created.type === 'create_linked_record' ? linkTarget(model, where.pipeline) : null;
  const action =
    created.type === 'create_linked_record' && target
      ? { ...created, entity: target.entity, pipeline: target.pipeline, stage: target.stage }
      : created;
  return { id: makeKey(type, takenNodeIds(model), 'robot'), timing: { kind: 'immediate' }, action };
}

/** A fresh trigger of a kind, with an id unique in the model. */
export function newTrigger(
  model: AutomationModel,
  type: TriggerType,
  where: { pipeline: string; stage: string },
): Trigger | null {
  const kind = TRIGGER_KINDS.find((k) => k.type === type);
  if (!kind) return null;
  const trigger = kind.create(makeKey(type, takenNodeIds(model), 'trigger'), where);
  // Listens to the pipeline linked with this one; its own stage would be a CYCLE.
  const source = trigger.type === 'linked_record_stage' ? linkSource(model, where.pipeline) : null;
  return trigger.type === 'linked_record_stage' && source ? { ...trigger, ...source } : trigger;
}
