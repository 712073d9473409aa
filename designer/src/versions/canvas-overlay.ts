import type { AutomationModel } from '../../../schemas/index.js';
import type { NodeMark } from '../canvas/node-mark.js';

/**
 * What a side panel lays over the canvas: marks by node id and, for a version diff,
 * another model to show read-only instead of the draft.
 */
export interface CanvasOverlay {
  readonly marks: ReadonlyMap<string, NodeMark>;
  readonly model?: AutomationModel;
}
