import type { AutomationModel } from '../../../schemas/index.js';
import type { CanvasOverlay } from '../versions/canvas-overlay.js';

export interface SimulationPanelProps {
  readonly model: AutomationModel;
  readonly onOverlay: (overlay: CanvasOverlay | null) => void;
  readonly onModelChange: (model: AutomationModel) => void;
}

/** Placeholder until the panel lands. */
export function SimulationPanel(_p: SimulationPanelProps) {
  return null;
}
