import type { AutomationModel } from '../../../schemas/index.js';
import { pipelineNodeId } from '../editor/node-ids.js';

export const LANE_HEADER_WIDTH = 180;
export const STAGE_WIDTH = 220;
export const STAGE_HEIGHT = 76;
export const COLUMN_WIDTH = 260;
export const ROBOT_HEIGHT = 86;
export const TRIGGER_HEIGHT = 46;
export const ROW_GAP = 10;
export const LANE_PADDING = 16;
export const LANE_GAP = 40;

export interface LaneGeometry {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Top of the stage row, relative to the lane. */
  readonly stageY: number;
}

/**
 * Where each pipeline lane sits and how big it is. A lane's origin comes from
 * `layout.nodes["pipeline:<key>"]` when the admin moved it, else lanes stack
 * downwards; everything inside a lane (stages in order, triggers above, robots
 * below in execution order) is placed from the model's order, so reordering in
 * the model is reordering on the canvas.
 */
export function laneGeometry(model: AutomationModel): LaneGeometry[] {
  let nextY = 0;
  return model.pipelines.map((p) => {
    const maxTriggers = Math.max(0, ...p.stages.map((s) => s.triggers.length));
    const maxRobots = Math.max(0, ...p.stages.map((s) => s.robots.length));
    const stageY = LANE_PADDING + 24 + maxTriggers * (TRIGGER_HEIGHT + ROW_GAP);
    const height =
      stageY + STAGE_HEIGHT + ROW_GAP + maxRobots * (ROBOT_HEIGHT + ROW_GAP) + LANE_PADDING + 34;
    const width = LANE_HEADER_WIDTH + p.stages.length * COLUMN_WIDTH + LANE_PADDING;
    const stored = model.layout?.nodes[pipelineNodeId(p.key)];
    const lane = {
      key: p.key,
      x: stored?.x ?? 0,
      y: stored?.y ?? nextY,
      width,
      height,
      stageY,
    };
    nextY = Math.max(nextY, lane.y + height + LANE_GAP);
    return lane;
  });
}

/** Column of a stage given an x relative to its lane (drop position -> index). */
export function columnAt(relativeX: number, stageCount: number): number {
  const raw = Math.round((relativeX - LANE_HEADER_WIDTH) / COLUMN_WIDTH);
  return Math.max(0, Math.min(stageCount - 1, raw));
}

/** Robot slot under a stage given a y relative to its lane. */
export function robotSlotAt(relativeY: number, lane: LaneGeometry, robotCount: number): number {
  const top = lane.stageY + STAGE_HEIGHT + ROW_GAP;
  const raw = Math.round((relativeY - top) / (ROBOT_HEIGHT + ROW_GAP));
  return Math.max(0, Math.min(robotCount, raw));
}
