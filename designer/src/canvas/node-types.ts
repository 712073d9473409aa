import type { NodeTypes } from '@xyflow/react';
import { LaneNodeView } from './lane-node.js';
import { StageNodeView } from './stage-node.js';
import { RobotNodeView } from './robot-node.js';
import { TriggerNodeView } from './trigger-node.js';

/** Declared once at module scope so React Flow never remounts nodes. */
export const NODE_TYPES: NodeTypes = {
  lane: LaneNodeView,
  stage: StageNodeView,
  robot: RobotNodeView,
  trigger: TriggerNodeView,
};
