import type { PointerEvent } from 'react';

/** React Flow's empty background: dragging it pans the view. */
const PANE_CLASS = 'react-flow__pane';

/**
 * Pointer-down handler for the canvas: a press on the empty pane captures the pointer
 * for the rest of the gesture, so the mouse moves of a pan go straight to the pane.
 * Uncaptured, Chromium hit-tests every move against each of the thousands of node
 * layers (3 ms or more per move with 1,000 robots, more than React Flow's own work).
 * Presses on nodes, handles and buttons are left alone: dragging and connecting them
 * need the element under the pointer.
 */
export function capturePanePointer(event: PointerEvent<HTMLElement>): void {
  const target = event.target;
  if (target instanceof Element && target.classList.contains(PANE_CLASS))
    target.setPointerCapture(event.pointerId);
}
