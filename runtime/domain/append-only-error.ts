import type { CollectionName } from './collections.js';

/**
 * A batch tried to update an append-only collection (a `put`, or an `append` on a key
 * that exists): a bug in the caller; the whole batch is refused.
 */
export class AppendOnlyError extends Error {
  constructor(
    readonly collection: CollectionName,
    readonly key: string,
  ) {
    super(`${collection} is append-only: ${key} cannot be replaced`);
    this.name = 'AppendOnlyError';
  }
}
