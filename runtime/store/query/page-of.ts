import { DEFAULT_PAGE_LIMIT, type Page, type SortOrder } from '../../domain/page.js';
import { compareTuples } from './compare-tuples.js';
import { decodeCursor, encodeCursor, type SortTuple } from './cursor.js';

export interface PageSpec {
  /** What the cursor pages (collection, or records with their sort field). */
  tag: string;
  /** Values in the tuple (sort fields + key). */
  arity: number;
  limit?: number;
  cursor?: string | null;
  order?: SortOrder;
}

/**
 * One page of `candidates` (already filtered), each with its sort tuple ending in its
 * key: sorted, started after the cursor, cut at the limit. Memory-store paging; an
 * index can hand in candidates already in order.
 */
export function pageOf<T>(
  candidates: Iterable<{ tuple: SortTuple; doc: T }>,
  spec: PageSpec,
): Page<T> {
  const limit = spec.limit ?? DEFAULT_PAGE_LIMIT;
  const sign = spec.order === 'desc' ? -1 : 1;
  const after =
    spec.cursor === undefined || spec.cursor === null || spec.cursor === ''
      ? undefined
      : decodeCursor(spec.cursor, spec.tag, spec.arity);
  const rows: Array<{ tuple: SortTuple; doc: T }> = [];
  for (const row of candidates)
    if (after === undefined || sign * compareTuples(row.tuple, after) > 0) rows.push(row);
  rows.sort((a, b) => sign * compareTuples(a.tuple, b.tuple));
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const more = rows.length > limit && last !== undefined;
  return {
    items: items.map((r) => r.doc),
    nextCursor: more ? encodeCursor(spec.tag, last.tuple) : null,
  };
}
