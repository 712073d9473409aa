import type { Robot, Stage, Trigger } from '../../schemas/index.js';
import type {
  NodeIssues,
  RobotNode,
  StageNode,
  TriggerNode,
} from '../../designer/src/canvas/flow-types.js';
import type { NodeMark } from '../../designer/src/canvas/node-mark.js';
import { robotNodeId, stageNodeId, triggerNodeId } from '../../designer/src/editor/node-ids.js';
import { STORY_PIPELINE, STORY_STAGE } from './fixtures.js';

/** The state a canvas node can be in, as story args. */
export interface NodeStateArgs {
  readonly selected?: boolean;
  readonly issues?: NodeIssues;
  readonly mark?: NodeMark;
}

export const WARNING: NodeIssues = {
  errors: 0,
  warnings: 1,
  messages: ['The robot is never reached: an earlier robot always moves the record on.'],
};
export const ERROR: NodeIssues = {
  errors: 2,
  warnings: 1,
  messages: ['Unknown field "budget"', 'Unknown user "nobody"', 'Condition is always false'],
};

/** A stage node of the workbench's sales pipeline, the way `toFlow` makes one. */
export function stageNode(stage: Stage, index: number, state: NodeStateArgs = {}): StageNode {
  return {
    id: stageNodeId(STORY_PIPELINE, stage.key),
    type: 'stage',
    position: { x: 0, y: 0 },
    selected: state.selected ?? false,
    data: { pipeline: STORY_PIPELINE, entity: 'deal', stage, index, ...state },
  };
}

/** A robot node under the story stage. */
export function robotNode(robot: Robot, order: number, state: NodeStateArgs = {}): RobotNode {
  return {
    id: robotNodeId(robot.id),
    type: 'robot',
    position: { x: 0, y: 0 },
    selected: state.selected ?? false,
    data: { pipeline: STORY_PIPELINE, stage: STORY_STAGE, entity: 'deal', robot, order, ...state },
  };
}

/** A trigger node above the story stage. */
export function triggerNode(trigger: Trigger, state: NodeStateArgs = {}): TriggerNode {
  return {
    id: triggerNodeId(trigger.id),
    type: 'trigger',
    position: { x: 0, y: 0 },
    selected: state.selected ?? false,
    data: { pipeline: STORY_PIPELINE, stage: STORY_STAGE, trigger, ...state },
  };
}
