import { useEditor } from '../editor/editor-context.js';
import { usePlaceItemFor } from './use-place-item-for.js';

/** `usePlaceItemFor` with the editor from context. */
export function usePlaceItem() {
  return usePlaceItemFor(useEditor());
}
