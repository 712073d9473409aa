import type { CollectionFilters } from './collection-filters.js';
import type { CollectionName, CollectionTypes } from './collections.js';
import type { Store } from './store-port.js';

/**
 * Every document matching `filter`, read page by page. Only for results bounded by
 * something outside the store's size (one person's sessions and tokens, the accounts of
 * a directory); anything that grows with records is paged to the caller instead.
 */
export async function readAllPages<C extends CollectionName>(
  store: Store,
  collection: C,
  filter: CollectionFilters[C],
): Promise<Array<CollectionTypes[C]>> {
  const out: Array<CollectionTypes[C]> = [];
  let cursor: string | undefined;
  do {
    const page = await store.query(collection, filter, { limit: 1000, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
}
