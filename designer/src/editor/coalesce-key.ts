import type { ModelAction } from './model-action.js';

/**
 * Renames arrive once per keystroke; consecutive renames of the same thing share a
 * key so the history keeps them as one step (typing "New request" is one undo, not
 * eleven). Other edits have no key and always make their own step.
 *
 * @example coalesceKey({ type: 'renameStage', pipeline: 'sales', stage: 'new', name: 'N' }) // 'renameStage:sales/new'
 */
export function coalesceKey(action: ModelAction): string | undefined {
  switch (action.type) {
    case 'renameModel':
      return 'renameModel';
    case 'renamePipeline':
      return `renamePipeline:${action.pipeline}`;
    case 'renameStage':
      return `renameStage:${action.pipeline}/${action.stage}`;
    case 'updateStage':
      return action.patch.name !== undefined && Object.keys(action.patch).length === 1
        ? `renameStage:${action.pipeline}/${action.stage}`
        : undefined;
    default:
      return undefined;
  }
}
