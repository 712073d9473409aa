import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionType, TriggerType } from '../../../schemas/index.js';
import type { EditorContextValue } from '../editor/editor-context.js';
import { robotNodeId, triggerNodeId } from '../editor/node-ids.js';
import { newRobot, newTrigger } from './new-node.js';
import { handOff } from './hand-off.js';

/** The palette's one-step hand-off (robot + return trigger). */
export const HAND_OFF_ITEM = 'combo:handoff';

/**
 * Places a palette item (`action:<type>` / `trigger:<type>` / `combo:handoff`) on a
 * stage and selects it.
 */
export function usePlaceItemFor({ model, dispatch, directory, select }: EditorContextValue) {
  const { t } = useTranslation();
  return useCallback(
    (item: string, pipeline: string, stage: string) => {
      const [kind, type] = item.split(':');
      if (item === HAND_OFF_ITEM) {
        const done = handOff(model, { pipeline, stage }, directory, {
          newPipeline: t('lane.newPipeline'),
          newStage: t('lane.newStage'),
          robot: (target) => t('handoff.robotName', { pipeline: target }),
          trigger: (source, s) => t('handoff.triggerName', { pipeline: source, stage: s }),
        });
        if (!done) return;
        dispatch({ type: 'replaceModel', model: done.model });
        select(robotNodeId(done.robotId));
      } else if (kind === 'action') {
        const robot = newRobot(model, type as ActionType, { pipeline, stage }, directory);
        if (!robot) return;
        dispatch({ type: 'addRobot', pipeline, stage, robot });
        select(robotNodeId(robot.id));
      } else if (kind === 'trigger') {
        const trigger = newTrigger(model, type as TriggerType, { pipeline, stage });
        if (!trigger) return;
        dispatch({ type: 'addTrigger', pipeline, stage, trigger });
        select(triggerNodeId(trigger.id));
      }
    },
    [model, dispatch, directory, select, t],
  );
}
