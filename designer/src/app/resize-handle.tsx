import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A horizontal splitter above a bottom panel: drag it (or focus it and use the arrow
 * keys) to change the panel's height, within `min`..`max` pixels.
 */
export function ResizeHandle(p: {
  height: number;
  min: number;
  max: () => number;
  onResize: (height: number) => void;
  controls: string;
}) {
  const { t } = useTranslation();
  const start = useRef<{ y: number; h: number } | null>(null);
  const clamp = (h: number) => Math.round(Math.max(p.min, Math.min(p.max(), h)));
  // Until the admin resizes it (height 0) the panel is as high as its content.
  const current = () =>
    p.height || (document.getElementById(p.controls)?.getBoundingClientRect().height ?? p.min);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    start.current = { y: e.clientY, h: current() };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (start.current) p.onResize(clamp(start.current.h + start.current.y - e.clientY));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 20;
    if (e.key === 'ArrowUp') p.onResize(clamp(current() + step));
    else if (e.key === 'ArrowDown') p.onResize(clamp(current() - step));
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('panels.resize')}
      aria-controls={p.controls}
      aria-valuenow={Math.round(p.height || p.min)}
      aria-valuemin={p.min}
      aria-valuemax={p.max()}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (start.current = null)}
      onKeyDown={onKeyDown}
      data-testid={`resize-${p.controls}`}
    />
  );
}

/**
 * The most the bottom panel with id `id` may take: the canvas keeps at
 * least `keep` pixels (it is never squeezed to a strip).
 */
export function maxPanelHeight(id: string, keep = 360): number {
  const canvas = document.querySelector('.canvas-area')?.getBoundingClientRect().height ?? keep;
  const current = document.getElementById(id)?.getBoundingClientRect().height ?? 0;
  return Math.max(80, current + canvas - keep);
}
