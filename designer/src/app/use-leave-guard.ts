import { useEffect, useRef } from 'react';
import type { SaveState } from './use-autosave.js';

/**
 * Guards unsaved work as the page goes: the browser asks before leaving while the
 * draft is not saved, and hiding the page (tab switch, reload, close) sends the edit at
 * once (`onHide`) instead of waiting for autosave's delay.
 */
export function useLeaveGuard(state: SaveState, onHide: () => void): void {
  const latest = useRef({ state, onHide });
  useEffect(() => {
    latest.current = { state, onHide };
  });
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      latest.current.onHide();
      if (latest.current.state.status === 'saved') return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    const pageHide = () => latest.current.onHide();
    const visibility = () => {
      if (document.visibilityState === 'hidden') latest.current.onHide();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', pageHide);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', pageHide);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, []);
}
