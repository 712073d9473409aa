import type { CollectionName } from './collections.js';

/**
 * A conditional write found another revision than it expected (someone else changed or
 * created the document first): the whole batch was refused, nothing was applied.
 * `actual` is the stored revision (null: the document does not exist).
 */
export class RevisionConflictError extends Error {
  constructor(
    readonly collection: CollectionName,
    readonly key: string,
    readonly expected: number | null,
    readonly actual: number | null,
  ) {
    super(`${collection}/${key}: expected revision ${String(expected)}, found ${String(actual)}`);
    this.name = 'RevisionConflictError';
  }
}
