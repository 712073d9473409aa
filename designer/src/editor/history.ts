import type { AutomationModel } from '../../../schemas/index.js';
import type { ModelAction } from './model-action.js';
import { applyModelAction } from './apply-model-action.js';
import { coalesceKey } from './coalesce-key.js';
import { carryOutcomes, isOutcomeOnlyChange } from './outcome-only-change.js';

const LIMIT = 200;

/** The model being edited with its undo and redo stacks. */
export interface EditorState {
  readonly past: readonly AutomationModel[];
  readonly present: AutomationModel;
  readonly future: readonly AutomationModel[];
  /** Coalescing key of the edit that made `present` (see `coalesceKey`). */
  readonly lastKey?: string | undefined;
}

export type EditorAction =
  | ModelAction
  | { type: 'undo' }
  | { type: 'redo' }
  /** Loads a model (opening, reloading): not an edit, clears history. */
  | { type: 'load'; model: AutomationModel };

/** Starts a history at a model. */
export function initEditor(model: AutomationModel): EditorState {
  return { past: [], present: model, future: [] };
}

/**
 * The editor reducer: every model action becomes one undoable step (a no-op edit
 * records nothing; keystrokes of one rename merge into one step), `undo`/`redo`
 * walk the stacks.
 *
 * @example editorReducer(state, { type: 'undo' })
 */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return {
        past: state.past.slice(0, -1),
        present: previous,
        future: [state.present, ...state.future],
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { past: [...state.past, state.present], present: next, future: rest };
    }
    case 'load':
      return initEditor(action.model);
    default: {
      const present = applyModelAction(state.present, action);
      if (present === state.present || JSON.stringify(present) === JSON.stringify(state.present))
        return state;
      if (isOutcomeOnlyChange(state.present, present))
        return {
          ...state,
          past: state.past.map((m) => carryOutcomes(m, present)),
          present,
          future: state.future.map((m) => carryOutcomes(m, present)),
        };
      const key = coalesceKey(action, state.present);
      if (key !== undefined && key === state.lastKey && state.future.length === 0)
        return { ...state, present, lastKey: key };
      return {
        past: [...state.past, state.present].slice(-LIMIT),
        present,
        future: [],
        lastKey: key,
      };
    }
  }
}
