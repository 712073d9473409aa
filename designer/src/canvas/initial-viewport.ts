import type { AutomationModel } from '../../../schemas/index.js';
import { laneGeometry } from './lane-geometry.js';

/**
 * Below this zoom the 11 px node text drops under 9 px on screen, which is where
 * it stops being readable; opening a large model must not go below it.
 */
export const READABLE_ZOOM = 0.8;
const MAX_OPEN_ZOOM = 1;
const PADDING = 24;

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * Where the canvas opens: the whole model centred when it fits at a readable zoom,
 * otherwise its top-left corner (the first stages of the first lane, where a reader
 * starts) at `READABLE_ZOOM`, leaving the rest to panning and the minimap.
 *
 * @example initialViewport(model, { width: 1200, height: 700 }) // { x: 24, y: 24, zoom: 0.8 }
 */
export function initialViewport(
  model: AutomationModel,
  size: { width: number; height: number },
): Viewport {
  const lanes = laneGeometry(model);
  if (lanes.length === 0 || size.width <= 0 || size.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const left = Math.min(...lanes.map((l) => l.x));
  const top = Math.min(...lanes.map((l) => l.y));
  const right = Math.max(...lanes.map((l) => l.x + l.width));
  const bottom = Math.max(...lanes.map((l) => l.y + l.height));
  const w = right - left;
  const h = bottom - top;
  const fit = Math.min((size.width - 2 * PADDING) / w, (size.height - 2 * PADDING) / h);
  if (fit >= READABLE_ZOOM) {
    const zoom = Math.min(fit, MAX_OPEN_ZOOM);
    return {
      x: (size.width - w * zoom) / 2 - left * zoom,
      y: (size.height - h * zoom) / 2 - top * zoom,
      zoom,
    };
  }
  return {
    x: PADDING - left * READABLE_ZOOM,
    y: PADDING - top * READABLE_ZOOM,
    zoom: READABLE_ZOOM,
  };
}
