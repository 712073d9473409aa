import { useCallback } from 'react';
import type { ActionType, TriggerType } from '../../../schemas/index.js';
import type { EditorContextValue } from '../editor/editor-context.js';
import { robotNodeId, triggerNodeId } from '../editor/node-ids.js';
import { newRobot, newTrigger } from './new-node.js';

/** Places a palette item (`action:<type>` / `trigger:<type>`) on a stage and selects it. */
export function usePlaceItemFor({ model, dispatch, directory, select }: EditorContextValue) {
  return useCallback(
    (item: string, pipeline: string, stage: string) => {
      const [kind, type] = item.split(':');
      if (kind === 'action') {
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
    [model, dispatch, directory, select],
  );
}
