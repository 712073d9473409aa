import { useEffect, useLayoutEffect, useRef } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import type { AutomationModel } from '../../../schemas/index.js';
import { initialViewport, READABLE_ZOOM } from './initial-viewport.js';
import type { NodeMark } from './node-mark.js';
import { viewTargets } from './view-targets.js';

/** Waits for the drawer's height to settle (content loads, user drags) before moving. */
const SETTLE_MS = 120;

/**
 * Re-frames the canvas when its size changes after the first view: the marked or selected
 * nodes are fitted (never below the readable zoom), or, with nothing to point at, the model
 * is placed as on opening. Without this a drawer that opens under the canvas hides part of
 * the pipeline and one that closes leaves empty space.
 */
export function useKeepInView(
  model: AutomationModel,
  selected: readonly string[],
  marks: ReadonlyMap<string, NodeMark> | undefined,
): void {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const last = useRef<{ width: number; height: number } | null>(null);
  // Read at fire time, so an edit does not re-frame: only a size change does.
  const latest = useRef({ model, selected, marks });
  useLayoutEffect(() => {
    latest.current = { model, selected, marks };
  });

  useEffect(() => {
    if (width <= 0 || height <= 0) return;
    const before = last.current;
    last.current = { width, height };
    if (!before || (before.width === width && before.height === height)) return;
    const timer = setTimeout(() => {
      const { model, selected, marks } = latest.current;
      const ids = viewTargets(selected, marks).filter((id) => flow.getNode(id));
      if (ids.length > 0)
        void flow.fitView({
          nodes: ids.map((id) => ({ id })),
          duration: 200,
          minZoom: READABLE_ZOOM,
          maxZoom: Math.max(flow.getZoom(), READABLE_ZOOM),
          padding: 0.15,
        });
      else void flow.setViewport(initialViewport(model, { width, height }), { duration: 200 });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [width, height, flow]);
}
