import { SORT_KEYS } from '../../domain/collection-filters.js';
import type { CollectionName } from '../../domain/collections.js';
import type { SortTuple } from './cursor.js';

const valueAt = (doc: unknown, field: string): string | number | null => {
  const v = (doc as Record<string, unknown>)[field];
  return typeof v === 'string' || typeof v === 'number' ? v : null;
};

/** A document's place in its collection's order: its `SORT_KEYS` values, then its key. */
export function sortTupleOf(c: CollectionName, key: string, doc: unknown): SortTuple {
  return [...SORT_KEYS[c].map((f) => valueAt(doc, f)), key];
}

/** A record's place when sorted by `field` (createdAt, updatedAt), then id. */
export function recordTupleOf(field: string, key: string, doc: unknown): SortTuple {
  return [valueAt(doc, field), key];
}
