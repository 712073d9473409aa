import { useEffect } from 'react';

export interface Shortcuts {
  undo(): void;
  redo(): void;
  remove(): void;
  copy(): void;
  paste(): void;
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('.monaco-editor')
  );
}

/** Ctrl/Cmd+Z, Ctrl+Shift+Z / Ctrl+Y, Delete, Ctrl+C, Ctrl+V, except while typing in a field. */
export function useKeyboardShortcuts(s: Shortcuts): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingInto(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') (e.shiftKey ? s.redo : s.undo)();
      else if (mod && key === 'y') s.redo();
      else if (mod && key === 'c') s.copy();
      else if (mod && key === 'v') s.paste();
      else if (e.key === 'Delete' || e.key === 'Backspace') s.remove();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [s]);
}
