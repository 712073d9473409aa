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

interface Row<T> {
  tuple: SortTuple;
  doc: T;
}

/**
 * One page of `candidates` (already filtered), each with its sort tuple ending in its
 * key: started after the cursor, in order, cut at the limit. The candidates are not
 * sorted whole: only the first `limit + 1` in order are kept while they stream by (a
 * page of 100 of a stage's 25,000 deals keeps 101 rows, and most candidates are
 * refused with one comparison against the last kept one).
 */
export function pageOf<T>(candidates: Iterable<Row<T>>, spec: PageSpec): Page<T> {
  const limit = spec.limit ?? DEFAULT_PAGE_LIMIT;
  const sign = spec.order === 'desc' ? -1 : 1;
  const after =
    spec.cursor === undefined || spec.cursor === null || spec.cursor === ''
      ? undefined
      : decodeCursor(spec.cursor, spec.tag, spec.arity);
  const cmp = (a: Row<T>, b: Row<T>): number => sign * compareTuples(a.tuple, b.tuple);
  // The first `keep` rows in page order, sorted: one more than the page tells if there are more.
  const keep = limit + 1;
  const rows: Array<Row<T>> = [];
  for (const row of candidates) {
    if (after !== undefined && sign * compareTuples(row.tuple, after) <= 0) continue;
    if (rows.length === keep && cmp(row, rows[keep - 1] as Row<T>) >= 0) continue;
    // Binary search for its place among the kept rows.
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(rows[mid] as Row<T>, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    rows.splice(lo, 0, row);
    if (rows.length > keep) rows.pop();
  }
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const more = rows.length > limit && last !== undefined;
  return {
    items: items.map((r) => r.doc),
    nextCursor: more ? encodeCursor(spec.tag, last.tuple) : null,
  };
}
