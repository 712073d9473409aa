import type { Edge, Node } from '@xyflow/react';
import type { EntityType, Pipeline, Robot, Stage, Trigger } from '../../../schemas/index.js';
import type { NodeMark } from './node-mark.js';

/** Error and warning counts badged on a node. */
export interface NodeIssues {
  readonly errors: number;
  readonly warnings: number;
  readonly messages: readonly string[];
}

export type LaneNodeData = { pipeline: Pipeline; width: number; height: number };
export type StageNodeData = {
  pipeline: string;
  entity: EntityType;
  stage: Stage;
  index: number;
  issues?: NodeIssues;
  mark?: NodeMark;
};
export type RobotNodeData = {
  pipeline: string;
  stage: string;
  entity: EntityType;
  robot: Robot;
  order: number;
  issues?: NodeIssues;
  mark?: NodeMark;
  /** What it does and when, in the UI language (see `labelNodes`); computed from context when absent. */
  text?: { action: string; timing: string; condition?: string };
};
export type TriggerNodeData = {
  pipeline: string;
  stage: string;
  trigger: Trigger;
  issues?: NodeIssues;
  mark?: NodeMark;
  /** Its event, in the UI language (see `labelNodes`); computed from context when absent. */
  text?: string;
  /** Its condition in a few words (see `labelNodes`). */
  conditionText?: string;
};

export type LaneNode = Node<LaneNodeData, 'lane'>;
export type StageNode = Node<StageNodeData, 'stage'>;
export type RobotNode = Node<RobotNodeData, 'robot'>;
export type TriggerNode = Node<TriggerNodeData, 'trigger'>;
export type FlowNode = LaneNode | StageNode | RobotNode | TriggerNode;

export type FlowEdgeKind = 'change_stage' | 'create_linked_record' | 'linked_record_stage';
export type FlowEdge = Edge<{ kind: FlowEdgeKind }>;
