import { useEffect, useMemo, useState } from 'react';
import {
  analyzeModel,
  type AutomationModel,
  type Diagnostic,
  type Directory,
} from '../../../schemas/index.js';

/**
 * Analyzer findings for the model, recomputed off the typing path: only after the
 * model has been still for `delayMs`, and memoized per model object.
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
  return useMemo(() => analyzeModel(settled, { directory }), [settled, directory]);
}
