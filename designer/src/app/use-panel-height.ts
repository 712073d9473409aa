import { useState } from 'react';

/**
 * A panel height the admin chose, kept in localStorage under `key` (a UI preference,
 * not a document); `initial` 0 means "as high as its content".
 */
export function usePanelHeight(key: string, initial: number): [number, (h: number) => void] {
  const [height, setHeight] = useState(() => {
    try {
      const v = Number(localStorage.getItem(key));
      return Number.isFinite(v) && v >= 40 ? v : initial;
    } catch {
      return initial;
    }
  });
  const set = (h: number) => {
    setHeight(h);
    try {
      localStorage.setItem(key, String(h));
    } catch {
      // kept for this page only
    }
  };
  return [height, set];
}
