import { useCallback } from 'react';
import { useStoreApi } from '@xyflow/react';

/** Class on the canvas while the view is panned or zoomed (see `.moving` in styles.css). */
export const MOVING_CLASS = 'moving';

/**
 * Handlers that mark the canvas as moving for the length of a pan or zoom. Zoomed out,
 * the viewport is then promoted to its own layer, so Chromium moves the drawn nodes
 * instead of repainting all of them on every frame (a fitted 1,000-robot model panned
 * at 32-46 fps that way). The class is set on the DOM node directly: a React state change
 * would re-render the canvas at the start and end of every gesture.
 */
export function useMovingClass(): { onMoveStart: () => void; onMoveEnd: () => void } {
  const store = useStoreApi();
  const onMoveStart = useCallback(
    () => store.getState().domNode?.classList.add(MOVING_CLASS),
    [store],
  );
  const onMoveEnd = useCallback(
    () => store.getState().domNode?.classList.remove(MOVING_CLASS),
    [store],
  );
  return { onMoveStart, onMoveEnd };
}
