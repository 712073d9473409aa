import { useEffect, useRef, useState } from 'react';
import type { AutomationModel } from '../../../schemas/index.js';
import type { ApiClient } from '../api/api-types.js';

export type SaveState =
  { status: 'saved' | 'saving' | 'unsaved' } | { status: 'failed'; message: string };

/**
 * Saves the draft to the runtime (PUT) shortly after each change; drafts never live
 * only in the browser. `flush` saves now (before publishing, export of the rule set).
 */
export function useAutosave(api: ApiClient, model: AutomationModel, delayMs = 600) {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const saved = useRef(model);
  const pending = useRef<Promise<void> | null>(null);
  const latest = useRef(model);
  useEffect(() => {
    latest.current = model;
  }, [model]);

  const save = async (): Promise<void> => {
    const m = latest.current;
    if (m === saved.current) return;
    setState({ status: 'saving' });
    try {
      await api.saveModel(m);
      saved.current = m;
      setState(latest.current === m ? { status: 'saved' } : { status: 'unsaved' });
    } catch (e) {
      setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  useEffect(() => {
    if (model === saved.current) return;
    setState({ status: 'unsaved' });
    const id = setTimeout(() => {
      pending.current = (pending.current ?? Promise.resolve()).then(save);
    }, delayMs);
    return () => clearTimeout(id);
    // save reads refs only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, delayMs]);

  const flush = async () => {
    await pending.current;
    await save();
  };
  return { state, flush, markSaved: (m: AutomationModel) => (saved.current = m) };
}
