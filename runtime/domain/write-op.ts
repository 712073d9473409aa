import type { AppendOnlyCollection, CollectionName, CollectionTypes } from './collections.js';

/**
 * One write of a batch; a batch is applied all at once or not at all.
 *
 * - `put` creates or replaces a document. Refused on append-only collections.
 * - `delete` removes it (absent: nothing happens).
 * - `append` adds a document to an append-only collection; the key must be new.
 * - `expectRevision` makes a put or delete conditional: the stored document's revision
 *   (0 when it has none) must equal it, and `null` means the key must not exist. When
 *   any condition of a batch fails, the whole batch is refused with a
 *   `RevisionConflictError` and nothing is applied.
 */
export type WriteOp =
  | {
      [C in CollectionName]:
        | {
            op: 'put';
            collection: C;
            key: string;
            value: CollectionTypes[C];
            expectRevision?: number | null;
          }
        | { op: 'delete'; collection: C; key: string; expectRevision?: number | null };
    }[CollectionName]
  | {
      [C in AppendOnlyCollection]: {
        op: 'append';
        collection: C;
        key: string;
        value: CollectionTypes[C];
      };
    }[AppendOnlyCollection];
