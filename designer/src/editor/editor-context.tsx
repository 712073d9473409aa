import { createContext, useContext, type Dispatch, type ReactNode } from 'react';
import type { AutomationModel, Directory } from '../../../schemas/index.js';
import type { EditorAction } from './history.js';

export interface EditorContextValue {
  readonly model: AutomationModel;
  readonly dispatch: Dispatch<EditorAction>;
  /** The runtime's directory merged with the model's own. */
  readonly directory: Directory;
  readonly select: (nodeId: string | null) => void;
}

const EditorContext = createContext<EditorContextValue | null>(null);

/** Shares the edited model, its dispatcher and the directory with forms and nodes. */
export function EditorProvider({
  value,
  children,
}: {
  value: EditorContextValue;
  children: ReactNode;
}) {
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

/** The editor context (model, dispatch, directory). */
export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside EditorProvider');
  return value;
}
