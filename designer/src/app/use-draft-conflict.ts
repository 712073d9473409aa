import { useState } from 'react';
import type { AutomationModel } from '../../../schemas/index.js';
import { diffModels, type ModelDiffEntry } from '../../../schemas/diff/diff-models.js';
import type { ApiClient } from '../api/api-types.js';
import type { CanvasOverlay } from '../versions/canvas-overlay.js';
import { diffMarks } from '../versions/diff-marks.js';
import { nodeLabel } from '../versions/node-label.js';
import type { useAutosave } from './use-autosave.js';

type Autosave = ReturnType<typeof useAutosave>;

/**
 * The three ways out of a save conflict: reload the other draft (dropping the edit here),
 * compare (their draft read-only on the canvas, the diff to this one as a list), or
 * overwrite it with this one.
 */
export function useDraftConflict(p: {
  api: ApiClient;
  model: AutomationModel;
  autosave: Autosave;
  replace: (m: AutomationModel) => void;
  setOverlay: (o: CanvasOverlay | null) => void;
  onError: (message: string) => void;
}) {
  const [comparing, setComparing] = useState<{
    entries: ModelDiffEntry[];
    labelOf: (id: string) => string | undefined;
  } | null>(null);
  const fail = (e: unknown) => p.onError(e instanceof Error ? e.message : String(e));
  const close = () => {
    setComparing(null);
    p.setOverlay(null);
  };
  return {
    comparing,
    reload: async () => {
      try {
        const theirs = await p.api.getModel(p.model.id);
        close();
        p.autosave.markSaved(theirs.model, theirs.etag);
        p.replace(theirs.model);
      } catch (e) {
        fail(e);
      }
    },
    compare: async () => {
      if (comparing) return close();
      try {
        const theirs = (await p.api.getModel(p.model.id)).model;
        const mine = p.model;
        const entries = diffModels(theirs, mine);
        setComparing({
          entries,
          labelOf: (id) => nodeLabel(mine, id) ?? nodeLabel(theirs, id),
        });
        p.setOverlay({ model: theirs, marks: diffMarks(entries, 'before') });
      } catch (e) {
        fail(e);
      }
    },
    overwrite: async () => {
      const s = p.autosave.state;
      close();
      await p.autosave.overwrite(s.status === 'conflict' ? s.etag : undefined);
    },
  };
}
