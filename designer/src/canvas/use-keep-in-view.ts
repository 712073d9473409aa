import { useEffect, useLayoutEffect, useRef } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import type { AutomationModel } from '../../../schemas/index.js';
import { initialViewport, READABLE_ZOOM, type Viewport } from './initial-viewport.js';
import type { NodeMark } from './node-mark.js';
import { viewTargets } from './view-targets.js';

/** Waits for the drawer's height to settle (content loads, user drags) before moving. */
const SETTLE_MS = 120;

type Box = { x: number; y: number; width: number; height: number };

const sameViewport = (a: Viewport, b: Viewport) =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 0.001;

/** Whether a node (flow coordinates) lies wholly inside a canvas of `size` under `vp`. */
function visible(node: Box, vp: Viewport, size: { width: number; height: number }): boolean {
  const left = node.x * vp.zoom + vp.x;
  const top = node.y * vp.zoom + vp.y;
  return (
    left >= 0 &&
    top >= 0 &&
    left + node.width * vp.zoom <= size.width &&
    top + node.height * vp.zoom <= size.height
  );
}

/**
 * Re-frames the canvas when its size changes after the first view (a drawer under it opens,
 * closes or grows): marked or selected nodes that the new size hides are fitted again (never
 * below the readable zoom); with nothing to point at, a view still where it opened is placed
 * again as on opening. A camera the user moved, or targets still in view, stay put, so the
 * Problems list growing by a line after an edit does not move the canvas under the mouse.
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
      const vp = flow.getViewport();
      const nodes = viewTargets(selected, marks).flatMap((id) => {
        const n = flow.getInternalNode(id);
        return n ? [n] : [];
      });
      if (nodes.length > 0) {
        const hidden = nodes.some(
          (n) =>
            !visible(
              {
                ...n.internals.positionAbsolute,
                width: n.measured.width ?? 0,
                height: n.measured.height ?? 0,
              },
              vp,
              { width, height },
            ),
        );
        if (hidden)
          void flow.fitView({
            nodes: nodes.map((n) => ({ id: n.id })),
            duration: 200,
            minZoom: READABLE_ZOOM,
            maxZoom: Math.max(vp.zoom, READABLE_ZOOM),
            padding: 0.15,
          });
      } else if (sameViewport(vp, initialViewport(model, before))) {
        void flow.setViewport(initialViewport(model, { width, height }), { duration: 200 });
      }
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [width, height, flow]);
}
