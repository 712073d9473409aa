import { useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import type { AutomationModel, Directory } from '../../schemas/index.js';
import { EditorProvider } from '../../designer/src/editor/editor-context.js';
import { editorReducer, initEditor } from '../../designer/src/editor/history.js';
import { mergeDirectory } from '../../designer/src/editor/merge-directory.js';
import { STORY_DIRECTORY } from './fixtures.js';

/**
 * A live editor context around a story: the real `editorReducer` (undo included) over
 * `initial`, so forms really edit; `onModelChange` sees every new model (play functions
 * assert on it) and `onSelect` hears what forms select (e.g. null after a delete).
 */
export function EditorHarness({
  initial,
  onModelChange,
  onSelect,
  directory = STORY_DIRECTORY,
  children,
}: {
  initial: AutomationModel;
  onModelChange?: (model: AutomationModel) => void;
  onSelect?: (nodeId: string | null) => void;
  directory?: Directory;
  children: ReactNode | ((model: AutomationModel) => ReactNode);
}) {
  const [state, dispatch] = useReducer(editorReducer, initial, initEditor);
  const model = state.present;
  const first = useRef(model);
  useEffect(() => {
    if (model !== first.current) onModelChange?.(model);
  }, [model, onModelChange]);
  const value = useMemo(
    () => ({
      model,
      dispatch,
      directory: mergeDirectory(directory, model.directory),
      select: (nodeId: string | null) => onSelect?.(nodeId),
    }),
    [model, directory, onSelect],
  );
  return (
    <EditorProvider value={value}>
      {typeof children === 'function' ? children(model) : children}
    </EditorProvider>
  );
}
