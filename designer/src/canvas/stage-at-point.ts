import type { AutomationModel } from '../../../schemas/index.js';
import { COLUMN_WIDTH, LANE_HEADER_WIDTH, laneGeometry } from './lane-geometry.js';

/** The stage whose column (within its lane) contains a canvas point, for palette drops. */
export function stageAtPoint(
  model: AutomationModel,
  point: { x: number; y: number },
): { pipeline: string; stage: string } | null {
  const lanes = laneGeometry(model);
  for (const [i, lane] of lanes.entries()) {
    if (point.y < lane.y || point.y > lane.y + lane.height) continue;
    const col = Math.floor((point.x - lane.x - LANE_HEADER_WIDTH) / COLUMN_WIDTH);
    const pipeline = model.pipelines[i];
    const stage = pipeline?.stages[col];
    if (pipeline && stage) return { pipeline: pipeline.key, stage: stage.key };
  }
  return null;
}
