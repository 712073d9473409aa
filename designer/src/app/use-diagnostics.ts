import { useEffect, useMemo, useState } from 'react';
import {
  analyzeModel,
  type AutomationModel,
  type Diagnostic,
  type Directory,
} from '../../../schemas/index.js';
import { analyzeInWorker, CAN_ANALYZE_IN_WORKER } from './analyze-in-worker.js';

/**
 * Analyzer findings for the model, recomputed off the typing path: only after the
 * model has been still for `delayMs`, and in a worker where there is one (in the
 * page's thread, memoized per model object, elsewhere: jsdom, old browsers).
 */
export function useDiagnostics(
  model: AutomationModel,
  directory: Directory,
  delayMs = 250,
): readonly Diagnostic[] {
  const [settled, setSettled] = useState(model);
  useEffect(() => {
    const id = setTimeout(() => setSettled(model), delayMs);
    return () => clearTimeout(id);
  }, [model, delayMs]);

  const inPage = useMemo(
    () => (CAN_ANALYZE_IN_WORKER ? null : analyzeModel(settled, { directory })),
    [settled, directory],
  );
  const [fromWorker, setFromWorker] = useState<readonly Diagnostic[]>([]);
  useEffect(() => {
    if (!CAN_ANALYZE_IN_WORKER) return;
    let live = true;
    // Same findings as before (the usual case while typing): keep the old array, so
    // the canvas is not re-derived for nothing.
    const keep = (d: readonly Diagnostic[]) =>
      setFromWorker((previous) => (JSON.stringify(previous) === JSON.stringify(d) ? previous : d));
    analyzeInWorker(settled, directory).then(
      (d) => live && keep(d),
      // No worker after all (blocked by policy): analyze here.
      () => live && keep(analyzeModel(settled, { directory })),
    );
    return () => {
      live = false;
    };
  }, [settled, directory]);
  return inPage ?? fromWorker;
}
