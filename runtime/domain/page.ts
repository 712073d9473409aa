/** How many items a page holds when the caller does not say (every list route's default). */
export const DEFAULT_PAGE_LIMIT = 100;
/** The most a page may hold (larger `limit`s are refused at the HTTP boundary). */
export const MAX_PAGE_LIMIT = 1000;

export type SortOrder = 'asc' | 'desc';

/**
 * Which page of a query: at most `limit` items after the position `cursor` names (absent
 * or null: from the start). Cursors are opaque strings the store issued for the same
 * query; they stay valid when items are inserted between calls (each item is returned
 * once, in order).
 */
export interface PageRequest {
  limit?: number;
  cursor?: string | null;
  order?: SortOrder;
}

/** One page of a query; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
