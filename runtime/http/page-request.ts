import { DEFAULT_PAGE_LIMIT, type PageRequest } from '../domain/page.js';

/**
 * The paging part of a validated query (`PageQueryProperties`: `limit` is 1-1000 digits,
 * `cursor` base64url), as the store takes it.
 */
export function pageRequest(query: Record<string, unknown>): PageRequest {
  const limit = typeof query.limit === 'string' ? Number(query.limit) : DEFAULT_PAGE_LIMIT;
  const cursor = typeof query.cursor === 'string' ? query.cursor : null;
  return { limit, cursor };
}

/** The query without its paging parameters: the filter. */
export function filterOf(query: Record<string, unknown>): Record<string, string> {
  const { limit: _l, cursor: _c, ...rest } = query;
  return rest as Record<string, string>;
}
